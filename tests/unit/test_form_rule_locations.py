"""Form rules that point at a field: each warning whole, with where it is on the form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.definitions import load_definition
from docgen.form_rules import check_form
from docgen.validation import validate_data
from tests.fixtures import ELLIS_CASE, MIA, raw

IEP = load_definition("iep")
IEP_REVIEW = load_definition("iep_review")
HF_REVIEW = load_definition("hf_review")
AISHA_REVIEW = Path(__file__).resolve().parents[2] / "samples" / "aisha-rahman" / "iep_review.yaml"
RANGE = ("“levels of need at present within the ‘statementing range’ (that is; assessed at CRISP "
         "Band 4 and above)”")
THREADS = ("9. Interpersonal skills (with students), 11. Personal, social, emotional and "
           "behavioural education and 17. Use of recreational time")
VAGUE = ("is vague. Say exactly what is provided, who provides it, how often and for how long "
         "(for example: 20 minutes, 3 times a week, with the teaching assistant).")


def warnings(definition, data) -> list[str]:
    return [p.text() for p in validate_data(definition, data).warnings]


def test_an_iep_review_at_school_action_plus_without_a_support_service() -> None:
    review = raw(AISHA_REVIEW)
    review["review"].update(support_services="", decision="continue")
    assert warnings(IEP_REVIEW, review) == [
        f'The review, "Stage of the IEP reviewed": Band 4 on {THREADS} are in the statementing '
        f"range: {RANGE}. Consider a High Focus period, or delegated provision that goes beyond "
        "the School Action Plus amount.",
        'The review, "External support services involved": “The key difference is the '
        "expectation of the involvement of external Support Services at School Action Plus.” "
        "No external support service is named: name the services involved, or consult one "
        "about whom to involve."]


def test_an_iep_review_at_school_action_with_bands_of_concern() -> None:
    review = raw(AISHA_REVIEW)
    review["review"].update(stage="sa", decision="continue")
    assert warnings(IEP_REVIEW, review) == [
        'The review, "Stage of the IEP reviewed": “Band 3 is equivalent to the level of need '
        f"implied by School Action Plus”, and the CRISP assessment has Band 4 on {THREADS}. "
        "Check that School Action is still the right stage."]


def test_vague_provision_is_named_in_its_row_and_column() -> None:
    iep = raw(MIA / "iep.yaml")
    iep["provision"][0]["what"] = "Regular reading"
    iep["provision"][1]["who"] = "Access to a travel trainer"
    assert warnings(IEP, iep) == [f"Provision, row 1, \"Provision\": 'Regular' {VAGUE}",
                                  f"Provision, row 2, \"Who provides it\": 'Access to' {VAGUE}"]


def test_two_adults_with_a_group_share_all_their_time() -> None:
    iep = raw(MIA / "iep.yaml")
    iep["provision"] = [{"what": "Reading", "who": "Learning support assistant",
                         "group_size": 2, "session_minutes": 25, "sessions_per_week": 1,
                         "adults": 2}]
    assert warnings(IEP, iep) == [
        'The plan, "Other provision of equivalent value": The provision gives 25 minutes of '
        "adult time a week for this pupil; the indicative minimum at School Action Plus is 50 "
        "minutes. Add provision, or describe the other provision of equivalent value."]


def test_a_service_named_only_in_the_provision_table_counts() -> None:
    iep = raw(MIA / "iep.yaml")
    iep["plan"]["support_services"] = ""
    iep["provision"][0]["who"] = "Speech and language therapist"
    assert warnings(IEP, iep) == []


def test_the_rules_count_from_the_day_they_are_given() -> None:
    checked = validate_data(HF_REVIEW, raw(ELLIS_CASE / "hf_review-2027-01-18.yaml"))
    future = "This date is in the future, but it is the date of something that has already"
    assert not [p for p in check_form(HF_REVIEW, checked.data, dt.date(2027, 2, 1))
                if future in p.message]
    assert [p.text() for p in check_form(HF_REVIEW, checked.data, dt.date(2027, 1, 17))
            if future in p.message] == [
        f'The review meeting, "Date of the review": {future} happened. Check the date.',
        f'CRISP assessment, "Date of the CRISP assessment": {future} happened. Check the date.']


def review_problems(**changes) -> tuple[list[str], list[str]]:
    review = raw(AISHA_REVIEW)
    review["review"].update(changes)
    checked = validate_data(IEP_REVIEW, review)
    return [p.text() for p in checked.errors], [p.text() for p in checked.warnings]


def test_an_iep_review_s_dates() -> None:
    start = dt.date(2025, 7, 16)  # the sample review's own date
    assert review_problems(iep_start_date=start) == ([
        'The review, "Start of the IEP reviewed": The review must come after the start of the '
        "IEP it reviews."], [])
    assert review_problems(next_review_date=start) == ([
        'The review, "Next review date": The next review must come after this review.'], [])
    assert review_problems(next_review_date=dt.date(2026, 7, 16)) == ([], [
        'The review, "Next review date": The next review is 3 terms after this one. Reviews '
        "should take place “at least two per year and ideally termly”: set it within two "
        "terms."])
    errors, warned = review_problems(next_review_date=None, decision="continue")
    assert errors == [] and warned[0] == (
        'The review, "Next review date": Give the next review date: reviews should take place '
        "“at least two per year and ideally termly”.")
    assert not [w for w in review_problems(next_review_date=None, decision="end")[1]
                if "Next review date" in w]
