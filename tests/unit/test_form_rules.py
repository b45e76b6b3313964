"""The guidance's checks on whole forms: dates, stages and bands, the SA/SA+ IEP review."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from docgen.definitions import load_definition
from docgen.form_rules import check_form
from docgen.validation import validate_data
from tests.conftest import sample_raw

TODAY = dt.date(2026, 11, 29)


def warnings(form: str, raw: dict[str, Any], today: dt.date = TODAY) -> list[str]:
    definition = load_definition(form)
    result = validate_data(definition, raw)
    assert result.valid, [p.text() for p in result.errors]
    return [p.text() for p in check_form(definition, result.data, today)
            if p.severity == "warning"]


def errors(form: str, raw: dict[str, Any]) -> list[str]:
    return [p.text() for p in validate_data(load_definition(form), raw).errors]


def raw(pupil: str, form: str) -> dict[str, Any]:
    return copy.deepcopy(sample_raw(pupil, form))


FUTURE = ("This date is in the future, but it is the date of something that has already "
          "happened. Check the date.")


def test_a_review_or_crisp_dated_in_the_future_is_warned() -> None:
    data = raw("tomos-llyr-evans", "hf_review")
    assert not any(FUTURE in w for w in warnings("hf_review", data))
    found = warnings("hf_review", data, today=dt.date(2025, 12, 7))  # the day before
    assert f'The review meeting, "Date of the review": {FUTURE}' in found
    assert f'CRISP assessment, "Date of the CRISP assessment": {FUTURE}' in found
    crisp = raw("zofia-wisniewska", "crisp")
    assert warnings("crisp", crisp, today=dt.date(2025, 7, 7)) == warnings("crisp", crisp)
    assert f'CRISP assessment, "Date of the CRISP assessment": {FUTURE}' in warnings(
        "crisp", crisp, today=dt.date(2025, 7, 6))
    review = raw("aisha-rahman", "iep_review")
    assert f'The review, "Date of the review": {FUTURE}' in warnings(
        "iep_review", review, today=dt.date(2025, 7, 15))


def test_a_high_focus_period_starting_after_its_review_is_warned() -> None:
    data = raw("zofia-wisniewska", "hf_review")
    message = ('The review meeting, "Start of the High Focus period reviewed": The High Focus '
               "period reviewed starts on or after the review. Check both dates.")
    assert message not in warnings("hf_review", data)
    data["review"]["hf_start_date"] = data["review"]["date"]
    assert message in warnings("hf_review", data)


def test_a_next_review_more_than_two_terms_away_is_warned() -> None:
    """Reviews 'at least two per year and ideally termly'."""
    data = raw("tomos-llyr-evans", "hf_review")  # reviewed 8 December 2025, in the autumn term
    data["review"]["next_review_date"] = dt.date(2026, 7, 10)  # summer: two terms on
    assert not any("terms after" in w for w in warnings("hf_review", data))
    data["review"]["next_review_date"] = dt.date(2026, 9, 14)  # next autumn: three terms on
    assert ('The review meeting, "Next review date": The next review is 3 terms after this one. '
            "Reviews should take place “at least two per year and ideally termly”: set it within "
            "two terms.") in warnings("hf_review", data)
    plan = raw("aisha-rahman", "hf_iep")
    assert not any("terms after" in w for w in warnings("hf_iep", plan))  # autumn to spring
    plan["high_focus"]["review_date"] = dt.date(2026, 9, 21)  # autumn 2025 to autumn 2026
    assert any(w.startswith('The High Focus period, "Date of the High Focus review": The High '
                            "Focus review is 3 terms after the start of the period.")
               for w in warnings("hf_iep", plan))


def test_the_crisp_form_compares_the_stage_with_the_bands() -> None:
    """'Band 3 is equivalent to the level of need implied by School Action Plus'."""
    data = raw("tomos-llyr-evans", "crisp")
    data["support"]["stage"] = "sa"
    (found,) = warnings("crisp", data)
    assert found.startswith('The pupil\'s support now, "Stage now": “Band 3 is equivalent to the '
                            "level of need implied by School Action Plus”, and the CRISP "
                            "assessment has Band 4 on 1. Curriculum access and 4. Learning "
                            "Activities.")
    data["support"] = {}
    assert warnings("crisp", data) == []


def test_school_action_plus_without_an_external_support_service_is_warned() -> None:
    """'The key difference is the expectation of the involvement of external Support Services
    at School Action Plus.'"""
    data = raw("tomos-llyr-evans", "iep")
    assert warnings("iep", data) == []
    del data["plan"]["support_services"]
    assert warnings("iep", data) == [
        'The plan, "External support services involved": “The key difference is the '
        "expectation of the involvement of external Support Services at School Action Plus.” "
        "No external support service is named: name the services involved, or consult one "
        "about whom to involve."]
    data["provision"][0]["who"] = "Speech and language therapist (Ms Okafor)"
    assert warnings("iep", data) == []  # a provision row names one
    data = raw("tomos-llyr-evans", "iep")
    del data["plan"]["support_services"]
    data["plan"]["stage"] = "sa"
    assert warnings("iep", data) == []  # at School Action, not expected


def test_delegated_provision_must_go_beyond_the_school_action_plus_amount() -> None:
    """They 'will require provision to meet their needs which will exceed the present indicative
    amount for School Action Plus'."""
    data = raw("tomos-llyr-evans", "iep")  # 20 + 50 + 10 = 80 minutes a week
    data["plan"]["stage"] = "sa_plus_delegated"
    assert warnings("iep", data) == []
    data["provision"] = data["provision"][1:]  # 50 + 10 = 60
    assert warnings("iep", data) == []
    data["provision"] = data["provision"][:1]  # 50: reaches but does not exceed
    assert warnings("iep", data) == [
        'The plan, "Other provision of equivalent value": The provision gives 50 minutes of '
        "adult time a week for this pupil. Pupils with delegated provision stay at School "
        "Action Plus but “will require provision to meet their needs which will exceed the "
        "present indicative amount for School Action Plus” (50 minutes a week). Add provision, "
        "or describe the other provision of equivalent value."]


def test_group_work_with_two_adults_counts_per_pupil() -> None:
    data = raw("aisha-rahman", "iep")  # 30 + 40 x 5 x 2 / 6 = 96.7 minutes: above 50
    assert warnings("iep", data) == []
    del data["provision"][1]["adults"]  # one adult: 30 + 33.3 = 63.3, still above
    assert warnings("iep", data) == []
    data["provision"][1]["sessions_per_week"] = 2  # 30 + 13.3 = 43.3
    assert warnings("iep", data)[0].startswith(
        'The plan, "Other provision of equivalent value": The provision gives about 43 minutes')


def test_iep_review_checks_the_three_conditions_before_a_high_focus_period() -> None:
    """'A School Action plus review may conclude that: ... Band 4 or higher on one or more
    Threads, and appropriate provision at School Action and School Action Plus has been made,
    but progress is not satisfactory.'"""
    data = raw("tomos-llyr-evans", "iep_review")
    assert warnings("iep_review", data) == []
    data["review"]["progress_satisfactory"] = True
    data["review"]["provision_made"] = False
    for row in data["crisp_threads"]:
        row["band"] = min(row.get("band") or 1, 3)
    found = warnings("iep_review", data)
    assert found == [
        'The review, "Decision of the review": A High Focus period may start only when all '
        "three conditions hold. Not met: “the pupil is rated as being at Band 4 or higher on "
        "one or more Threads” (the highest band recorded is 3).",
        'The review, "Decision of the review": A High Focus period may start only when all '
        "three conditions hold. Not met: “appropriate provision at School Action and School "
        "Action Plus has been made”.",
        'The review, "Decision of the review": A High Focus period may start only when all '
        "three conditions hold. Not met: “progress is not satisfactory” (progress has been "
        "satisfactory)."]


def test_iep_review_from_school_action_goes_to_school_action_plus_first() -> None:
    data = raw("tomos-llyr-evans", "iep_review")
    data["review"]["stage"] = "sa"
    assert any("this pupil is at School Action" in w for w in warnings("iep_review", data))
    data["review"]["decision"] = "to_sa_plus"
    data["review"]["progress_satisfactory"] = True
    found = warnings("iep_review", data)
    assert any("“The Code’s guidance on triggering School Action Plus (5:56 and 6:64) is about "
               "the lack of progress under School Action.”" in w for w in found)


def test_iep_review_dates() -> None:
    data = raw("zofia-wisniewska", "iep_review")
    data["review"]["iep_start_date"] = data["review"]["date"]
    assert errors("iep_review", data) == [
        'The review, "Start of the IEP reviewed": The review must come after the start of the '
        "IEP it reviews."]
    data = raw("zofia-wisniewska", "iep_review")
    del data["review"]["next_review_date"]
    assert any("Give the next review date" in w for w in warnings("iep_review", data))
    data["review"]["decision"] = "end"
    assert not any("Give the next review date" in w for w in warnings("iep_review", data))
