"""Reads a filled input form back into raw data, the way the person filling it sees it.

Fields are found by their content-control tags. A form saved by LibreOffice 7.4 has lost every
tag and title, and its unfilled controls have become ordinary text, so each field is then found
by the layout the blank form gave it: the label in the left cell of its row (single fields),
the column labels of the header row (tables), the row label in the first cell (CRISP threads).
A value still equal to its placeholder text is empty. Rows a user added by hand carry no
controls and are read from their cells' text by column. Tracked changes are read as if
accepted (see ``docgen.forms.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from docgen.definitions import (
    GENERIC_PLACEHOLDERS,
    Field,
    Section,
    available_forms,
    load_definition,
)
from docgen.docprops import read_custom_properties
from docgen.errors import UnusableInput
from docgen.forms.ns import CHECKED, FORM_ID_PREFIX, NSMAP, UNCHECKED, qn, w14
from docgen.forms.package import DocxPackage, open_docx
from docgen.forms.text import text_of

_TBL, _TR, _TC, _SDT = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_FORM_ID = re.compile(rf"^{FORM_ID_PREFIX}\s*(\w+)\s*·\s*version\s*(\d+)\s*$")
_UK_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


@dataclass
class FormReading:
    """What a filled form holds, as raw values (validation types them)."""

    form: str
    version: int
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def read_form(path: Path) -> FormReading:
    package = open_docx(path)
    name, version = identify(package)
    if name not in available_forms():
        raise UnusableInput(f"this is a '{name}' form, which this docgen does not know",
                            file=str(path),
                            hint=f"Known forms: {', '.join(available_forms())}.")
    definition = load_definition(name)
    if version < definition.compatible_from:
        raise UnusableInput(
            f"this is version {version} of the '{name}' form; this docgen reads versions "
            f"{definition.compatible_from} to {definition.version}", file=str(path),
            hint=f"Make a new blank form with 'docgen form new {name}' and copy the answers "
                 "into it.",
        )
    if version > definition.version:
        raise UnusableInput(
            f"this is version {version} of the '{name}' form; this docgen knows version "
            f"{definition.version}", file=str(path),
            hint="Update docgen, or fill in a form made by this version (docgen form new).",
        )
    body = package.document.find(qn("w:body"))
    if body is None:
        raise UnusableInput("the document part has no body, so the form is damaged",
                            file=str(path), hint="Save the form again in Word or LibreOffice.")
    tags = _tagged_controls(body)
    data = {s.key: _read_section(s, body, tags) for s in definition.sections}
    return FormReading(name, version, data)


def identify(package: DocxPackage) -> tuple[str, int]:
    """The form type and version, from the custom properties or the visible 'Form:' line."""
    props = (read_custom_properties(package.custom_properties)
             if package.custom_properties is not None else {})
    if "docgen.template" in props:
        raise UnusableInput(
            f"this is a document docgen made (from the '{props['docgen.template']}' template), "
            "not a form to read", file=str(package.path),
            hint="Give docgen the filled form the document was made from; "
                 "'docgen form new TYPE' writes a blank one.",
        )
    if "docgen.form" in props:
        return props["docgen.form"], int(props.get("docgen.form_version", "1") or 1)
    for paragraph in package.document.iter(qn("w:p")):
        match = _FORM_ID.match(text_of(paragraph).strip())
        if match:
            return match.group(1), int(match.group(2))
    raise UnusableInput(
        "this does not look like a docgen form (it does not say which form it is)",
        file=str(package.path),
        hint=f"Start from a blank form: docgen form new TYPE, where TYPE is one of "
             f"{', '.join(available_forms())}.",
    )


def _tagged_controls(body: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for sdt in body.iter(_SDT):
        tag = sdt.find("w:sdtPr/w:tag", NSMAP)
        if tag is not None:
            found.setdefault(tag.get(qn("w:val"), ""), []).append(sdt)
    return found


def control_value(sdt: etree._Element, f: Field) -> Any:
    """The value a content control holds, or None while it shows its placeholder."""
    pr = sdt.find(qn("w:sdtPr"))
    content = sdt.find(qn("w:sdtContent"))
    checkbox = pr.find(w14("checkbox")) if pr is not None else None
    if checkbox is not None:
        checked = checkbox.find(w14("checked"))
        return checked is not None and checked.get(w14("val")) in ("1", "true")
    if pr is not None and pr.find(qn("w:showingPlcHdr")) is not None:
        return None
    text = text_of(content) if content is not None else ""
    date = pr.find(qn("w:date")) if pr is not None else None
    if date is not None and date.get(qn("w:fullDate")) and _shows_a_value(text, f):
        return date.get(qn("w:fullDate"))[:10]
    return text_value(text, f)


def text_value(text: str, f: Field) -> Any:
    """A value from plain text, as typed into a cell or a control that lost its settings."""
    text = text.strip("\n")
    if f.type == "bool":
        return CHECKED in text if (CHECKED in text or UNCHECKED in text) else None
    if not _shows_a_value(text, f):
        return None
    if f.type == "choice":
        shown = {display.strip().casefold(): value for value, display in f.choices}
        return shown.get(text.strip().casefold(), text.strip())
    if f.type == "date" and _UK_DATE.match(text.strip()):
        day, month, year = text.strip().split("/")
        return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return text


def _shows_a_value(text: str, f: Field) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped != f.placeholder and stripped not in GENERIC_PLACEHOLDERS


def _cell_value(cell: etree._Element, f: Field) -> Any:
    sdt = next(cell.iter(_SDT), None)
    if sdt is None:
        return text_value(text_of(cell), f)
    if f.type == "multiline" and sdt.find("w:sdtPr/w:showingPlcHdr", NSMAP) is None:
        # The cell holds only this field. LibreOffice 7.4 keeps just the first paragraph of a
        # multi-line control inside it and leaves the others after it in the cell.
        return text_value(text_of(cell), f)
    return control_value(sdt, f)


def _read_section(section: Section, body: etree._Element,
                  tags: dict[str, list[etree._Element]]) -> Any:
    if section.kind == "group":
        return _read_group(section, body, tags)
    table = _find_table(section, body, tags)
    if table is None:
        return []
    if section.kind == "table":
        return _read_rows(section, table)
    return _read_fixed_rows(section, table, tags)


def _read_group(section: Section, body: etree._Element,
                tags: dict[str, list[etree._Element]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    by_label = None
    for f in section.fields:
        controls = tags.get(f"{section.key}.{f.key}")
        if controls:
            value = control_value(controls[0], f)
        else:
            by_label = by_label if by_label is not None else _label_rows(body)
            cell = by_label.get(_norm(f.label))
            value = _cell_value(cell, f) if cell is not None else None
        if value is not None:
            values[f.key] = value
    return values


def _label_rows(body: etree._Element) -> dict[str, etree._Element]:
    """Label text (first paragraph of a row's first cell) → the row's second cell."""
    rows: dict[str, etree._Element] = {}
    for tr in body.iter(_TR):
        cells = tr.findall(_TC)
        if len(cells) == 2:
            first = cells[0].find(qn("w:p"))
            if first is not None:
                rows.setdefault(_norm(text_of(first)), cells[1])
    return rows


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _headers(tr: etree._Element) -> list[str]:
    return [_norm(text_of(tc)) for tc in tr.findall(_TC)]


def _expected_headers(section: Section) -> list[str]:
    labels = [f.label for f in section.fields]
    if section.kind == "fixed_table":
        labels.insert(0, section.row_label)
    return [_norm(label) for label in labels]


def _find_table(section: Section, body: etree._Element,
                tags: dict[str, list[etree._Element]]) -> etree._Element | None:
    for tag, controls in tags.items():
        if tag.startswith(f"{section.key}."):
            table = next(controls[0].iterancestors(_TBL), None)
            if table is not None:
                return table
    expected = _expected_headers(section)
    for table in body.iter(_TBL):
        first = table.find(_TR)
        if first is not None and _headers(first) == expected:
            return table
    return None


def _columns(section: Section, table: etree._Element) -> dict[int, Field]:
    """Cell index → field, from the header row (so reordered columns still read right)."""
    header = _headers(table.find(_TR))
    by_label = {_norm(f.label): f for f in section.fields}
    return {i: by_label[text] for i, text in enumerate(header) if text in by_label}


def _read_rows(section: Section, table: etree._Element) -> list[dict[str, Any]]:
    columns = _columns(section, table)
    rows = []
    for tr in table.findall(_TR)[1:]:
        cells = tr.findall(_TC)
        row = {f.key: _cell_value(cells[i], f) for i, f in columns.items() if i < len(cells)}
        row = {k: v for k, v in row.items() if v is not None}
        if any(v is not False for v in row.values()):  # unticked boxes alone: an empty row
            rows.append(row)
    return rows


def _read_fixed_rows(section: Section, table: etree._Element,
                     tags: dict[str, list[etree._Element]]) -> list[dict[str, Any]]:
    columns = _columns(section, table)
    by_label = {_norm(row.label): row.key for row in section.rows}
    rows = []
    for tr in table.findall(_TR)[1:]:
        cells = tr.findall(_TC)
        key = by_label.get(_norm(text_of(cells[0]))) if cells else None
        if key is None:
            continue
        row: dict[str, Any] = {}
        for i, f in columns.items():
            controls = tags.get(f"{section.key}.{key}.{f.key}")
            value = (control_value(controls[0], f) if controls
                     else _cell_value(cells[i], f) if i < len(cells) else None)
            if value is not None:
                row[f.key] = value
        if row:
            rows.append({section.row_key: key, **row})
    return rows
