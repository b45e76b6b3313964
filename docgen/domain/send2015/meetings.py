"""Meetings with parents of a pupil on SEN Support: at least three in each year.

CoP 6.65: "Schools should meet parents at least three times each year." The year is the
plan's year: twelve months from the day the school says it began (usually September).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

MEETINGS_A_YEAR = 3


def year_end(start: dt.date) -> dt.date:
    """The last day of the year that begins on ``start``."""
    try:
        return start.replace(year=start.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


def meetings_in_year(start: dt.date, dates: Iterable[dt.date | None]) -> list[dt.date]:
    """The distinct meeting dates (held or planned) that fall in the year from ``start``."""
    end = year_end(start)
    return sorted({d for d in dates if d is not None and start <= d <= end})


def short_of_three(start: dt.date, dates: Iterable[dt.date | None]) -> int:
    """How many more meetings the year needs to reach three (0 when it has enough)."""
    return max(0, MEETINGS_A_YEAR - len(meetings_in_year(start, dates)))
