"""What each cell of the caseload says, in words: shared by the Word report and the web page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.caseload.build import SOON_DAYS, Caseload
from docgen.caseload.docx_kit import short_date
from docgen.caseload.model import Deadline, Pupil

YEAR_NAMES = {"N": "Nursery", "R": "Reception"}
HEADERS = ("Pupil", "Stage and need", "Current plan", "Review due", "Last review",
           "Other dates", "Checks")


def year_title(year_group: str) -> str:
    if year_group in YEAR_NAMES:
        return YEAR_NAMES[year_group]
    return f"Year {year_group}" if year_group else "Year group not recorded"


def year_order(year_group: str) -> tuple[int, int, str]:
    if year_group == "N":
        return (0, 0, "")
    if year_group == "R":
        return (0, 1, "")
    return (1, int(year_group), "") if year_group.isdigit() else (2, 0, year_group)


def days_text(deadline: Deadline, today: dt.date) -> str:
    """'OVERDUE by 3 days', 'today', 'in 12 days', 'done'."""
    if deadline.done:
        return "done"
    days = deadline.days_until(today)
    if days < 0:
        return f"OVERDUE by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "due today"
    return f"in {days} day{'s' if days != 1 else ''}"


@dataclass(frozen=True)
class Row:
    """One pupil's row, cell by cell."""

    pupil: Pupil
    cells: tuple[str, ...]
    overdue: bool
    due: dt.date | None


def pupil_row(pupil: Pupil, today: dt.date, *, frameworks: int = 1) -> Row:
    status = pupil.status
    assert status is not None
    identity = pupil.identity
    name = identity.full_name + (f"\nknown as {identity.known_as}" if identity.known_as else "")
    stage = status.stage or "Stage not recorded"
    if frameworks > 1:
        stage = f"{status.framework}\n{stage}"
    stage_need = "\n".join(part for part in (stage, status.need) if part)
    review = status.review
    due = (f"{review.title}\n{short_date(review.due)}\n{days_text(review, today)}"
           if review else "No review date")
    last = (f"{short_date(status.last_review)}\n{status.last_outcome}".strip()
            if status.last_review else "None recorded")
    checks = "\n".join(status.checks) if status.checks else "None"
    overdue = bool(review and review.overdue(today))
    return Row(pupil, (name, stage_need, status.plan or "No current plan", due, last,
                       other_dates(pupil), checks), overdue, review.due if review else None)


def other_dates(pupil: Pupil) -> str:
    status = pupil.status
    assert status is not None
    lines = []
    if status.high_focus:
        start, end = status.high_focus
        lines.append(f"High Focus period: {short_date(start)} to {short_date(end)}")
    if status.request_clock:
        lines.append("EHC needs assessment request: " + "; ".join(
            f"{label} {short_date(day)}" for label, day in status.request_clock))
    if status.annual_review:
        lines.append("Annual review: " + "; ".join(
            f"{label} {short_date(day)}" for label, day in status.annual_review))
    if status.parent_meetings:
        held, expected = status.parent_meetings
        lines.append(f"Meetings with parents this year: {held} of {expected}")
    return "\n".join(lines)


def year_groups(caseload: Caseload) -> list[tuple[str, list[Row]]]:
    """Rows by year group, each group's overdue first, then by due date and name."""
    frameworks = len({p.status.framework for p in caseload.pupils if p.status})
    groups: dict[str, list[Row]] = {}
    for pupil in caseload.pupils:
        groups.setdefault(pupil.year_group, []).append(
            pupil_row(pupil, caseload.today, frameworks=frameworks))
    return [(year_title(year), sorted(rows, key=lambda r: (r.due or dt.date.max,)))
            for year, rows in sorted(groups.items(), key=lambda item: year_order(item[0]))]


@dataclass(frozen=True)
class DueItem:
    pupil: Pupil
    deadline: Deadline


def due_soon(caseload: Caseload) -> list[DueItem]:
    """The school's deadlines that are overdue or due in the next 14 days, soonest first."""
    items = [DueItem(p, d) for p in caseload.pupils if p.status for d in p.status.deadlines
             if not d.done and not d.authority and d.days_until(caseload.today) <= SOON_DAYS]
    return sorted(items, key=lambda i: (i.deadline.due, i.pupil.identity.surname))
