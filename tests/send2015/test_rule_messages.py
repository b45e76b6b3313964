"""Each 2015 rule's problem in full: severity, the whole sentence, and where it points (the
form's section heading, the field's label and the table row), at the boundary of its dates.

A SENCo finds the field to fix by the label and row a problem names, so a rule that points at
the wrong field, or a sentence with a word dropped, is a bug these tests name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from docgen.definitions import load_definition
from docgen.domain.send2015.rules import check_form
from docgen.problems import Problem, error, warning
from docgen.validation import validate_data
from tests.send2015.conftest import problems, raw


def found(form: str, data: dict[str, Any]) -> list[Problem]:
    errors, warnings = problems(form, data)
    return errors + warnings


def plan() -> dict[str, Any]:
    """Leo's SEN Support plan: clean, starting 21 September 2026, reviewed 11 December."""
    return raw("leo-brennan", "sen_support")


def meeting() -> dict[str, Any]:
    """Leo's meeting with his parents: 21 September 2026 in the year from 7 September."""
    return raw("leo-brennan", "parent_meeting")


def review() -> dict[str, Any]:
    """Callum's annual review on 3 December 2026: invitations by 19 November, report by 17
    December; his plan was issued on 14 March 2022 and last reviewed on 4 December 2025."""
    return raw("callum-price", "annual_review")


def test_the_samples_are_clean() -> None:
    assert found("sen_support", plan()) == []
    assert found("parent_meeting", meeting()) == []
    assert found("annual_review", review()) == []


def test_a_form_without_2015_rules_has_no_problems_from_them() -> None:
    assert check_form(load_definition("iep"), {}) == []


# --- SEN Support plan ---------------------------------------------------------------------
REVIEW_DATE = error("The review date must be after the plan's start date.",
                    section="The plan", label="Review date")


@pytest.mark.parametrize(("review_date", "expected"), [
    ("2026-09-21", [REVIEW_DATE]), ("2026-09-20", [REVIEW_DATE]), ("2026-09-22", [])])
def test_the_review_date_is_after_the_start(review_date: str,
                                            expected: list[Problem]) -> None:
    data = plan()
    data["plan"]["review_date"] = review_date
    for row in data["provision"]:
        row["end"] = max(dt.date.fromisoformat(review_date), row["start"])
    assert found("sen_support", data) == expected


@pytest.mark.parametrize(("since", "expected"), [
    ("2026-09-22", [error("SEN Support cannot start after this plan does. Check both dates.",
                          section="The plan", label="On SEN Support since")]),
    ("2026-09-21", []), ("2025-09-01", [])])
def test_sen_support_starts_no_later_than_the_plan(since: str,
                                                   expected: list[Problem]) -> None:
    data = plan()
    data["plan"]["sen_support_since"] = since
    assert found("sen_support", data) == expected


@pytest.mark.parametrize(("primary", "secondary"), [("SPLD", "NSA"), ("NSA", "SPLD")])
def test_nsa_stands_alone(primary: str, secondary: str) -> None:
    data = plan()
    data["plan"].update(primary_need=primary, secondary_need=secondary)
    assert error("NSA means no specialist assessment of the type of need, so it cannot be "
                 "combined with another need. Choose one or the other.",
                 section="The plan", label="Secondary need (census)") in found("sen_support",
                                                                              data)


def test_a_plan_without_its_needs_table_is_told_where_to_describe_them() -> None:
    data = plan()
    del data["needs"]
    assert found("sen_support", data) == [warning(
        "The primary need is Specific learning difficulty (SPLD), but nothing is written "
        "under Cognition and learning. Describe the needs there.",
        section="Needs in the four broad areas, Cognition and learning",
        label="Needs in this area")]


@pytest.mark.parametrize(("count", "expected"), [
    (1, "The plan has 1 outcome. A SEN Support plan usually sets 3 or 4: the ones that "
        "matter most this term."),
    (2, "The plan has 2 outcomes. A SEN Support plan usually sets 3 or 4: the ones that "
        "matter most this term."),
    (3, None), (4, None),
    (5, "The plan has 5 outcomes. A SEN Support plan usually sets 3 or 4: the ones that "
        "matter most this term.")])
def test_three_or_four_outcomes_at_each_edge(count: int, expected: str | None) -> None:
    data = plan()
    data["outcomes"] = [dict(data["outcomes"][0], outcome=f"Outcome {n}")
                        for n in range(1, count + 1)]
    assert found("sen_support", data) == (
        [warning(expected, section="Outcomes")] if expected else [])


@pytest.mark.parametrize(("end", "expected"), [
    ("2026-09-27", [error("The provision must end after it starts.", section="Provision",
                          label="To", row=2)]),
    ("2026-09-28", [])])
def test_provision_ends_no_earlier_than_it_starts_in_its_row(end: str,
                                                             expected: list[Problem]) -> None:
    data = plan()
    data["provision"][1]["end"] = end  # the second row starts on 28 September
    assert found("sen_support", data) == expected


def test_a_plan_without_provision_rows_has_no_provision_problems() -> None:
    data = plan()
    del data["provision"]
    assert found("sen_support", data) == []


def test_vague_words_in_who_provides_it_are_named_in_their_row() -> None:
    data = plan()
    data["provision"][2]["who"] = "Staff as appropriate"
    assert found("sen_support", data) == [warning(
        "'as appropriate' is vague. Say exactly what is provided, who provides it, how often "
        "and for how long (for example: 20 minutes, 3 times a week, with the teaching "
        "assistant).", section="Provision", label="Who", row=3)]


def test_a_plan_agreed_without_its_date() -> None:
    data = plan()
    del data["views"]["agreed_date"]
    assert found("sen_support", data) == [error(
        "Give the date the parents agreed the plan.", section="Views",
        label="Date agreed with the parents")]


def _reviewed(held: str) -> dict[str, Any]:
    data = plan()
    data["review"] = {"held": held, "evidence": "Reads 70 of the 100 words.",
                      "next_steps": "Carry on with the phonics group."}
    for row in data["outcomes"]:
        row["progress"] = "good"
    return data


@pytest.mark.parametrize(("held", "expected"), [
    ("2026-09-20", [error("The review cannot be before the plan started.", section="Review",
                          label="Date of the review meeting")]),
    ("2026-09-21", []), ("2026-12-11", [])])
def test_the_review_is_held_no_earlier_than_the_plan_starts(held: str,
                                                            expected: list[Problem]) -> None:
    assert found("sen_support", _reviewed(held)) == expected


def test_a_review_asks_for_the_progress_of_each_outcome_by_row() -> None:
    data = _reviewed("2026-12-11")
    del data["outcomes"][1]["progress"]
    assert found("sen_support", data) == [warning(
        "The review took place: record the progress towards this outcome.",
        section="Outcomes", label="Progress at the review", row=2)]


def test_a_reviewed_plan_without_outcomes_warns_only_of_their_number() -> None:
    data = _reviewed("2026-12-11")
    del data["outcomes"]
    assert found("sen_support", data) == [warning(
        "The plan has 0 outcomes. A SEN Support plan usually sets 3 or 4: the ones that "
        "matter most this term.", section="Outcomes")]


# --- Meeting with parents (CoP 6.65) -------------------------------------------------------
def _short(count: int, missing: int) -> Problem:
    return warning(
        "The SEND Code of Practice expects schools to meet parents at least three times each "
        f"year (6.65). The year from 7 September 2026 has {count} "
        f"meeting{'s' if count != 1 else ''} held or planned: plan {missing} more and add the "
        "dates to the list of meetings this year.",
        section="Other meetings with the parents this year")


def test_a_meeting_record_without_other_meetings_counts_this_one_and_the_next() -> None:
    data = meeting()
    del data["meetings"]
    assert found("parent_meeting", data) == [_short(2, 1)]


def test_one_meeting_in_the_year_is_said_in_the_singular() -> None:
    data = meeting()
    del data["meetings"], data["meeting"]["next_meeting"]
    assert found("parent_meeting", data) == [_short(1, 2)]


NOT_IN_YEAR = error("This meeting is not in the plan's year. Check the start of the year.",
                    section="The meeting", label="Start of the plan's year")


@pytest.mark.parametrize(("date", "expected"), [
    ("2026-09-06", [NOT_IN_YEAR]), ("2026-09-07", []), ("2027-09-06", []),
    ("2027-09-07", [NOT_IN_YEAR])])
def test_the_meeting_falls_in_the_plans_year_from_its_first_to_its_last_day(
        date: str, expected: list[Problem]) -> None:
    data = meeting()
    data["meeting"]["date"] = date
    data["meeting"]["next_meeting"] = "2027-09-30"
    data["meetings"] = [{"date": "2026-12-11", "purpose": "Review"},
                        {"date": "2027-01-18", "purpose": "Spring"},
                        {"date": "2027-04-26", "purpose": "Summer"}]
    assert found("parent_meeting", data) == expected


NEXT_AFTER = error("The next meeting must be after this one.", section="The meeting",
                   label="Date of the next meeting")


@pytest.mark.parametrize(("next_meeting", "expected"), [
    ("2026-09-20", [NEXT_AFTER]), ("2026-09-21", [NEXT_AFTER]), ("2026-09-22", [])])
def test_the_next_meeting_is_after_this_one(next_meeting: str,
                                            expected: list[Problem]) -> None:
    data = meeting()
    data["meeting"]["next_meeting"] = next_meeting
    assert found("parent_meeting", data) == expected


# --- Request for an EHC needs assessment (CoP 9.8) -----------------------------------------
def test_a_request_the_parents_have_not_agreed() -> None:
    data = raw("amira-haddad", "ehc_request")
    data["request"]["parents_agree"] = False
    assert found("ehc_request", data) == [warning(
        "A school asks for an EHC needs assessment with the knowledge and, where possible, the "
        "agreement of the parents (SEND Code of Practice 9.8). Tick the box once they agree.",
        section="The request", label="The parents agree to the request")]


# --- EHC plan annual review ----------------------------------------------------------------
LATE_INVITATIONS = warning(
    "Invitations and requests for advice must go at least two weeks before the meeting (SEND "
    "Regulations 2014, regulation 20(3) and (4)): by 19 November 2026. Move the meeting, or "
    "send them sooner.", section="The review meeting", label="Date the invitations were sent")
ADVICE_AFTER_INVITATIONS = error(
    "The date for advice must be after the invitations are sent.",
    section="The review meeting", label="Advice to reach the school by")
LATE_ADVICE = error(
    "Advice must reach everyone invited at least two weeks before the meeting (regulation "
    "20(4)), so ask for it by 19 November 2026 at the latest.",
    section="The review meeting", label="Advice to reach the school by")


@pytest.mark.parametrize(("sent", "advice_by", "expected"), [
    ("2026-11-18", "2026-11-19", []),
    ("2026-11-19", "2026-11-19", [ADVICE_AFTER_INVITATIONS]),
    ("2026-11-18", "2026-11-18", [ADVICE_AFTER_INVITATIONS]),
    ("2026-11-18", "2026-11-20", [LATE_ADVICE]),
    ("2026-11-20", "2026-11-21", [LATE_ADVICE, LATE_INVITATIONS])])
def test_invitations_and_advice_at_the_two_week_edge(sent: str, advice_by: str,
                                                     expected: list[Problem]) -> None:
    data = review()
    data["meeting"].update(invitations_sent=sent, advice_by=advice_by)
    assert found("annual_review", data) == expected


LATE_REPORT = warning(
    "The review report goes to the local authority and everyone invited within two weeks of "
    "the meeting (regulation 20; SEND Code of Practice 9.176): by 17 December 2026.",
    section="The review meeting", label="Date the review report was sent")
EARLY_REPORT = error("The report cannot be sent before the meeting.",
                     section="The review meeting", label="Date the review report was sent")


@pytest.mark.parametrize(("report", "expected"), [
    ("2026-12-02", [EARLY_REPORT]), ("2026-12-03", []), ("2026-12-17", []),
    ("2026-12-18", [LATE_REPORT])])
def test_the_report_goes_from_the_meeting_to_two_weeks_after(report: str,
                                                             expected: list[Problem]) -> None:
    data = review()
    data["meeting"]["report_sent"] = report
    assert found("annual_review", data) == expected


def test_a_last_review_before_the_plan_was_issued_is_the_only_timing_problem() -> None:
    data = review()
    data["plan"]["last_review"] = "2022-03-13"
    assert found("annual_review", data) == [error(
        "The last review cannot be before the plan was issued.", section="The EHC plan",
        label="Date of the last review")]


def test_a_last_review_on_the_day_the_plan_was_issued_counts_from_that_day() -> None:
    data = review()
    data["plan"]["last_review"] = "2022-03-14"
    assert found("annual_review", data) == [warning(
        "An EHC plan is reviewed within 12 months of the last review (Children and Families "
        "Act 2014, section 44; SEND Code of Practice 9.169): by 13 March 2023. This meeting is "
        "later.", section="The review meeting", label="Date of the review meeting")]


def test_from_year_9_a_review_without_its_adulthood_table_is_refused() -> None:
    data = review()
    del data["adulthood"]
    assert found("annual_review", data) == [error(
        "From Year 9 the review must consider what will help the pupil prepare for adulthood "
        "and independent living (regulation 20(6)). Record it.",
        section="Preparing for adulthood")]


@pytest.mark.parametrize(("date", "late"), [("2027-02-14", False), ("2027-02-15", True)])
def test_a_review_on_the_day_the_amended_plan_is_due_is_too_late(date: str,
                                                                 late: bool) -> None:
    """Regulation 18: the amended plan is issued "before 15 February" of the move's year."""
    data = review()
    data["plan"].update(next_phase="primary_secondary", last_review="2026-03-01")
    data["meeting"].update(date=date)
    del data["meeting"]["report_sent"]
    assert found("annual_review", data) == ([warning(
        "The amended EHC plan must be issued by 15 February 2027 for this move (regulation "
        "18), and this review is after that date.", section="The EHC plan",
        label="Year of the move")] if late else [])


def test_amend_without_an_amendments_table_asks_for_them() -> None:
    data = review()
    del data["amendments"]
    assert found("annual_review", data) == [error(
        "The review recommends amending the plan: list the amendments.",
        section="Recommended amendments")]


def test_keeping_the_plan_without_amendments_is_quiet() -> None:
    data = review()
    data["recommendations"]["recommendation"] = "maintain"
    del data["amendments"]
    assert found("annual_review", data) == []


@pytest.mark.parametrize(("issued", "expected"), [
    ("2026-12-03", [error("The review meeting must be after the plan was issued.",
                          section="The review meeting", label="Date of the review meeting")]),
    ("2026-12-02", [])])
def test_the_review_meeting_is_after_the_plan_was_issued(issued: str,
                                                         expected: list[Problem]) -> None:
    data = review()
    data["plan"]["issued"] = issued
    del data["plan"]["last_review"]
    assert found("annual_review", data) == expected


@pytest.mark.parametrize(("pupil", "form", "tables"), [
    ("leo-brennan", "sen_support", ("needs", "outcomes", "provision")),
    ("leo-brennan", "parent_meeting", ("meetings",)),
    ("callum-price", "annual_review", ("adulthood", "amendments"))])
def test_the_rules_meet_every_table_as_a_list_even_when_left_out(
        pupil: str, form: str, tables: tuple[str, ...]) -> None:
    """The rules run on validated data only; EQUIVALENT.md leans on this for the rules'
    ``data.get(table, [])`` defaults."""
    data = raw(pupil, form)
    for table in tables:
        del data[table]
    validated = validate_data(load_definition(form), data)
    assert all(validated.data[table] == [] for table in tables)
