"""Validates a form's data: marshmallow errors become messages named by the form's labels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marshmallow import ValidationError

from docgen.definitions import FormDefinition, Section
from docgen.problems import Problem, error
from docgen.schema import schema_for


@dataclass
class Validated:
    """The outcome of validating one form: typed data, errors and warnings."""

    form: str
    data: dict[str, Any]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


def validate_data(definition: FormDefinition, raw: Mapping[str, Any],
                  today: dt.date | None = None) -> Validated:
    """Check raw form data (from a Word form, YAML or JSON); collect every problem.

    ``today`` is the day the guidance's rules count from (a date "in the future", the pupil's
    age): the real date unless a report is made as of another day (``caseload --today``)."""
    cleaned = normalise(raw)
    try:
        data = schema_for(definition).load(cleaned)
    except ValidationError as exc:
        data = exc.valid_data if isinstance(exc.valid_data, dict) else {}
        problems = _problems(definition, exc.messages, cleaned)
        result = Validated(definition.name, data, errors=problems)
    else:
        result = Validated(definition.name, data)
    result.errors.extend(unknown_empty_keys(definition, raw))
    if result.valid:  # the guidance's rules run on typed data only
        from docgen.frameworks import framework_of

        for problem in framework_of(definition.name).check_form(definition, result.data,
                                                                 today):
            (result.errors if problem.severity == "error" else result.warnings).append(problem)
    return result


def normalise(value: Any) -> Any:
    """Trim text; an empty value is a missing value (so 'required' messages are right)."""
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            item = normalise(item)
            if item is not None:
                out[str(key)] = item
        return out
    if isinstance(value, list):
        rows = [normalise(item) for item in value]
        return [row for row in rows if row not in (None, {})]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def unknown_empty_keys(definition: FormDefinition, raw: Mapping[str, Any]) -> list[Problem]:
    """Keys the form does not have, written without a value.

    The schema reports an unknown key that has a value; one without is dropped by normalise()
    first, so a YAML line folded by mistake ("(Salford" then "June 2026).:" read as a key)
    would pass as valid with its text cut short. An unknown key is an error either way."""
    out: list[Problem] = []
    for key, value in raw.items():
        try:
            section = definition.section(str(key))
        except KeyError:
            if normalise(value) is None:
                out.append(error(f"'{key}' is not part of the {definition.name} form. Check "
                                 "the spelling, or remove it."))
            continue
        rows = [value] if section.kind == "group" else value
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, Mapping):
                continue
            if section.kind == "group":
                heading, at = section.heading, None
            elif section.kind == "fixed_table":
                heading, at = _fixed_row_heading(section, rows, index), None
            else:
                heading, at = section.heading, index + 1
            known = {f.key for f in section.fields} | {section.row_key}
            out.extend(error(f"'{name}' is not a field of this section. Check the spelling, or "
                             "remove it.", section=heading, row=at)
                       for name, item in row.items()
                       if name not in known and normalise(item) is None)
    return out


def _problems(definition: FormDefinition, messages: Any, raw: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(messages, Mapping):
        return [error(_first(messages))]
    for key, detail in messages.items():
        try:
            section = definition.section(str(key))
        except KeyError:
            problems.append(error(
                f"'{key}' is not part of the {definition.name} form. Check the spelling, or "
                "remove it."
            ))
            continue
        problems.extend(_section_problems(section, detail, raw.get(section.key)))
    return problems


def _section_problems(section: Section, detail: Any, raw: Any) -> list[Problem]:
    if not isinstance(detail, Mapping):  # a message about the section as a whole
        return [error(_first(detail), section=section.heading)]
    if section.kind == "group":
        return _field_problems(section, detail, row=None,
                               raw=raw if isinstance(raw, Mapping) else {})
    out: list[Problem] = []
    for index, row_detail in sorted(detail.items(), key=lambda kv: str(kv[0])):
        row = int(index) + 1
        if section.kind == "fixed_table":
            heading, at = _fixed_row_heading(section, raw, int(index)), None
        else:
            heading, at = section.heading, row
        if isinstance(row_detail, Mapping):
            typed = _row(raw, int(index))
            out.extend(_field_problems(section, row_detail, row=at, heading=heading, raw=typed))
        else:
            out.append(error(_first(row_detail), section=heading, row=at))
    return out


def _fixed_row_heading(section: Section, raw: Any, index: int) -> str:
    """'CRISP bands by thread, 7. Understanding language': fixed rows are known by label."""
    try:
        key = str(raw[index][section.row_key])
    except (IndexError, KeyError, TypeError):
        return f"{section.heading}, row {index + 1}"
    labels = {row.key: row.label for row in section.rows}
    return f"{section.heading}, {labels.get(key, key)}"


def _row(raw: Any, index: int) -> Mapping[str, Any]:
    try:
        row = raw[index]
    except (IndexError, KeyError, TypeError):
        return {}
    return row if isinstance(row, Mapping) else {}


def _field_problems(
    section: Section, detail: Mapping[Any, Any], *, row: int | None, heading: str | None = None,
    raw: Mapping[str, Any] | None = None,
) -> list[Problem]:
    heading = heading or section.heading
    out: list[Problem] = []
    for key, messages in detail.items():
        if key == "_schema":
            out.append(error(_first(messages), section=heading, row=row))
            continue
        try:
            label = section.field(str(key)).label
        except KeyError:
            if key == section.row_key:
                label = section.row_label
            else:
                out.append(error(
                    f"'{key}' is not a field of this section. Check the spelling, or remove it.",
                    section=heading, row=row,
                ))
                continue
        out.append(error(_first(messages), label=label, section=heading, row=row,
                         value=(raw or {}).get(key)))
    return out


def _first(messages: Any) -> str:
    if isinstance(messages, Mapping):
        return "; ".join(_first(m) for m in messages.values())
    text = str(messages[0]) if isinstance(messages, list | tuple) and messages else str(messages)
    if text == "Unknown field.":
        return "This is not part of the form. Check the spelling, or remove it."
    return text
