"""The 2015 Code's dates, each against the Act, Regulation or Code paragraph it follows."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.domain import code2015_dates as code

D = dt.date


def test_ehc_request_clock_is_6_16_and_20_weeks_from_receipt() -> None:
    # SEND Regulations 2014: "within 6 weeks of receiving the request" (reg 5); notice that
    # no plan will be issued within 16 weeks (reg 10); the final plan "within 20 weeks of the
    # local authority receiving a request" (reg 13(2)).
    clock = code.assessment_clock(D(2026, 10, 5))
    assert clock.decide == D(2026, 11, 16)
    assert clock.no_plan_notice == D(2027, 1, 25)
    assert clock.final_plan == D(2027, 2, 22)
    assert (clock.decide - clock.received).days == 42
    assert (clock.final_plan - clock.received).days == 140


def test_annual_review_within_12_months_of_the_plan_or_the_last_review() -> None:
    # CFA 2014 s44(1): "in the period of 12 months starting with the date on which the plan
    # was first made" and each "period of 12 months starting with the date on which the plan
    # was last reviewed" (CoP 9.169).
    assert code.annual_review_due(D(2026, 3, 10)) == D(2027, 3, 9)
    assert code.annual_review_due(D(2025, 3, 10), D(2026, 2, 2)) == D(2027, 2, 1)
    assert code.annual_review_due(D(2024, 2, 29)) == D(2025, 2, 27)


def test_invitations_and_advice_two_weeks_before_and_the_report_two_weeks_after() -> None:
    # Reg 20(4): advice circulated "at least two weeks in advance of the review meeting";
    # CoP 9.176: the report within two weeks of the meeting; the decision within four weeks.
    dates = code.review_meeting_dates(D(2027, 3, 3))
    assert dates.invitations_by == D(2027, 2, 17)
    assert dates.report_by == D(2027, 3, 17)
    assert dates.decision_by == D(2027, 3, 31)


@pytest.mark.parametrize(("transfer", "due"), [
    ("primary_secondary", D(2027, 2, 15)),
    ("infant_junior", D(2027, 2, 15)),
    ("early_years_school", D(2027, 2, 15)),
    ("secondary_post16", D(2027, 3, 31)),
])
def test_phase_transfer_15_february_or_31_march_for_post_16(transfer: str, due: dt.date) -> None:
    # Reg 18: by 15 February in the calendar year of the transfer; 31 March from secondary
    # school to a post-16 institution.
    assert code.amended_plan_due(transfer, 2027) == due


def test_parents_met_at_least_three_times_a_year() -> None:
    # CoP 6.65: "Schools should meet parents at least three times each year."
    assert code.MEETINGS_A_YEAR == 3
    start = D(2026, 9, 1)
    dates = [D(2026, 10, 1), D(2026, 10, 1), D(2027, 2, 2), D(2027, 8, 31), D(2027, 9, 1),
             D(2026, 8, 31), None]
    assert code.meetings_in_year(start, dates) == [D(2026, 10, 1), D(2027, 2, 2),
                                                   D(2027, 8, 31)]
    assert code.year_end(start) == D(2027, 8, 31)


def test_school_year_starts_on_1_september() -> None:
    assert code.school_year_start(D(2026, 11, 30)) == D(2026, 9, 1)
    assert code.school_year_start(D(2027, 8, 31)) == D(2026, 9, 1)
    assert code.school_year_start(D(2027, 9, 1)) == D(2027, 9, 1)


def test_sen_support_is_reviewed_within_a_term() -> None:
    due = code.sen_support_review_due(D(2026, 9, 7), D(2026, 12, 11))
    assert (due.due, due.later_than_allowed) == (D(2026, 12, 11), False)
    late = code.sen_support_review_due(D(2026, 9, 7), D(2027, 3, 26))
    assert (late.due, late.later_than_allowed) == (D(2027, 1, 7), True)
    assert code.next_sen_support_review(D(2026, 12, 11)) == D(2027, 4, 11)


def test_census_needs_fall_in_the_codes_four_broad_areas() -> None:
    # CoP 6.28-6.35: communication and interaction; cognition and learning; social,
    # emotional and mental health; sensory and/or physical.
    assert code.broad_area("SLCN") == code.broad_area("asd") == "Communication and interaction"
    assert code.broad_area("MLD") == "Cognition and learning"
    assert code.broad_area("SEMH") == "Social, emotional and mental health"
    assert code.broad_area("VI") == "Sensory and/or physical"
    assert code.broad_area("NSA") == "Other or not yet assessed"
