"""Checks for what letters and notes need from a form: a date of writing that does not come
before the events they report, and a pupil's name professionals can read. Warnings only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from docgen.context import uk_date
from docgen.definitions import FormDefinition
from docgen.problems import Problem, warning

Data = dict[str, Any]


def _where(definition: FormDefinition, section: str, field: str) -> dict[str, Any]:
    part = definition.section(section)
    return {"section": part.heading, "label": part.field(field).label}


def letters_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    written = (data.get("letters") or {}).get("date")
    if written is None:
        return
    where = _where(definition, "letters", "date")
    review = (data.get("review") or {}).get("date")
    if review is not None and written < review:
        yield warning(f"The outcome letter and note report the review of {uk_date(review)} but "
                      f"would be dated {uk_date(written)}. Date them on or after the review.",
                      **where)
    meeting = (data.get("high_focus") or {}).get("review_date")
    if meeting is not None and written > meeting:
        yield warning(f"The invitation would be dated {uk_date(written)}, after the review "
                      f"meeting of {uk_date(meeting)} it invites the parents to.", **where)


def pupil_name_rules(definition: FormDefinition, data: Data, today: dt.date
                     ) -> Iterator[Problem]:
    from docgen.letterhead import is_latin

    pupil = data["pupil"]
    if not is_latin(pupil["forename"]) and not pupil.get("forename_latin"):
        yield warning("The forename is written in another script: give it in Latin letters "
                      "too, so that professionals can read and match it.",
                      **_where(definition, "pupil", "forename_latin"))
