"""A pupil's case folder: case.yaml names the evidence; the forms say what and when they are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import DocgenError, OutputExists, UnusableInput
from docgen.inputs import DATA_SUFFIXES, WORD_SUFFIXES, load_input, safe_yaml
from docgen.validation import Validated, validate_data

MANIFEST = "case.yaml"
EVIDENCE_KINDS = {
    "attendance": "Attendance record",
    "nc_levels": "National Curriculum levels across the curriculum",
    "pupil_views": "Views of the pupil",
    "pupil_involvement": "Record of pupil involvement",
    "parents_views": "Views of parents/carers",
    "parents_involvement": "Record of parental involvement",
    "contact_attempts": "Account of attempts to contact parents/carers",
    "report": "Report",
    "thread_evidence": "Evidence for a thread of concern",
}
# Where each form's own date is.
FORM_DATES = {"iep": ("plan", "start_date"), "hf_iep": ("high_focus", "start_date"),
              "hf_review": ("review", "date"), "crisp": ("crisp", "date")}


@dataclass
class Evidence:
    """One evidence file named in case.yaml."""

    kind: str
    title: str
    date: dt.date | None
    file: Path
    threads: tuple[int, ...] = ()

    @property
    def present(self) -> bool:
        return self.file.is_file()


@dataclass
class CaseForm:
    """A filled form (or its data file) found in the folder."""

    path: Path
    form: str
    date: dt.date
    checked: Validated


@dataclass
class Case:
    folder: Path
    evidence: list[Evidence] = field(default_factory=list)
    forms: list[CaseForm] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def of(self, form: str) -> list[CaseForm]:
        return sorted((f for f in self.forms if f.form == form), key=lambda f: f.date)


def load_case(folder: Path) -> Case:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise UnusableInput("this folder has no case.yaml", file=str(folder),
                            hint="Create one with: docgen case init FOLDER --from FORM")
    try:
        raw = safe_yaml(manifest.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UnusableInput(f"case.yaml cannot be read: {' '.join(str(exc).split())}",
                            file=str(manifest)) from None
    case = Case(folder)
    for number, item in enumerate(raw.get("evidence") or [], start=1):
        case.evidence.append(_evidence(item, number, folder, manifest))
    from docgen.batch import PACK, PACK_MANIFEST  # a batch run into the register puts them here

    listed = {e.file.name for e in case.evidence}
    for path in sorted(folder.iterdir()):
        if (path.name in listed or path.name in (MANIFEST, PACK, PACK_MANIFEST)
                or path.name.startswith((".", "~$"))
                or path.suffix.lower() not in WORD_SUFFIXES | DATA_SUFFIXES):
            continue
        _add_form(case, path)
    return case


def _evidence(item: Any, number: int, folder: Path, manifest: Path) -> Evidence:
    if not isinstance(item, dict) or item.get("kind") not in EVIDENCE_KINDS or not item.get(
            "file"):
        raise UnusableInput(
            f"evidence item {number} needs a kind (one of {', '.join(EVIDENCE_KINDS)}) and a "
            "file", file=str(manifest))
    date = item.get("date")
    threads = item.get("threads") or ([item["thread"]] if item.get("thread") else [])
    return Evidence(item["kind"], str(item.get("title") or EVIDENCE_KINDS[item["kind"]]),
                    date if isinstance(date, dt.date) else None,
                    folder / Path(str(item["file"])).name, tuple(int(t) for t in threads))


def _add_form(case: Case, path: Path) -> None:
    try:
        form_input = load_input(path)
    except DocgenError as exc:
        case.problems.append(f"{path.name}: {exc.message}")
        return
    checked = validate_data(form_input.definition, form_input.raw)
    name = form_input.definition.name
    if not checked.valid:
        case.problems.extend(f"{path.name}: {problem.text()}" for problem in checked.errors)
        return
    section, key = FORM_DATES[name]
    case.forms.append(CaseForm(path, name, checked.data[section][key], checked))


SKELETON = """# The case folder for {name}. docgen reads the filled forms in this folder itself
# (IEPs, High Focus IEP, reviews, CRISP records: .docx, or .yaml/.json data).
# List every other piece of evidence here, each as its own file in this folder.
# kind is one of: attendance, nc_levels, pupil_views, pupil_involvement, parents_views,
# parents_involvement, contact_attempts, report (add threads: [7, 8] for the CRISP threads it
# covers), thread_evidence (add thread: N).
pupil:
  name: {name}
evidence:
  - {{kind: attendance, title: Attendance record, date: null, file: attendance.docx}}
  - {{kind: nc_levels, title: National Curriculum levels, date: null, file: nc-levels.docx}}
  - {{kind: pupil_views, title: Pupil's views, date: null, file: pupil-views.docx}}
  - {{kind: pupil_involvement, title: Pupil involvement, date: null,
     file: pupil-involvement.docx}}
  - {{kind: parents_views, title: Parents' views, date: null, file: parents-views.docx}}
  - {{kind: parents_involvement, title: Parental involvement, date: null,
     file: parents-involvement.docx}}
"""


def init_case(folder: Path, source: Path, *, force: bool = False) -> Path:
    """Create FOLDER with a case.yaml skeleton for the pupil in ``source`` (a form)."""
    from docgen.render import write_atomic

    form_input = load_input(source)
    pupil = form_input.raw.get("pupil") or {}
    name = f"{pupil.get('forename', '')} {pupil.get('surname', '')}".strip() or "the pupil"
    target = folder / MANIFEST
    if target.exists() and not force:
        raise OutputExists("this case folder already has a case.yaml", file=str(target),
                           hint="Use --force to replace it.")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, SKELETON.format(name=name).encode("utf-8"), force=force)
    return target
