"""A batch run's report.csv, safe to open in a spreadsheet, and file names safe to print;
the run's summary, and its report and index written as outcomes arrive.

The report is UTF-8 with a byte order mark, so Excel reads "Wiśniewska" rather than guessing
a Windows code page. A cell that begins with = + - @ (or a tab or carriage return) is a
formula to a spreadsheet, and a file name can be made to begin with one: such cells get a
leading apostrophe, which spreadsheets show as text. Control characters (a newline in a file
name, say) are shown escaped, here and on the console, so a name cannot forge a line.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
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


class StreamedFile:
    """A file written a piece at a time into a temporary file beside it, and put in its
    place (atomically, flushed) only when the run finishes: a batch writes its report and
    index as outcomes arrive instead of keeping every outcome until the end."""

    def __init__(self, path: Path, *, encoding: str = "utf-8"):
        import tempfile

        self.path = path
        self.handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in finish/discard
            "w", encoding=encoding, newline="", dir=path.parent, prefix=f".{path.name}.",
            suffix=".part", delete=False)

    def write(self, text: str) -> None:
        self.handle.write(text)

    def finish(self) -> None:
        import os

        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.handle.name, self.path)

    def discard(self) -> None:
        import contextlib
        import os

        self.handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self.handle.name)


class ReportWriter:
    """report.csv written row by row, in the order outcomes are given."""

    def __init__(self, path: Path):
        self.file = StreamedFile(path, encoding="utf-8-sig")
        self.writer = csv.writer(self.file)
        self.writer.writerow(HEADER)

    def add(self, outcome: Outcome) -> None:
        self.writer.writerows(report_rows([outcome]))


@dataclass
class Summary:
    """What a run did, counted as each input's outcome arrives. The outcomes themselves go
    to report.csv and the index as they arrive, so a run's memory does not grow with its
    inputs; only failed ones are kept, to be shown."""

    inputs: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: {"ok": 0, "skipped": 0, "failed": 0})
    documents: int = 0  # written by this run
    remarked: int = 0  # inputs with warnings or notes to read
    failed: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.inputs += 1
        self.counts[outcome.status] += 1
        if outcome.status == "ok":
            self.documents += len(outcome.written)
        self.remarked += bool(outcome.warnings or outcome.notes)
        if outcome.status == "failed":
            self.failed.append(outcome)


class IndexWriter:
    """The run's index (input -> its entry) written entry by entry: JSON, as ``_read_index``
    reads it."""

    def __init__(self, path: Path):
        self.file = StreamedFile(path)
        self.entries = 0
        self.file.write("{")

    def add(self, relative: str, entry: dict) -> None:
        comma = "," if self.entries else ""
        self.entries += 1
        self.file.write(f"{comma}\n {json.dumps(relative, ensure_ascii=False)}: "
                        f"{json.dumps(entry, ensure_ascii=False)}")

    def finish(self) -> None:
        self.file.write("\n}\n")
        self.file.finish()
