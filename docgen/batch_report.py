"""A batch run's report.csv, safe to open in a spreadsheet, and file names safe to print.

The report is UTF-8 with a byte order mark, so Excel reads "Wiśniewska" rather than guessing
a Windows code page. A cell that begins with = + - @ (or a tab or carriage return) is a
formula to a spreadsheet, and a file name can be made to begin with one: such cells get a
leading apostrophe, which spreadsheets show as text. Control characters (a newline in a file
name, say) are shown escaped, here and on the console, so a name cannot forge a line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgen.batch import Outcome

HEADER = ["input", "status", "documents written", "errors", "warnings", "notes"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\n``, ``\\x1b``)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return named.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def cell(text: str) -> str:
    """A value as a spreadsheet cell that is only ever text."""
    shown = printable(text)
    return f"'{shown}" if shown.startswith(_FORMULA_STARTS) else shown


def report_rows(outcomes: list[Outcome]) -> list[list[str]]:
    return [[cell(value) for value in (
        outcome.input, outcome.status, "; ".join(outcome.written), outcome.error,
        " | ".join(outcome.warnings), " | ".join(outcome.notes))] for outcome in outcomes]


def write_report(path: Path, outcomes: list[Outcome]) -> None:
    """report.csv: input, status, documents written, errors, the guidance's warnings, and
    notes on how each form was read (form labels, never what was typed)."""
    from docgen.render import write_atomic

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(report_rows(outcomes))
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"), force=True)
