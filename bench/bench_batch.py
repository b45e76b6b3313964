"""Batch throughput with 1 and 2 processes, peak memory, and `docgen --version` start-up.

Run: python bench/bench_batch.py [--docs 1000] [--rounds 3] [--inputs yaml|forms]
     python bench/bench_batch.py --memory [--small 1000] [--large 20000]
In process (run_batch, outputs on disk and on /dev/shm), then as a user runs it (the docgen
batch command in a fresh process, start-up included).
Each input is a copy of a sample IEP data file, or (--inputs forms) the same data in a filled
Word form; 2 documents each: the IEP and the leaflet.

Scaling is shown beside a **control job** run in the same rounds: a CPU-bound loop done by one
process, then split between two processes running at once. Its scaling is what this machine
(its two virtual CPUs, and whatever else runs on it) gives two processes; the batch's scaling
is to be read against it, not against 2.0.

``--memory``: peak RSS of a batch of ``--small`` inputs and of ``--large`` inputs, each in a
fresh process, with one process and with two workers (the main process and the largest
worker apart), and the ratios large ÷ small.
"""

from __future__ import annotations

import argparse
import os
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


def make_inputs(folder: Path, documents: int, kind: str = "yaml") -> None:
    """One input per 2 documents: the sample IEP as a data file, or as a filled Word form."""
    source = (ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8")
    for n in range(documents // 2):
        pupil = folder / f"pupil-{n:05d}"
        pupil.mkdir(parents=True)
        text = source.replace("Tomos", f"Tomos{n}")
        if kind == "forms":
            (pupil / "iep.docx").write_bytes(filled_form(text))
        else:
            (pupil / "iep.yaml").write_text(text, "utf-8")


def filled_form(yaml_text: str) -> bytes:
    import yaml

    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form

    data = yaml.safe_load(yaml_text)
    definition = load_definition(data.pop("form"))
    return fill_form(write_blank_form(definition), definition, data)


def timed_batch(inputs: Path, jobs: int, where: str | None) -> tuple[float, int]:
    # The previous run's outputs were just deleted; on a disk mounted with 'discard' (this
    # machine's) the kernel trims their blocks at the next journal commit. Flush before the
    # clock starts so each run starts on a quiet disk rather than paying for the last one.
    os.sync()
    with tempfile.TemporaryDirectory(dir=where) as out:
        start = time.perf_counter()
        summary = run_batch(inputs, Path(out), jobs=jobs, force=True)
        elapsed = time.perf_counter() - start
    return elapsed, summary.documents


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


_MEASURE = """
import resource, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from docgen.batch import run_batch
def own_peak_kb():
    # Linux carries the parent's peak across fork and exec into ru_maxrss; VmHWM is this
    # program's own
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as out:
    run_batch(Path(sys.argv[2]), Path(out), jobs=int(sys.argv[3]), force=True)
    # read before the temporary output folder is removed: deleting 20,000 folders
    # (shutil.rmtree lists each level whole) is this benchmark's work, not docgen's, and
    # added 15 MB to the 20,000-input peak
    peaks = own_peak_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(*peaks)
"""


def peak_rss_mb(inputs: Path, jobs: int) -> tuple[float, float]:
    """Peak RSS of a fresh process running one batch, and of its workers: measured apart
    from this script, whose own memory (making the inputs) would otherwise be counted."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(ROOT), str(inputs), str(jobs)],
                          capture_output=True, text=True, check=True)
    main_kb, workers_kb = (int(v) for v in done.stdout.split())
    return main_kb / 1024, workers_kb / 1024


CONTROL = "import sys\nn = int(sys.argv[1])\nwhile n:\n    n -= 1\n"
CONTROL_STEPS = 30_000_000


def control_job(processes: int) -> float:
    """Wall time of CONTROL_STEPS loop steps, done by one process or split between two."""
    steps = str(CONTROL_STEPS // processes)
    start = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", CONTROL, steps])
               for _ in range(processes)]
    for process in running:
        process.wait()
    return time.perf_counter() - start


def memory(small: int, large: int) -> None:
    """Peak RSS at two sizes of batch (inputs, 2 documents each)."""
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:  # compiled templates cached, as in use
        make_inputs(Path(folder), 4)
        peak_rss_mb(Path(folder), 1)
    peaks = {}
    for count in (small, large):
        with tempfile.TemporaryDirectory() as folder:
            make_inputs(Path(folder), count * 2)
            start = time.perf_counter()
            single, _ = peak_rss_mb(Path(folder), 1)
            parent, worker = peak_rss_mb(Path(folder), 2)
            took = time.perf_counter() - start
        peaks[count] = (single, parent, worker)
        print(f"{count:>6} inputs: one process {single:.1f} MB; two workers: main {parent:.1f} "
              f"MB, largest worker {worker:.1f} MB  ({took:.0f} s for both runs)")
    ratios = [b / a for a, b in zip(peaks[small], peaks[large], strict=True)]
    print(f"{large} ÷ {small} inputs: one process {ratios[0]:.3f}, main {ratios[1]:.3f}, "
          f"worker {ratios[2]:.3f} (target: each at most 1.10)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


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
    parser.add_argument("--inputs", choices=["yaml", "forms"], default="yaml",
                        help="data files, or filled Word forms (read from their XML)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each kind, taking turns; the median is reported")
    parser.add_argument("--memory", action="store_true", help="peak RSS at two sizes only")
    parser.add_argument("--small", type=int, default=1000, help="inputs, with --memory")
    parser.add_argument("--large", type=int, default=20000, help="inputs, with --memory")
    args = parser.parse_args()
    # Compiled templates in a folder of this run's own (the first batch compiles them).
    cache = tempfile.TemporaryDirectory()
    os.environ.setdefault("DOCGEN_CACHE_DIR", cache.name)
    if args.memory:
        memory(args.small, args.large)
        return
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    # Outputs are written atomically (a temporary file and a rename each) and flushed to disk
    # once at the end, so the disk can limit how far processes scale; memory-backed /dev/shm
    # shows docgen's own CPU scaling.
    places = [("disk", None)] + ([("/dev/shm", "/dev/shm")] if Path("/dev/shm").is_dir() else [])
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder)
        make_inputs(inputs, args.docs, args.inputs)
        runners = [(label, where, timed_batch) for label, where in places]
        runners.append(("docgen batch command, /dev/shm" if len(places) > 1 else
                        "docgen batch command", places[-1][1], timed_command))
        control: dict[int, list[float]] = {1: [], 2: []}
        for label, where, timed in runners:
            runs: dict[int, list[float]] = {1: [], 2: []}
            made = 0
            for _ in range(args.rounds):  # 1 and 2 processes take turns: load hits both alike
                for jobs in (1, 2):
                    elapsed, made = timed(inputs, jobs, where)
                    runs[jobs].append(elapsed)
                    control[jobs].append(control_job(jobs))
            one, two = statistics.median(runs[1]), statistics.median(runs[2])
            ratios = [a / b for a, b in zip(runs[1], runs[2], strict=True)]
            spread = ", ".join(f"{r:.2f}" for r in ratios)
            print(f"[{label}] {made} documents: 1 process {one:.2f} s ({made / one:.0f}/s), "
                  f"2 processes {two:.2f} s ({made / two:.0f}/s), scaling {one / two:.2f}x "
                  f"(medians of {args.rounds}; round by round {spread}; "
                  f"median round {statistics.median(ratios):.2f}x)")
        one, two = statistics.median(control[1]), statistics.median(control[2])
        spread = ", ".join(f"{a / b:.2f}" for a, b in zip(control[1], control[2], strict=True))
        print(f"[control job: a CPU-bound loop, then split between 2 processes] 1 process "
              f"{one:.2f} s, 2 processes {two:.2f} s, scaling {one / two:.2f}x (medians of "
              f"{len(control[1])}, in the same rounds; round by round {spread})")
        single, _ = peak_rss_mb(inputs, 1)
        parent, workers = peak_rss_mb(inputs, 2)
    print(f"peak RSS, one process          {single:.0f} MB")
    print(f"peak RSS, with 2 workers       {parent:.0f} MB main, {workers:.0f} MB largest worker")
    print(f"docgen --version           {version_time():.3f} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
