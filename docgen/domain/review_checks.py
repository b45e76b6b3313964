"""What the guidance says a High Focus review must (error) or should (warning) have done."""

from __future__ import annotations

from docgen.domain import highfocus, stages
from docgen.domain.contributors import is_parent
from docgen.domain.review import DECISION_SECTION, TEMPORARILY_HIGH
from docgen.domain.review_answers import ReviewAnswers
from docgen.problems import Problem, error, warning

MEETING = DECISION_SECTION
STATEMENT_FACTORS = (
    "Where Statutory Assessment is to be requested the Review should especially consider "
    "whether there are other factors that it would wish the LEA to include on the Statement."
)
PARENT_THERE = "Certainly it is important for the parent to be there"
SUPPLEMENTARY = "Review of IEP Targets and supplementary actions"


def review_obligations(answers: ReviewAnswers) -> tuple[Problem, ...]:
    """Every check of the review against the guidance, in the order of the form."""
    return (*_decision_record(answers), *_parents(answers), *_reservations(answers),
            *_those_absent(answers), *_other_needs(answers), *_views(answers),
            *_supplementary_actions(answers), *_plan(answers))


def _statutory(answers: ReviewAnswers) -> bool:
    return answers.decision == "statutory_request"


def _decision_record(answers: ReviewAnswers) -> list[Problem]:
    out = []
    # Question 2 answered "no" and still a request: the CRISP profile the request rests on
    # may be too high, so the record must show the review weighed that.
    provision_doubt = not answers.all_provision_made or answers.different_approach_better
    if _statutory(answers) and provision_doubt and not answers.crisp_may_be_high:
        out.append(warning(
            f"The review requests statutory assessment, but not all appropriate provision was "
            f"made (or a different approach looks far more effective). The guidance: "
            f"“{TEMPORARILY_HIGH}” Record what the review concluded about this.",
            section=MEETING, label="Whether the CRISP assessment may be higher than it should "
                                   "be"))
    # "In addition, the review should consider and record what action will be taken to meet
    # the pupil's needs during any period of Statutory Procedures". An error although the word
    # is "should": the request goes to the authority with no account of how the pupil is
    # provided for in the months the procedures take.
    if _statutory(answers) and not answers.interim_provision:
        out.append(error("The review should consider and record what action will be taken to "
                         "meet the pupil's needs during any period of statutory procedures.",
                         section=MEETING, label="Provision during any statutory procedures"))
    if _statutory(answers) and not answers.statement_factors:
        out.append(warning(f"“{STATEMENT_FACTORS}” Record them, or that there are none.",
                           section=MEETING, label="Other factors the review would wish the "
                                                  "authority to include on the Statement"))
    return out


def _parents(answers: ReviewAnswers) -> list[Problem]:
    present = any(is_parent(a.name) or is_parent(a.role) for a in answers.attendees)
    contributed = any((is_parent(a.name) or is_parent(a.role)) and a.contribution_received
                      for a in answers.apologies)
    out = []
    if not present and not contributed:
        out.append(warning(f"No parent or carer attended the review, and none sent a "
                           f"contribution. “{PARENT_THERE}”: record their views, or the "
                           "attempts made to gain them, and tell them the outcome.",
                           section="Attendees"))
    # "the Review can check that the parents/carers and pupil understand fully the nature of the
    # conclusions": parents who were not there cannot be said to, unless someone told them. The
    # record then says it is not yet recorded (families.highfocus.understanding), so the
    # documents are still made and say nothing false.
    if answers.parents_understood and not present and not answers.how_parents_told:
        out.append(warning("The parents or carers were not at the review, so the record cannot "
                           "say they understand the conclusions unless it says how they were "
                           "told: it says this is not yet recorded. Say how and when they were "
                           "told, or untick the box.", section=MEETING,
                           label="The parents or carers understand the conclusions"))
    for flag, label, who in (
            (answers.parents_understood, "The parents or carers understand the conclusions",
             "the parents or carers understand"),
            (answers.pupil_understood, "The pupil understands the conclusions",
             "the pupil understands")):
        if not flag:
            out.append(warning(f"The review should check that {who} the conclusions. Tick "
                               "the box once they do.", section=MEETING, label=label))
    return out


def _reservations(answers: ReviewAnswers) -> list[Problem]:
    out = []
    # "CRISP assessments and all decisions will need the backing of those involved in the IEP –
    # or any reservations should be recorded": without the record, a decision stands that lacks
    # the backing it needs, so this is an error.
    if answers.disagreement and not answers.reservations:
        out.append(error("Someone did not agree, but no reservation is recorded. Any "
                         "reservations should be recorded and kept with the pupil's records.",
                         section="Reservations"))
    for number, reservation in enumerate(answers.reservations, start=1):
        if _statutory(answers) and not reservation.sent_with_request:
            out.append(error("With a request for statutory assessment, details of all "
                             "reservations must be sent with the request. Tick 'Sent with the "
                             "request'.", section="Reservations", row=number,
                             label="Sent with the request"))
    return out


def _those_absent(answers: ReviewAnswers) -> list[Problem]:
    out = []
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
    return out


def _other_needs(answers: ReviewAnswers) -> list[Problem]:
    if answers.health_needs or answers.social_care_needs:
        return []
    return [warning("The review should consider needs normally met by Health or Social "
                    "Services, and record them (or that there are none).", section=MEETING,
                    label="Needs normally met by Health services")]


def _views(answers: ReviewAnswers) -> list[Problem]:
    # "the Review should ask for any further views, or restatement of views from the
    # parents/carers and pupil ... to ensure that all views are included in record".
    return [warning("The review should ask for any further views, or restatement of views, "
                    "from the parents or carers and the pupil, so that all views are in the "
                    "record.", section=MEETING, label=label)
            for text, label in ((answers.parents_views, "Further views of the parents or carers"),
                                (answers.pupil_views, "Further views of the pupil"))
            if not text]


def _supplementary_actions(answers: ReviewAnswers) -> list[Problem]:
    if answers.action_reviews:
        return []
    return [warning(f"Agenda item 3 is the “{SUPPLEMENTARY}”: record how each action of the "
                    "High Focus IEP's role table went.",
                    section="Review of supplementary actions")]


def _plan(answers: ReviewAnswers) -> list[Problem]:
    """The (Proposed) Provision Plan: provision for each thread of concern, and delegated
    provision beyond the School Action Plus amount."""
    if answers.decision not in ("delegated", "statutory_request"):
        return []
    planned = {thread for thread, _ in answers.planned}
    out = [warning(f"No provision is recorded for {c.thread.label}, a thread of concern (Band "
                   f"{c.band}). Add a row for it, or say in the plan's objectives why none "
                   "is needed.", section="Provision for each thread of concern")
           for c in highfocus.threads_of_concern(answers.bands) if c.thread.number not in planned]
    total = sum(minutes or 0 for _, minutes in answers.planned)
    if answers.decision == "delegated" and total <= stages.SA_PLUS_MINUTES:
        out.append(warning(
            f"The Provision Plan gives {total} adult minutes a week. Pupils whose needs are met "
            f"through delegated provision stay at School Action Plus but “"
            f"{stages.EXCEEDS_SA_PLUS}” ({stages.SA_PLUS_MINUTES} minutes a week).",
            section="Provision for each thread of concern", label="Adult minutes per week"))
    return out
