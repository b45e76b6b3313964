"""What a statutory request must send (Table 2 and the review's rules), against the folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from docgen.domain import highfocus, review
from docgen.domain.dates import months_before
from docgen.packs.case import Case, CaseForm, Evidence, load_case

WINDOW_MONTHS = 12  # "IEPs and reviews over last 12 months": calendar months, leap days too
# Where a plan's last day is: an IEP runs from its start to its review.
FORM_ENDS = {"iep": ("plan", "review_date"), "hf_iep": ("high_focus", "review_date")}


@dataclass
class Item:
    """One thing the pack must hold."""

    name: str
    present: bool
    sources: list[Path] = field(default_factory=list)
    where_from: str = ""  # what to do when it is missing

    @property
    def source(self) -> str:
        return ", ".join(p.name for p in self.sources)


@dataclass
class CaseCheck:
    case: Case
    items: list[Item]
    review: CaseForm | None
    window_start: dt.date | None
    included_forms: list[CaseForm]

    @property
    def missing(self) -> list[str]:
        return [f"{i.name}: {i.where_from}" for i in self.items if not i.present] + \
            list(self.case.problems)


def check_case(folder: Path) -> CaseCheck:
    """Every required item, present or not. 'The last 12 months' ends on the date of the
    review that decided to request statutory assessment (so a pack can be rebuilt later)."""
    case = load_case(folder)
    reviews = case.of("hf_review")
    latest = reviews[-1] if reviews else None
    end = latest.date if latest else dt.date.today()
    start = months_before(end, WINDOW_MONTHS)
    recent = [f for f in case.forms if in_window(f.date, _last_day(f), start, end)]
    items = [
        _forms_item("IEPs over the last 12 months", recent, ("iep", "hf_iep"),
                    "add the IEPs of the last 12 months (docgen forms or their data)"),
        _forms_item("Reviews over the last 12 months", recent, ("hf_review", "iep_review"),
                    "add the review forms of the last 12 months"),
        _forms_item("High Focus IEP", recent, ("hf_iep",), "add the filled High Focus IEP form"),
        *_needed_in_all_cases(case),
    ]
    items += _review_items(latest)
    check = CaseCheck(case, items, latest, start, sorted(recent, key=lambda f: (f.date, f.form)))
    check.items += thread_items(check)
    return check


def in_window(first: dt.date, last: dt.date, start: dt.date, end: dt.date) -> bool:
    """A form whose days run from ``first`` to ``last`` counts in the window from ``start`` to
    ``end`` (both included) when any of its days is in it: an IEP that was running during the
    last 12 months counts, not only one that started in them."""
    return first <= end and last >= start


def _last_day(form: CaseForm) -> dt.date:
    section, key = FORM_ENDS.get(form.form, ("", ""))
    last = form.checked.data.get(section, {}).get(key) if section else None
    return last if isinstance(last, dt.date) and last >= form.date else form.date


def _forms_item(name: str, forms: list[CaseForm], kinds: tuple[str, ...], hint: str) -> Item:
    found = [f.path for f in forms if f.form in kinds]
    return Item(name, bool(found), found, hint)


def _evidence_item(case: Case, name: str, kinds: tuple[str, ...], hint: str) -> Item:
    files = [e for e in case.evidence if e.kind in kinds]
    present = [e.file for e in files if e.present]
    unusable = [e for e in files if not e.present]
    return Item(name, bool(present) and not unusable, present,
                _not_there(unusable) if unusable else hint)


def _not_there(evidence: list[Evidence]) -> str:
    """What to do about listed files that are missing or cannot be used."""
    missing = [e.file.name for e in evidence if not e.problem]
    broken = [e.file.name for e in evidence if e.problem]
    parts = []
    if missing:
        parts.append(f"case.yaml lists {', '.join(missing)}, which "
                     f"{'is' if len(missing) == 1 else 'are'} not in the folder")
    if broken:
        parts.append(f"{', '.join(broken)} cannot be used (see below)")
    return "; ".join(parts)


def _needed_in_all_cases(case: Case) -> list[Item]:
    def listed(kind: str) -> str:
        return f"add the file to the folder and list it in case.yaml with kind: {kind}"

    return [
        _evidence_item(case, "Views of the pupil", ("pupil_views",), listed("pupil_views")),
        _evidence_item(case, "Record of pupil involvement", ("pupil_involvement",),
                       listed("pupil_involvement")),
        _evidence_item(case, "Views of parents/carers (or the account of attempts to contact "
                             "them)", ("parents_views", "contact_attempts"),
                       listed("parents_views")),
        _evidence_item(case, "Record of parental involvement (or the account of attempts to "
                             "contact them)", ("parents_involvement", "contact_attempts"),
                       listed("parents_involvement")),
        _evidence_item(case, "National Curriculum levels across the curriculum",
                       ("nc_levels",), listed("nc_levels")),
        _evidence_item(case, "Attendance record", ("attendance",), listed("attendance")),
    ]


def _review_items(latest: CaseForm | None) -> list[Item]:
    if latest is None:
        return [Item("High Focus review record requesting statutory assessment", False, [],
                     "add the High Focus review form")]
    data = latest.checked.data
    outcome = review.recorded_outcome(review.from_form(data))
    statutory = outcome.key == "statutory_request"
    items = [Item("High Focus review record requesting statutory assessment", statutory,
                  [latest.path], f"the latest review decided '{outcome.title}', not a "
                  "request for statutory assessment")]
    items.append(Item("Proposed Provision Plan", statutory and bool(data.get("provision_plan")),
                      [latest.path], "fill in 'Provision for each thread of concern' in the "
                      "review form"))
    for number, reservation in enumerate(data.get("reservations", []), start=1):
        items.append(Item(f"Reservation {number} ({reservation['who']})",
                          bool(reservation.get("sent_with_request")), [latest.path],
                          "all reservations must be sent with the request: tick 'Sent with "
                          "the request' in the review form"))
    return items


def thread_items(check: CaseCheck) -> list[Item]:
    """Table 2 evidence for each thread of concern in the agreed CRISP."""
    if check.review is None:
        return []
    bands = {int(r["thread"]): r.get("band") for r in check.review.checked.data["crisp_threads"]}
    items = []
    for concern in highfocus.threads_of_concern(bands):
        covering: list[Evidence] = [e for e in check.case.evidence
                                    if concern.thread.number in e.threads]
        present = [e.file for e in covering if e.present]
        unusable = [e for e in covering if not e.present]
        items.append(Item(
            f"Table 2 evidence for {concern.thread.label} (Band {concern.band}): "
            + "; ".join(concern.thread.evidence), bool(present), present,
            _not_there(unusable) if unusable else
            f"add a report covering thread {concern.thread.number} and list it in case.yaml "
            f"with threads: [{concern.thread.number}]"))
    return items
