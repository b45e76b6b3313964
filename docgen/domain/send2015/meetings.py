"""Meetings with parents of a pupil on SEN Support: at least three in each year.

CoP 6.65: "Schools should meet parents at least three times each year." The year is the
plan's year: twelve months from the day the school says it began (usually September).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from docgen.domain.dates import period_end

MEETINGS_A_YEAR = 3
MEETINGS_RULE = "meet parents at least three times each year (CoP 6.65)"


def year_end(start: dt.date) -> dt.date:
    """The last day of the year that begins on ``start`` (7 September 2026 → 6 September
    2027; 29 February 2028 → 28 February 2029)."""
    return period_end(start, 12)


def school_year_start(today: dt.date) -> dt.date:
    """1 September of the school year ``today`` falls in: the plan's year when no meeting
    record gives its start."""
    year = today.year if today.month >= 9 else today.year - 1
    return dt.date(year, 9, 1)


def meetings_in_year(start: dt.date, dates: Iterable[dt.date | None]) -> list[dt.date]:
    """The distinct meeting dates (held or planned) that fall in the year from ``start``."""
    end = year_end(start)
    return sorted({d for d in dates if d is not None and start <= d <= end})


def short_of_three(start: dt.date, dates: Iterable[dt.date | None]) -> int:
    """How many more meetings the year needs to reach three (0 when it has enough)."""
    return max(0, MEETINGS_A_YEAR - len(meetings_in_year(start, dates)))
