"""What a High Focus review recorded, as plain data, and the adapter from a validated form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Apology:
    """Someone who could not attend the review."""

    name: str
    role: str = ""
    contribution_received: bool = False  # their notes, letter or report arrived
    told_outcome: bool = False


@dataclass(frozen=True)
class Reservation:
    """A reservation about the CRISP assessment or a decision, and whose it is."""

    who: str
    about: str
    sent_with_request: bool = False
    role: str = ""  # e.g. "educational psychologist", so documents can say whose it is


@dataclass(frozen=True)
class Action:
    """One line of the "who will do what?" schedule."""

    who: str
    what: str
    by_when: dt.date | str = ""  # a date, or words such as "half-term"


@dataclass(frozen=True)
class ActionReview:
    """Agenda item 3: how one supplementary action of the role table went."""

    who: str
    action: str
    carried_out: bool = False
    findings: str = ""


@dataclass(frozen=True)
class ReviewAnswers:
    """The review's answers: the agreed CRISP bands, the judgements, and what was recorded."""

    bands: Mapping[int, int | None]
    decision: str | None = None  # the meeting's own decision: a key of review.OUTCOMES
    decision_reasons: str = ""
    evidence_solid: bool = False
    needs_stable: bool = False
    evidence_reliable: bool = False  # all the planned assessments were carried out
    all_provision_made: bool = False
    different_approach_better: bool = False
    progress_satisfactory: bool = False
    crisp_may_be_high: str = ""  # what the review said of a CRISP that may be too high
    disagreement: bool = False  # someone did not back the CRISP assessment or a decision
    parents_understood: bool = False
    pupil_understood: bool = False
    how_parents_told: str = ""  # for parents who were not there
    parents_views: str = ""
    pupil_views: str = ""
    changes_to_provision: str = ""
    interim_provision: str = ""  # provision during any period of statutory procedures
    health_needs: str = ""
    social_care_needs: str = ""
    statement_factors: str = ""  # other factors for the authority to include on the Statement
    more_information: str = ""  # a recommendation that the authority seek more information
    date: dt.date | None = None
    hf_start_date: dt.date | None = None
    next_review_date: dt.date | None = None
    attendees: tuple[Attendee, ...] = ()
    apologies: tuple[Apology, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    actions: tuple[Action, ...] = ()
    action_reviews: tuple[ActionReview, ...] = ()
    # The (Proposed) Provision Plan's rows: (thread, adult minutes per week or None).
    planned: tuple[tuple[int, int | None], ...] = ()

    @classmethod
    def from_form(cls, data: Mapping[str, Any]) -> ReviewAnswers:
        """The answers in a High Focus review form's validated data; missing keys are empty."""
        review = data.get("review") or {}
        flags = ("evidence_solid", "needs_stable", "evidence_reliable", "all_provision_made",
                 "different_approach_better", "progress_satisfactory", "disagreement",
                 "parents_understood", "pupil_understood")
        texts = ("decision_reasons", "crisp_may_be_high", "how_parents_told", "parents_views",
                 "pupil_views", "changes_to_provision", "interim_provision", "health_needs",
                 "social_care_needs", "statement_factors", "more_information")
        return cls(
            bands=bands_of(data.get("crisp_threads") or ()),
            decision=review.get("decision") or None,
            **{name: bool(review.get(name)) for name in flags},
            **{name: _text(review.get(name)) for name in texts},
            date=review.get("date"),
            hf_start_date=review.get("hf_start_date"),
            next_review_date=review.get("next_review_date"),
            attendees=tuple(Attendee(_text(r.get("name")), _text(r.get("role")))
                            for r in data.get("attendees") or ()),
            apologies=tuple(
                Apology(_text(r.get("name")), _text(r.get("role")),
                        bool(r.get("contribution_received")), bool(r.get("told_outcome")))
                for r in data.get("apologies") or ()),
            reservations=tuple(
                Reservation(_text(r.get("who")), _text(r.get("about")),
                            bool(r.get("sent_with_request")), _text(r.get("role")))
                for r in data.get("reservations") or ()),
            actions=tuple(Action(_text(r.get("who")), _text(r.get("what")),
                                 r.get("by_when") or "")
                          for r in data.get("actions") or ()),
            action_reviews=tuple(
                ActionReview(_text(r.get("who")), _text(r.get("action")),
                             bool(r.get("carried_out")), _text(r.get("findings")))
                for r in data.get("role_reviews") or ()),
            planned=tuple((int(r["thread"]), r.get("adult_minutes"))
                          for r in data.get("provision_plan") or ()),
        )


def bands_of(crisp_threads: Any) -> dict[int, int | None]:
    """{thread number: band} from CRISP rows; a blank band is None (not assessed)."""
    return {int(row["thread"]): None if row.get("band") in (None, "") else int(row["band"])
            for row in crisp_threads}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


from_form = ReviewAnswers.from_form
