"""The High Focus review: the outcome its answers lead to, and what the guidance requires of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from docgen.domain import crisp
from docgen.domain.delegation import DelegationPolicy
from docgen.problems import Problem, error, warning

# The guidance's sentences, quoted.
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
NOT_DELEGATED = (
    "The review decides that provision will be made through a request for Statutory Assessment "
    "because the agreed CRISP profile shows elements that are not delegated. If a request for "
    "Statutory Assessment is to be made, the plan will be a Proposed Provision Plan until it is "
    "confirmed by the Statement."
)
TEMPORARILY_HIGH = (
    "If all the appropriate provision has not been made, or the High Focus period has shown "
    "that a different approach may be far more effective, the pupil’s current CRISP assessment "
    "may be temporarily higher than it should be."
)
SUCCESSFUL = ("If the pupil has made satisfactory progress the High Focus period should be seen "
              "as a successful intervention in itself.")


@dataclass(frozen=True)
class ReviewAnswers:
    bands: Mapping[int, int | None]
    evidence_solid: bool = False
    needs_stable: bool = False
    evidence_reliable: bool = False
    all_provision_made: bool = False
    different_approach_better: bool = False
    progress_satisfactory: bool = False
    disagreement: bool = False
    understood: bool = False
    parents_views: str = ""
    pupil_views: str = ""
    interim_provision: str = ""
    health_needs: str = ""
    social_care_needs: str = ""
    apologies: tuple[Mapping[str, Any], ...] = ()
    reservations: tuple[Mapping[str, Any], ...] = ()


def from_form(data: Mapping[str, Any]) -> ReviewAnswers:
    """The answers recorded in a High Focus review form's (validated) data."""
    review = data.get("review", {})
    flags = ("evidence_solid", "needs_stable", "evidence_reliable", "all_provision_made",
             "different_approach_better", "progress_satisfactory", "disagreement", "understood")
    texts = ("parents_views", "pupil_views", "interim_provision", "health_needs",
             "social_care_needs")
    return ReviewAnswers(
        bands={int(r["thread"]): r.get("band") for r in data.get("crisp_threads", [])},
        **{name: bool(review.get(name)) for name in flags},
        **{name: review.get(name) or "" for name in texts},
        apologies=tuple(data.get("apologies", [])),
        reservations=tuple(data.get("reservations", [])),
    )


@dataclass(frozen=True)
class Outcome:
    key: str  # delegated | further_high_focus | renew_for_evidence | statutory_request
    title: str
    plan_name: str | None
    reason: str
    notes: tuple[str, ...] = field(default=())


def decide_outcome(answers: ReviewAnswers, policy: DelegationPolicy) -> Outcome:
    """The outcome the guidance's flow gives for these answers."""
    notes = []
    if not answers.all_provision_made or answers.different_approach_better:
        notes.append(TEMPORARILY_HIGH)
    if answers.progress_satisfactory:
        notes.append(SUCCESSFUL)
    above_band_3 = any((b or 0) > crisp.CONCERN_BAND for b in answers.bands.values())
    if not answers.evidence_reliable and above_band_3:
        return Outcome("renew_for_evidence", "Renew the High Focus period to gain the evidence",
                       None, NOT_RELIABLE, tuple(notes))
    if not answers.evidence_solid or not answers.needs_stable or not answers.evidence_reliable:
        return Outcome("further_high_focus", "A further period of High Focus School Action Plus",
                       None, NOT_SOLID, tuple(notes))
    beyond = policy.non_delegated(answers.bands)
    if beyond:
        threads = ", ".join(f"{crisp.thread(n).label} (Band {answers.bands[n]})" for n in beyond)
        return Outcome("statutory_request", "Request statutory assessment",
                       "Proposed Provision Plan",
                       f"{NOT_DELEGATED} Not delegated: {threads}. {policy.describe()}",
                       tuple(notes))
    return Outcome("delegated", "Provision through the school's delegated resources",
                   "Provision Plan", f"{WITHIN_DELEGATED} {policy.describe()}", tuple(notes))


def review_obligations(answers: ReviewAnswers, outcome: Outcome) -> list[Problem]:
    """What the guidance says the review must (error) or should (warning) do."""
    out: list[Problem] = []
    statutory = outcome.key == "statutory_request"
    if answers.disagreement and not answers.reservations:
        out.append(error("Someone did not agree, but no reservation is recorded. Any "
                         "reservations should be recorded and kept with the pupil's records.",
                         section="Reservations"))
    for number, reservation in enumerate(answers.reservations, start=1):
        if statutory and not reservation.get("sent_with_request"):
            out.append(error("With a request for statutory assessment, details of all "
                             "reservations must be sent with the request. Tick 'Sent with the "
                             "request'.", section="Reservations", row=number,
                             label="Sent with the request"))
    for number, absent in enumerate(answers.apologies, start=1):
        if not absent.get("contribution_received"):
            out.append(warning("The SENCo should ask those who cannot attend for notes, a "
                               "letter or a report on their part in the High Focus IEP.",
                               section="Apologies", row=number,
                               label="Written contribution received"))
        if not absent.get("told_outcome"):
            out.append(warning("The SENCo should let those who could not attend know the "
                               "outcome of the review and invite their comments.",
                               section="Apologies", row=number, label="Told the outcome"))
    if not answers.health_needs and not answers.social_care_needs:
        out.append(warning("The review should consider needs normally met by Health or Social "
                           "Services, and record them (or that there are none).",
                           section="The review meeting", label="Needs normally met by Health "
                           "services"))
    if statutory and not answers.interim_provision:
        out.append(warning("The review should consider and record what action will be taken "
                           "to meet the pupil's needs during any period of statutory procedures.",
                           section="The review meeting",
                           label="Provision during any statutory procedures"))
    if not answers.parents_views or not answers.pupil_views:
        out.append(warning("The review should ask for any further views of the parents or "
                           "carers and the pupil, so that all views are in the record.",
                           section="The review meeting",
                           label="Further views of the parents or carers"
                           if not answers.parents_views else "Further views of the pupil"))
    if not answers.understood:
        out.append(warning("The review should check that the parents or carers and the pupil "
                           "understand the conclusions. Tick the box once they do.",
                           section="The review meeting",
                           label="Parents and pupil understand the conclusions"))
    return out
