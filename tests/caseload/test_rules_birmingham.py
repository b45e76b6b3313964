"""Birmingham's review dates, each against the source's words."""

from __future__ import annotations

import datetime as dt

from docgen.domain.dates import add_months
from docgen.domain.review_dates import (
    REVIEWS_RULE,
    days_until,
    high_focus_period,
    iep_review_due,
    latest_review,
    review_after_review,
)

D = dt.date


def test_the_rule_is_the_leaflets_words() -> None:
    # "The SEN Code of Practice states that reviews should take place at least two per year
    # and ideally termly, or possibly more frequent for some pupils."
    assert REVIEWS_RULE == "reviews at least two per year and ideally termly"


def test_at_least_two_a_year_means_no_more_than_six_months_apart() -> None:
    assert latest_review(D(2026, 9, 7)) == D(2027, 3, 7)
    # calendar months, clamped to the month's end (31 August + 6 months; leap years)
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2027, 8, 31), 6) == D(2028, 2, 29)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)


def test_an_iep_is_due_on_its_review_date_when_that_is_within_six_months() -> None:
    due = iep_review_due(D(2026, 9, 7), D(2026, 12, 14))
    assert (due.due, due.later_than_allowed) == (D(2026, 12, 14), False)


def test_a_review_date_past_six_months_is_due_six_months_after_the_start() -> None:
    due = iep_review_due(D(2026, 9, 7), D(2027, 7, 16))
    assert (due.due, due.set_for, due.later_than_allowed) == \
        (D(2027, 3, 7), D(2027, 7, 16), True)
    # the boundary: exactly six months is allowed, one day more is not
    assert not iep_review_due(D(2026, 9, 7), D(2027, 3, 7)).later_than_allowed
    assert iep_review_due(D(2026, 9, 7), D(2027, 3, 8)).later_than_allowed


def test_after_a_high_focus_review_the_new_review_date_is_due() -> None:
    # agenda item 10: "New review date"
    due = review_after_review(D(2026, 12, 7), D(2027, 3, 22))
    assert (due.due, due.later_than_allowed) == (D(2027, 3, 22), False)
    assert review_after_review(D(2026, 12, 7), D(2027, 12, 7)).due == D(2027, 6, 7)


def test_the_high_focus_period_runs_from_the_hf_iep_to_its_review() -> None:
    assert high_focus_period(D(2026, 9, 14), D(2026, 12, 7)) == (D(2026, 9, 14), D(2026, 12, 7))


def test_days_until_is_negative_once_passed() -> None:
    assert days_until(D(2026, 12, 14), D(2026, 12, 1)) == 13
    assert days_until(D(2026, 12, 14), D(2026, 12, 17)) == -3
