"""A batch killed outright (kill -9) leaves no worker process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is a POSIX signal")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())  # a zombie has ended


def _kill_and_watch(script: str, workers: int = 2) -> list[int]:
    """Start ``script`` (it prints each worker's pid when the worker starts work), kill it
    with SIGKILL, return the workers still alive 5 s later."""
    pids: set[int] = set()
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                          cwd=ROOT, start_new_session=True) as process:
        try:
            pids = {int(process.stdout.readline()) for _ in range(workers)}
            assert len(pids) == workers and not pids & {os.getpid(), process.pid}
            assert all(_alive(pid) for pid in pids)
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
                time.sleep(0.05)
            return [pid for pid in pids if _alive(pid)]
        finally:
            for pid in pids:  # never leave a test's process behind, whatever happened
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)


def test_kill_9_of_a_batch_run_ends_its_workers(tmp_path: Path) -> None:
    register = tmp_path / "register"
    for n in range(4):
        (register / f"p{n}").mkdir(parents=True)
        (register / f"p{n}" / "iep.yaml").write_text(
            (ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8"), "utf-8")
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        import docgen.batch as batch
        def slow(root, relative, out_root):
            os.write(1, f"{{os.getpid()}}\\n".encode())  # one write: lines never interleave
            time.sleep(60)
        batch.process_one = slow  # workers are forked from here and inherit it
        batch.CHUNK = 1
        batch.run_batch(Path({str(register)!r}), Path({str(tmp_path / "out")!r}), jobs=2)
    """)
    assert _kill_and_watch(script) == []


@pytest.mark.parametrize(("method", "kernel"), [("fork", False), ("spawn", False),
                                                ("spawn", True)])
def test_workers_watch_their_parent_without_the_kernels_help(method: str, kernel: bool
                                                            ) -> None:
    """The portable watch alone (no PR_SET_PDEATHSIG), with fork and with spawn (Windows's
    and macOS's way of starting workers)."""
    script = textwrap.dedent(f"""
        import multiprocessing, os
        from concurrent.futures import ProcessPoolExecutor
        from docgen.workers import watch_parent
        from tests.batch.test_workers_end_with_the_run import report_and_wait
        if __name__ == "__main__":
            context = multiprocessing.get_context({method!r})
            pool = ProcessPoolExecutor(2, mp_context=context, initializer=watch_parent,
                                       initargs=(os.getpid(), {kernel}))
            futures = [pool.submit(report_and_wait) for _ in range(2)]
            futures[0].result()
    """)
    assert _kill_and_watch(script) == []


def report_and_wait() -> None:
    import time

    os.write(1, f"{os.getpid()}\n".encode())  # one write: two workers' lines never interleave
    time.sleep(60)
