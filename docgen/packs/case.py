"""A pupil's case folder: case.yaml names the evidence; the forms say what and when they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from docgen.errors import DocgenError, OutputExists, UnusableInput
from docgen.inputs import DATA_SUFFIXES, WORD_SUFFIXES, load_data, load_input
from docgen.validation import Validated, validate_data

if TYPE_CHECKING:
    from docgen.redaction import Identity

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
    """One evidence file named in case.yaml, read through the hardened reader."""

    kind: str
    title: str
    date: dt.date | None
    file: Path
    threads: tuple[int, ...] = ()
    data: bytes | None = None  # the file's bytes, once read and checked
    problem: str = ""  # why a file that is there cannot be used

    @property
    def present(self) -> bool:
        return self.data is not None


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
    manifest: dict[str, Any] = field(default_factory=dict)  # case.yaml as read
    evidence: list[Evidence] = field(default_factory=list)
    forms: list[CaseForm] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def of(self, form: str) -> list[CaseForm]:
        return sorted((f for f in self.forms if f.form == form), key=lambda f: f.date)


def load_case(folder: Path, kinds: Mapping[str, str] = EVIDENCE_KINDS,
              form_dates: Mapping[str, tuple[str, str]] = FORM_DATES) -> Case:
    """The folder's evidence (``kinds``: those its framework's pack knows) and forms (those
    with a date in ``form_dates``)."""
    from docgen.batch_inputs import PACK, PACK_MANIFEST  # a batch into the register puts them here

    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise UnusableInput("this folder has no case.yaml", file=str(folder),
                            hint="Create one with: docgen case init FOLDER --from FORM",
                            web_hint="Include the case folder's case.yaml, which lists the "
                                     "evidence.")
    try:
        raw = load_data(manifest, "case.yaml")
    except UnusableInput as exc:
        if not _bad_escape(exc.message):
            raise
        raise UnusableInput(exc.message, file=str(manifest), hint=_BACKSLASH_HINT) from None
    case = Case(folder)
    case.evidence = evidence_list(raw, folder, manifest, kinds)
    case.manifest = raw or {}  # a mapping: evidence_list refuses anything else
    for item in case.evidence:
        read_evidence(item, case)
    listed = {e.file.name for e in case.evidence}
    for path in sorted(folder.iterdir()):
        if (path.name in listed or path.name in (MANIFEST, PACK, PACK_MANIFEST)
                or path.name.startswith((".", "~$"))
                or path.suffix.lower() not in WORD_SUFFIXES | DATA_SUFFIXES):
            continue
        if _links_outside(path, folder):
            case.problems.append(_outside(path))
            continue
        _add_form(case, path, form_dates)
    return case


_BACKSLASH_HINT = ("Inside double quotes a backslash starts an escape: write Windows paths "
                   "without quotes or in single quotes ('reports\\ed-psych.docx').")


def _bad_escape(message: str) -> bool:
    """A double-quoted Windows path: libyaml and PyYAML both fail on its backslashes."""
    return "quoted scalar" in message and ("escape" in message or "hex" in message)


def evidence_list(raw: Any, folder: Path, manifest: Path,
                  kinds: Mapping[str, str] = EVIDENCE_KINDS) -> list[Evidence]:
    """The evidence case.yaml lists; UnusableInput listing every mistake in it at once, each
    by item number and key."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise UnusableInput("case.yaml must be a list of keys (pupil:, evidence:)",
                            file=str(manifest), hint=_SEE_SAMPLE)
    items = raw.get("evidence") or []
    if not isinstance(items, list):
        raise UnusableInput("'evidence' in case.yaml must be a list, one '- {kind: …, file: …}' "
                            "line per file", file=str(manifest), hint=_SEE_SAMPLE)
    found: list[Evidence] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        evidence, wrong = _evidence(item, folder, kinds)
        problems += [f"evidence item {number}: {problem}" for problem in wrong]
        if evidence is not None:
            found.append(evidence)
    if problems:
        raise UnusableInput("case.yaml has mistakes:\n" + "\n".join(f"  - {p}" for p in problems),
                            file=str(manifest), hint=_SEE_SAMPLE)
    return found


_SEE_SAMPLE = ("Each evidence line reads like: - {kind: report, title: Speech and language "
               "report, date: 2027-01-12, file: salt-report.docx, threads: [7, 8]}")


def _evidence(item: Any, folder: Path,
              kinds: Mapping[str, str]) -> tuple[Evidence | None, list[str]]:
    if not isinstance(item, dict):
        return None, ["write it as {kind: …, title: …, date: …, file: …}"]
    problems = []
    kind, file, title = item.get("kind"), item.get("file"), item.get("title")
    if kind not in kinds:
        problems.append(f"'kind' must be one of {', '.join(kinds)}")
    if not isinstance(file, str) or not file.strip():
        problems.append("'file' must be the name of a file in the case folder")
    if title is not None and not isinstance(title, str | int | float):
        problems.append("'title' must be text")
    date = item.get("date")
    if date is not None and not isinstance(date, dt.date):
        problems.append(f"'date' must be a date written as YYYY-MM-DD (it is {date!r})")
    threads = item.get("threads", [item["thread"]] if item.get("thread") is not None else [])
    numbers = _threads(threads)
    if numbers is None:
        problems.append("'threads' must be a list of CRISP thread numbers, 1 to 18, such as "
                        "[7, 8]")
    if problems:
        return None, problems
    return Evidence(kind, str(title or kinds[kind]),
                    date if isinstance(date, dt.date) else None,
                    folder / PureWindowsPath(file.strip()).name,  # '\\' or '/' alike
                    tuple(numbers or ())), []


def _threads(value: Any) -> list[int] | None:
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 18
               for v in values):
        return None
    return list(values)


def _links_outside(path: Path, folder: Path) -> bool:
    """A link (or a file reached through one) that leads out of the case folder: a case
    folder, and a pack, hold the pupil's own files, never whatever a link points at."""
    try:
        return not path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return True


def _outside(path: Path) -> str:
    return (f"{path.name}: this is a link to a file outside the case folder, which docgen "
            "does not follow; copy the file itself into the folder")


def read_evidence(item: Evidence, case: Case) -> None:
    """The file's bytes when it is there and usable (a Word document is checked part by
    part, as forms are); otherwise why not, among the case's problems."""
    from docgen.safe_open import EVIDENCE, Package, read_file

    if not item.file.exists() and not item.file.is_symlink():
        return  # missing: the checklist says what to add
    if _links_outside(item.file, case.folder):
        item.problem = _outside(item.file)
    else:
        try:
            data = read_file(item.file, EVIDENCE.file_bytes, "piece of evidence")
            if item.file.suffix.lower() == ".docx":
                package = Package(data, item.file, EVIDENCE)
                package.check_every_part()
                package.check_word_document()
            item.data = data
        except DocgenError as exc:
            item.problem = f"{item.file.name}: {exc.message}"
    if item.problem:
        case.problems.append(item.problem)


def case_identity(case: Case) -> Identity:
    """Everyone the case folder's forms name as the pupil or family (a parent named only in
    the review's attendees, say), for redacting the whole pack."""
    from docgen.redaction import Identity, identity_of

    identity = Identity()
    for form in case.forms:
        identity = identity.merge(identity_of(form.checked.data))
    return identity


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
