"""Fills a blank form as a person would in Word or LibreOffice (demo sample forms, tests).

Each value is typed the way the chosen editor writes it (see ``docgen.forms.editors``). In a
table with more rows than the blank form has, Word-style filling adds rows with Tab in the
last cell (the row copied with its controls), except that with three rows or more the last
one is added by hand, without controls, as LibreOffice's Insert Row does: a form often passes
between both. LibreOffice-style filling adds every extra row with Insert Row.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from typing import Any

from lxml import etree

from docgen.definitions import Field, FormDefinition, Section
from docgen.forms.editors import (
    Editor,
    LibreOfficeEditor,
    Style,
    WordEditor,
    bare_row,
    type_in_cell,
)
from docgen.forms.layout import TR, cells_by_column, tagged_controls
from docgen.forms.ns import CHECKED, UNCHECKED
from docgen.forms.package import SAFE_PARSER

_MAIN = "word/document.xml"


def fill_form(blank: bytes, definition: FormDefinition, data: dict[str, Any], *,
              style: Style = "word", split_runs: bool = True) -> bytes:
    """The blank form (.docx bytes) with ``data`` (raw form data) typed in."""
    archive = zipfile.ZipFile(io.BytesIO(blank))
    root = etree.fromstring(archive.read(_MAIN), parser=SAFE_PARSER)
    editor: Editor = (WordEditor(root, split_runs=split_runs) if style == "word"
                      else LibreOfficeEditor(root))
    controls = {tag: found[0] for tag, found in tagged_controls(root).items()}
    for section in definition.sections:
        value = data.get(section.key)
        if section.kind == "group":
            for f in section.fields:
                if (value or {}).get(f.key) is not None:
                    _fill(editor, controls[f"{section.key}.{f.key}"], f, value[f.key])
        elif section.kind == "fixed_table":
            for row in value or []:
                key = str(row[section.row_key or "row"])
                for f in section.fields:
                    if row.get(f.key) is not None:
                        _fill(editor, controls[f"{section.key}.{key}.{f.key}"], f, row[f.key])
        elif value:
            _fill_table(editor, section, value, controls)
    editor.finish(root)
    return _replace_part(archive, _MAIN, etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _fill(editor: Editor, sdt: etree._Element, f: Field, value: Any) -> None:
    if f.type == "bool":
        editor.fill(sdt, f, shown(f, value), checked=bool(value))
    elif f.type == "date":
        editor.fill(sdt, f, shown(f, value), full_date=_date(value).isoformat())
    else:
        editor.fill(sdt, f, shown(f, value), value=str(value))


def _fill_table(editor: Editor, section: Section, rows: list[dict[str, Any]],
                controls: dict[str, etree._Element]) -> None:
    first = section.fields[0]
    template = next(controls[f"{section.key}.{first.key}"].iterancestors(TR))
    pristine = copy.deepcopy(template)
    current = template
    for index, row in enumerate(rows):
        by_hand = index > 0 and (not editor.tab_copies_controls
                                 or (len(rows) >= 3 and index == len(rows) - 1))
        if index:
            new = bare_row(pristine) if by_hand else editor.copy_row(pristine)
            current.addnext(new)
            current = new
        row_controls = {tag: found[0] for tag, found in tagged_controls(current).items()}
        cells = list(cells_by_column(current).values())
        for column, f in enumerate(section.fields):
            if row.get(f.key) is None:
                continue
            if by_hand:
                type_in_cell(cells[column], shown(f, row[f.key]))
            else:
                _fill(editor, row_controls[f"{section.key}.{f.key}"], f, row[f.key])


def shown(f: Field, value: Any) -> str:
    """The text a form shows for a value: a date as dd/mm/yyyy, a choice as its text."""
    if f.type == "bool":
        return CHECKED if value else UNCHECKED
    if f.type == "date":
        return f"{_date(value):%d/%m/%Y}"
    if f.type == "choice":
        return dict(f.choices).get(str(value), str(value))
    return str(value)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _replace_part(archive: zipfile.ZipFile, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            target.writestr(info, data if info.filename == name else archive.read(info))
    return out.getvalue()
