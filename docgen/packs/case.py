"""A pupil's case folder: case.yaml names the evidence; the forms say what and when they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

import yaml

from docgen.errors import DocgenError, OutputExists, UnusableInput
from docgen.inputs import DATA_SUFFIXES, WORD_SUFFIXES, load_input, safe_yaml
from docgen.textfiles import read_text
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
              "hf_review": ("review", "date"), "crisp": ("crisp", "date"),
              "iep_review": ("review", "date")}


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


def load_case(folder: Path, kinds: Mapping[str, str] = EVIDENCE_KINDS,
              form_dates: Mapping[str, tuple[str, str]] = FORM_DATES) -> Case:
    """The folder's evidence (``kinds``: those its framework's pack knows) and forms (those
    with a date in ``form_dates``)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise UnusableInput("this folder has no case.yaml", file=str(folder),
                            hint="Create one with: docgen case init FOLDER --from FORM")
    try:
        raw = safe_yaml(read_text(manifest)) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise UnusableInput(f"case.yaml cannot be read: {reason}", file=str(manifest),
                            hint=_BACKSLASH_HINT if _bad_escape(exc) else None) from None
    case = Case(folder)
    for number, item in enumerate(raw.get("evidence") or [], start=1):
        case.evidence.append(_evidence(item, number, folder, manifest, kinds))
    listed = {e.file.name for e in case.evidence}
    for path in sorted(folder.iterdir()):
        if (path.name in listed or path.name == MANIFEST or path.name.startswith((".", "~$"))
                or path.suffix.lower() not in WORD_SUFFIXES | DATA_SUFFIXES):
            continue
        _add_form(case, path, form_dates)
    return case


_BACKSLASH_HINT = ("Inside double quotes a backslash starts an escape: write Windows paths "
                   "without quotes or in single quotes ('reports\\ed-psych.docx').")


def _bad_escape(exc: Exception) -> bool:
    """A double-quoted Windows path: libyaml and PyYAML both fail on its backslashes."""
    context = str(getattr(exc, "context", "") or "")
    problem = str(getattr(exc, "problem", "") or "")
    return "quoted scalar" in context and ("escape" in problem or "hex" in problem)


def _evidence(item: Any, number: int, folder: Path, manifest: Path,
              kinds: Mapping[str, str]) -> Evidence:
    if not isinstance(item, dict) or item.get("kind") not in kinds or not item.get("file"):
        raise UnusableInput(
            f"evidence item {number} needs a kind (one of {', '.join(kinds)}) and a file",
            file=str(manifest))
    date = item.get("date")
    threads = item.get("threads") or ([item["thread"]] if item.get("thread") else [])
    return Evidence(item["kind"], str(item.get("title") or kinds[item["kind"]]),
                    date if isinstance(date, dt.date) else None,
                    folder / PureWindowsPath(str(item["file"])).name,  # '\\' or '/' alike
                    tuple(int(t) for t in threads))


def _add_form(case: Case, path: Path, form_dates: Mapping[str, tuple[str, str]]) -> None:
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
    if name not in form_dates:
        case.problems.append(f"{path.name}: '{name}' forms are not part of this kind of "
                             "request pack; move it out of the folder")
        return
    section, key = form_dates[name]
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
    from docgen.packs.kinds import skeleton_for

    text = skeleton_for(form_input.definition.name, name)
    write_atomic(target, text.encode("utf-8"), force=force)
    return target
