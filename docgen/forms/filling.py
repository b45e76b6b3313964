"""Fills a blank form the way Word and LibreOffice do (for the demo's sample forms and tests).

Word splits typed text across runs, drops proofing marks and bookmarks between them, replaces
the placeholder, sets a date picker's full date and a check box's state, and copies a row with
its controls when the user presses Tab in the last cell. LibreOffice's Insert Row adds a row
with no controls at all. This module does each of those, so tests exercise the reader on what
real editors write.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from typing import Any, Literal

from lxml import etree

from docgen.definitions import Field, FormDefinition, Section
from docgen.forms.controls import run
from docgen.forms.ns import CHECKBOX_FONT, CHECKED, NSMAP, UNCHECKED, qn, w14
from docgen.forms.package import SAFE_PARSER

_SDT, _TR, _TC, _P = qn("w:sdt"), qn("w:tr"), qn("w:tc"), qn("w:p")


def fill_form(blank: bytes, definition: FormDefinition, data: dict[str, Any], *,
              rows_by_hand: Literal["last", "none"] = "last", split_runs: bool = True) -> bytes:
    """The blank form with ``data`` typed in. With ``rows_by_hand="last"``, a table of three or
    more rows gets its last row added without controls (as LibreOffice's Insert Row does)."""
    archive = zipfile.ZipFile(io.BytesIO(blank))
    root = etree.fromstring(archive.read("word/document.xml"), parser=SAFE_PARSER)
    controls = {sdt.find("w:sdtPr/w:tag", NSMAP).get(qn("w:val")): sdt
                for sdt in root.iter(_SDT) if sdt.find("w:sdtPr/w:tag", NSMAP) is not None}
    filler = _Filler(split_runs)
    for section in definition.sections:
        value = data.get(section.key)
        if section.kind == "group":
            for f in section.fields:
                if (value or {}).get(f.key) is not None:
                    filler.fill(controls[f"{section.key}.{f.key}"], f, value[f.key])
        elif section.kind == "fixed_table":
            for row in value or []:
                key = str(row[section.row_key])
                for f in section.fields:
                    if row.get(f.key) is not None:
                        filler.fill(controls[f"{section.key}.{key}.{f.key}"], f, row[f.key])
        else:
            _fill_table(section, value or [], controls, filler, rows_by_hand)
    return _replace_part(archive, "word/document.xml",
                         etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True))


def _fill_table(section: Section, rows: list[dict[str, Any]], controls: dict[str, Any],
                filler: _Filler, rows_by_hand: str) -> None:
    first_control = controls[f"{section.key}.{section.fields[0].key}"]
    template_row = next(first_control.iterancestors(_TR))
    pristine = copy.deepcopy(template_row)
    table_row = template_row
    for index, row in enumerate(rows):
        if index:
            by_hand = rows_by_hand == "last" and len(rows) >= 3 and index == len(rows) - 1
            new_row = _row_without_controls(pristine) if by_hand else copy.deepcopy(pristine)
            table_row.addnext(new_row)
            table_row = new_row
        cells = table_row.findall(_TC)
        for cell, f in zip(cells, section.fields, strict=True):
            value = row.get(f.key)
            sdt = next(cell.iter(_SDT), None)
            if sdt is not None:
                if value is not None:
                    filler.fill(sdt, f, value)
            elif value is not None:
                paragraph = cell.find(_P)
                for number, line in enumerate(_display(f, value).split("\n")):
                    if number:
                        paragraph.addnext(etree.Element(_P))
                        paragraph = paragraph.getnext()
                    paragraph.append(run(line))


def _row_without_controls(row: etree._Element) -> etree._Element:
    bare = copy.deepcopy(row)
    for sdt in list(bare.iter(_SDT)):
        parent = sdt.getparent()
        if parent.tag == _TC:  # a cell must keep a paragraph
            sdt.addprevious(etree.Element(_P))
        parent.remove(sdt)
    return bare


def _display(f: Field, value: Any) -> str:
    if f.type == "bool":
        return CHECKED if value else UNCHECKED
    if f.type == "date":
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return f"{day:%d/%m/%Y}"
    if f.type == "choice":
        return dict(f.choices).get(str(value), str(value))
    return str(value)


class _Filler:
    def __init__(self, split_runs: bool):
        self.split_runs = split_runs
        self.bookmark = 0

    def fill(self, sdt: etree._Element, f: Field, value: Any) -> None:
        pr = sdt.find(qn("w:sdtPr"))
        content = sdt.find(qn("w:sdtContent"))
        for stale in pr.findall(qn("w:showingPlcHdr")):
            pr.remove(stale)
        for style in pr.findall("w:rPr", NSMAP):
            pr.remove(style)
        for child in list(content):
            if child.tag != _P:
                content.remove(child)
        for paragraph in content.findall(_P):
            for child in list(paragraph):
                if child.tag != qn("w:pPr"):
                    paragraph.remove(child)
        if f.type == "bool":
            pr.find(w14("checkbox")).find(w14("checked")).set(w14("val"), "1" if value else "0")
            content.append(run(CHECKED if value else UNCHECKED, font=CHECKBOX_FONT))
            return
        if f.type == "date":
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            pr.find(qn("w:date")).set(qn("w:fullDate"), f"{day.isoformat()}T00:00:00Z")
        self._type(content, _display(f, value))

    def _type(self, content: etree._Element, text: str) -> None:
        """Text as Word stores it: split runs with marks in between; in a multi-line control
        each line is a paragraph (the user pressed Enter)."""
        template_p = content.find(_P)
        if template_p is None:
            self._type_line(content, text)
            return
        content.remove(template_p)
        for line in text.split("\n"):
            paragraph = copy.deepcopy(template_p)
            for child in list(paragraph):
                if child.tag != qn("w:pPr"):
                    paragraph.remove(child)
            content.append(paragraph)
            self._type_line(paragraph, line)

    def _type_line(self, content: etree._Element, line: str) -> None:
        for piece_number, piece in enumerate(self._pieces(line)):
            if piece_number == 1:
                etree.SubElement(content, qn("w:proofErr"), {qn("w:type"): "spellStart"})
            if piece_number == 2:
                self.bookmark += 1
                etree.SubElement(content, qn("w:bookmarkStart"),
                                 {qn("w:id"): str(self.bookmark), qn("w:name"): "_GoBack"})
                etree.SubElement(content, qn("w:bookmarkEnd"), {qn("w:id"): str(self.bookmark)})
            content.append(run(piece))

    def _pieces(self, line: str) -> list[str]:
        if not self.split_runs or len(line) < 3:
            return [line]
        third = max(len(line) // 3, 1)
        return [line[:third], line[third:2 * third], line[2 * third:]]


def _replace_part(archive: zipfile.ZipFile, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            target.writestr(info, data if info.filename == name else archive.read(info))
    return out.getvalue()
