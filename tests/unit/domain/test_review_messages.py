"""Every obligation of a High Focus review, as the SENCo reads it: the whole message."""

from __future__ import annotations

from docgen.domain.review_answers import Apology, Reservation, ReviewAnswers
from docgen.domain.review_checks import review_obligations

REQUEST = dict(bands={7: 5}, decision="statutory_request", decision_reasons="Band 5",
               evidence_solid=True, needs_stable=True, evidence_reliable=True,
               all_provision_made=True)
SUPPLEMENTARY = ("Review of supplementary actions: Agenda item 3 is the “Review of IEP Targets "
                 "and supplementary actions”: record how each action of the High Focus IEP's "
                 "role table went.")
NO_PROVISION = ("Provision for each thread of concern: No provision is recorded for 7. "
                "Understanding language, a thread of concern (Band 5). Add a row for it, or "
                "say in the plan's objectives why none is needed.")
NO_PARENT = ("Attendees: No parent or carer attended the review, and none sent a contribution. "
             "“Certainly it is important for the parent to be there”: record their views, or "
             "the attempts made to gain them, and tell them the outcome.")


def test_a_review_that_did_nothing_the_guidance_asks_hears_every_message() -> None:
    answers = ReviewAnswers(**REQUEST, disagreement=True,
                            apologies=(Apology("Dr Helen Marsh", "Educational psychologist"),))
    problems = review_obligations(answers)
    assert [p.text() for p in problems] == [
        'The review meeting, "Provision during any statutory procedures": The review should '
        "consider and record what action will be taken to meet the pupil's needs during any "
        "period of statutory procedures.",
        'The review meeting, "Other factors the review would wish the authority to include on '
        'the Statement": “Where Statutory Assessment is to be requested the Review should '
        "especially consider whether there are other factors that it would wish the LEA to "
        "include on the Statement.” Record them, or that there are none.",
        NO_PARENT,
        'The review meeting, "The parents or carers understand the conclusions": The review '
        "should check that the parents or carers understand the conclusions. Tick the box "
        "once they do.",
        'The review meeting, "The pupil understands the conclusions": The review should check '
        "that the pupil understands the conclusions. Tick the box once they do.",
        "Reservations: Someone did not agree, but no reservation is recorded. Any reservations "
        "should be recorded and kept with the pupil's records.",
        'Apologies, row 1, "Written contribution received": The SENCo should ask those who '
        "cannot attend for notes, a letter or a report on their part in the High Focus IEP.",
        'Apologies, row 1, "Told the outcome": The SENCo should let those who could not attend '
        "know the outcome of the review and invite their comments.",
        'The review meeting, "Needs normally met by Health services": The review should '
        "consider needs normally met by Health or Social Services, and record them (or that "
        "there are none).",
        'The review meeting, "Further views of the parents or carers": The review should ask '
        "for any further views, or restatement of views, from the parents or carers and the "
        "pupil, so that all views are in the record.",
        'The review meeting, "Further views of the pupil": The review should ask for any '
        "further views, or restatement of views, from the parents or carers and the pupil, so "
        "that all views are in the record.",
        SUPPLEMENTARY,
        NO_PROVISION,
    ]
    assert [p.severity for p in problems] == [
        "error", "warning", "warning", "warning", "warning", "error", "warning", "warning",
        "warning", "warning", "warning", "warning", "warning"]


def test_a_statutory_request_must_send_every_reservation() -> None:
    """The parents said they understood, but were not there and nobody says how they were
    told; the reservation is not ticked as sent with the request."""
    answers = ReviewAnswers(
        **REQUEST, parents_understood=True, pupil_understood=True, parents_views="Agree",
        pupil_views="Agree", health_needs="None", interim_provision="The group continues",
        statement_factors="None", reservations=(Reservation("Mrs W (parent)", "Band 5", False),))
    problems = review_obligations(answers)
    assert [p.text() for p in problems] == [
        NO_PARENT,
        'The review meeting, "The parents or carers understand the conclusions": The parents '
        "or carers were not at the review, so the record cannot say they understand the "
        "conclusions unless it says how they were told: it says this is not yet recorded. Say "
        "how and when they were told, or untick the box.",
        'Reservations, row 1, "Sent with the request": With a request for statutory '
        "assessment, details of all reservations must be sent with the request. Tick 'Sent "
        "with the request'.",
        SUPPLEMENTARY,
        NO_PROVISION,
    ]
    assert [p.severity for p in problems] == ["warning", "warning", "error", "warning",
                                              "warning"]
