"""The 2015 Code's dates, each against the Act, Regulation or Code paragraph it follows.

(These were the caseload's own copies of the clocks; the caseload, the forms' checks and the
documents now share docgen.domain.send2015.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.domain.dates import add_months, period_end
from docgen.domain.send2015 import dates, meetings, needs

D = dt.date


def test_ehc_request_clock_is_6_16_and_20_weeks_from_receipt() -> None:
    # SEND Regulations 2014: "within 6 weeks of receiving the request" (reg 5); notice that
    # no plan will be issued within 16 weeks (reg 10); the final plan "within 20 weeks of the
    # local authority receiving a request" (reg 13(2)).
    clock = dates.assessment_clock(D(2026, 10, 5))
    assert clock.decide == D(2026, 11, 16)
    assert clock.notice_or_draft == D(2027, 1, 25)
    assert clock.final_plan == D(2027, 2, 22)
    assert (clock.decide - clock.received).days == 42
    assert (clock.final_plan - clock.received).days == 140


def test_annual_review_within_12_months_of_the_plan_or_the_last_review() -> None:
    # CFA 2014 s44(1): "in the period of 12 months starting with the date on which the plan
    # was first made" and each "period of 12 months starting with the date on which the plan
    # was last reviewed" (CoP 9.169). The period includes its first day.
    assert dates.review_due(D(2026, 3, 10)) == D(2027, 3, 9)
    assert dates.review_due(D(2025, 3, 10), D(2026, 2, 2)) == D(2027, 2, 1)
    # 29 February 2024 to 28 February 2025 is 366 days, the whole year from a leap day
    assert dates.review_due(D(2024, 2, 29)) == D(2025, 2, 28)
    assert dates.review_due(D(2024, 3, 1)) == D(2025, 2, 28)
    assert dates.review_due(D(2026, 1, 1)) == D(2026, 12, 31)


def test_periods_of_months_end_the_day_before_the_same_date() -> None:
    assert period_end(D(2026, 3, 10), 12) == D(2027, 3, 9)
    assert period_end(D(2026, 3, 1), 1) == D(2026, 3, 31)  # the month of March
    assert period_end(D(2026, 3, 31), 1) == D(2026, 4, 30)  # no 31 April: to April's end
    assert period_end(D(2026, 1, 30), 1) == D(2026, 2, 28)
    assert period_end(D(2028, 2, 29), 12) == D(2029, 2, 28)
    assert period_end(D(2026, 9, 7), 12) == D(2027, 9, 6)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)


def test_invitations_and_advice_two_weeks_before_and_the_report_two_weeks_after() -> None:
    # Reg 20(3)-(4): two weeks' notice, and advice circulated "at least two weeks in advance
    # of the review meeting"; CoP 9.176: the report within two weeks of the meeting; the
    # decision within four weeks.
    due = dates.review_dates(D(2027, 3, 3))
    assert due.meeting == D(2027, 3, 3)
    assert due.invitations_by == due.advice_circulated_by == D(2027, 2, 17)
    assert due.report_by == D(2027, 3, 17)
    assert due.decision_by == D(2027, 3, 31)


@pytest.mark.parametrize(("transfer", "due"), [
    ("primary_secondary", D(2027, 2, 15)),
    ("infant_junior", D(2027, 2, 15)),
    ("early_years_school", D(2027, 2, 15)),
    ("secondary_post16", D(2027, 3, 31)),
])
def test_phase_transfer_15_february_or_31_march_for_post_16(transfer: str, due: dt.date) -> None:
    # Reg 18: by 15 February in the calendar year of the transfer; 31 March from secondary
    # school to a post-16 institution.
    assert dates.amended_plan_due(transfer, 2027) == due


def test_a_move_that_is_not_a_phase_transfer_is_named_in_the_error() -> None:
    with pytest.raises(KeyError) as caught:
        dates.amended_plan_due("nursery_reception", 2027)
    assert caught.value.args == ("nursery_reception",)


@pytest.mark.parametrize(("year_group", "considers"), [
    ("8", False), ("9", True), ("10", True), ("14", True), ("R", False), ("", False),
    ("N1", False)])
def test_from_year_9_the_review_considers_adulthood(year_group: str, considers: bool) -> None:
    # Reg 20(6): from Year 9 on, the review considers preparation for adulthood; a year
    # group that is not a number (Reception, Nursery) never does.
    assert dates.considers_adulthood(year_group) is considers


def test_parents_met_at_least_three_times_a_year() -> None:
    # CoP 6.65: "Schools should meet parents at least three times each year."
    assert meetings.MEETINGS_A_YEAR == 3
    start = D(2026, 9, 1)
    held = [D(2026, 10, 1), D(2026, 10, 1), D(2027, 2, 2), D(2027, 8, 31), D(2027, 9, 1),
            D(2026, 8, 31), None]
    assert meetings.meetings_in_year(start, held) == [D(2026, 10, 1), D(2027, 2, 2),
                                                      D(2027, 8, 31)]
    # the year's first and last days are in it
    assert meetings.meetings_in_year(start, [D(2027, 8, 31), start]) == [start,
                                                                         D(2027, 8, 31)]
    assert meetings.year_end(start) == D(2027, 8, 31)


def test_school_year_starts_on_1_september() -> None:
    assert meetings.school_year_start(D(2026, 11, 30)) == D(2026, 9, 1)
    assert meetings.school_year_start(D(2027, 8, 31)) == D(2026, 9, 1)
    assert meetings.school_year_start(D(2027, 9, 1)) == D(2027, 9, 1)


def test_sen_support_is_reviewed_within_a_term() -> None:
    due = dates.sen_support_review_due(D(2026, 9, 7), D(2026, 12, 11))
    assert (due.due, due.later_than_allowed) == (D(2026, 12, 11), False)
    late = dates.sen_support_review_due(D(2026, 9, 7), D(2027, 3, 26))
    assert (late.due, late.later_than_allowed) == (D(2027, 1, 7), True)  # 7 Sep + 4 months
    assert dates.next_sen_support_review(D(2026, 12, 11)) == D(2027, 4, 11)


def test_census_needs_fall_in_the_codes_four_broad_areas() -> None:
    # CoP 6.28-6.35: communication and interaction; cognition and learning; social,
    # emotional and mental health; sensory and/or physical needs.
    assert needs.area_name("SLCN") == needs.area_name("ASD") == "Communication and interaction"
    assert needs.area_name("MLD") == "Cognition and learning"
    assert needs.area_name("SEMH") == "Social, emotional and mental health"
    assert needs.area_name("VI") == "Sensory and/or physical needs"
    assert needs.area_name("NSA") is None and needs.area_name("OTH") is None
