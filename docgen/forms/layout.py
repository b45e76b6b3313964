"""Finds a form's parts in a document: controls by tag, tables by headers, rows and cells."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from docgen.definitions import Field, Section
from docgen.forms.ns import child_of, qn
from docgen.forms.text import is_deleted_row, text_of
from docgen.forms.values import norm

TBL, TR, TC, P, SDT = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:p"), qn("w:sdt")
_SDT_PR, _TAG, _VAL = qn("w:sdtPr"), qn("w:tag"), qn("w:val")
_TR_PR, _TC_PR = qn("w:trPr"), qn("w:tcPr")
_GRID_BEFORE, _GRID_SPAN = qn("w:gridBefore"), qn("w:gridSpan")
_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})


def tag_of(sdt: etree._Element) -> str | None:
    properties = sdt.find(_SDT_PR)
    tag = None if properties is None else properties.find(_TAG)
    return None if tag is None else tag.get(_VAL, "")


def tagged_controls(root: etree._Element) -> dict[str, list[etree._Element]]:
    """Every tagged content control under ``root``, by tag, in document order."""
    found: dict[str, list[etree._Element]] = {}
    for sdt in root.iter(SDT):
        tag = tag_of(sdt)
        if tag:
            found.setdefault(tag, []).append(sdt)
    return found


def _wrapped(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with this tag, also those inside row- or cell-level controls or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _wrapped(child, tag)


def rows(table: etree._Element) -> list[etree._Element]:
    """The table's rows, less rows deleted as a tracked change."""
    return [tr for tr in _wrapped(table, TR) if not is_deleted_row(tr)]


def cells_by_column(tr: etree._Element) -> dict[int, etree._Element]:
    """Grid column → cell, counting merged cells (gridSpan) and skipped columns (gridBefore)."""
    before = child_of(tr, _TR_PR, _GRID_BEFORE)
    column = _int(before.get(_VAL) if before is not None else None, 0)
    found: dict[int, etree._Element] = {}
    for tc in _wrapped(tr, TC):
        found[column] = tc
        span = child_of(tc, _TC_PR, _GRID_SPAN)
        column += max(_int(span.get(_VAL) if span is not None else None, 1), 1)
    return found


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 4 else default


def first_paragraph_text(tc: etree._Element) -> str:
    paragraph = next(tc.iter(P), None)
    return "" if paragraph is None else text_of(paragraph)


def label_cells(body: etree._Element) -> dict[str, etree._Element]:
    """Label (first paragraph of a two-cell row's first cell) → that row's second cell."""
    found: dict[str, etree._Element] = {}
    for table in body.iter(TBL):
        for tr in rows(table):
            cells = list(cells_by_column(tr).values())
            if len(cells) == 2:
                found.setdefault(label_key(first_paragraph_text(cells[0])), cells[1])
    return found


def label_key(text: str) -> str:
    """A label as compared with the labels in a form (ignoring a trailing colon or star)."""
    return norm(text).rstrip(" :*")


_KEY_QUESTION = re.compile(r"^key question (\d)$", re.IGNORECASE)


def column_header(f: Field) -> str:
    """A form table's column header: the label, except a tick column for a key question,
    headed "Q1" so it fits a 1.5 cm column (the table's key spells the question out)."""
    match = _KEY_QUESTION.match(f.label.strip())
    return f"Q{match.group(1)}" if match and f.type == "bool" else f.label


def header_columns(section: Section, table: etree._Element) -> dict[int, Field]:
    """Grid column → field, from the labels in the table's header row."""
    table_rows = rows(table)
    if not table_rows:
        return {}
    by_label = {label_key(f.label): f for f in section.fields}
    by_label.update({label_key(column_header(f)): f for f in section.fields})
    return {column: by_label[key] for column, tc in cells_by_column(table_rows[0]).items()
            if (key := label_key(text_of(tc))) in by_label}


def find_table(section: Section, body: etree._Element,
               tags: dict[str, list[etree._Element]]) -> etree._Element | None:
    """The section's table: the one holding its tagged controls, else the one whose header
    row has every column label of the section."""
    prefix = f"{section.key}."
    for tag, controls in tags.items():
        if tag.startswith(prefix):
            table = next(controls[0].iterancestors(TBL), None)
            if table is not None:
                return table
    wanted = {label_key(column_header(f)) for f in section.fields}
    for table in body.iter(TBL):
        table_rows = rows(table)
        if table_rows and wanted <= {label_key(text_of(tc))
                                     for tc in cells_by_column(table_rows[0]).values()}:
            return table
    return None


def cell_of(sdt: etree._Element) -> etree._Element | None:
    """The table cell holding a control, if the control is the only one in it."""
    tc = next(sdt.iterancestors(TC), None)
    if tc is None:
        return None
    outermost = [c for c in tc.iter(SDT) if next(c.iterancestors(SDT, TC)).tag == TC]
    return tc if len(outermost) == 1 else None
