"""`docgen caseload` on a generated register: time and peak memory, 1 and 2 processes.

Run: python bench/bench_caseload.py [--pupils 2000] [--rounds 3] [--inputs forms|yaml]
Each pupil has an IEP; one in four also a CRISP record; one in ten a High Focus IEP and a
High Focus review: a sample pupil's forms filled as Word fills them, each copy with its own
name, valid UPN and year group, in a folder per year group and pupil.
The target (issue 19): 2,000 pupils in under 10 seconds on this 2-core machine, memory flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_batch import docgen_command, filled_form  # noqa: E402

SAMPLE = ROOT / "samples" / "tomos-llyr-evans"
MARK_UPN = "K330200116007"  # the sample's UPN


def forms_for(serial: int) -> list[str]:
    forms = ["iep"]
    if serial % 4 == 0:
        forms.append("crisp")
    if serial % 10 == 0:
        forms += ["hf_iep", "hf_review"]
    return forms


def upn(serial: int) -> str:
    from stdnum.gb import upn as stdnum_upn

    rest = f"3302001{serial:05d}"
    return stdnum_upn.calc_check_digit(rest) + rest


def templates(kind: str) -> dict[str, bytes | str]:
    """Each form type filled once, as Word fills it; each pupil's copy changes the pupil's
    answers in it (filling 3,000 forms one by one would take far longer than the run)."""
    made: dict[str, bytes | str] = {}
    for form in ("iep", "crisp", "hf_iep", "hf_review"):
        text = (SAMPLE / f"{form}.yaml").read_text("utf-8")
        made[form] = filled_form(text) if kind == "forms" else text
    return made


def answers(serial: int) -> dict[str, str]:
    """The pupil's details, and IEP dates spread over two months: with --today 2026-12-20
    about one IEP review in ten is overdue and one in four due within 14 days."""
    start = dt.date(2026, 9, 7) + dt.timedelta(days=serial % 60)
    review = start + dt.timedelta(weeks=14)
    return {"pupil.forename": f"Pupil{serial:05d}", "pupil.upn": upn(serial),
            "pupil.year_group": f"Year {1 + serial % 6}",
            "plan.start_date": start.isoformat(), "plan.review_date": review.isoformat()}


def copy_form(form: bytes, values: dict[str, str]) -> bytes:
    """The filled form with these answers typed over (by each control's tag)."""
    from lxml import etree

    from docgen.forms.ns import NSMAP, qn

    source, out = io.BytesIO(form), io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) \
            as copy:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                for sdt in root.iter(qn("w:sdt")):
                    tag = sdt.find("w:sdtPr/w:tag", NSMAP)
                    if tag is not None and tag.get(qn("w:val")) in values:
                        _type_over(sdt, values[tag.get(qn("w:val"))])
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            copy.writestr(info, data)
    return out.getvalue()


def _type_over(sdt: Any, value: str) -> None:
    from docgen.forms.ns import NSMAP, qn

    picker = sdt.find("w:sdtPr/w:date", NSMAP)
    if picker is not None:  # a date picker stores the date and shows it as dd/mm/yyyy
        day = dt.date.fromisoformat(value)
        picker.set(qn("w:fullDate"), f"{value}T00:00:00Z")
        value = f"{day:%d/%m/%Y}"
    texts = sdt.findall("w:sdtContent//w:t", NSMAP)
    texts[0].text = value
    for extra in texts[1:]:
        extra.text = ""


def make_register(folder: Path, pupils: int, kind: str) -> int:
    made = templates(kind)
    count = 0
    for serial in range(1, pupils + 1):
        values = answers(serial)
        pupil = folder / values["pupil.year_group"] / f"pupil-{serial:05d}"
        pupil.mkdir(parents=True)
        for form in forms_for(serial):
            template = made[form]
            if isinstance(template, bytes):
                (pupil / f"{form}.docx").write_bytes(copy_form(template, values))
            else:
                data = yaml.safe_load(template)
                data["pupil"].update(forename=values["pupil.forename"], upn=upn(serial),
                                     year_group=str(1 + serial % 6))
                if form == "iep":
                    data["plan"].update(start_date=values["plan.start_date"],
                                        review_date=values["plan.review_date"])
                (pupil / f"{form}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                    "utf-8")
            count += 1
    return count


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, done.returncode)
print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr)
"""


def timed_command(register: Path, jobs: int) -> tuple[float, float, float, str]:
    """`docgen caseload` as a user runs it, in a fresh process: seconds, the peak RSS of the
    largest process it ran (MB; the command or one of its workers), the CPU seconds it and
    its workers used (on a busy machine, wall time waits for other work; CPU time does not),
    and its summary line."""
    with tempfile.TemporaryDirectory() as out:
        command = [*docgen_command(), "caseload", str(register), "-o", out, "--jobs", str(jobs),
                   "--today", "2026-12-20"]
        done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                              text=True, check=True)
    first, summary = done.stdout.strip().split("\n", 1)
    elapsed, peak_kb, cpu, code = first.split()
    if code != "0":
        raise SystemExit(f"docgen caseload failed: {summary}")
    return float(elapsed), int(peak_kb) / 1024, float(cpu), summary


def phases(register: Path, jobs: int) -> None:
    """In this process: reading (in the workers), rules, and making the five files."""
    from docgen.caseload import Settings, render_outputs
    from docgen.caseload.build import assemble
    from docgen.caseload.reading import find_forms, read_register

    today = dt.date(2026, 12, 20)
    start = time.perf_counter()
    files, _ = find_forms(register, None)
    found = time.perf_counter()
    results = read_register(register, files, jobs=jobs, today=today)
    read = time.perf_counter()
    caseload = assemble(results, today)
    ruled = time.perf_counter()
    outputs = render_outputs(caseload, Settings())
    made = time.perf_counter()
    print(f"phases ({jobs} processes): find {found - start:.2f} s, read {read - found:.2f} s, "
          f"group and rules {ruled - read:.2f} s, five files {made - ruled:.2f} s "
          f"({sum(len(d) for d in outputs.files.values()) / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--inputs", choices=["forms", "yaml"], default="forms")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the phase timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        register = Path(folder) / "register"
        start = time.perf_counter()
        files = make_register(register, args.pupils, args.inputs)
        print(f"register: {args.pupils} pupils, {files} {args.inputs} "
              f"(made in {time.perf_counter() - start:.1f} s)")
        for jobs in (1, 2):
            runs = [timed_command(register, jobs) for _ in range(args.rounds)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            print(f"[{jobs} process{'es' if jobs > 1 else ''}] median {seconds:.2f} s "
                  f"(runs {', '.join(f'{r[0]:.2f}' for r in runs)}), CPU {cpu:.2f} s, "
                  f"peak RSS {peak:.0f} MB, {files / seconds:.0f} forms/s")
        print(f"summary: {runs[-1][3]}")
        phases(register, args.jobs)


if __name__ == "__main__":
    main()
