"""The forms' own checks count from the day they are given (``caseload --today``), else the
real date: a date "in the future" is in the future as of that day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from docgen.caseload.model import FormFacts
from docgen.caseload.reading import read_one
from docgen.definitions import load_definition
from docgen.frameworks import SEND_2015
from docgen.pipeline import check
from docgen.validation import validate_data

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
AISHA = SAMPLES / "aisha-rahman"
FUTURE = "This date is in the future, but it is the date of something that has already " \
    "happened. Check the date."
# Aisha's High Focus review and the CRISP bands it agreed are dated 2 February 2026
DATES = [("The review meeting", "Date of the review"),
         ("CRISP assessment", "Date of the CRISP assessment")]


def future(warnings: list) -> list[tuple[str | None, str | None]]:
    return [(w.section, w.label) for w in warnings if w.message == FUTURE]


def raw(folder: Path, form: str) -> dict:
    data = yaml.safe_load((folder / f"{form}.yaml").read_text("utf-8"))
    data.pop("form")
    return data


def test_validation_takes_the_day() -> None:
    definition, data = load_definition("hf_review"), raw(AISHA, "hf_review")
    assert future(validate_data(definition, data, dt.date(2026, 2, 1)).warnings) == DATES
    assert future(validate_data(definition, data, dt.date(2026, 2, 2)).warnings) == []
    assert future(validate_data(definition, data).warnings) == []  # the real date: later


def test_check_takes_the_day() -> None:
    assert future(check(AISHA / "hf_review.yaml", dt.date(2026, 2, 1)).result.warnings) == DATES
    assert future(check(AISHA / "hf_review.yaml", dt.date(2026, 2, 2)).result.warnings) == []


def test_the_caseload_reads_each_form_as_of_its_today() -> None:
    before = read_one(AISHA, "hf_review.yaml", dt.date(2026, 2, 1))
    on_the_day = read_one(AISHA, "hf_review.yaml", dt.date(2026, 2, 2))
    assert isinstance(before, FormFacts) and isinstance(on_the_day, FormFacts)
    assert [w for w in before.warnings if w not in on_the_day.warnings] == DATES


def test_the_2015_rules_take_the_day_and_none_depends_on_it() -> None:
    folder = SAMPLES / "send2015" / "callum-price"
    definition, data = load_definition("annual_review"), raw(folder, "annual_review")
    del data["meeting"]["invitations_sent"]  # "Send the invitations … by 19 November 2026"
    typed = validate_data(definition, data).data
    found = SEND_2015.check_form(definition, typed)
    assert [p.label for p in found] == ["Date the invitations were sent"]
    assert SEND_2015.check_form(definition, typed, dt.date(2020, 1, 1)) == found == \
        SEND_2015.check_form(definition, typed, dt.date(2030, 1, 1))
