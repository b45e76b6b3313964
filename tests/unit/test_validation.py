"""Schemas built from the form definitions: typed values and messages named by form labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from docgen.definitions import load_definition
from docgen.validation import validate_data

IEP = load_definition("iep")
CRISP = load_definition("crisp")


def texts(result: Any) -> list[str]:
    return [p.text() for p in result.errors]


def test_sample_is_valid_and_typed(iep_raw: dict[str, Any]) -> None:
    result = validate_data(IEP, iep_raw)
    assert result.valid, texts(result)
    assert result.data["pupil"]["date_of_birth"] == dt.date(2017, 3, 14)
    assert result.data["provision"][0]["group_size"] == 4
    assert result.data["plan"]["school_action_first"] is True


@pytest.mark.parametrize("name", ["Siân Llŷr", "Zażółć Gęślą", "عائشہ", "مريم", "Nguyễn Thị"])
def test_names_in_any_script_pass(iep_raw: dict[str, Any], name: str) -> None:
    iep_raw["pupil"]["forename"] = name
    assert validate_data(IEP, iep_raw).valid


def test_wrong_upn_check_letter_names_the_label(iep_raw: dict[str, Any]) -> None:
    iep_raw["pupil"]["upn"] = "A330200116007"
    assert texts(validate_data(IEP, iep_raw)) == [
        'About the pupil, "Unique Pupil Number (UPN)": The check letter (the first character) '
        "does not match the rest of the UPN, so a character has been mistyped. Check the UPN "
        "against the school's records."
    ]


def test_future_date_of_birth(iep_raw: dict[str, Any]) -> None:
    iep_raw["pupil"]["date_of_birth"] = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert texts(validate_data(IEP, iep_raw)) == [
        'About the pupil, "Date of birth": This date is in the future. Check the year.'
    ]


def test_missing_target_fields_name_row_and_label(iep_raw: dict[str, Any]) -> None:
    del iep_raw["targets"][1]["how_often"]
    iep_raw["targets"][2]["success"] = "   "
    assert texts(validate_data(IEP, iep_raw)) == [
        'Targets, row 2, "How often": This must be filled in.',
        'Targets, row 3, "Success criteria": This must be filled in.',
    ]


def test_band_7_is_refused_naming_the_thread(crisp_raw: dict[str, Any]) -> None:
    crisp_raw["crisp_threads"][6]["band"] = 7
    assert texts(validate_data(CRISP, crisp_raw)) == [
        'CRISP bands by thread, 7. Understanding language, "Band": This is not one of the '
        "choices (Band 1; Band 2; Band 3; Band 4; Band 5; Band 6). Pick one from the list."
    ]


def test_full_crisp_needs_evidence(crisp_raw: dict[str, Any]) -> None:
    del crisp_raw["crisp_threads"][0]["evidence"]
    assert texts(validate_data(CRISP, crisp_raw)) == [
        'CRISP bands by thread, 1. Curriculum access, "Evidence": A full CRISP assessment needs '
        "the evidence for each band. Add it, or mark the assessment as pencilled."
    ]


def test_thread_18_only_for_older_students(crisp_raw: dict[str, Any]) -> None:
    crisp_raw["crisp_threads"].append({"thread": "18", "band": 3, "evidence": "x"})
    assert any("Thread 18 is for post-16 students only" in t
               for t in texts(validate_data(CRISP, crisp_raw)))
    crisp_raw["pupil"]["year_group"] = "12"
    assert validate_data(CRISP, crisp_raw).valid


def test_dfe_number_and_unknown_field(iep_raw: dict[str, Any]) -> None:
    iep_raw["pupil"]["dfe_number"] = "3302001"
    iep_raw["pupil"]["shoe_size"] = "4"
    assert texts(validate_data(IEP, iep_raw)) == [
        'About the pupil, "DfE establishment number": Type the DfE establishment number as '
        "the 3-digit LA code, a slash and 4 digits, for example 330/2001.",
        "About the pupil: 'shoe_size' is not a field of this section. Check the spelling, or "
        "remove it.",
    ]


def test_an_unknown_key_is_an_error_whether_or_not_it_has_a_value(
        iep_raw: dict[str, Any], crisp_raw: dict[str, Any]) -> None:
    """A YAML value folded onto a second line becomes a key with no value: the evidence
    '... (Salford' then 'June 2026).:' must not pass as valid with its text cut short."""
    crisp_raw["crisp_threads"][0]["evidence"] = "Reading age 5y 9m (Salford"
    crisp_raw["crisp_threads"][0]["June 2026)."] = None
    assert texts(validate_data(CRISP, crisp_raw)) == [
        "CRISP bands by thread, 1. Curriculum access: 'June 2026).' is not a field of this "
        "section. Check the spelling, or remove it."]
    iep_raw["pupil"]["shoe_size"] = None
    iep_raw["targets"][1]["stray"] = ""
    iep_raw["reviw"] = None
    assert texts(validate_data(IEP, iep_raw)) == [
        "About the pupil: 'shoe_size' is not a field of this section. Check the spelling, or "
        "remove it.",
        "Targets, row 2: 'stray' is not a field of this section. Check the spelling, or remove "
        "it.",
        "'reviw' is not part of the iep form. Check the spelling, or remove it."]


def test_known_keys_left_empty_are_not_unknown(iep_raw: dict[str, Any]) -> None:
    iep_raw["pupil"]["known_as"] = None
    iep_raw["targets"][0]["how_often"] = "10 minutes daily"
    assert validate_data(IEP, iep_raw).valid


def test_control_characters_are_refused(iep_raw: dict[str, Any]) -> None:
    iep_raw["targets"][0]["what"] = "Read\x07words"
    assert texts(validate_data(IEP, iep_raw)) == [
        'Targets, row 1, "What will be taught": This contains a control character (code 0x07) '
        "that a Word document cannot hold. Retype the text without it."
    ]


def test_no_targets(iep_raw: dict[str, Any]) -> None:
    iep_raw["targets"] = []
    assert texts(validate_data(IEP, iep_raw)) == ["Targets: Add at least 1 row to this table."]


def test_uk_typed_date_is_accepted(iep_raw: dict[str, Any]) -> None:
    iep_raw["plan"]["start_date"] = "07/09/2026"
    result = validate_data(IEP, iep_raw)
    assert result.data["plan"]["start_date"] == dt.date(2026, 9, 7)
    iep_raw["plan"]["start_date"] = "31/02/2026"
    assert texts(validate_data(IEP, iep_raw)) == [
        'The plan, "Start date": This is not a date. Use the date picker or type it as '
        "dd/mm/yyyy."
    ]


class TestWarnings:
    def test_adult_time_below_minimum_without_equivalent(self, iep_raw: dict[str, Any]) -> None:
        iep_raw["provision"] = [iep_raw["provision"][0]]  # 20 x 4 / 4 = 20 minutes
        result = validate_data(IEP, iep_raw)
        assert result.valid
        assert [w.text() for w in result.warnings] == [
            'The plan, "Other provision of equivalent value": The provision gives 20 minutes of '
            "adult time a week for this pupil; the indicative minimum at School Action Plus "
            "is 50 minutes. Add provision, or describe the other provision of equivalent value."
        ]
        iep_raw["plan"]["equivalent_provision"] = "Adapted curriculum with visual timetable"
        assert validate_data(IEP, iep_raw).warnings == []

    def test_review_more_than_six_months_away(self, iep_raw: dict[str, Any]) -> None:
        iep_raw["plan"]["review_date"] = "2026-01-14"
        warnings = [w.text() for w in validate_data(IEP, iep_raw).warnings]
        assert warnings == [
            'The plan, "Review date": The review is 267 days after the start. Progress should '
            "be reviewed at least twice a year, ideally every term: set a review within 6 months."
        ]

    def test_sa_plus_without_sa_first(self, iep_raw: dict[str, Any]) -> None:
        iep_raw["plan"]["school_action_first"] = False
        warnings = validate_data(IEP, iep_raw).warnings
        assert [w.label for w in warnings] == [
            "Exceptional reason for starting at School Action Plus"
        ]
        iep_raw["plan"]["exceptional_reason"] = "Arrived with a diagnosis and a report"
        assert validate_data(IEP, iep_raw).warnings == []

    def test_parents_views_or_attempts_required(self, iep_raw: dict[str, Any]) -> None:
        del iep_raw["views"]["parents"]
        assert texts(validate_data(IEP, iep_raw)) == [
            "Views, \"Parents' or carers' views\": Record the parents' or carers' views. If you "
            "could not reach them, record the attempts you made to contact them instead."
        ]
        iep_raw["views"]["contact_attempts"] = "Letters on 1 and 8 September; no reply."
        assert validate_data(IEP, iep_raw).valid
