"""Where the stage and the CRISP bands disagree: each warning whole, at each band's edge."""

from __future__ import annotations

import pytest

from docgen.domain import crisp, stages

RANGE = ("levels of need at present within the ‘statementing range’ (that is; assessed at "
         "CRISP Band 4 and above)")


def label(n: int) -> str:
    return crisp.thread(n).label


def test_school_action_with_a_thread_of_concern() -> None:
    assert stages.stage_band_problems("sa", {1: 3, 2: 2}) == [
        "“Band 3 is equivalent to the level of need implied by School Action Plus”, and the "
        f"CRISP assessment has Band 3 on {label(1)}. Check that School Action is still the "
        "right stage."]
    assert stages.stage_band_problems("sa", {1: 2, 2: 2}) == []


def test_school_action_with_nothing_above_band_1() -> None:
    assert stages.stage_band_problems("sa", {1: 1, 4: None}) == [
        "“School Action is equivalent to Band 2 provision on a number of CRISP ‘threads’”, but "
        "no thread is above Band 1. Check that the pupil still needs School Action."]


def test_school_action_plus_below_band_3() -> None:
    assert stages.stage_band_problems("sa_plus", {1: 2}) == [
        "“Band 3 is equivalent to the level of need implied by School Action Plus”, but no "
        "thread is at Band 3 or above (the highest is Band 2). Check that School Action Plus "
        "is the right stage."]
    assert stages.stage_band_problems("sa_plus", {1: 3}) == []


def test_school_action_plus_in_the_statementing_range_one_thread() -> None:
    assert stages.stage_band_problems("sa_plus", {1: 4, 2: 3}) == [
        f"Band 4 on {label(1)} is in the statementing range: “{RANGE}”. Consider a High Focus "
        "period, or delegated provision that goes beyond the School Action Plus amount."]


def test_school_action_plus_in_the_statementing_range_three_threads() -> None:
    assert stages.stage_band_problems("sa_plus", {7: 5, 1: 5, 4: 5, 2: 3}) == [
        f"Band 5 on {label(1)}, {label(4)} and {label(7)} are in the statementing range: "
        f"“{RANGE}”. Consider a High Focus period, or delegated provision that goes beyond the "
        "School Action Plus amount."]


@pytest.mark.parametrize("key", ["high_focus", "sa_plus_delegated", "statement"])
def test_the_statementing_stages_below_band_4(key: str) -> None:
    name = stages.stage(key).name
    assert stages.stage_band_problems(key, {1: 3}) == [
        f"{name} is for needs in the statementing range: “{RANGE}”, but the highest band is 3. "
        "Check the stage or the bands."]
    assert stages.stage_band_problems(key, {1: 4}) == []


def test_no_band_and_before_school_action_say_nothing() -> None:
    assert stages.stage_band_problems("sa_plus", {1: None}) == []
    assert stages.stage_band_problems("before_sa", {1: 5}) == []


@pytest.mark.parametrize("key", ["statement", "before_sa"])
def test_a_stage_without_an_indicative_minimum_is_always_met(key: str) -> None:
    assert stages.meets_stage_minimum(key, 0)


def test_delegated_provision_must_go_beyond_the_amount() -> None:
    assert not stages.meets_stage_minimum("sa_plus_delegated", 50)
    assert stages.meets_stage_minimum("sa_plus_delegated", 51)
    assert stages.meets_stage_minimum("sa_plus", 50)
