"""The High Focus review's decision: what the meeting recorded, and docgen's suggestion.

"It is at this point that the review decides": the decision is the meeting's own, recorded on
the form with its reasons. docgen works out what the guidance's sequence of questions and the
authority's delegation policy would suggest, only to warn when the decision differs from it —
never to change it.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.domain import crisp
from docgen.domain.delegation import DelegationPolicy
from docgen.domain.review_answers import ReviewAnswers, from_form
from docgen.problems import Problem, warning

__all__ = ["OUTCOMES", "Outcome", "ReviewAnswers", "Suggestion", "decision_check", "from_form",
           "recorded_outcome", "suggested_outcome"]

# The guidance's sentences, quoted exactly (its curly apostrophes kept), for warnings.
WITHIN_DELEGATED = (
    "If the CRISP assessment shows the needs of the pupil are within bands that are funded "
    "through delegated budgets, there should be no need for request for Statutory Assessment."
)
NOT_SOLID = (
    "However, if there is concern that the evidence is not solid, or that the pupil’s needs "
    "might not be stable, the Review might decide on a further period of High Focus School "
    "Action."
)
NOT_RELIABLE = (
    "Similarly, if what evidence exists points to the pupil having needs higher than Band 3 on "
    "any Thread, but that evidence is not reliable (for example the assessments have not been "
    "carried out for some reason), the usual course of action would be to renew the High Focus "
    "period in order to gain the evidence."
)
STATUTORY_ROUTE = ("through a request for Statutory Assessment because the agreed CRISP profile "
                   "shows elements that are not delegated")
TEMPORARILY_HIGH = (
    "If all the appropriate provision has not been made, or the High Focus period has shown "
    "that a different approach may be far more effective, the pupil’s current CRISP assessment "
    "may be temporarily higher than it should be."
)

# "evidence ... points to the pupil having needs higher than Band 3 on any Thread"
_RENEW_ABOVE_BAND = 3

DECISION_SECTION = "The review meeting"
DECISION_LABEL = "Decision of the review"

# key -> (title, plan name), in the order the guidance lists the decisions.
OUTCOMES: dict[str, tuple[str, str | None]] = {
    "delegated": ("Provision through the school's delegated resources", "Provision Plan"),
    "statutory_request": ("Request statutory assessment", "Proposed Provision Plan"),
    "further_high_focus": ("A further period of High Focus School Action Plus", None),
    "renew_for_evidence": ("Renew the High Focus period to gain the evidence", None),
}


@dataclass(frozen=True)
class Outcome:
    """The review's outcome as documents show it: the meeting's decision and its reasons."""

    key: str  # one of OUTCOMES
    title: str
    plan_name: str | None  # "Provision Plan", "Proposed Provision Plan", or None (no plan yet)
    reason: str  # the meeting's reasons, in its own words
    notes: tuple[str, ...] = ()  # what else the meeting recorded about its decision


def recorded_outcome(answers: ReviewAnswers) -> Outcome:
    """The outcome the meeting recorded; KeyError when the form records no decision."""
    if answers.decision is None:
        raise KeyError("the review records no decision")
    title, plan_name = OUTCOMES[answers.decision]
    notes = (answers.crisp_may_be_high,) if answers.crisp_may_be_high else ()
    return Outcome(answers.decision, title, plan_name, answers.decision_reasons, notes)


@dataclass(frozen=True)
class Suggestion:
    """What the guidance's questions and the delegation policy point to, and why (for the
    person checking the form, never for a document)."""

    key: str
    why: str
    guidance: str  # the guidance's sentence behind it


def suggested_outcome(answers: ReviewAnswers, policy: DelegationPolicy) -> Suggestion:
    """The outcome the guidance's sequence of questions points to for these answers."""
    above_band_3 = {n: b for n, b in answers.bands.items()
                    if b is not None and b > _RENEW_ABOVE_BAND}
    if not answers.evidence_reliable and above_band_3:
        return Suggestion("renew_for_evidence",
                          "not all the planned assessments were carried out, and the evidence "
                          f"points to {_bands_text(above_band_3)}", NOT_RELIABLE)
    doubts = [text for held, text in (
        (answers.evidence_solid, "the evidence is not solid"),
        (answers.needs_stable, "the pupil's needs may not be stable"),
        (answers.evidence_reliable, "not all the planned assessments were carried out"),
    ) if not held]
    if doubts:
        return Suggestion("further_high_focus", f"the review recorded that {_listed(doubts)}",
                          NOT_SOLID)
    beyond = policy.non_delegated(answers.bands)
    if beyond:
        shown = {n: answers.bands[n] for n in beyond}
        return Suggestion("statutory_request",
                          f"{_bands_text(shown)} {'is' if len(beyond) == 1 else 'are'} above "
                          f"the delegated bands. {policy.describe()}", STATUTORY_ROUTE)
    return Suggestion("delegated", f"every band is within the delegated bands. "
                      f"{policy.describe()}", WITHIN_DELEGATED)


def decision_check(answers: ReviewAnswers, policy: DelegationPolicy) -> list[Problem]:
    """A warning when the recorded decision differs from the suggestion; the decision stands."""
    if answers.decision not in OUTCOMES:
        return []
    suggestion = suggested_outcome(answers, policy)
    if suggestion.key == answers.decision:
        return []
    decided, suggested = OUTCOMES[answers.decision][0], OUTCOMES[suggestion.key][0]
    return [warning(
        f"The review decided “{decided}”, but its answers suggest “{suggested}”: "
        f"{suggestion.why} The guidance: “{suggestion.guidance}” The decision is the "
        "review's and docgen keeps it: check it, and make sure the reasons say why.",
        section=DECISION_SECTION, label=DECISION_LABEL)]


def _bands_text(bands: dict[int, int | None]) -> str:
    return _listed([f"Band {band} on {crisp.thread(n).label}" for n, band in sorted(
        bands.items())])


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
