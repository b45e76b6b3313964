"""The guards listed in test_posix_calls.GUARDED for issue 16's batch workers and the web
page's scratch folder, run as Windows (and macOS) would run them."""

from __future__ import annotations

import ctypes
import signal
import sys
import tempfile
import types
from pathlib import Path

import pytest

from docgen import workers
from docgen.web import scratch


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_workers_ask_the_kernel_only_on_linux(monkeypatch: pytest.MonkeyPatch,
                                              platform: str) -> None:
    def no_libc(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("prctl asked for off Linux")

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.delattr(signal, "SIGKILL")  # Windows has none
    monkeypatch.setattr(ctypes, "CDLL", no_libc)
    workers._die_with_parent()


def test_workers_on_linux_ask_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[object, ...]] = []

    class Libc:
        def prctl(self, *args: object) -> int:
            asked.append(args)
            return 0

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda *_a, **_k: Libc())
    workers._die_with_parent()
    assert asked == [(1, signal.SIGKILL, 0, 0, 0)]


def test_a_worker_without_its_parents_handle_on_windows_just_returns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_exit(_code: int) -> None:
        raise AssertionError("a Windows worker ended itself without its parent's handle")

    monkeypatch.setattr(workers.multiprocessing, "parent_process", lambda: None)
    monkeypatch.setattr(workers, "os", types.SimpleNamespace(name="nt", _exit=no_exit))
    workers._wait_for_parent(12345)


def test_the_scratch_folder_without_getuid_is_named_for_the_windows_user(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(scratch, "os", types.SimpleNamespace(environ={"USERNAME": "sjones"}))
    root = scratch._root()
    assert root == tmp_path / "docgen-web-sjones"
    assert root.is_dir()


def test_the_scratch_lock_on_windows_uses_msvcrt(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int, int]] = []
    msvcrt = types.ModuleType("msvcrt")
    msvcrt.LK_NBLCK, msvcrt.LK_UNLCK = 2, 0  # type: ignore[attr-defined]
    msvcrt.locking = lambda fd, mode, count: calls.append((fd, mode, count))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # importing it would fail, as on Windows
    monkeypatch.setattr(scratch, "os", types.SimpleNamespace(name="nt"))
    with (tmp_path / ".lock").open("a+b") as handle:
        handle.write(b"x")
        scratch._lock(handle)
        assert handle.tell() == 0  # msvcrt locks bytes from the current position
        scratch._unlock(handle)
        assert calls == [(handle.fileno(), 2, 1), (handle.fileno(), 0, 1)]
