"""What every 2015 Code document shares: the authority's settings, dates, letter openings."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from docgen.context import uk_date
from docgen.errors import TemplateProblem
from docgen.frameworks import SEND_2015

Data = dict[str, Any]


@cache
def _authority(path: Path) -> Data:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateProblem(f"the authority settings cannot be read: {exc}",
                              file=str(path)) from None
    if not isinstance(data, dict) or not data.get("parent_advice"):
        raise TemplateProblem("the authority settings need 'name' and 'parent_advice'",
                              file=str(path))
    return data


def authority() -> Data:
    return _authority(SEND_2015.settings_path("authority.yaml"))


def day(value: dt.date | None) -> str:
    return uk_date(value) if value else ""


def letter_basics(context: Data, data: Data) -> Data:
    """The salutation and the advice service every letter to parents names."""
    context["salutation"] = data["pupil"].get("parents") or "parent or carer"
    context["advice_service"] = authority()["parent_advice"]
    return context


def lower_first(text: str) -> str:
    """'Practise spellings' → 'practise spellings', but 'SENCo …' stays as it is."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


# Abbreviations a parent may meet in what staff type, spelled out before the typed text.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("SENCo", "special educational needs coordinator"),
    ("SEN", "special educational needs"),
    ("EHC", "education, health and care"),
    ("SENDIASS", "SEND Information, Advice and Support Service"),
    ("SALT", "speech and language therapy"),
    ("EP", "educational psychologist"),
    ("TA", "teaching assistant"),
)


def with_glossary(context: Data, *texts: str) -> Data:
    from docgen.families.wording import glossary

    context["glossary"] = glossary([t for t in texts if t], ABBREVIATIONS)
    return context
