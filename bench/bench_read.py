"""Reading filled Word forms: per form (beside its render time), and a batch of them, this
tree against another checkout (today's main), in interleaved rounds.

Run: python bench/bench_read.py [--against DIR] [--rounds 5] [--n 20] [--batch 300]

- **read**: unzip, parse, find the fields and validate one filled Word form (``docgen.pipeline
  .check`` without the settings' warnings), for every sample form of both frameworks filled
  as Word fills it; the median ms per form over the rounds, and the largest form's.
- **render**: every document that form drives, rendered (templates compiled already).
- **batch**: ``docgen batch REGISTER -o OUT --jobs 1`` in a fresh process over ``--batch``
  filled IEP forms (each with its own name), start-up included: forms per second.

Each round runs this tree and ``--against`` (e.g. main unpacked with ``git archive COMMIT |
tar -x -C DIR``) in turn, each in a fresh process with its own ``PYTHONPATH``; the ratios
are of the medians. Compiled Python (.pyc) is written and used, as for an installed docgen.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE = r'''
import json, statistics, sys, time
from pathlib import Path
from docgen.pipeline import check, render_all

forms = sorted(Path(sys.argv[1]).glob("*.docx"))
n = int(sys.argv[2])
read, render = {}, {}
for form in forms:  # once each first: imports, templates compiled
    render_all(check(form, for_documents=False))
for form in forms:
    start = time.perf_counter()
    for _ in range(n):
        checked = check(form, for_documents=False)
    read[form.name] = (time.perf_counter() - start) * 1000 / n
    start = time.perf_counter()
    for _ in range(n):
        render_all(checked)
    render[form.name] = (time.perf_counter() - start) * 1000 / n
print(json.dumps({"read": read, "render": render}))
'''


def write_forms(folder: Path) -> list[Path]:
    """Every sample data file of both frameworks as a filled Word form."""
    import yaml

    sys.path.insert(0, str(ROOT))
    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form

    made = []
    for source in sorted((ROOT / "samples").rglob("*.yaml")):
        data = yaml.safe_load(source.read_text("utf-8"))
        if not isinstance(data, dict) or "form" not in data:
            continue  # a case folder's case.yaml
        definition = load_definition(data.pop("form"))
        target = folder / f"{source.parent.name}-{source.stem}.docx"
        target.write_bytes(fill_form(write_blank_form(definition), definition, data))
        made.append(target)
    return made


def write_register(folder: Path, count: int) -> None:
    import yaml

    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form

    text = (ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8")
    definition = load_definition("iep")
    blank = write_blank_form(definition)
    for n in range(count):
        data = yaml.safe_load(text.replace("Tomos", f"Tomos{n}"))
        data.pop("form")
        pupil = folder / f"pupil-{n:05d}"
        pupil.mkdir(parents=True)
        (pupil / "iep.docx").write_bytes(fill_form(blank, definition, data))


def environment(code: Path, work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(code)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache" / code.name)
    env["DOCGEN_CACHE_DIR"] = str(work / "compiled" / code.name)
    return env


def measure_forms(code: Path, forms: Path, n: int, work: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(forms), str(n)], cwd=code,
                          env=environment(code, work), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def time_batch(code: Path, register: Path, work: Path) -> float:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "docgen", "batch", str(register), "-o", str(out),
                    "--jobs", "1"], cwd=code, env=environment(code, work),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path, help="another checkout, e.g. main's")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--n", type=int, default=20, help="reads of each form a round")
    parser.add_argument("--batch", type=int, default=300, help="forms in the batch")
    args = parser.parse_args()
    codes = {"this tree": ROOT}
    if args.against:
        codes["against"] = args.against.resolve()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        forms = work / "forms"
        forms.mkdir()
        write_forms(forms)
        register = work / "register"
        write_register(register, args.batch)
        for code in codes.values():  # not timed: .pyc written, templates compiled
            measure_forms(code, forms, 1, work)
            time_batch(code, register, work)
        reads: dict[str, list[dict]] = {label: [] for label in codes}
        batches: dict[str, list[float]] = {label: [] for label in codes}
        for _ in range(args.rounds):
            for label, code in codes.items():
                reads[label].append(measure_forms(code, forms, args.n, work))
                batches[label].append(time_batch(code, register, work))
        medians = {}
        for label in codes:
            names = reads[label][0]["read"]
            read = {f: statistics.median(r["read"][f] for r in reads[label]) for f in names}
            render = {f: statistics.median(r["render"][f] for r in reads[label]) for f in names}
            batch = statistics.median(batches[label])
            medians[label] = (read, render, batch)
            worst = max(read, key=read.get)
            print(f"[{label}] {len(read)} sample forms: read + validate median "
                  f"{statistics.median(read.values()):.2f} ms a form (largest: {worst} "
                  f"{read[worst]:.2f} ms); render median {statistics.median(render.values()):.2f}"
                  f" ms a form (all its documents)")
            print("    per form: " + ", ".join(
                f"{f.removesuffix('.docx')} {read[f]:.2f}/{render[f]:.2f}" for f in sorted(read)))
            print(f"    batch of {args.batch} forms, 1 process, fresh command: {batch:.2f} s "
                  f"({args.batch / batch:.0f} forms/s; rounds "
                  + ", ".join(f"{b:.2f}" for b in batches[label]) + ")")
        if "against" in medians:
            ours, theirs = medians["this tree"], medians["against"]
            faster = statistics.median(theirs[0].values()) / statistics.median(ours[0].values())
            print(f"read: {faster:.2f}x faster; batch throughput: {theirs[2] / ours[2]:.2f}x "
                  f"(rounds: " + ", ".join(f"{a / b:.2f}" for a, b in zip(
                      batches["against"], batches["this tree"], strict=True)) + ")")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
