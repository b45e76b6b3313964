"""The High Focus review: the outcome its answers lead to, and what the guidance requires of it."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.domain import crisp
from docgen.domain.delegation import DelegationPolicy, load_policy
from docgen.domain.review_answers import ReviewAnswers, from_form
from docgen.problems import Problem, error, warning

# ReviewAnswers and from_form are re-exported: callers read a form and decide in one place.
__all__ = ["OUTCOMES", "Outcome", "ReviewAnswers", "decide_outcome", "from_form",
           "review_obligations"]

# The guidance's sentences, quoted exactly (its curly apostrophes kept).
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
# "It is at this point that the review decides upon whether the provision will be made:" —
# the second of its two bullets, and what follows from it.
STATUTORY_ROUTE = ("through a request for Statutory Assessment because the agreed CRISP profile "
                   "shows elements that are not delegated")
PROPOSED_PLAN = ("If a request for Statutory Assessment is to be made, the plan will be a "
                 "Proposed Provision Plan until it is confirmed by the Statement.")
TEMPORARILY_HIGH = (
    "If all the appropriate provision has not been made, or the High Focus period has shown "
    "that a different approach may be far more effective, the pupil’s current CRISP assessment "
    "may be temporarily higher than it should be."
)
SUCCESSFUL = ("If the pupil has made satisfactory progress the High Focus period should be seen "
              "as a successful intervention in itself.")

# "evidence ... points to the pupil having needs higher than Band 3 on any Thread"
_RENEW_ABOVE_BAND = 3

# key -> (title, plan name); the order is the order the review reaches them.
OUTCOMES: dict[str, tuple[str, str | None]] = {
    "renew_for_evidence": ("Renew the High Focus period to gain the evidence", None),
    "further_high_focus": ("A further period of High Focus School Action Plus", None),
    "statutory_request": ("Request statutory assessment", "Proposed Provision Plan"),
    "delegated": ("Provision through the school's delegated resources", "Provision Plan"),
}


@dataclass(frozen=True)
class Outcome:
    key: str  # one of OUTCOMES
    title: str
    plan_name: str | None  # "Provision Plan", "Proposed Provision Plan", or None (no plan yet)
    reason: str  # the guidance's sentence, then what decided it here
    notes: tuple[str, ...] = ()  # further sentences of the guidance that apply


def _outcome(key: str, reason: str, notes: list[str]) -> Outcome:
    title, plan_name = OUTCOMES[key]
    return Outcome(key, title, plan_name, reason, tuple(notes))


def decide_outcome(answers: ReviewAnswers, policy: DelegationPolicy) -> Outcome:
    """The outcome the guidance's sequence of questions gives for these answers."""
    notes = []
    if not answers.all_provision_made or answers.different_approach_better:
        notes.append(TEMPORARILY_HIGH)
    if answers.progress_satisfactory:
        notes.append(SUCCESSFUL)
    above_band_3 = any(b is not None and b > _RENEW_ABOVE_BAND for b in answers.bands.values())
    if not answers.evidence_reliable and above_band_3:
        return _outcome("renew_for_evidence", NOT_RELIABLE, notes)
    # Evidence that is not reliable is not solid either, even where it points no higher than
    # Band 3: the same sentence's further period applies.
    if not (answers.evidence_solid and answers.needs_stable and answers.evidence_reliable):
        return _outcome("further_high_focus", NOT_SOLID, notes)
    statutory = f"The review decides that the provision will be made “{STATUTORY_ROUTE}”."
    if answers.within_delegated_bands is not None:
        if answers.within_delegated_bands:
            return _outcome("delegated", f"{WITHIN_DELEGATED} The review recorded that the "
                            "pupil’s needs are within the delegated bands.", notes)
        return _outcome("statutory_request", f"{statutory} {PROPOSED_PLAN} The review recorded "
                        "that the agreed CRISP profile shows elements that are not delegated.",
                        notes)
    beyond = policy.non_delegated(answers.bands)
    if beyond:
        threads = ", ".join(f"{crisp.thread(n).label} (Band {answers.bands[n]})" for n in beyond)
        return _outcome("statutory_request", f"{statutory} {PROPOSED_PLAN} Not delegated: "
                        f"{threads}. {policy.describe()}", notes)
    return _outcome("delegated", f"{WITHIN_DELEGATED} {policy.describe()}", notes)


def review_obligations(answers: ReviewAnswers, outcome: Outcome | None = None
                       ) -> tuple[Problem, ...]:
    """What the guidance says the review must (error) or should (warning) have done.

    Without an outcome, the outcome is decided with the bundled delegation policy.
    """
    outcome = outcome or decide_outcome(answers, load_policy())
    statutory = outcome.key == "statutory_request"
    out: list[Problem] = []
    # "CRISP assessments and all decisions will need the backing of those involved in the IEP –
    # or any reservations should be recorded": without the record, a decision stands that lacks
    # the backing it needs, so this is an error.
    if answers.disagreement and not answers.reservations:
        out.append(error("Someone did not agree, but no reservation is recorded. Any "
                         "reservations should be recorded and kept with the pupil's records.",
                         section="Reservations"))
    for number, reservation in enumerate(answers.reservations, start=1):
        if statutory and not reservation.sent_with_request:
            out.append(error("With a request for statutory assessment, details of all "
                             "reservations must be sent with the request. Tick 'Sent with the "
                             "request'.", section="Reservations", row=number,
                             label="Sent with the request"))
    for number, absent in enumerate(answers.apologies, start=1):
        if not absent.contribution_received:
            out.append(warning("The SENCo should ask those who cannot attend for notes, a "
                               "letter or a report on their part in the High Focus IEP.",
                               section="Apologies", row=number,
                               label="Written contribution received"))
        if not absent.told_outcome:
            out.append(warning("The SENCo should let those who could not attend know the "
                               "outcome of the review and invite their comments.",
                               section="Apologies", row=number, label="Told the outcome"))
    if not answers.health_needs and not answers.social_care_needs:
        out.append(warning("The review should consider needs normally met by Health or Social "
                           "Services, and record them (or that there are none).",
                           section="The review meeting",
                           label="Needs normally met by Health services"))
    # "the review should consider and record what action will be taken to meet the pupil's
    # needs during any period of Statutory Procedures". An error although the word is "should":
    # the request goes to the authority with no account of how the pupil is provided for in the
    # months the procedures take, and "the pupil will need planned future provision in either
    # case".
    if statutory and not answers.interim_provision:
        out.append(error("The review should consider and record what action will be taken to "
                         "meet the pupil's needs during any period of statutory procedures.",
                         section="The review meeting",
                         label="Provision during any statutory procedures"))
    # "the Review should ask for any further views, or restatement of views from the
    # parents/carers and pupil ... to ensure that all views are included in record".
    for text, label in ((answers.parents_views, "Further views of the parents or carers"),
                        (answers.pupil_views, "Further views of the pupil")):
        if not text:
            out.append(warning("The review should ask for any further views, or restatement "
                               "of views, from the parents or carers and the pupil, so that all "
                               "views are in the record.", section="The review meeting",
                               label=label))
    # "the Review can check that the parents/carers and pupil understand fully the nature of the
    # conclusions" — good practice, so a reminder only.
    if not answers.understood:
        out.append(warning("The review should check that the parents or carers and the pupil "
                           "understand the conclusions. Tick the box once they do.",
                           section="The review meeting",
                           label="Parents and pupil understand the conclusions"))
    return tuple(out)
