"""What the guidance requires of a High Focus review, and reading a review form's data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.domain import review
from docgen.domain.delegation import DelegationPolicy
from docgen.domain.review_answers import Action, Apology, Attendee, Reservation

POLICY = DelegationPolicy(4)


def recorded(**changes: Any) -> review.ReviewAnswers:
    """A review that did everything the guidance asks, delegated outcome."""
    base: dict[str, Any] = {
        "bands": {1: 4}, "evidence_solid": True, "needs_stable": True,
        "evidence_reliable": True, "all_provision_made": True, "understood": True,
        "parents_views": "Pleased with the reading group", "pupil_views": "Likes the group",
        "health_needs": "None identified", "social_care_needs": "",
    }
    return review.ReviewAnswers(**{**base, **changes})


def problems(answers: review.ReviewAnswers) -> list[tuple[str, str | None, int | None, str | None]]:
    outcome = review.decide_outcome(answers, POLICY)
    return [(p.severity, p.section, p.row, p.label)
            for p in review.review_obligations(answers, outcome)]


def test_a_complete_review_has_no_problems() -> None:
    assert problems(recorded()) == []
    assert problems(recorded(bands={7: 5}, interim_provision="The group continues",
                             reservations=(Reservation("Parent", "Band 5", True),))) == []


def test_statutory_request_must_send_every_reservation() -> None:
    """'In the case of Statutory Assessment, details of all reservations must be sent with the
    request.'"""
    answers = recorded(bands={7: 5}, interim_provision="The group continues", reservations=(
        Reservation("Mrs W (parent)", "Band 5 on thread 8", True),
        Reservation("Class teacher", "Band 5 on thread 7", False)))
    assert problems(answers) == [("error", "Reservations", 2, "Sent with the request")]
    message = review.review_obligations(answers, review.decide_outcome(answers, POLICY))[0]
    assert message.message == ("With a request for statutory assessment, details of all "
                               "reservations must be sent with the request. Tick 'Sent with "
                               "the request'.")


def test_reservations_need_not_be_sent_without_a_statutory_request() -> None:
    """Otherwise 'any reservations should be recorded and kept with the pupil’s records'."""
    answers = recorded(reservations=(Reservation("Class teacher", "Band 4", False),))
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
    assert review.review_obligations(answers, review.decide_outcome(answers, POLICY))[0].message \
        == ("The SENCo should let those who could not attend know the outcome of the review and "
            "invite their comments.")


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
    the pupil’s needs during any period of Statutory Procedures.' An error: see review.py."""
    assert problems(recorded(bands={7: 5})) == [
        ("error", "The review meeting", None, "Provision during any statutory procedures")]
    assert problems(recorded(bands={1: 4})) == []  # not needed without a request


def test_views_of_parents_and_pupil_are_recorded() -> None:
    """'At this point the Review should ask for any further views, or restatement of views from
    the parents/carers and pupil. This is particularly important to ensure that all views are
    included in record of the review.'"""
    assert problems(recorded(parents_views="", pupil_views="")) == [
        ("warning", "The review meeting", None, "Further views of the parents or carers"),
        ("warning", "The review meeting", None, "Further views of the pupil"),
    ]


def test_understanding_of_the_conclusions_is_checked() -> None:
    """'the Review can check that the parents/carers and pupil understand fully the nature of
    the conclusions reached so far'."""
    assert problems(recorded(understood=False)) == [
        ("warning", "The review meeting", None, "Parents and pupil understand the conclusions")]


def test_obligations_without_an_outcome_use_the_bundled_policy() -> None:
    answers = recorded(bands={7: 5})  # beyond the bundled default of Band 4
    labels = [p.label for p in review.review_obligations(answers)]
    assert labels == ["Provision during any statutory procedures"]


FORM: dict[str, Any] = {
    "review": {
        "date": dt.date(2027, 1, 18), "evidence_solid": True, "needs_stable": True,
        "evidence_reliable": True, "all_provision_made": True,
        "different_approach_better": False, "progress_satisfactory": False,
        "parents_views": " Worried ", "pupil_views": None, "changes_to_provision": "More group",
        "interim_provision": "Group continues", "health_needs": "SALT",
        "social_care_needs": None, "next_review_date": dt.date(2027, 7, 1),
    },
    "attendees": [{"name": "Mr Asante", "role": "SENCo"}],
    "apologies": [{"name": "Dr Marsh", "role": "EP", "contribution_received": True,
                   "told_outcome": False}],
    "reservations": [{"who": "Mrs W", "about": "Band 5", "sent_with_request": True}],
    "actions": [{"who": "SENCo", "what": "Send the request", "by_when": "1 February"}],
    "crisp_threads": [{"thread": "7", "band": 5, "evidence": "CELF"},
                      {"thread": "12", "band": None, "evidence": None}],
}


def test_from_form_reads_every_part_of_the_form() -> None:
    answers = review.from_form(FORM)
    assert answers == review.ReviewAnswers.from_form(FORM)
    assert answers.bands == {7: 5, 12: None}
    assert (answers.evidence_solid, answers.different_approach_better) == (True, False)
    assert answers.within_delegated_bands is None
    assert (answers.parents_views, answers.pupil_views) == ("Worried", "")
    assert answers.date == dt.date(2027, 1, 18)
    assert answers.attendees == (Attendee("Mr Asante", "SENCo"),)
    assert answers.apologies == (Apology("Dr Marsh", "EP", True, False),)
    assert answers.reservations == (Reservation("Mrs W", "Band 5", True),)
    assert answers.actions == (Action("SENCo", "Send the request", "1 February"),)
    assert review.decide_outcome(answers, POLICY).key == "statutory_request"


def test_from_form_tolerates_missing_optional_parts() -> None:
    answers = review.from_form({"review": {"date": dt.date(2027, 1, 18)}})
    assert answers == review.ReviewAnswers(bands={}, date=dt.date(2027, 1, 18))
    assert review.from_form({}).bands == {}


def test_from_form_reads_the_review_s_delegation_judgement() -> None:
    data = {**FORM, "review": {**FORM["review"], "within_delegated_bands": True}}
    answers = review.from_form(data)
    assert answers.within_delegated_bands is True
    assert review.decide_outcome(answers, POLICY).key == "delegated"
