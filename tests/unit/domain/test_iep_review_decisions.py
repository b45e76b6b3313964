"""An IEP review's decision against the stage: each warning whole, each stage it leads to."""

from __future__ import annotations

import pytest

from docgen.domain.iep_review import decision_problems, stage_after, support_service_message

WHERE = ("The review", "Decision of the review")


def problems(decision: str, stage: str, bands: dict[int, int | None] | None = None,
             **review: bool) -> list[tuple[str | None, str | None, str]]:
    found = decision_problems({"decision": decision, "stage": stage, **review},
                              bands or {1: 4})
    assert all(p.severity == "warning" for p in found)
    return [(p.section, p.label, p.message) for p in found]


def test_high_focus_from_school_action() -> None:
    assert problems("high_focus", "sa", provision_made=True) == [(*WHERE, (
        "“A School Action plus review may conclude that” a High Focus period should follow; "
        "this pupil is at School Action. Move to School Action Plus first, or check the "
        "stage."))]
    assert problems("high_focus", "sa_plus", provision_made=True) == []


def test_high_focus_without_its_conditions_names_each() -> None:
    found = problems("high_focus", "sa_plus", {1: 3}, provision_made=False,
                     progress_satisfactory=True)
    assert [message.split(". Not met")[0] for _, _, message in found] == [
        "A High Focus period may start only when all three conditions hold"] * 3


def test_to_school_action_plus() -> None:
    assert problems("to_sa_plus", "sa") == []
    assert problems("to_sa_plus", "sa_plus") == [
        (*WHERE, "The pupil is already at School Action Plus.")]
    assert problems("to_sa_plus", "sa", progress_satisfactory=True) == [(*WHERE, (
        "“The Code’s guidance on triggering School Action Plus (5:56 and 6:64) is about the "
        "lack of progress under School Action.” The review records satisfactory progress: say "
        "in the reasons why School Action Plus is needed."))]


def test_to_school_action() -> None:
    assert problems("to_sa", "sa") == [(*WHERE, "The pupil is already at School Action.")]
    assert problems("to_sa", "sa_plus") == []
    assert problems("continue", "sa") == []
    assert problems("end", "sa") == []


@pytest.mark.parametrize(("decision", "reviewed", "after"), [
    ("continue", "sa_plus", "sa_plus"), ("high_focus", "sa_plus", "sa_plus"),
    ("to_sa_plus", "sa", "sa_plus"), ("to_sa", "sa_plus", "sa"), ("end", "sa", "")])
def test_the_stage_after_the_review(decision: str, reviewed: str, after: str) -> None:
    assert stage_after(decision, reviewed) == after


def test_support_services_are_expected_from_school_action_plus() -> None:
    message = ("“The key difference is the expectation of the involvement of external Support "
               "Services at School Action Plus.” No external support service is named: name the "
               "services involved, or consult one about whom to involve.")
    assert support_service_message("sa_plus", ["Mrs Price, teaching assistant"]) == message
    assert support_service_message("sa_plus", ["", "Educational psychologist"]) is None
    assert support_service_message("sa", ["Mrs Price, teaching assistant"]) is None
