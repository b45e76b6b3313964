"""A pupil's date of birth in free text, in any common way of writing a date: 22/01/2015,
22-1-15, 22.01.2015, 2015-01-22, 20150122, 22 January 2015, 22nd Jan. 2015, January 22, 2015,
and with English, Welsh or Polish month names. Works on folded text (docgen.redaction.fold):
lower case, no accents.

One pattern per date, built from that date's own numbers and month names, so a search is a
scan for a few literals rather than for every date-shaped string."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

_MONTHS = {
    1: ("january", "jan", "ionawr", "styczen", "stycznia"),
    2: ("february", "feb", "chwefror", "luty", "lutego"),
    3: ("march", "mar", "mawrth", "marzec", "marca"),
    4: ("april", "apr", "ebrill", "kwiecien", "kwietnia"),
    5: ("may", "mai", "maj", "maja"),
    6: ("june", "jun", "mehefin", "czerwiec", "czerwca"),
    7: ("july", "jul", "gorffennaf", "lipiec", "lipca"),
    8: ("august", "aug", "awst", "sierpien", "sierpnia"),
    9: ("september", "sept", "sep", "medi", "wrzesien", "wrzesnia"),
    10: ("october", "oct", "hydref", "pazdziernik", "pazdziernika"),
    11: ("november", "nov", "tachwedd", "listopad", "listopada"),
    12: ("december", "dec", "rhagfyr", "grudzien", "grudnia"),
}
_ORDINAL = r"(?:st|nd|rd|th)?"


def find_dates(folded: str, date: dt.date) -> Iterator[tuple[int, int]]:
    """Spans of ``folded`` that write ``date``."""
    for match in date_pattern(date).finditer(folded):
        yield match.span()


@lru_cache(maxsize=64)
def date_pattern(date: dt.date) -> re.Pattern[str]:
    day = rf"0?{date.day}"
    month = rf"0?{date.month}"
    year = rf"(?:{date.year}|'?{date.year % 100:02d})"
    names = "|".join(sorted(_MONTHS[date.month], key=len, reverse=True))
    numeric = [rf"{day} *(?P<s1>[./-]) *{month} *(?P=s1) *{year}",  # 22/01/2015
               rf"{month} *(?P<s2>[./-]) *{day} *(?P=s2) *{year}",  # 01/22/2015
               rf"{date.year} *(?P<s3>[./-]) *{month} *(?P=s3) *{day}",  # 2015-01-22
               rf"{day} +{month} +{date.year}",  # 22 01 2015
               f"{date:%Y%m%d}", f"{date:%d%m%Y}"]  # 20150122, 22012015
    words = [rf"{day}{_ORDINAL} *(?:of +)?(?:{names})\.?,? *{year}",  # 22nd of January, 2015
             rf"(?:{names})\.? *{day}{_ORDINAL},? *{year}"]  # January 22, 2015
    return re.compile(rf"(?<![\d.])(?:{'|'.join(numeric)})(?![\d])"
                      rf"|(?<![^\W_])(?:{'|'.join(words)})(?!\d)")
