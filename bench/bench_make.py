"""One form made as a user makes it, against the plain docxtpl script that makes the same
documents.

Run: python bench/bench_make.py [--rounds 9] [--against DIR]

Each round runs, in turn and each in a fresh process:
- **docxtpl**: a plain script (``DocxTemplate(path).render(ctx, autoescape=True); save()``
  per document, Jinja's ordinary environment plus the two filters docgen's templates use)
  given the documents' contexts ready-made (unpickled: it reads and checks no form);
- **docgen cold**: ``docgen make FORM -o DIR`` with an empty cache folder (the first run
  after installing, or after the cache was deleted);
- **docgen warm**: the same command again, with the cache the cold run left;
- **against** (with ``--against DIR``): ``python -m docgen make`` from another checkout, e.g.
  today's main unpacked with ``git archive``.

Every run writes into a new folder; the cold run's cache folder is new each round, so no
state is carried from one round to the next that a user's run would not have. FORM is the
sample IEP, as a filled Word form and as a data file (.yaml). Printed: the median wall time
and CPU time (user + system of the process) of each, the ratios of the medians, the
round-by-round ratios, and the output sizes.
"""

from __future__ import annotations

import argparse
import os
import pickle
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

SAMPLE = ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml"

PLAIN_SCRIPT = '''
import datetime as dt
import pickle
import sys

from docxtpl import DocxTemplate
from jinja2 import Environment


def date_uk(value):
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def join_lines(value, separator="\\n"):
    if isinstance(value, (list, tuple)):
        return separator.join(str(v) for v in value)
    return str(value)


env = Environment(autoescape=True)
env.filters.update(date_uk=date_uk, join_lines=join_lines)
with open(sys.argv[1], "rb") as handle:
    jobs = pickle.load(handle)
for template, context, target in jobs:
    document = DocxTemplate(template)
    document.render(context, jinja_env=env, autoescape=True)
    document.save(sys.argv[2] + "/" + target)
'''


def docgen_command() -> list[str]:
    """The console script as installed (pip install -e .), else ``python -m docgen``."""
    script = Path(sys.executable).parent / "docgen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "docgen"]


def write_word_form(folder: Path) -> Path:
    import yaml

    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form

    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    definition = load_definition(data.pop("form"))
    target = folder / "iep.docx"
    target.write_bytes(fill_form(write_blank_form(definition), definition, data))
    return target


def plain_jobs(form: Path, folder: Path) -> Path:
    """The plain script's input: each document's template, context and file name, exactly
    as docgen renders them (made here, outside the timing)."""
    from docgen import documents as docs
    from docgen.pipeline import check

    checked = check(form)
    jobs = []
    for document in docs.for_form(checked.form, checked.result.data):
        context = document.build(checked.input.definition, checked.result.data)
        context["provenance"] = docs.provenance(checked.form, checked.input.version)
        jobs.append((str(docs.template_file(document)), context, f"{document.key}.docx"))
    target = folder / "jobs.pickle"
    target.write_bytes(pickle.dumps(jobs))
    return target


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None
          ) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def folder_sizes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(folder.glob("*.docx"))}


def child_env(work: Path) -> dict[str, str]:
    """The processes' environment: Python's compiled modules (.pyc) written and used, as for
    an installed docgen (pip writes them; this machine's PYTHONDONTWRITEBYTECODE would make
    every run compile docgen's modules again), kept under ``work`` not in the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work.parent / "pycache")
    return env


def one_round(form: Path, jobs: Path, work: Path, n: int, against: Path | None = None
              ) -> dict[str, tuple[float, float]]:
    env = child_env(work)
    cache = work / f"cache-{n}"
    env["DOCGEN_CACHE_DIR"] = str(cache)
    out: dict[str, tuple[float, float]] = {}
    plain_out = work / f"plain-{n}"
    plain_out.mkdir()
    out["docxtpl"] = timed([sys.executable, str(work / "plain.py"), str(jobs), str(plain_out)],
                           env)
    for kind in ("cold", "warm"):
        target = work / f"{kind}-{n}"
        out[kind] = timed([*docgen_command(), "make", str(form), "-o", str(target)], env)
    if against is not None:  # another checkout (today's main): it has no compiled cache
        target = work / f"against-{n}"
        out["against"] = timed([sys.executable, "-m", "docgen", "make", str(form), "-o",
                                str(target)], {**env, "PYTHONPATH": str(against)}, cwd=against)
    shutil.rmtree(cache, ignore_errors=True)
    return out


def report(label: str, runs: list[dict[str, tuple[float, float]]], work: Path) -> None:
    med = {kind: (statistics.median(r[kind][0] for r in runs),
                  statistics.median(r[kind][1] for r in runs)) for kind in runs[0]}
    base = med["docxtpl"][0]
    print(f"[{label}] medians of {len(runs)} rounds (wall / CPU):")
    for kind, (wall, cpu) in med.items():
        ratio = "" if kind == "docxtpl" else f"  {wall / base:.2f}x docxtpl's wall time"
        rounds = "" if kind == "docxtpl" else "  (rounds: " + ", ".join(
            f"{r[kind][0] / r['docxtpl'][0]:.2f}" for r in runs) + ")"
        print(f"  {kind:<8} {wall * 1000:7.0f} ms / {cpu * 1000:5.0f} ms CPU{ratio}{rounds}")
    plain = folder_sizes(work / "plain-0")
    ours = folder_sizes(work / "warm-0")
    print("  output sizes: docxtpl " + ", ".join(f"{k} {v:,} B" for k, v in plain.items())
          + "; docgen " + ", ".join(f"{k} {v:,} B" for k, v in ours.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--against", type=Path,
                        help="another checkout (e.g. main's, unpacked with git archive), "
                             "timed in the same rounds")
    args = parser.parse_args()
    against = args.against.resolve() if args.against else None
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        inputs = {"Word form": write_word_form(base), "data file": SAMPLE}
        for label, form in inputs.items():
            work = base / label.replace(" ", "-")
            work.mkdir()
            (work / "plain.py").write_text(PLAIN_SCRIPT, "utf-8")
            jobs = plain_jobs(form, work)
            one_round(form, jobs, work, -1, against)  # not timed: writes every module's .pyc
            runs = [one_round(form, jobs, work, n, against) for n in range(args.rounds)]
            report(label, runs, work)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
