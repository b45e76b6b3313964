"""Raw values from what a control or cell shows: dates, choices, ticks, placeholders."""

from __future__ import annotations

import pytest

from docgen.forms.values import control_value, parse_date, text_value
from tests.unit.forms.builders import IEP, fragment

DOB = IEP.section("pupil").field("date_of_birth")
YEAR = IEP.section("pupil").field("year_group")
TICK = IEP.section("plan").field("school_action_first")
SURNAME = IEP.section("pupil").field("surname")


@pytest.mark.parametrize(("text", "expected"), [
    ("07/09/2026", "2026-09-07"),
    ("7/9/2026", "2026-09-07"),
    (" 07.09.2026 ", "2026-09-07"),
    ("2026-09-07", "2026-09-07"),
    ("7 September 2026", "2026-09-07"),
    ("7th Sept 2026", "2026-09-07"),
    ("Monday, 7 September 2026", "2026-09-07"),
    ("29 Feb 2016", "2016-02-29"),
    ("7 Medi 2026", "2026-09-07"),  # Welsh
    ("31/02/2026", None),
    ("next Tuesday", None),
    ("7 Brumaire 2026", None),
])
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_dates_typed_as_text() -> None:
    assert text_value("14 March 2017", DOB) == "2017-03-14"
    assert text_value("14/13/2017", DOB) == "14/13/2017"  # kept, for validation to report
    assert text_value("Pick or type a date (dd/mm/yyyy)", DOB) is None


def _date_control(full_date: str | None, shown: str) -> object:
    stored = f' w:fullDate="{full_date}"' if full_date else ""
    (sdt,) = fragment(f'<w:sdt><w:sdtPr><w:date{stored}><w:dateFormat w:val="dd/MM/yyyy"/>'
                      f'</w:date></w:sdtPr><w:sdtContent><w:r><w:t>{shown}</w:t></w:r>'
                      '</w:sdtContent></w:sdt>')
    return sdt


def test_date_picker_stored_date_wins_over_a_differently_formatted_text() -> None:
    sdt = _date_control("2017-03-14T00:00:00Z", "Tuesday 14th of March")
    assert control_value(sdt, DOB) == "2017-03-14"


def test_date_typed_over_a_picked_date_is_the_one_shown_with_a_note() -> None:
    notes: list[str] = []
    sdt = _date_control("2017-03-14T00:00:00Z", "15/03/2017")
    assert control_value(sdt, DOB, notes) == "2017-03-15"
    assert notes == ["“Date of birth”: the date shown differs from the date its date picker "
                     "stored; docgen used the date shown."]


def test_date_picker_emptied_or_damaged() -> None:
    assert control_value(_date_control("2017-03-14T00:00:00Z", ""), DOB) is None
    assert control_value(_date_control("2099-13-45T", "soon"), DOB) == "soon"


@pytest.mark.parametrize(("text", "expected"), [
    ("Year 5", "5"), ("  year   5 ", "5"), ("Reception", "R"), ("Year 99", "Year 99"),
    ("Choose from the list", None), ("Choose an item.", None),
])
def test_choices_by_their_text(text: str, expected: str | None) -> None:
    assert text_value(text, YEAR) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("☒", True), (" ☐ ", False), ("", None), ("yes", "yes"),
])
def test_ticks_typed_by_hand(text: str, expected: object) -> None:
    assert text_value(text, TICK) == expected


def test_check_box_state() -> None:
    w14 = ('<w:sdt><w:sdtPr><w14:checkbox>{}</w14:checkbox></w:sdtPr><w:sdtContent><w:r>'
           '<w:t>☐</w:t></w:r></w:sdtContent></w:sdt>')
    for inner, expected in (('<w14:checked w14:val="1"/>', True), ("<w14:checked/>", True),
                            ('<w14:checked w14:val="0"/>', False), ("", False)):
        (sdt,) = fragment(w14.format(inner))
        assert control_value(sdt, TICK) is expected


def test_text_placeholders_and_blank_lines() -> None:
    assert text_value("\nLlŷr\n\n", SURNAME) == "Llŷr"
    assert text_value(" \n ", SURNAME) is None
    assert text_value("Click here and type (several lines are fine)", SURNAME) is None
    assert text_value("Click or tap here to enter text.", SURNAME) is None
