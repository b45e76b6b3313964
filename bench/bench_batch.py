"""Batch throughput with 1 and 2 processes, peak memory, and `docgen --version` start-up.

Run: python bench/bench_batch.py [--docs 1000] [--rounds 3]
In process (run_batch, outputs on disk and on /dev/shm), then as a user runs it (the docgen
batch command in a fresh process, start-up included).
Each input is a copy of a sample IEP data file (2 documents each: the IEP and the leaflet).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.batch import run_batch  # noqa: E402


def make_inputs(folder: Path, documents: int) -> None:
    source = (ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8")
    for n in range(documents // 2):
        pupil = folder / f"pupil-{n:05d}"
        pupil.mkdir(parents=True)
        (pupil / "iep.yaml").write_text(source.replace("Tomos", f"Tomos{n}"), "utf-8")


def timed_batch(inputs: Path, jobs: int, where: str | None) -> tuple[float, int]:
    # The previous run's outputs were just deleted; on a disk mounted with 'discard' (this
    # machine's) the kernel trims their blocks at the next journal commit. Flush before the
    # clock starts so each run starts on a quiet disk rather than paying for the last one.
    os.sync()
    with tempfile.TemporaryDirectory(dir=where) as out:
        start = time.perf_counter()
        outcomes = run_batch(inputs, Path(out), jobs=jobs, force=True)
        elapsed = time.perf_counter() - start
    made = sum(len(o.written) for o in outcomes)
    return elapsed, made


def timed_command(inputs: Path, jobs: int, where: str | None) -> tuple[float, int]:
    """`docgen batch` as a user runs it: a fresh process, start-up and imports included."""
    os.sync()
    with tempfile.TemporaryDirectory(dir=where) as out:
        start = time.perf_counter()
        subprocess.run([*docgen_command(), "batch", str(inputs), "-o", out, "--jobs", str(jobs)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        made = sum(1 for _ in Path(out).rglob("*.docx"))
    return elapsed, made


def docgen_command() -> list[str]:
    docgen = shutil.which("docgen")
    return [docgen] if docgen else [sys.executable, "-m", "docgen"]


def version_time() -> float:
    command = [*docgen_command(), "--version"]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each kind, taking turns; the median is reported")
    args = parser.parse_args()
    # Outputs are written atomically (a temporary file and a rename each) and flushed to disk
    # once at the end, so the disk can limit how far processes scale; memory-backed /dev/shm
    # shows docgen's own CPU scaling.
    places = [("disk", None)] + ([("/dev/shm", "/dev/shm")] if Path("/dev/shm").is_dir() else [])
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder)
        make_inputs(inputs, args.docs)
        runners = [(label, where, timed_batch) for label, where in places]
        runners.append(("docgen batch command, /dev/shm" if len(places) > 1 else
                        "docgen batch command", places[-1][1], timed_command))
        for label, where, timed in runners:
            runs: dict[int, list[float]] = {1: [], 2: []}
            made = 0
            for _ in range(args.rounds):  # 1 and 2 processes take turns: load hits both alike
                for jobs in (1, 2):
                    elapsed, made = timed(inputs, jobs, where)
                    runs[jobs].append(elapsed)
            one, two = statistics.median(runs[1]), statistics.median(runs[2])
            ratios = [a / b for a, b in zip(runs[1], runs[2], strict=True)]
            spread = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"[{label}] {made} documents: 1 process {one:.2f} s ({made / one:.0f}/s), "
                  f"2 processes {two:.2f} s ({made / two:.0f}/s), scaling {one / two:.2f}x "
                  f"(medians of {args.rounds}; round by round {spread}; "
                  f"median round {statistics.median(ratios):.2f}x)")
        self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS, single process   {self_rss:.0f} MB")
    print(f"peak RSS, child processes  {child_rss:.0f} MB (largest worker or command)")
    print(f"docgen --version           {version_time():.3f} s")


if __name__ == "__main__":
    main()
