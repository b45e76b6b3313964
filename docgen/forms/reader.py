"""Reads a filled input form back into raw data, the way the person filling it sees it.

Fields are found by their content-control tags (``section.field``; ``section.ROW.field`` in
fixed tables). Values are raw: text exactly as typed (runs joined, line breaks and paragraphs
as newlines, tabs as tabs), dates as ISO text, drop-downs as their stored value, check boxes as
True/False, numbers as text; a control still showing its placeholder, or showing a placeholder
text as ordinary text, is empty and its field is left out.

Tracked changes are read as if accepted: inserted text counts, deleted text does not (see
``docgen.forms.text``); a SENCo sees the form with changes shown and expects what it will say.

What LibreOffice 7.4 (7.4.7.2, Debian 12) does to a form, as observed by filling and saving
docgen's forms with it (``soffice --convert-to docx`` and the UNO API). It keeps the custom
properties, so the form is still identified. It drops every control's ``w:tag``, ``w:alias``
and ``w:id``. It keeps ``w:showingPlcHdr`` and the placeholder text of unfilled controls,
a date picker's ``w:fullDate``, format and language (not ``w:storeMappedDataAs`` or
``w:calendar``), a drop-down's list items and a check box's ``w14:checked``; it wraps a check
box alone in a cell in a second, untyped control carrying the old alias and id. It merges
split runs and drops proofing marks. Enter typed in a control ends the control with its
paragraph: the later lines follow it as plain paragraphs in the cell. Insert Row adds a row
with no controls. Controls it does not understand it keeps as opaque blocks, alias and id
kept but tag dropped: a plain-text control (``w:text``) loses its placeholder flag, the
placeholder becoming ordinary text, and one holding right-to-left text is written three or
four times over; a control around paragraphs (as Word makes when Enter is typed in one)
becomes one around the first paragraph's text, echoed in the same way when right to left,
with the other paragraphs after it. Hence the blank form's rich-text controls, and hence,
without tags, each field is found by the layout of the blank form: the label in the first
paragraph of the left cell of its row (single fields), the column labels in the header row
(tables), the row label in the first cell (fixed tables). A cell is read as a whole, by its
typed control for dates, drop-downs and check boxes and by its text otherwise, leaving out
controls still showing their placeholder and LibreOffice's echoes; rows added by hand are
read the same way, by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from docgen.definitions import Field, FormDefinition, Section, available_forms, load_definition
from docgen.errors import UnusableInput
from docgen.forms.layout import (
    SDT,
    P,
    cell_of,
    cells_by_column,
    find_table,
    first_paragraph_text,
    header_columns,
    label_cells,
    label_key,
    rows,
    tag_of,
    tagged_controls,
)
from docgen.forms.ns import (
    FORM_ID_PREFIX,
    FORM_PROPERTY,
    OUTPUT_PROPERTY,
    VERSION_PROPERTY,
    child_of,
    qn,
)
from docgen.forms.package import DocxPackage, open_docx
from docgen.forms.text import text_of
from docgen.forms.values import SDT_PR, TYPED_CONTROL_TAGS, control_value, text_value

_FORM_ID = re.compile(rf"{FORM_ID_PREFIX}\s*([\w-]+)\s*·\s*version\s*(\d{{1,4}})")
_SAVE_AGAIN = "Save the form again in Word or LibreOffice."
LAYOUT_NOTE = ("The form had lost the tags that mark its answers (LibreOffice removes them "
               "when it saves), so docgen found each answer by the label beside it.")


@dataclass
class FormReading:
    """What a filled form holds, as raw values (validation types them), and reading notes."""

    form: str
    version: int
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def read_form(path: Path, definitions_dir: Path | None = None) -> FormReading:
    """Read a filled form; UnusableInput says what to do when it cannot be read at all."""
    package = open_docx(Path(path))
    name, version = identify(package, definitions_dir)
    definition = _definition(name, version, package.path, definitions_dir)
    body = package.document.find(qn("w:body"))
    if body is None:
        raise UnusableInput("the document part has no body, so the form is damaged",
                            file=str(package.path), hint=_SAVE_AGAIN)
    reader = _Reader(body)
    data = {s.key: reader.section(s) for s in definition.sections}
    return FormReading(name, version, data, reader.notes)


def identify(package: DocxPackage, definitions_dir: Path | None = None) -> tuple[str, int]:
    """The form type and version, from the custom properties or the visible 'Form:' line."""
    props = package.custom()
    if OUTPUT_PROPERTY in props:
        form = props.get(FORM_PROPERTY) or props[OUTPUT_PROPERTY]
        raise UnusableInput(
            f"this is a document docgen made (the '{props[OUTPUT_PROPERTY]}' document), not a "
            "form to read", file=str(package.path),
            hint=f"Give docgen the filled '{form}' form it was made from; "
                 f"'docgen form new {form}' writes a blank one.",
            web_hint=f"Upload the filled '{form}' form it was made from.",
        )
    name = props.get(FORM_PROPERTY)
    version = props.get(VERSION_PROPERTY, "").strip()
    if name and version.isascii() and version.isdigit() and len(version) < 5:
        return name, int(version)
    shown = _visible_form_line(package)
    if name:  # the version property is missing or damaged: the visible line has it
        return shown if shown and shown[0] == name else (name, 1)
    if shown:
        return shown
    raise UnusableInput(
        "this does not look like a docgen form (it does not say which form it is)",
        file=str(package.path),
        hint=f"Start from a blank form: docgen form new TYPE, where TYPE is one of "
             f"{', '.join(available_forms(definitions_dir))}.",
        web_hint="Start from a blank form: the home page has one of each.",
    )


def _visible_form_line(package: DocxPackage) -> tuple[str, int] | None:
    for part in (package.document, *package.headers):
        for paragraph in part.iter(P):
            if match := _FORM_ID.fullmatch(text_of(paragraph).strip()):
                return match.group(1), int(match.group(2))
    return None


def _definition(name: str, version: int, path: Path,
                definitions_dir: Path | None) -> FormDefinition:
    known = available_forms(definitions_dir)
    if name not in known:
        raise UnusableInput(f"this is a '{name}' form, which this docgen does not know",
                            file=str(path), hint=f"Known forms: {', '.join(known)}.")
    definition = load_definition(name, definitions_dir)
    if version < definition.compatible_from:
        raise UnusableInput(
            f"this is version {version} of the '{name}' form; this docgen reads versions "
            f"{definition.compatible_from} to {definition.version}", file=str(path),
            hint=f"Make a new blank form with 'docgen form new {name}' and copy the answers "
                 "into it.",
            web_hint="Download a new blank form from the home page and copy the answers into "
                     "it.",
        )
    if version > definition.version:
        raise UnusableInput(
            f"this is version {version} of the '{name}' form; this docgen knows version "
            f"{definition.version}", file=str(path),
            hint="Update docgen, or fill in a form made by this version (docgen form new).",
            web_hint="Update docgen, or fill in a blank form from the home page.",
        )
    return definition


class _Reader:
    """Reads sections of one document, collecting notes for the person who gave the form."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.tags = tagged_controls(body)
        self.notes: list[str] = []
        self._labels: dict[str, etree._Element] | None = None

    def section(self, section: Section) -> Any:
        if section.kind == "group":
            return self.group(section)
        table = find_table(section, self.body, self.tags)
        if table is None:
            self.notes.append(f"The table “{section.heading}” is not in the form any more, "
                              "so it was read as empty.")
            return []
        if section.kind == "table":
            return self.table(section, table)
        return self.fixed_table(section, table)

    def group(self, section: Section) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for f in section.fields:
            controls = self.tags.get(f"{section.key}.{f.key}")
            if controls:
                value = self.value_at(controls[0], f)
            else:
                cell = self.labels().get(label_key(f.label))
                if cell is None:
                    self.notes.append(f"“{f.label}” ({section.heading}) is not in the form any "
                                      "more, so it was read as empty.")
                    continue
                self._found_by_layout()
                value = self.cell_value(cell, f)
            if value is not None:
                values[f.key] = value
        return values

    def table(self, section: Section, table: etree._Element) -> list[dict[str, Any]]:
        columns = {f.key: column for column, f in header_columns(section, table).items()}
        found = []
        for tr in rows(table)[1:]:
            row = self.row_values(section, section.key, _row_controls(tr, section),
                                  cells_by_column(tr), columns)
            if row is not None:
                found.append(row)
        return found

    def fixed_table(self, section: Section, table: etree._Element) -> list[dict[str, Any]]:
        columns = {f.key: column for column, f in header_columns(section, table).items()}
        found = []
        for tr in rows(table)[1:]:
            cells = cells_by_column(tr)
            controls = _row_controls(tr, section)
            key = _row_key(controls, section) or _labelled_row(
                section, first_paragraph_text(cells[min(cells)]) if cells else "")
            if key is None:
                continue
            row = self.row_values(section, f"{section.key}.{key}", controls, cells, columns)
            if row is not None:
                found.append({section.row_key or "row": key, **row})
        return found

    def row_values(self, section: Section, tag_prefix: str,
                   controls: dict[str, etree._Element], cells: dict[int, etree._Element],
                   columns: dict[str, int]) -> dict[str, Any] | None:
        """One row's values: each field's control (tagged ``tag_prefix.field``), else the
        cell under its heading; None when nothing in the row is filled in."""
        row = {}
        for f in section.fields:
            sdt = controls.get(f"{tag_prefix}.{f.key}")
            if sdt is not None:
                row[f.key] = self.value_at(sdt, f)
            elif columns.get(f.key) in cells:
                row[f.key] = self.cell_value(cells[columns[f.key]], f)
        if not _filled(row):
            return None
        return {k: v for k, v in row.items() if v is not None}

    def value_at(self, sdt: etree._Element, f: Field) -> Any:
        """A tagged control's value; the whole cell when the control is alone in it, so text
        typed beside the control (or pushed out of it by an editor) counts too."""
        cell = cell_of(sdt)
        return control_value(sdt, f, self.notes) if cell is None else self.cell_value(cell, f)

    def cell_value(self, tc: etree._Element, f: Field) -> Any:
        """The value in a table cell: its typed control if it has one, else its text."""
        typed = TYPED_CONTROL_TAGS.get(f.type)
        if typed:
            for sdt in tc.iter(SDT):
                if child_of(sdt, SDT_PR, typed) is not None:
                    return control_value(sdt, f, self.notes)
        return text_value(text_of(tc, skip_placeholders=True, skip_echoes=True), f)

    def labels(self) -> dict[str, etree._Element]:
        if self._labels is None:
            self._labels = label_cells(self.body)
        return self._labels

    def _found_by_layout(self) -> None:
        if LAYOUT_NOTE not in self.notes:
            self.notes.append(LAYOUT_NOTE)


def _row_controls(tr: etree._Element, section: Section) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for sdt in tr.iter(SDT):
        tag = tag_of(sdt)
        if tag and tag.startswith(f"{section.key}."):
            found.setdefault(tag, sdt)
    return found


def _row_key(controls: dict[str, etree._Element], section: Section) -> str | None:
    keys = {row.key for row in section.rows}
    for tag in controls:
        key = tag[len(section.key) + 1:].rpartition(".")[0]
        if key in keys:
            return key
    return None


def _labelled_row(section: Section, label: str) -> str | None:
    """The fixed row a first cell names: by its label, else by the row key the label starts
    with ('2. Curriculum plans', a thread's name as an older form printed it, is thread 2)."""
    shown = label_key(label)
    keys = {row.key for row in section.rows}
    for row in section.rows:
        if label_key(row.label) == shown:
            return row.key
    number, dot, _ = shown.partition(". ")
    return number if dot and number in keys else None


def _filled(row: dict[str, Any]) -> bool:
    """A row holding more than empty cells and unticked boxes."""
    return any(v is not None and v is not False for v in row.values())
