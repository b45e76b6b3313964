"""Turns validated form data into what templates display: every field as text, plus derived facts.

Templates only display. Dates become "5 March 2026", choices their shown text, ticks Yes/No,
and every field of the form is present (empty text when not filled) so a template never
meets an undefined name for an optional field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.definitions import Field, FormDefinition, Section

Data = dict[str, Any]


def uk_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def display(f: Field, value: Any) -> str:
    """The text a reader should see for one value."""
    if value is None:
        return ""
    if f.type == "date":
        return uk_date(value)
    if f.type == "bool":
        return "Yes" if value else "No"
    if f.type == "choice":
        shown = dict(f.choices)
        return shown.get(str(value), str(value))
    return str(value)


def section_context(section: Section, value: Any) -> Any:
    if section.kind == "group":
        value = value or {}
        return {f.key: display(f, value.get(f.key)) for f in section.fields}
    rows = []
    labels = {row.key: row.label for row in section.rows}
    for number, row in enumerate(value or [], start=1):
        shown = {f.key: display(f, row.get(f.key)) for f in section.fields}
        shown["number"] = str(number)
        if section.row_key:
            shown[section.row_key] = str(row.get(section.row_key, ""))
            shown["label"] = labels.get(str(row.get(section.row_key)), "")
        rows.append(shown)
    return rows


def form_context(definition: FormDefinition, data: Data) -> Data:
    """Every section of the form, displayed, plus the facts every document needs."""
    context: Data = {
        s.key: section_context(s, data.get(s.key)) for s in definition.sections
    }
    if "pupil" in data:
        context["pupil"].update(pupil_names(data["pupil"]))
    # "today" in a template is the date of writing, never the day docgen ran (a letter made
    # early, or again later, must not be dated before the meeting it reports).
    context["today"] = uk_date(writing_date(data))
    return context


def writing_date(data: Data) -> dt.date:
    """The date printed on letters, notes and records made from this form: the form's "Date
    of writing", else the date of the event the form records (the review, the plan's start,
    the meeting, the day the authority receives a request)."""
    candidates = (
        (data.get("letters") or {}).get("date"),
        (data.get("review") or {}).get("date"),
        (data.get("high_focus") or {}).get("start_date"),
        (data.get("plan") or {}).get("start_date"),
        (data.get("crisp") or {}).get("date"),
        (data.get("meeting") or {}).get("date"),
        (data.get("request") or {}).get("received"),
    )
    return next((d for d in candidates if isinstance(d, dt.date)), dt.date.today())


def pupil_names(pupil: Data) -> Data:
    first = pupil.get("known_as") or pupil["forename"]
    latin = (pupil.get("forename_latin") or "").strip()
    # Professionals must be able to read and match the name: "عائشہ (Aisha) Rahman".
    forename = f"{pupil['forename']} ({latin})" if latin and latin != pupil["forename"] \
        else pupil["forename"]
    return {
        "first_name": first,
        "full_name": f"{forename} {pupil['surname']}",
        "initials": "".join(part[0] for part in (pupil["forename"], pupil["surname"]) if part),
    }
