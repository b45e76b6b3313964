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
    context["today"] = uk_date(dt.date.today())
    return context


def pupil_names(pupil: Data) -> Data:
    first = pupil.get("known_as") or pupil["forename"]
    return {
        "first_name": first,
        "full_name": f"{pupil['forename']} {pupil['surname']}",
        "initials": "".join(part[0] for part in (pupil["forename"], pupil["surname"]) if part),
    }
