"""Every obligation of a High Focus review, as the SENCo reads it: the whole message."""

from __future__ import annotations

from docgen.domain import review
from docgen.domain.delegation import DelegationPolicy
from docgen.domain.review_answers import Apology, Reservation


def test_a_review_that_did_nothing_the_guidance_asks_hears_every_message() -> None:
    answers = review.ReviewAnswers(
        bands={7: 5}, evidence_solid=True, needs_stable=True, evidence_reliable=True,
        all_provision_made=True, understood=False, disagreement=True,
        apologies=(Apology("Dr Helen Marsh", "Educational psychologist"),))
    outcome = review.decide_outcome(answers, DelegationPolicy(4))
    assert outcome.key == "statutory_request"
    assert [p.text() for p in review.review_obligations(answers, outcome)] == [
        "Reservations: Someone did not agree, but no reservation is recorded. Any reservations "
        "should be recorded and kept with the pupil's records.",
        'Apologies, row 1, "Written contribution received": The SENCo should ask those who '
        "cannot attend for notes, a letter or a report on their part in the High Focus IEP.",
        'Apologies, row 1, "Told the outcome": The SENCo should let those who could not attend '
        "know the outcome of the review and invite their comments.",
        'The review meeting, "Needs normally met by Health services": The review should '
        "consider needs normally met by Health or Social Services, and record them (or that "
        "there are none).",
        'The review meeting, "Provision during any statutory procedures": The review should '
        "consider and record what action will be taken to meet the pupil's needs during any "
        "period of statutory procedures.",
        'The review meeting, "Further views of the parents or carers": The review should ask '
        "for any further views, or restatement of views, from the parents or carers and the "
        "pupil, so that all views are in the record.",
        'The review meeting, "Further views of the pupil": The review should ask for any '
        "further views, or restatement of views, from the parents or carers and the pupil, so "
        "that all views are in the record.",
        'The review meeting, "Parents and pupil understand the conclusions": The review should '
        "check that the parents or carers and the pupil understand the conclusions. Tick the "
        "box once they do.",
    ]
    severities = [p.severity for p in review.review_obligations(answers, outcome)]
    assert severities == ["error", "warning", "warning", "warning", "error", "warning",
                          "warning", "warning"]


def test_without_an_outcome_the_bundled_policy_decides() -> None:
    """Band 5 is beyond the bundled policy's delegated bands: a statutory request, whose
    reservations must all be sent."""
    answers = review.ReviewAnswers(
        bands={7: 5}, evidence_solid=True, needs_stable=True, evidence_reliable=True,
        all_provision_made=True, understood=True, parents_views="Agree", pupil_views="Agree",
        health_needs="None", interim_provision="The group continues",
        reservations=(Reservation("Mrs W (parent)", "Band 5", False),))
    assert [p.text() for p in review.review_obligations(answers)] == [
        'Reservations, row 1, "Sent with the request": With a request for statutory '
        "assessment, details of all reservations must be sent with the request. Tick 'Sent "
        "with the request'."]
