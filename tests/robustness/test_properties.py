"""Property-based round trips (hypothesis): any valid data survives the form and the document."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.forms.reader import read_form
from docgen.forms.writer import write_blank_form
from docgen.pipeline import check, render_all
from docgen.validation import validate_data
from tests.docx_helpers import all_text

IEP = load_definition("iep")
BLANK = write_blank_form(IEP)

# Text as people type it, in any script: letters, marks, digits, punctuation, symbols and
# spaces, including right-to-left letters, combining marks, emoji and template-like braces.
_CHARS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"),
                       exclude_characters="\u2028\u2029\x85\ufffe\uffff")
TEXT = st.text(_CHARS, min_size=1, max_size=40).map(str.strip).filter(
    lambda s: s and s not in {"Click here and type", "Choose from the list"}
    and not s.startswith(("☒", "☐")))
LINES = st.lists(TEXT, min_size=1, max_size=3).map("\n".join)
SPICE = st.sampled_from(["{{ 7*7 }}", "{% if x %}", "}}", "Smith & Jones <Y5>", "مريم",
                         "Zażółć", "e\u0301", "👍🏽", "עברית"])


def _text() -> st.SearchStrategy[str]:
    return st.one_of(TEXT, st.tuples(TEXT, SPICE).map(" ".join))


@st.composite
def iep_data(draw: st.DrawFn) -> dict:
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    target = st.fixed_dictionaries({
        "what": _text(), "how": LINES, "how_often": _text(), "assessment": _text(),
        "success": _text(),
    })
    provision = st.fixed_dictionaries({
        "what": _text(), "who": _text(), "group_size": st.integers(1, 40),
        "session_minutes": st.integers(1, 600), "sessions_per_week": st.integers(1, 35),
    })
    return {
        "pupil": {"forename": draw(_text()), "surname": draw(_text()),
                  "date_of_birth": draw(st.dates(dt.date(2005, 1, 1), dt.date(2020, 1, 1))),
                  "year_group": draw(st.sampled_from([v for v, _ in IEP.section("pupil")
                                                      .field("year_group").choices])),
                  "upn": "K330200116007", "school": draw(_text()), "dfe_number": "330/2001",
                  "senco": draw(_text())},
        "plan": {"stage": draw(st.sampled_from(["sa", "sa_plus", "high_focus", "statement"])),
                 "start_date": start, "review_date": start + dt.timedelta(days=90),
                 "school_action_first": draw(st.booleans()), "concerns": draw(LINES)},
        "targets": draw(st.lists(target, min_size=1, max_size=4)),
        "provision": draw(st.lists(provision, min_size=1, max_size=3)),
        "views": {"pupil": draw(LINES), "parents": draw(LINES)},
    }


# DOCGEN_HYPOTHESIS_EXAMPLES=300 for a longer run than CI needs
FAST = settings(max_examples=int(os.environ.get("DOCGEN_HYPOTHESIS_EXAMPLES", "25")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(iep_data())
def test_form_round_trip(data: dict) -> None:
    expected = validate_data(IEP, data)
    assert expected.valid, [p.text() for p in expected.errors]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.docx"
        path.write_bytes(fill_form(BLANK, IEP, data))
        got = validate_data(IEP, read_form(path).data)
    assert got.data == expected.data


@FAST
@given(iep_data())
def test_every_field_is_in_the_document(data: dict) -> None:
    import yaml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "iep.yaml"
        path.write_text(yaml.safe_dump({"form": "iep", **data}, allow_unicode=True),
                        encoding="utf-8")
        (iep,) = [d for d in render_all(check(path)) if d.key == "iep"]
    text = all_text(iep.data)
    for target in data["targets"]:
        for value in target.values():
            assert value.strip() in text
    for row in data["provision"]:
        assert row["what"].strip() in text and row["who"].strip() in text
    assert data["views"]["pupil"].strip() in text
    assert data["pupil"]["school"].strip() in text
