"""Calendar months and school terms, as the guidance's timescales need them."""

from __future__ import annotations

import datetime as dt

from docgen.domain import dates

D = dt.date


def test_twelve_calendar_months_back() -> None:
    """'IEPs and reviews over last 12 months': calendar months to the review date, so a year
    with 29 February is 366 days long."""
    assert dates.months_before(D(2026, 1, 19), 12) == D(2025, 1, 19)
    assert dates.months_before(D(2028, 3, 1), 12) == D(2027, 3, 1)
    assert (D(2028, 3, 1) - dates.months_before(D(2028, 3, 1), 12)).days == 366
    assert dates.months_before(D(2028, 2, 29), 12) == D(2027, 2, 28)
    assert dates.months_before(D(2026, 3, 31), 1) == D(2026, 2, 28)
    assert dates.months_before(D(2026, 1, 15), 1) == D(2025, 12, 15)
    assert dates.months_before(D(2025, 12, 8), -12) == D(2026, 12, 8)


def test_school_terms() -> None:
    autumn = D(2025, 12, 8)
    assert dates.terms_apart(autumn, D(2026, 3, 23)) == 1  # spring
    assert dates.terms_apart(autumn, D(2026, 7, 10)) == 2  # summer
    assert dates.terms_apart(autumn, D(2026, 9, 14)) == 3  # next autumn
    assert dates.terms_apart(D(2025, 9, 1), D(2025, 12, 19)) == 0
    assert dates.terms_apart(D(2026, 8, 31), D(2026, 9, 1)) == 1


def test_a_period_whose_anniversary_is_the_month_s_last_day() -> None:
    """A month starting with 30 March ends on 29 April (30 April exists); one starting with
    31 March ends on 30 April (there is no 31 April)."""
    from docgen.domain.dates import period_end

    assert period_end(dt.date(2026, 3, 30), 1) == dt.date(2026, 4, 29)
    assert period_end(dt.date(2026, 3, 31), 1) == dt.date(2026, 4, 30)
