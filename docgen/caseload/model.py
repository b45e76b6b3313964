"""The caseload's plain data: what one form says, a pupil, a deadline, a pupil's status.

Everything here is plain and picklable: workers send ``FormFacts`` back to the parent, and
the parent turns a pupil's facts into a ``PupilStatus`` through the framework's provider.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any


@dataclass(frozen=True)
class Identity:
    """Who a form is about, as the form's pupil section says."""

    forename: str = ""
    surname: str = ""
    date_of_birth: dt.date | None = None
    upn: str = ""
    year_group: str = ""
    known_as: str = ""
    school: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.forename, self.surname) if part)

    @property
    def initials(self) -> str:
        """Forename and surname initials only ('TL'): all a calendar on a phone may show."""
        return "".join(_first_letter(part) for part in (self.forename, self.surname)
                       if part).upper()


def _first_letter(text: str) -> str:
    letters = [c for c in unicodedata.normalize("NFC", text.strip()) if c.isalpha()]
    return letters[0] if letters else ""


@dataclass(frozen=True)
class ProvisionRow:
    """One provision row of a plan, as the caseload's provision map needs it.

    Rows with sessions say how the adult's time is shared; a row from a Provision Plan gives
    only the pupil's adult minutes a week (``minutes_per_pupil``) and how often, in words.
    """

    what: str
    who: str
    session_minutes: int | None = None
    sessions_per_week: int | None = None
    group_size: int | None = None
    how_often: str = ""  # when the form gives the frequency in words
    minutes_per_pupil: Fraction | None = None  # only when there are no sessions
    hourly_cost: Fraction | None = None  # a cost the form itself gives, per hour
    adults: int = 1  # adults working with the group in each session

    @property
    def weekly_minutes_per_pupil(self) -> Fraction | None:
        """Minutes × sessions × adults ÷ group size (docgen.domain.stages.per_pupil_minutes)."""
        if self.minutes_per_pupil is not None:
            return self.minutes_per_pupil
        if self.session_minutes and self.sessions_per_week and self.group_size:
            return Fraction(self.session_minutes * self.sessions_per_week * self.adults,
                            self.group_size)
        return None


@dataclass
class FormFacts:
    """What one valid form tells the caseload (extracted in a worker by the provider)."""

    source: str  # relative to the register
    form: str
    framework: str  # the framework's key
    identity: Identity
    facts: dict[str, Any] = field(default_factory=dict)
    # each warning's place, by the form's section heading and field label: never values
    warnings: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class NotUsed:
    """An input the caseload could not use: the file, and why (no personal data)."""

    source: str
    reason: str
    identity: Identity | None = None  # when the form's pupil section could be read


@dataclass(frozen=True)
class Skipped:
    """An input that is not a filled form: a document docgen made, or a blank form."""

    source: str
    why: str  # "document" | "blank"


@dataclass(frozen=True)
class Deadline:
    """One due date for one pupil: what is due, when, and by which rule."""

    key: str  # stable: with the pupil and ``anchor`` it names the event across runs
    title: str  # "IEP review", "Annual review: invitations and advice"
    due: dt.date
    rule: str  # the source's words, short
    anchor: str = ""  # what the deadline belongs to (a plan's start date, say)
    review: bool = False  # the pupil's main review: counted in "reviews overdue"
    done: bool = False
    authority: bool = False  # the local authority's date, not the school's

    def days_until(self, today: dt.date) -> int:
        return (self.due - today).days

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due < today


@dataclass
class PupilStatus:
    """One pupil's row in the caseload, whichever framework the forms follow."""

    framework: str  # the framework's title
    stage: str
    need: str = ""
    area: str = ""  # area of need, for the provision map's totals
    stage_key: str = ""  # for the stage's indicative minimum
    plan: str = ""
    review: Deadline | None = None
    last_review: dt.date | None = None
    last_outcome: str = ""
    high_focus: tuple[dt.date, dt.date] | None = None
    request_clock: list[tuple[str, dt.date]] = field(default_factory=list)
    annual_review: list[tuple[str, dt.date]] = field(default_factory=list)
    parent_meetings: tuple[int, int] | None = None  # (this year, expected)
    deadlines: list[Deadline] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    provision: list[ProvisionRow] = field(default_factory=list)
    minimum_minutes: int | None = None  # the stage's indicative adult time a week
    equivalent_provision: bool = False  # other provision of equivalent value recorded


@dataclass
class Pupil:
    """A pupil found in the register, with every form about them and their status."""

    key: str
    identity: Identity
    forms: list[FormFacts] = field(default_factory=list)
    status: PupilStatus | None = None
    not_used: list[NotUsed] = field(default_factory=list)  # its forms with errors
    notes: list[str] = field(default_factory=list)  # about the grouping itself

    @property
    def year_group(self) -> str:
        return self.identity.year_group
