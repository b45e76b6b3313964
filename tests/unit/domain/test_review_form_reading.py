"""Reading a review form's data into answers: every field, and blanks as empty."""

from __future__ import annotations

import datetime as dt

from docgen.domain.review_answers import Action, Apology, bands_of, from_form
from tests.fixtures import ELLIS_CASE, raw


def test_the_fixture_review_is_read_whole() -> None:
    data = raw(ELLIS_CASE / "hf_review-2027-01-18.yaml")
    data["apologies"] = [{"name": "Mrs Ann Lees", "role": "PSS teacher",
                          "contribution_received": False, "told_outcome": True}]
    answers = from_form(data)
    assert answers.date == dt.date(2027, 1, 18)
    assert answers.next_review_date == dt.date(2027, 4, 19)
    assert answers.apologies == (Apology("Mrs Ann Lees", "PSS teacher", False, True),)
    assert answers.actions == (Action("Mrs Sarah Iqbal (SENCo)", "Send the request with all "
                                      "evidence", "1 February 2027"),)
    assert answers.bands == {1: 5, 2: 5, 3: 2, 4: 4, 5: 3, 6: 3, 9: 1, 16: 1}


def test_blanks_are_empty() -> None:
    answers = from_form({"actions": [{"who": "SENCo", "what": "Write to the parents"}],
                         "apologies": [{"name": "Dr Mensah"}]})
    assert answers.actions == (Action("SENCo", "Write to the parents", ""),)
    assert answers.apologies == (Apology("Dr Mensah", "", False, False),)
    assert answers.next_review_date is None and answers.date is None


def test_a_blank_band_is_not_assessed() -> None:
    assert bands_of([{"thread": "7", "band": ""}, {"thread": "8", "band": None},
                     {"thread": "9", "band": "4"}]) == {7: None, 8: None, 9: 4}
