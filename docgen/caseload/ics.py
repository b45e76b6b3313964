"""deadlines.ics: an iCalendar file (RFC 5545) a SENCo imports into Outlook or Google Calendar.

One all-day event per due date. A calendar syncs to phones, so an event names the pupil by
initials and year group only: no full name, no UPN, nothing typed in a form. Each event's UID
is a one-way digest of the pupil, the kind of deadline and what it belongs to (a plan's start,
say), so importing a newer file updates the same events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

from docgen.caseload.build import Caseload
from docgen.caseload.model import Deadline, Pupil

PRODID = "-//docgen//SEN caseload//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than 75 octets are folded


def escape(text: str) -> str:
    """RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and newline escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character; continuation
    lines start with one space (RFC 5545 3.1)."""
    if len(line) * 4 <= LINE_OCTETS or len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # the leading space counts
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def uid(pupil: Pupil, deadline: Deadline) -> str:
    digest = hashlib.sha256(f"{pupil.key}|{deadline.key}|{deadline.anchor}".encode())
    return f"{digest.hexdigest()[:32]}@caseload.docgen"


def who(pupil: Pupil) -> str:
    """'TL (Year 4)': initials and year group, all the calendar says about the pupil."""
    year = pupil.year_group
    shown = f"Year {year}" if year.isdigit() else {"N": "Nursery", "R": "Reception"}.get(year, "")
    return f"{pupil.identity.initials} ({shown})" if shown else pupil.identity.initials


def _event(pupil: Pupil, deadline: Deadline, stamp: str) -> Iterator[str]:
    day = deadline.due
    yield "BEGIN:VEVENT"
    yield f"UID:{uid(pupil, deadline)}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{day:%Y%m%d}"
    yield f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"
    yield f"SUMMARY:{escape(f'{deadline.title}: {who(pupil)}')}"
    yield f"DESCRIPTION:{escape(_description(deadline))}"
    yield f"CATEGORIES:{'Local authority' if deadline.authority else 'SEN'}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def _description(deadline: Deadline) -> str:
    owner = "The local authority's date" if deadline.authority else "Due"
    return f"{owner}: {deadline.rule}."


def deadlines_ics(caseload: Caseload) -> bytes:
    stamp = f"{caseload.today:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:SEN deadlines"]
    events = sorted(((d.due, p.key, d.key, p, d) for p in caseload.pupils if p.status
                     for d in p.status.deadlines if not d.done), key=lambda e: e[:3])
    seen: set[str] = set()
    for *_, pupil, deadline in events:
        if uid(pupil, deadline) in seen:
            continue
        seen.add(uid(pupil, deadline))
        lines += _event(pupil, deadline, stamp)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
