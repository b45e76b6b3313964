"""Specific, quantified provision: one shared check for both frameworks' provision rows.

CoP 9.69: provision "must be detailed and specific and should normally be quantified, for
example, in terms of the type, hours and frequency of support and level of expertise".
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgen.domain.provision import (
    VAGUE_PHRASES,
    VaguePhrase,
    vague_phrases,
    vague_provision,
)
from tests.conftest import sample_raw
from tests.send2015.conftest import problems, raw, texts


@pytest.mark.parametrize(("text", "found"), [
    ("Access to a quiet room", [("access to", "Access to")]),
    ("Regular reading with an adult", [("regular", "Regular")]),
    ("Reads regularly at home", [("regular", "regularly")]),
    ("Support as appropriate", [("as appropriate", "as appropriate")]),
    ("Help as and when appropriate", [("as appropriate", "as and when appropriate")]),
    ("Opportunities to talk", [("opportunities", "Opportunities")]),
    ("An opportunity to rest", [("opportunities", "opportunity")]),
    ("Would benefit from a mentor", [("would benefit from", "Would benefit from")]),
    ("Irregular words practised 3 times a week", []),
    ("Accessed via the computer; 20 minutes daily", []),
    ("Access to and regular use of a laptop, as appropriate",
     [("access to", "Access to"), ("regular", "regular"), ("as appropriate", "as appropriate")]),
])
def test_vague_phrases(text: str, found: list[tuple[str, str]]) -> None:
    assert vague_phrases(text) == found


def test_vague_provision_names_the_row_and_the_field() -> None:
    rows = [{"what": "Phonics, 20 minutes 4 times a week", "who": "Mrs Okoro"},
            {"what": "Access to a quiet space", "who": "Staff as appropriate"}]
    assert vague_provision(rows, ("what", "who")) == [
        VaguePhrase(2, "what", "access to", "Access to"),
        VaguePhrase(2, "who", "as appropriate", "as appropriate")]


def test_sen_support_plan_warns_with_the_row_and_the_phrase() -> None:
    data = raw("leo-brennan", "sen_support")
    data["provision"][1]["what"] = "Regular precision teaching of common words"
    _, warnings = problems("sen_support", data)
    assert texts(warnings) == [
        "Provision, row 2, \"What\": 'Regular' is vague. Say exactly what is provided, who "
        "provides it, how often and for how long (for example: 20 minutes, 3 times a week, "
        "with the teaching assistant)."]


def test_birmingham_iep_provision_rows_get_the_same_warning() -> None:
    data = copy.deepcopy(sample_raw("tomos-llyr-evans", "iep"))
    data["provision"][0]["what"] = "Tom would benefit from access to a reading buddy"
    _, warnings = problems("iep", data)
    assert [w.text() for w in warnings if "vague" in w.message] == [
        "Provision, row 1, \"Provision\": 'would benefit from' is vague. Say exactly what is "
        "provided, who provides it, how often and for how long (for example: 20 minutes, "
        "3 times a week, with the teaching assistant).",
        "Provision, row 1, \"Provision\": 'access to' is vague. Say exactly what is provided, "
        "who provides it, how often and for how long (for example: 20 minutes, 3 times a "
        "week, with the teaching assistant)."]


def test_birmingham_samples_have_no_vague_provision() -> None:
    for pupil in ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman"):
        _, warnings = problems("iep", sample_raw(pupil, "iep"))
        assert not [w for w in warnings if "vague" in w.message], pupil


@given(st.text(st.characters(categories=("L", "N", "Zs")), max_size=60),
       st.sampled_from([shown for shown, _ in VAGUE_PHRASES]),
       st.text(st.characters(categories=("L", "N", "Zs")), max_size=60))
def test_a_listed_phrase_is_found_wherever_it_is_typed(before: str, phrase: str,
                                                       after: str) -> None:
    text = f"{before} {phrase.upper()} {after}"
    assert phrase in [shown for shown, _ in vague_phrases(text)]
