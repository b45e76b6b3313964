"""The High Focus review's decision is the meeting's; docgen's suggestion only warns."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.domain import review
from docgen.domain.delegation import DelegationPolicy

POLICY = DelegationPolicy(4)
POLICY_TEXT = ("Delegation policy (schemas/settings/delegation.yaml): bands up to 4 on every "
               "thread are funded through the school's delegated budget.")


def answers(**changes: Any) -> review.ReviewAnswers:
    """A review whose evidence is solid, reliable and stable, all provision made."""
    base: dict[str, Any] = {"bands": {1: 4, 7: 3}, "evidence_solid": True, "needs_stable": True,
                            "evidence_reliable": True, "all_provision_made": True,
                            "decision": "delegated",
                            "decision_reasons": "Tom's needs are within the delegated bands."}
    return review.ReviewAnswers(**{**base, **changes})


def suggest(**changes: Any) -> review.Suggestion:
    return review.suggested_outcome(answers(**changes), POLICY)


def warnings(**changes: Any) -> list[str]:
    return [p.message for p in review.decision_check(answers(**changes), POLICY)]


def test_the_outcome_is_the_recorded_decision_in_the_meeting_s_words() -> None:
    """'It is at this point that the review decides upon whether the provision will be made:
    through the school’s own resources (delegated provision) · through a request for Statutory
    Assessment'. The reasons are the meeting's, not the guidance's."""
    assert review.recorded_outcome(answers()) == review.Outcome(
        "delegated", "Provision through the school's delegated resources", "Provision Plan",
        "Tom's needs are within the delegated bands.")
    outcome = review.recorded_outcome(answers(decision="statutory_request",
                                              decision_reasons="Band 5 on language."))
    assert (outcome.key, outcome.title, outcome.plan_name, outcome.reason) == (
        "statutory_request", "Request statutory assessment", "Proposed Provision Plan",
        "Band 5 on language.")


def test_the_plan_name_follows_the_decision() -> None:
    """'If a request for Statutory Assessment is to be made, the plan will be a Proposed
    Provision Plan until it is confirmed by the Statement.'"""
    assert {key: review.recorded_outcome(answers(decision=key)).plan_name
            for key in review.OUTCOMES} == {
        "delegated": "Provision Plan", "statutory_request": "Proposed Provision Plan",
        "further_high_focus": None, "renew_for_evidence": None}


def test_no_guidance_sentence_or_settings_path_in_the_outcome() -> None:
    for key in review.OUTCOMES:
        outcome = review.recorded_outcome(answers(decision=key, bands={7: 5}))
        text = " ".join([outcome.title, outcome.reason, *outcome.notes])
        for pasted in ("If ", "Similarly", "However", "delegation.yaml", "Delegation policy"):
            assert pasted not in text, (key, pasted)


def test_the_decision_stands_when_the_policy_suggests_otherwise() -> None:
    """The suggestion never overrides: Band 5 with a recorded delegated decision stays
    delegated, with a warning naming the threads and the policy."""
    recorded = answers(bands={7: 5, 8: 5, 1: 3})
    assert review.recorded_outcome(recorded).key == "delegated"
    (message,) = warnings(bands={7: 5, 8: 5, 1: 3})
    assert message == (
        "The review decided “Provision through the school's delegated resources”, but its "
        "answers suggest “Request statutory assessment”: Band 5 on 7. Understanding language and "
        f"Band 5 on 8. Using language are above the delegated bands. {POLICY_TEXT} The guidance: "
        "“through a request for Statutory Assessment because the agreed CRISP profile shows "
        "elements that are not delegated” The decision is the review's and docgen keeps it: "
        "check it, and make sure the reasons say why.")
    problem = review.decision_check(recorded, POLICY)[0]
    assert (problem.severity, problem.section, problem.label) == (
        "warning", "The review meeting", "Decision of the review")


def test_no_warning_when_the_decision_agrees_with_the_suggestion() -> None:
    assert warnings() == []
    assert warnings(bands={7: 5}, decision="statutory_request") == []


def test_within_delegated_bands_suggests_delegated_provision() -> None:
    """'If the CRISP assessment shows the needs of the pupil are within bands that are funded
    through delegated budgets, there should be no need for request for Statutory Assessment.'"""
    suggestion = suggest()
    assert suggestion.key == "delegated" and suggestion.guidance == review.WITHIN_DELEGATED
    (message,) = warnings(decision="statutory_request")
    assert f"every band is within the delegated bands. {POLICY_TEXT}" in message


def test_the_policy_decides_per_thread() -> None:
    policy = DelegationPolicy(4, {13: 3})
    suggestion = review.suggested_outcome(answers(bands={13: 4, 1: 4}), policy)
    assert suggestion.key == "statutory_request"
    assert suggestion.why.endswith("except thread 13 up to Band 3.")


def test_evidence_not_solid_or_needs_not_stable_suggests_a_further_period() -> None:
    """'However, if there is concern that the evidence is not solid, or that the pupil’s needs
    might not be stable, the Review might decide on a further period of High Focus School
    Action.'"""
    for change, why in (({"evidence_solid": False}, "the evidence is not solid"),
                        ({"needs_stable": False}, "the pupil's needs may not be stable")):
        suggestion = suggest(**change, bands={7: 5})  # even beyond delegation
        assert suggestion.key == "further_high_focus"
        assert suggestion.why == f"the review recorded that {why}"
        assert suggestion.guidance == review.NOT_SOLID


def test_unreliable_evidence_above_band_3_suggests_renewing_the_period() -> None:
    """'Similarly, if what evidence exists points to the pupil having needs higher than Band 3
    on any Thread, but that evidence is not reliable (for example the assessments have not been
    carried out for some reason), the usual course of action would be to renew the High Focus
    period in order to gain the evidence.'"""
    suggestion = suggest(evidence_reliable=False, evidence_solid=False)
    assert suggestion.key == "renew_for_evidence"
    assert suggestion.why == ("not all the planned assessments were carried out, and the "
                              "evidence points to Band 4 on 1. Curriculum access")
    assert suggestion.guidance == review.NOT_RELIABLE


def test_unreliable_evidence_at_band_3_is_a_further_period_not_a_renewal() -> None:
    """Renewal is for evidence that 'points to the pupil having needs higher than Band 3'."""
    assert suggest(evidence_reliable=False, bands={1: 3, 2: None}).key == "further_high_focus"


def test_outcomes_are_the_four_decisions_in_the_guidance_s_order() -> None:
    assert list(review.OUTCOMES) == ["delegated", "statutory_request", "further_high_focus",
                                     "renew_for_evidence"]


def test_a_review_without_a_decision_has_no_outcome() -> None:
    with pytest.raises(KeyError):
        review.recorded_outcome(answers(decision=None))
    assert review.decision_check(answers(decision=None), POLICY) == []


def test_the_missing_decision_is_named_in_the_key_error() -> None:
    with pytest.raises(KeyError) as caught:
        review.recorded_outcome(answers(decision=None))
    assert caught.value.args == ("the review records no decision",)


def test_what_the_review_said_of_a_crisp_that_may_be_high_is_a_note_of_the_outcome() -> None:
    noted = review.recorded_outcome(answers(crisp_may_be_high="The bands stand."))
    assert noted.notes == ("The bands stand.",)
    assert review.recorded_outcome(answers()).notes == ()


def test_every_doubt_is_listed_in_the_guidance_s_order() -> None:
    suggestion = suggest(evidence_solid=False, needs_stable=False, evidence_reliable=False,
                         bands={1: 3})
    assert suggestion.why == (
        "the review recorded that the evidence is not solid, the pupil's needs may not be "
        "stable and not all the planned assessments were carried out")
    assert suggest(evidence_reliable=False, bands={1: 2}).why == (
        "the review recorded that not all the planned assessments were carried out")


def test_one_or_several_bands_beyond_the_delegated_ones() -> None:
    one = suggest(bands={1: 5, 7: 3})
    assert one.why == (f"Band 5 on 1. Curriculum access is above the delegated bands. "
                       f"{POLICY_TEXT}")
    three = suggest(bands={7: 5, 1: 5, 2: 6})
    assert three.why.startswith(
        "Band 5 on 1. Curriculum access, Band 6 on 2. Curriculum Plans and Band 5 on 7. ")
    assert " are above the delegated bands. " in three.why
