"""The caseload: discover → read in parallel → group by pupil → each framework's rules.

Framework-blind: each form's framework comes from the registry, and its provider (also from
the registry) turns a pupil's forms into their status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docgen.caseload.model import FormFacts, NotUsed, Pupil, PupilStatus, Skipped
from docgen.caseload.reading import find_forms, read_register

SOON_DAYS = 14  # "due in the next 14 days"


@dataclass
class Caseload:
    """Everything the outputs show."""

    today: dt.date
    pupils: list[Pupil]
    not_used: list[NotUsed] = field(default_factory=list)
    documents_skipped: int = 0  # documents docgen made, kept beside the forms
    blank_forms: int = 0
    case_folders: int = 0

    @property
    def overdue_reviews(self) -> int:
        return sum(1 for p in self.pupils if p.status and p.status.review
                   and p.status.review.overdue(self.today))

    @property
    def due_soon(self) -> int:
        """The school's open deadlines from today to 14 days ahead."""
        return sum(1 for p in self.pupils if p.status for d in p.status.deadlines
                   if not d.done and not d.authority
                   and 0 <= d.days_until(self.today) <= SOON_DAYS)

    def summary(self) -> str:
        """'37 pupils; 4 reviews overdue; 6 due in the next 14 days' (and forms not used)."""
        pupils = len(self.pupils)
        line = (f"{pupils} pupil{'s' if pupils != 1 else ''}; "
                f"{self.overdue_reviews} review{'s' if self.overdue_reviews != 1 else ''} "
                f"overdue; {self.due_soon} due in the next {SOON_DAYS} days")
        if self.not_used:
            count = len(self.not_used)
            line += f"; {count} form{'s' if count != 1 else ''} could not be used"
        return line


def build_caseload(register: Path, *, today: dt.date, out_dir: Path | None = None,
                   jobs: int | None = None) -> Caseload:
    """Read every form under ``register`` and work out each pupil's status on ``today``."""
    files, case_folders = find_forms(register, out_dir)
    results = read_register(register, files, jobs=jobs, today=today)
    return assemble(results, today, case_folders=case_folders)


def assemble(results: Iterable[FormFacts | NotUsed | Skipped], today: dt.date, *,
             case_folders: int = 0) -> Caseload:
    """Group what was read by pupil and apply each framework's rules (no I/O)."""
    from docgen.caseload.grouping import group_pupils

    forms: list[FormFacts] = []
    not_used: list[NotUsed] = []
    skipped: list[Skipped] = []
    for result in results:
        if isinstance(result, FormFacts):
            forms.append(result)
        elif isinstance(result, NotUsed):
            not_used.append(result)
        else:
            skipped.append(result)
    pupils = group_pupils(forms, not_used)
    for pupil in pupils:
        pupil.status = assess_pupil(pupil, today)
    return Caseload(today, pupils, not_used,
                    documents_skipped=sum(s.why == "document" for s in skipped),
                    blank_forms=sum(s.why == "blank" for s in skipped),
                    case_folders=case_folders)


def assess_pupil(pupil: Pupil, today: dt.date) -> PupilStatus:
    """The status under the framework of the pupil's most recent form."""
    from docgen.caseload.checks import form_date

    by_framework: dict[str, list[FormFacts]] = {}
    for facts in pupil.forms:
        by_framework.setdefault(facts.framework, []).append(facts)

    def newest(key: str) -> tuple[dt.date, str]:
        dates = [d for f in by_framework[key] if (d := form_date(f)) and d <= today]
        return (max(dates) if dates else dt.date.min, key)

    main = max(by_framework, key=newest)
    status = _assess(main, by_framework[main], today)
    for other in sorted(set(by_framework) - {main}):
        status.checks.append(f"Also has forms under {_title(other)}")
    status.checks += pupil.notes
    status.checks += [f"{Path(item.source).name} not used: {item.reason}"
                      for item in pupil.not_used]
    return status


def _assess(framework_key: str, forms: Sequence[FormFacts], today: dt.date) -> PupilStatus:
    from docgen.caseload.providers import NoDeadlines, provider_of

    provider = provider_of(framework_key) or NoDeadlines(_title(framework_key))
    return provider.assess(forms, today)


def _title(framework_key: str) -> str:
    from docgen.frameworks import get

    return get(framework_key).title
