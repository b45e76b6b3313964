"""Landscape reports in the house style: wide tables with header rows, a small table style.

Built with python-docx directly (the caseload is not a per-pupil template a maintainer
edits): the house style's document, its heading styles, a "Table Text" paragraph style for
dense tables, a confidential header and page numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from lxml import etree
from lxml.etree import SubElement

from docgen import house_style

TABLE_TEXT = "Table Text"
LANDSCAPE_TEXT_WIDTH = Cm(29.7 - 4)
OVERDUE_FILL = "F8D7DA"  # light red behind an overdue row; the word OVERDUE says it too
AUTHORED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def landscape_document(title: str, *, subject: str, author: str = "") -> DocxDocument:
    document = house_style.new_document(title, author=author, subject=subject)
    # The day it was made is in the text; fixed properties keep the same input's output
    # byte-identical from one run to the next.
    document.core_properties.created = document.core_properties.modified = AUTHORED
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = house_style.PAGE_HEIGHT, \
            house_style.PAGE_WIDTH
    style = document.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(9.5)
    style.paragraph_format.space_after = Pt(0)
    style.quick_style = True
    for section in document.sections:
        header = section.header.paragraphs[0]
        header.style = document.styles["Header"]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.add_run(f"{title} · Confidential")
    house_style.add_page_number_footer(document)
    return document


def widths(*parts: float) -> list[Length]:
    total = sum(parts)
    return [Length(int(LANDSCAPE_TEXT_WIDTH * part / total)) for part in parts]


def table(document: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
          caption: str, column_widths: Sequence[Length],
          marked: Sequence[bool] | None = None) -> Table:
    """A table with a repeating header row, rows that do not split across pages, and the
    "Table Text" style; ``marked`` rows are shaded (overdue).

    The header row is made with python-docx; body rows are built as XML directly, because
    python-docx looks every style up again for each paragraph (2,000 pupils took 25 s)."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = document.styles[house_style.TABLE_STYLE]
    style = document.styles[TABLE_TEXT]
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        _fill(cell, text, style)
    house_style.mark_header_row(grid.rows[0])
    house_style.set_table_caption(grid, caption)
    house_style.set_column_widths(grid, column_widths)
    twips = [str(width.twips) for width in column_widths]
    for number, values in enumerate(rows):
        shaded = marked is not None and marked[number]
        grid._tbl.append(_row(values, twips, style.style_id, shaded))
    return grid


_TR, _TR_PR, _CANT_SPLIT, _TC, _TC_PR, _TC_W, _SHD, _P, _P_PR, _P_STYLE, _R, _R_PR, _B, _T = (
    qn(f"w:{name}") for name in ("tr", "trPr", "cantSplit", "tc", "tcPr", "tcW", "shd", "p",
                                 "pPr", "pStyle", "r", "rPr", "b", "t"))
STRONG = "OVERDUE"
_VAL, _W, _TYPE, _COLOR, _FILL = (qn(f"w:{name}") for name in ("val", "w", "type", "color",
                                                                "fill"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Characters XML 1.0 cannot hold (a data file could carry them); tab and newline can stay.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _row(values: Sequence[str], twips: Sequence[str], style_id: str, shaded: bool
         ) -> etree._Element:
    # A plain lxml element: python-docx's own element classes are looked up per element,
    # which made building the rows the slowest step; Word reads the same XML either way.
    tr = etree.Element(_TR, nsmap={"w": W_NS})
    SubElement(SubElement(tr, _TR_PR), _CANT_SPLIT)
    for text, width in zip(values, twips, strict=True):
        tc = SubElement(tr, _TC)
        tc_pr = SubElement(tc, _TC_PR)
        SubElement(tc_pr, _TC_W, {_W: width, _TYPE: "dxa"})
        if shaded:
            SubElement(tc_pr, _SHD, {_VAL: "clear", _COLOR: "auto", _FILL: OVERDUE_FILL})
        for line in (text.split("\n") if text else [""]):
            p = SubElement(tc, _P)
            SubElement(SubElement(p, _P_PR), _P_STYLE, {_VAL: style_id})
            if line:
                run = SubElement(p, _R)
                if line.startswith(STRONG):  # "OVERDUE by 3 days" stands out in print too
                    SubElement(SubElement(run, _R_PR), _B)
                t = SubElement(run, _T, {XML_SPACE: "preserve"})
                t.text = xml_text(line)
    return tr


def xml_text(text: str) -> str:
    """Text XML can hold: control characters dropped."""
    return _NOT_XML.sub("", text)


def _fill(cell: _Cell, text: str, style: object) -> None:
    """One paragraph per line of ``text``, in the table style."""
    lines = text.split("\n") if text else [""]
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(lines[0])
    for line in lines[1:]:
        extra = cell.add_paragraph(line)
        extra.style = style


def to_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def short_date(day: dt.date | None) -> str:
    """'7 Dec 2026': dates in dense tables."""
    return f"{day.day} {day:%b %Y}" if day else ""
