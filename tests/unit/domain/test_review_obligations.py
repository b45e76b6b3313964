"""What the guidance requires of a High Focus review, and reading a review form's data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.domain import review
from docgen.domain.review_answers import (
    Action,
    ActionReview,
    Apology,
    Attendee,
    Reservation,
)
from docgen.domain.review_checks import review_obligations

DONE = (ActionReview("Mr Lloyd (PSS)", "Assess phonics", True, "Score 15 of 20"),)


def recorded(**changes: Any) -> review.ReviewAnswers:
    """A review that did everything the guidance asks, delegated provision decided."""
    base: dict[str, Any] = {
        "bands": {1: 4}, "decision": "delegated", "decision_reasons": "Within the bands.",
        "evidence_solid": True, "needs_stable": True, "evidence_reliable": True,
        "all_provision_made": True, "parents_understood": True, "pupil_understood": True,
        "parents_views": "Pleased with the reading group", "pupil_views": "Likes the group",
        "health_needs": "None identified", "social_care_needs": "",
        "attendees": (Attendee("Mrs Khan", "Parent"), Attendee("Mr Lee", "SENCo")),
        "action_reviews": DONE, "planned": ((1, 60),),
    }
    return review.ReviewAnswers(**{**base, **changes})


STATUTORY: dict[str, Any] = {
    "decision": "statutory_request", "bands": {7: 5}, "planned": ((7, 100),),
    "interim_provision": "The group continues", "statement_factors": "NHS therapy weekly"}


def problems(answers: review.ReviewAnswers) -> list[tuple[str, str | None, int | None, str | None]]:
    return [(p.severity, p.section, p.row, p.label) for p in review_obligations(answers)]


def messages(answers: review.ReviewAnswers) -> list[str]:
    return [p.message for p in review_obligations(answers)]


def test_a_complete_review_has_no_problems() -> None:
    assert problems(recorded()) == []
    assert problems(recorded(**STATUTORY, reservations=(
        Reservation("Mrs Khan", "Band 5", True, "Parent"),))) == []


def test_statutory_request_must_send_every_reservation() -> None:
    """'In the case of Statutory Assessment, details of all reservations must be sent with the
    request.'"""
    answers = recorded(**STATUTORY, reservations=(
        Reservation("Mrs W", "Band 5 on thread 8", True, "Parent"),
        Reservation("Miss Jones", "Band 5 on thread 7", False, "Class teacher")))
    assert problems(answers) == [("error", "Reservations", 2, "Sent with the request")]
    assert messages(answers) == ["With a request for statutory assessment, details of all "
                                 "reservations must be sent with the request. Tick 'Sent with "
                                 "the request'."]


def test_reservations_need_not_be_sent_without_a_statutory_request() -> None:
    """Otherwise 'any reservations should be recorded and kept with the pupil’s records'."""
    answers = recorded(reservations=(Reservation("Miss Jones", "Band 4", False, "Teacher"),))
    assert problems(answers) == []


def test_disagreement_without_a_recorded_reservation_is_an_error() -> None:
    """'CRISP assessments and all decisions will need the backing of those involved in the IEP
    – or any reservations should be recorded and kept with the pupil’s records.'"""
    assert problems(recorded(disagreement=True)) == [("error", "Reservations", None, None)]
    answers = recorded(disagreement=True, reservations=(Reservation("EP", "Band 4", False),))
    assert problems(answers) == []


def test_those_absent_are_told_the_outcome() -> None:
    """'The SENCo should let them know the outcome of the Review and invite any comments.'"""
    answers = recorded(apologies=(Apology("Dr Marsh", "EP", True, True),
                                  Apology("Mr Lee", "PSS", True, False)))
    assert problems(answers) == [("warning", "Apologies", 2, "Told the outcome")]
    assert messages(answers) == ["The SENCo should let those who could not attend know the "
                                 "outcome of the review and invite their comments."]


def test_those_absent_are_asked_for_a_contribution() -> None:
    """'It makes sense for the SENCo to ask those who cannot attend for notes, a letter or a
    report indicating their part in the High Focus IEP and the results.'"""
    answers = recorded(apologies=(Apology("Dr Marsh", "EP", False, True),))
    assert problems(answers) == [("warning", "Apologies", 1, "Written contribution received")]


def test_needs_met_by_health_or_social_services_are_considered() -> None:
    """'Where there is no request for Statutory Assessment the review should still consider such
    additional needs, plan for their provision and record them.'"""
    assert problems(recorded(health_needs="")) == [
        ("warning", "The review meeting", None, "Needs normally met by Health services")]
    assert problems(recorded(health_needs="", social_care_needs="Family support")) == []


def test_statutory_request_records_provision_during_the_procedures() -> None:
    """'In addition, the review should consider and record what action will be taken to meet
    the pupil’s needs during any period of Statutory Procedures.' An error: see review_checks."""
    assert problems(recorded(**{**STATUTORY, "interim_provision": ""})) == [
        ("error", "The review meeting", None, "Provision during any statutory procedures")]
    assert problems(recorded(interim_provision="")) == []  # not needed without a request


def test_statutory_request_considers_other_factors_for_the_statement() -> None:
    """'Where Statutory Assessment is to be requested the Review should especially consider
    whether there are other factors that it would wish the LEA to include on the Statement.'"""
    answers = recorded(**{**STATUTORY, "statement_factors": ""})
    assert problems(answers) == [("warning", "The review meeting", None, "Other factors the "
                                  "review would wish the authority to include on the Statement")]
    assert messages(answers) == [
        "“Where Statutory Assessment is to be requested the Review should especially consider "
        "whether there are other factors that it would wish the LEA to include on the "
        "Statement.” Record them, or that there are none."]
    assert problems(recorded(statement_factors="")) == []  # delegated: not asked


def test_provision_not_made_with_a_statutory_request_asks_whether_crisp_is_too_high() -> None:
    """Question 2 answered 'no' with a request: 'the pupil’s current CRISP assessment may be
    temporarily higher than it should be' — the record must show the review considered it."""
    for change in ({"all_provision_made": False}, {"different_approach_better": True}):
        answers = recorded(**STATUTORY, **change)
        (message,) = messages(answers)
        assert "the pupil’s current CRISP assessment may be temporarily higher than it should " \
               "be." in message
        assert message.startswith("The review requests statutory assessment, but not all "
                                  "appropriate provision was made")
        assert problems(answers)[0][3] == ("Whether the CRISP assessment may be higher than it "
                                           "should be")
        considered = recorded(**STATUTORY, **change,
                              crisp_may_be_high="Provision was made for all but two weeks.")
        assert problems(considered) == []
    # the negative cases: provision made, or no request
    assert problems(recorded(**STATUTORY)) == []
    assert problems(recorded(all_provision_made=False)) == []


def test_a_review_with_no_parent_present_or_contributing_is_warned() -> None:
    """'Certainly it is important for the parent to be there'."""
    absent = (Attendee("Mr Lee", "SENCo"),)
    answers = recorded(attendees=absent, parents_understood=False)
    assert ("warning", "Attendees", None, None) in problems(answers)
    assert messages(answers)[0] == (
        "No parent or carer attended the review, and none sent a contribution. “Certainly it is "
        "important for the parent to be there”: record their views, or the attempts made to "
        "gain them, and tell them the outcome.")
    sent_notes = recorded(attendees=absent, parents_understood=False,
                          apologies=(Apology("Mr and Mrs Rahman", "Parents", True, True),))
    assert ("warning", "Attendees", None, None) not in problems(sent_notes)
    assert ("warning", "Attendees", None, None) not in problems(recorded())


def test_absent_parents_cannot_be_said_to_understand_without_saying_how_they_were_told(
) -> None:
    """'the Review can check that the parents/carers and pupil understand fully the nature of
    the conclusions' — parents who were not there cannot, unless someone told them."""
    absent = (Attendee("Mr Lee", "SENCo"),)
    answers = recorded(attendees=absent,
                       apologies=(Apology("Mrs Khan", "Parent", True, True),))
    assert problems(answers) == [("warning", "The review meeting", None,
                                  "The parents or carers understand the conclusions")]
    assert messages(answers)[0].startswith("The parents or carers were not at the review, so "
                                           "the record cannot say they understand")
    told = recorded(attendees=absent, apologies=(Apology("Mrs Khan", "Parent", True, True),),
                    how_parents_told="Mrs Howells visited them at home on 10 December.")
    assert problems(told) == []


def test_understanding_of_the_conclusions_is_checked() -> None:
    """'the Review can check that the parents/carers and pupil understand fully the nature of
    the conclusions reached so far'."""
    assert problems(recorded(parents_understood=False, pupil_understood=False)) == [
        ("warning", "The review meeting", None,
         "The parents or carers understand the conclusions"),
        ("warning", "The review meeting", None, "The pupil understands the conclusions")]


def test_views_of_parents_and_pupil_are_recorded() -> None:
    """'At this point the Review should ask for any further views, or restatement of views from
    the parents/carers and pupil. This is particularly important to ensure that all views are
    included in record of the review.'"""
    assert problems(recorded(parents_views="", pupil_views="")) == [
        ("warning", "The review meeting", None, "Further views of the parents or carers"),
        ("warning", "The review meeting", None, "Further views of the pupil"),
    ]


def test_the_supplementary_actions_are_reviewed() -> None:
    """Agenda item 3: 'Review of IEP Targets and supplementary actions'."""
    assert problems(recorded(action_reviews=())) == [
        ("warning", "Review of supplementary actions", None, None)]
    assert messages(recorded(action_reviews=())) == [
        "Agenda item 3 is the “Review of IEP Targets and supplementary actions”: record how each "
        "action of the High Focus IEP's role table went."]


def test_a_thread_of_concern_without_provision_is_a_warning_not_page_text() -> None:
    answers = recorded(bands={1: 4, 2: 3, 9: 1}, planned=((1, 60),))
    assert messages(answers) == [
        "No provision is recorded for 2. Curriculum Plans, a thread of concern (Band 3). Add a "
        "row for it, or say in the plan's objectives why none is needed."]
    assert messages(recorded(bands={1: 4, 2: 3}, planned=((2, None), (1, 60)))) == []
    # no plan is written for a further or renewed High Focus period
    assert messages(recorded(bands={2: 3}, planned=(), decision="further_high_focus")) == []


def test_delegated_provision_must_exceed_the_school_action_plus_amount() -> None:
    """They 'will require provision to meet their needs which will exceed the present indicative
    amount for School Action Plus' (50 minutes a week)."""
    for planned in (((1, 50),), ((1, 30), (1, 20)), ((1, None),)):
        (message,) = messages(recorded(planned=planned))
        assert "“will require provision to meet their needs which will exceed the present " \
               "indicative amount for School Action Plus” (50 minutes a week)" in message
    assert messages(recorded(planned=((1, 30), (1, 21)))) == []
    assert messages(recorded(**STATUTORY)) == []  # a request: the Statement sets it


FORM: dict[str, Any] = {
    "review": {
        "date": dt.date(2026, 1, 19), "decision": "statutory_request",
        "decision_reasons": " Band 5 on language ", "evidence_solid": True,
        "needs_stable": True, "evidence_reliable": True, "all_provision_made": True,
        "different_approach_better": False, "progress_satisfactory": False,
        "parents_views": " Worried ", "pupil_views": None, "changes_to_provision": "More group",
        "interim_provision": "Group continues", "health_needs": "SALT",
        "social_care_needs": None, "next_review_date": dt.date(2026, 7, 1),
        "parents_understood": True, "pupil_understood": False,
        "statement_factors": "NHS therapy", "more_information": "Polish assessment",
        "hf_start_date": dt.date(2025, 9, 15),
    },
    "attendees": [{"name": "Mr Asante", "role": "SENCo"}],
    "apologies": [{"name": "Dr Marsh", "role": "EP", "contribution_received": True,
                   "told_outcome": False}],
    "reservations": [{"who": "Mrs W", "role": "Parent", "about": "Band 5",
                      "sent_with_request": True}],
    "actions": [{"who": "SENCo", "what": "Send the request", "by_when": "1 February"}],
    "role_reviews": [{"who": "Ms Okafor", "action": "Assess in Polish", "carried_out": True,
                      "findings": "Scores 66 and 63"}],
    "provision_plan": [{"thread": "7", "adult_minutes": 100}, {"thread": "8"}],
    "crisp_threads": [{"thread": "7", "band": 5, "evidence": "CELF"},
                      {"thread": "12", "band": None, "evidence": None}],
}


def test_from_form_reads_every_part_of_the_form() -> None:
    answers = review.from_form(FORM)
    assert answers == review.ReviewAnswers.from_form(FORM)
    assert answers.bands == {7: 5, 12: None}
    assert (answers.decision, answers.decision_reasons) == ("statutory_request",
                                                            "Band 5 on language")
    assert (answers.evidence_solid, answers.different_approach_better) == (True, False)
    assert (answers.parents_understood, answers.pupil_understood) == (True, False)
    assert (answers.parents_views, answers.pupil_views) == ("Worried", "")
    assert (answers.statement_factors, answers.more_information) == ("NHS therapy",
                                                                     "Polish assessment")
    assert answers.date == dt.date(2026, 1, 19)
    assert answers.hf_start_date == dt.date(2025, 9, 15)
    assert answers.attendees == (Attendee("Mr Asante", "SENCo"),)
    assert answers.apologies == (Apology("Dr Marsh", "EP", True, False),)
    assert answers.reservations == (Reservation("Mrs W", "Band 5", True, "Parent"),)
    assert answers.actions == (Action("SENCo", "Send the request", "1 February"),)
    assert answers.action_reviews == (ActionReview("Ms Okafor", "Assess in Polish", True,
                                                   "Scores 66 and 63"),)
    assert answers.planned == ((7, 100), (8, None))
    assert review.recorded_outcome(answers).key == "statutory_request"


def test_from_form_tolerates_missing_optional_parts() -> None:
    answers = review.from_form({"review": {"date": dt.date(2026, 1, 19)}})
    assert answers == review.ReviewAnswers(bands={}, date=dt.date(2026, 1, 19))
    assert review.from_form({}).bands == {}
