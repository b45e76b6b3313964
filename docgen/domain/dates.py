"""Calendar arithmetic the guidance needs: calendar months back, and school terms apart."""

from __future__ import annotations

import calendar
import datetime as dt

# English school terms, as months: autumn September–December, spring January–March (to
# Easter), summer April–August. Easter moves, so the spring/summer line is approximate; it
# only decides whether a review is "more than two terms away".
_TERM_OF_MONTH = {9: 0, 10: 0, 11: 0, 12: 0, 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2}
TERM_NAMES = ("autumn", "spring", "summer")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier; the month's last day when it is
    shorter (12 months before 29 February 2028 is 28 February 2027)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def school_term(day: dt.date) -> int:
    """A number for the school term holding ``day``, counting terms since year 0: terms one
    after the other differ by one."""
    school_year = day.year if day.month >= 9 else day.year - 1
    return school_year * 3 + _TERM_OF_MONTH[day.month]


def terms_apart(earlier: dt.date, later: dt.date) -> int:
    """How many terms on ``later`` is from ``earlier`` (0: the same term)."""
    return school_term(later) - school_term(earlier)
