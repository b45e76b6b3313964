"""Calendar arithmetic the guidance and the law need: calendar months on or back, periods of
months, and school terms apart."""

from __future__ import annotations

import calendar
import datetime as dt

# English school terms, as months: autumn September–December, spring January–March (to
# Easter), summer April–August. Easter moves, so the spring/summer line is approximate; it
# only decides whether a review is "more than two terms away".
_TERM_OF_MONTH = {9: 0, 10: 0, 11: 0, 12: 0, 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2}
TERM_NAMES = ("autumn", "spring", "summer")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (earlier when negative); the month's
    last day when it is shorter (31 August + 6 months is 28 or 29 February)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier; the month's last day when it is
    shorter (12 months before 29 February 2028 is 28 February 2027)."""
    return add_months(day, -months)


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of "the period of ``months`` months starting with" ``start``.

    The period includes its first day, so it ends the day before the same date ``months``
    on: 12 months starting with 10 March 2026 end on 9 March 2027, a month starting with
    1 March ends on 31 March. Where that month has no such date the period runs to its end:
    a month starting with 31 March ends on 30 April, and 12 months starting with 29 February
    2028 end on 28 February 2029 (366 days).
    """
    total = start.year * 12 + start.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if start.day > last:
        return dt.date(year, month + 1, last)
    return dt.date(year, month + 1, start.day) - dt.timedelta(days=1)


def school_term(day: dt.date) -> int:
    """A number for the school term holding ``day``, counting terms since year 0: terms one
    after the other differ by one."""
    school_year = day.year if day.month >= 9 else day.year - 1
    return school_year * 3 + _TERM_OF_MONTH[day.month]


def terms_apart(earlier: dt.date, later: dt.date) -> int:
    """How many terms on ``later`` is from ``earlier`` (0: the same term)."""
    return school_term(later) - school_term(earlier)
