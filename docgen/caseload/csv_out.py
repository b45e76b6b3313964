"""caseload.csv and provision-map.csv: UTF-8 with a byte-order mark, Excel's dialect.

The mark makes Excel read the file as UTF-8 (names in any script survive a double-click);
Excel's dialect quotes as Excel does, with CRLF line ends. A cell a spreadsheet would take
for a formula (=, +, -, @, a tab or a carriage return first) is written with a leading
apostrophe, so a name or a note typed in a form can never run as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | Decimal | Fraction | dt.date | None


def neutralise(text: str) -> str:
    """OWASP's advice for CSV injection: text that would start a formula gets an apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def cell(value: Cell) -> str | int:
    """Numbers stay numbers (a negative count of days is not a formula); text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Fraction):
        return f"{float(value):.1f}".removesuffix(".0")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return neutralise(str(value))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
