"""The High Focus review's outcome, decided in the order the guidance takes its questions."""

from __future__ import annotations

from typing import Any

from docgen.domain import review
from docgen.domain.delegation import DelegationPolicy

POLICY = DelegationPolicy(4)
POLICY_TEXT = ("Delegation policy (schemas/settings/delegation.yaml): bands up to 4 on every "
               "thread are funded through the school's delegated budget.")


def answers(**changes: Any) -> review.ReviewAnswers:
    """A review whose evidence is solid, reliable and stable, all provision made."""
    base: dict[str, Any] = {"bands": {1: 4, 7: 3}, "evidence_solid": True, "needs_stable": True,
                            "evidence_reliable": True, "all_provision_made": True}
    return review.ReviewAnswers(**{**base, **changes})


def decide(**changes: Any) -> review.Outcome:
    return review.decide_outcome(answers(**changes), POLICY)


def test_within_delegated_bands_gives_a_provision_plan() -> None:
    """'If the CRISP assessment shows the needs of the pupil are within bands that are funded
    through delegated budgets, there should be no need for request for Statutory Assessment.'"""
    assert decide() == review.Outcome(
        "delegated", "Provision through the school's delegated resources", "Provision Plan",
        "If the CRISP assessment shows the needs of the pupil are within bands that are funded "
        "through delegated budgets, there should be no need for request for Statutory "
        f"Assessment. {POLICY_TEXT}")


def test_non_delegated_elements_request_statutory_assessment() -> None:
    """'through a request for Statutory Assessment because the agreed CRISP profile shows
    elements that are not delegated' — 'If a request for Statutory Assessment is to be made,
    the plan will be a Proposed Provision Plan until it is confirmed by the Statement.'"""
    outcome = decide(bands={7: 5, 8: 6, 1: 3})
    assert (outcome.key, outcome.title, outcome.plan_name) == (
        "statutory_request", "Request statutory assessment", "Proposed Provision Plan")
    assert outcome.reason == (
        "The review decides that the provision will be made “through a request for Statutory "
        "Assessment because the agreed CRISP profile shows elements that are not delegated”. "
        "If a request for Statutory Assessment is to be made, the plan will be a Proposed "
        "Provision Plan until it is confirmed by the Statement. Not delegated: 7. Understanding "
        f"language (Band 5), 8. Using language (Band 6). {POLICY_TEXT}")


def test_the_policy_decides_per_thread() -> None:
    policy = DelegationPolicy(4, {13: 3})
    outcome = review.decide_outcome(answers(bands={13: 4, 1: 4}), policy)
    assert outcome.key == "statutory_request"
    assert outcome.reason.endswith("except thread 13 up to Band 3.")


def test_the_review_s_own_delegation_judgement_overrides_the_policy() -> None:
    outcome = decide(bands={7: 5}, within_delegated_bands=True)
    assert outcome.key == "delegated"
    assert outcome.reason == (f"{review.WITHIN_DELEGATED} The review recorded that the pupil’s "
                              "needs are within the delegated bands.")
    outcome = decide(bands={1: 4}, within_delegated_bands=False)
    assert outcome.key == "statutory_request"
    assert outcome.reason.endswith("The review recorded that the agreed CRISP profile shows "
                                   "elements that are not delegated.")
    assert "Delegation policy" not in outcome.reason


def test_evidence_not_solid_or_needs_not_stable_gives_a_further_period() -> None:
    """'However, if there is concern that the evidence is not solid, or that the pupil’s needs
    might not be stable, the Review might decide on a further period of High Focus School
    Action.'"""
    for change in ({"evidence_solid": False}, {"needs_stable": False}):
        outcome = decide(**change, bands={7: 5})  # even beyond delegation
        assert (outcome.key, outcome.title, outcome.plan_name) == (
            "further_high_focus", "A further period of High Focus School Action Plus", None)
        assert outcome.reason == review.NOT_SOLID


def test_unreliable_evidence_above_band_3_renews_the_period() -> None:
    """'Similarly, if what evidence exists points to the pupil having needs higher than Band 3
    on any Thread, but that evidence is not reliable (for example the assessments have not been
    carried out for some reason), the usual course of action would be to renew the High Focus
    period in order to gain the evidence.'"""
    outcome = decide(evidence_reliable=False, evidence_solid=False)
    assert (outcome.key, outcome.title, outcome.plan_name) == (
        "renew_for_evidence", "Renew the High Focus period to gain the evidence", None)
    assert outcome.reason == review.NOT_RELIABLE


def test_unreliable_evidence_at_band_3_is_a_further_period_not_a_renewal() -> None:
    """Renewal is for evidence that 'points to the pupil having needs higher than Band 3'."""
    assert decide(evidence_reliable=False, bands={1: 3, 2: None}).key == "further_high_focus"


def test_provision_not_made_notes_that_crisp_may_be_too_high() -> None:
    """'If all the appropriate provision has not been made, or the High Focus period has shown
    that a different approach may be far more effective, the pupil’s current CRISP assessment
    may be temporarily higher than it should be.'"""
    for change in ({"all_provision_made": False}, {"different_approach_better": True}):
        assert decide(**change).notes == (review.TEMPORARILY_HIGH,)
    assert decide().notes == ()


def test_satisfactory_progress_is_noted_as_a_success() -> None:
    """'If the pupil has made satisfactory progress the High Focus period should be seen as a
    successful intervention in itself.'"""
    outcome = decide(progress_satisfactory=True, all_provision_made=False)
    assert outcome.notes == (review.TEMPORARILY_HIGH, review.SUCCESSFUL)
    assert outcome.key == "delegated"


def test_outcomes_are_the_four_of_the_guidance() -> None:
    assert {k: v[1] for k, v in review.OUTCOMES.items()} == {
        "renew_for_evidence": None, "further_high_focus": None,
        "statutory_request": "Proposed Provision Plan", "delegated": "Provision Plan"}
