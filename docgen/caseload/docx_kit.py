"""Landscape reports in the house style: wide tables with header rows, a small table style.

Built with python-docx directly (the caseload is not a per-pupil template a maintainer
edits): the house style's document, its heading styles, a "Table Text" paragraph style for
dense tables, a confidential header and page numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import _Cell
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


@dataclass(frozen=True)
class _Body:
    """A table's body rows, written when the document is saved."""

    rows: Sequence[Sequence[str]]
    twips: list[str]
    style_id: str
    marked: Sequence[bool] | None


class Report:
    """A landscape document whose tables' body rows are streamed out when it is saved.

    Headings, paragraphs and each table's header row are python-docx's; the body rows of a
    2,000-pupil register would hold about 100 MB as a tree, so each row is built, written and
    dropped in turn instead (lxml's incremental writer), and memory stays flat."""

    def __init__(self, title: str, *, subject: str, author: str = "") -> None:
        self.doc = landscape_document(title, subject=subject, author=author)
        self._bodies: list[_Body] = []

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str,
              column_widths: Sequence[Length], marked: Sequence[bool] | None = None) -> None:
        """A table with a repeating header row, rows that do not split across pages, and
        the "Table Text" style; ``marked`` rows are shaded (overdue)."""
        grid = self.doc.add_table(rows=1, cols=len(headers))
        grid.style = self.doc.styles[house_style.TABLE_STYLE]
        style = self.doc.styles[TABLE_TEXT]
        for cell, text in zip(grid.rows[0].cells, headers, strict=True):
            _fill(cell, text, style)
        house_style.mark_header_row(grid.rows[0])
        house_style.set_table_caption(grid, caption)
        house_style.set_column_widths(grid, column_widths)
        self._bodies.append(_Body(rows, [str(w.twips) for w in column_widths],
                                  style.style_id, marked))

    def to_bytes(self) -> bytes:
        skeleton = io.BytesIO()
        self.doc.save(skeleton)
        out = io.BytesIO()
        with zipfile.ZipFile(skeleton) as source, \
                zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename == DOCUMENT_PART:
                    with target.open(_fresh(info), "w") as stream:
                        self._write_document(source.read(info), stream)
                else:
                    target.writestr(info, source.read(info))
        return out.getvalue()

    def _write_document(self, skeleton: bytes, stream: IO[bytes]) -> None:
        root = etree.fromstring(skeleton, parser=_PARSER)
        bodies = iter(self._bodies)
        with etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration(standalone=True)
            with xf.element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap):
                for part in root:
                    if part.tag != _BODY:
                        xf.write(part)
                        continue
                    with xf.element(part.tag, attrib=dict(part.attrib)):
                        for child in part:
                            if child.tag == _TBL:
                                _write_table(xf, child, next(bodies))
                            else:
                                xf.write(child)
        if next(bodies, None) is not None:
            raise AssertionError("a table's rows were not written")


def _write_table(xf: Any, table: etree._Element, body: _Body) -> None:
    with xf.element(table.tag, attrib=dict(table.attrib)):
        for child in table:  # its properties, grid and header row
            xf.write(child)
        for number, values in enumerate(body.rows):
            shaded = body.marked is not None and body.marked[number]
            xf.write(_row(values, body.twips, body.style_id, shaded))


def _fresh(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.compress_type = zipfile.ZIP_DEFLATED
    return copy


DOCUMENT_PART = "word/document.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


_TR, _TR_PR, _CANT_SPLIT, _TC, _TC_PR, _TC_W, _SHD, _P, _P_PR, _P_STYLE, _R, _R_PR, _B, _T = (
    qn(f"w:{name}") for name in ("tr", "trPr", "cantSplit", "tc", "tcPr", "tcW", "shd", "p",
                                 "pPr", "pStyle", "r", "rPr", "b", "t"))
_BODY, _TBL = qn("w:body"), qn("w:tbl")
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


def short_date(day: dt.date | None) -> str:
    """'7 Dec 2026': dates in dense tables."""
    return f"{day.day} {day:%b %Y}" if day else ""
