"""What every 2015 Code document shares: the authority's settings, dates, and what makes a
letter a school letter (the shared letter parts of docgen/families/letter_pages.py, with this
framework's settings and abbreviations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen import letterhead
from docgen.context import uk_date
from docgen.families import wording
from docgen.families.letter_pages import add_logo, letter_parts
from docgen.frameworks import SEND_2015

Data = dict[str, Any]


def authority() -> Data:
    return letterhead.authority(SEND_2015)


def day(value: dt.date | None) -> str:
    return uk_date(value) if value else ""


def letter_basics(context: Data, data: Data, code: str) -> Data:
    """A letter's parts (letterhead, address block, reference, date, signatory) and the
    advice service every letter to parents names."""
    letter_parts(context, data, code, SEND_2015)
    context["salutation"] = context["letter"]["salutation"]
    context["advice_service"] = authority()["parent_advice"]
    return context


def lower_first(text: str) -> str:
    """'Practise spellings' → 'practise spellings', but 'SENCo …' stays as it is."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


# Abbreviations a parent may meet in this framework's documents and in what staff type,
# spelled out in the sentence where each is first used.
ABBREVIATIONS: wording.Abbreviations = (
    ("SENCo", "special educational needs coordinator"),
    ("SEN Support", "special educational needs support"),
    ("SEN", "special educational needs"),
    ("EHC", "education, health and care"),
    ("SENDIASS", "SEND Information, Advice and Support Service"),
    ("SALT", "speech and language therapy"),
    ("EP", "educational psychologist"),
    ("TA", "teaching assistant"),
)

explain_abbreviations = wording.explainer(ABBREVIATIONS)


def letter_post(data: bytes, context: Data) -> bytes:
    """A letter's last steps: abbreviations explained where first used, the school's logo."""
    return add_logo(explain_abbreviations(data, context), context)


def letter_warnings(data: Data) -> list[str]:
    return letterhead.settings_warnings(data["pupil"], framework=SEND_2015)
