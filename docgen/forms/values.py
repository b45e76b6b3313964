"""Turns what a control or a cell shows into a raw form value: text, ISO date, choice, tick."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree

from docgen.definitions import GENERIC_PLACEHOLDERS, PLACEHOLDERS, Field
from docgen.forms.ns import CHECKED, UNCHECKED, child_of, qn, w14
from docgen.forms.text import shows_placeholder, text_of

# Texts that mean "not filled in": Word's own prompts and every prompt docgen's forms show.
EMPTY_TEXTS = frozenset(GENERIC_PLACEHOLDERS | {p for p in PLACEHOLDERS.values() if p})

_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDED_DATE = re.compile(
    r"(?:[^\W\d_]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")
_WELSH_MONTHS = ("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf",
                 "awst", "medi", "hydref", "tachwedd", "rhagfyr")
MONTHS = {
    **{name: number for number, name in enumerate(_ENGLISH_MONTHS, start=1)},
    **{name[:3]: number for number, name in enumerate(_ENGLISH_MONTHS, start=1)},
    "sept": 9,
    **{name: number for number, name in enumerate(_WELSH_MONTHS, start=1)},
}
# The control each kind of field has in the blank form: the child of its w:sdtPr that says so
# (found with child_of: the reader asks this of every cell).
TYPED_CONTROL_TAGS = {"bool": w14("checkbox"), "date": qn("w:date"),
                      "choice": qn("w:dropDownList")}
SDT_PR = qn("w:sdtPr")


def norm(text: str) -> str:
    """Text compared loosely: runs of white space as one space, case ignored."""
    return " ".join(text.split()).casefold()


def is_empty(text: str, f: Field) -> bool:
    stripped = text.strip()
    return not stripped or stripped == f.placeholder or stripped in EMPTY_TEXTS


def parse_date(text: str) -> str | None:
    """ISO date from dd/mm/yyyy, yyyy-mm-dd or "7 September 2026" (English or Welsh months);
    None when the text is no date (then validation reports it as typed)."""
    text = text.strip()
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif (match := _WORDED_DATE.fullmatch(text)) and match.group(2).casefold() in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).casefold()], \
            int(match.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def text_value(text: str, f: Field) -> Any:
    """A value from plain text: typed into a cell, or shown by a control that lost its type.
    Text is kept exactly as typed, less empty lines before and after it."""
    text = text.strip("\n")
    if is_empty(text, f):
        return None
    if f.type == "bool":
        stripped = text.strip()
        if stripped in (CHECKED, UNCHECKED):
            return stripped == CHECKED
        return text
    if f.type == "date":
        return parse_date(text) or text
    if f.type == "choice":
        shown = {norm(display): value for value, display in f.choices}
        return shown.get(norm(text), text)
    return text


def control_value(sdt: etree._Element, f: Field, notes: list[str] | None = None) -> Any:
    """The value a content control holds, or None while it shows its placeholder."""
    checkbox = child_of(sdt, SDT_PR, TYPED_CONTROL_TAGS["bool"])
    if checkbox is not None:
        checked = checkbox.find(w14("checked"))
        return checked is not None and checked.get(w14("val"), "1") in ("1", "true", "on")
    if shows_placeholder(sdt):
        return None
    content = sdt.find(qn("w:sdtContent"))
    shown = ("" if content is None
             else text_of(content, skip_placeholders=True, skip_echoes=True))
    if is_empty(shown, f):
        return None
    date = child_of(sdt, SDT_PR, TYPED_CONTROL_TAGS["date"])
    if f.type == "date" and date is not None:
        return _picked_date(date, shown, f, notes)
    return text_value(shown, f)


def _picked_date(date: etree._Element, shown: str, f: Field, notes: list[str] | None) -> Any:
    """The date picker's stored date, unless the date shown says otherwise: the person filling
    the form sees the shown text, and a typed-over date can leave the stored one behind."""
    stored = _iso(date.get(qn("w:fullDate"), "")[:10])
    typed = parse_date(shown)
    if stored and typed and typed != stored and notes is not None:
        notes.append(f"“{f.label}”: the date shown differs from the date its date picker "
                     "stored; docgen used the date shown.")
    return typed or stored or text_value(shown, f)


def _iso(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None
