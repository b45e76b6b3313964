"""Specific, quantified provision: the phrases that leave a provision row open to any reading.

The SEND Code of Practice asks that provision in an EHC plan be "detailed and specific" and
"normally quantified" (CoP 9.69); schools and parents ask the same of every plan, whichever
framework it follows. A row that promises "access to" a resource, "regular" sessions, help
"as appropriate", "opportunities" or what the pupil "would benefit from" says neither who does
what, how often nor for how long. Both frameworks' rules call this one pure function.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Each phrase as it is written, and the forms it takes ("regularly", "opportunity").
VAGUE_PHRASES: tuple[tuple[str, str], ...] = (
    ("access to", r"access(?:es|ed|ing)? to"),
    ("regular", r"regular(?:ly)?"),
    ("as appropriate", r"as (?:and when )?appropriate"),
    ("opportunities", r"opportunit(?:y|ies)"),
    ("would benefit from", r"would benefit from"),
)
_PATTERNS = tuple((shown, re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE))
                  for shown, pattern in VAGUE_PHRASES)


@dataclass(frozen=True)
class VaguePhrase:
    """One vague phrase in one provision row: row 1 is the table's first row."""

    row: int
    field: str
    phrase: str  # as the listed phrase (the text may say "Regularly")
    found: str  # as typed


def vague_phrases(text: str) -> list[tuple[str, str]]:
    """(listed phrase, text as typed) for each vague phrase in ``text``, in order of reading."""
    found = [(match.start(), shown, match.group(0))
             for shown, pattern in _PATTERNS for match in pattern.finditer(text or "")]
    return [(shown, typed) for _, shown, typed in sorted(found)]


def vague_provision(rows: Iterable[Mapping[str, Any]], fields: Iterable[str]
                    ) -> list[VaguePhrase]:
    """Every vague phrase in the given text fields of each provision row."""
    keys = tuple(fields)
    out = []
    for number, row in enumerate(rows, start=1):
        for key in keys:
            value = row.get(key)
            if isinstance(value, str):
                out += [VaguePhrase(number, key, shown, typed)
                        for shown, typed in vague_phrases(value)]
    return out


def advice(phrase: VaguePhrase) -> str:
    """The warning's sentence: what was found, and what a specific row says instead."""
    return (f"'{phrase.found}' is vague. Say exactly what is provided, who provides it, how "
            "often and for how long (for example: 20 minutes, 3 times a week, with the "
            "teaching assistant).")


def weeks_between(start: Any, end: Any) -> int:
    """Whole weeks from ``start`` to ``end`` inclusive (at least one)."""
    return max(1, round(((end - start).days + 1) / 7))

