"""The pack's page furniture: a heading that opens each section (bookmarked), the contents'
page numbers as PAGEREF fields to those bookmarks (Word and LibreOffice compute them), and
evidence that is not a Word document turned into a section (a CSV as a table)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docgen import house_style
from docgen import print_layout as layout
from docgen.context import uk_date
from docgen.errors import UnusableInput

BOOKMARK = "docgen_section_{number}"
CONTENTS_CAPTION = "Contents"
MAX_CSV_BYTES = 1_000_000
MAX_CSV_ROWS = 500
_CSV_HINT = ("Save it again from the spreadsheet as CSV (at most 1 MB), or list it as a file "
             "sent with the pack (a PDF, say).")
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator")


def section_opening(number: int, title: str) -> DocxDocument:
    """A new page headed "N. Title", bookmarked so the contents can give its page."""
    document = house_style.new_document(title)
    heading = document.add_heading(f"{number}. {title}", 1)
    layout.page_break_before(heading._p)
    layout.keep_with_next(heading._p)
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(1000 + number))
    start.set(qn("w:name"), BOOKMARK.format(number=number))
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(1000 + number))
    heading._p.append(start)
    heading._p.append(end)
    return document


def without_title(data: bytes) -> DocxDocument:
    """A document of docgen's without its Title paragraph: the section heading names it."""
    document = Document(io.BytesIO(data))
    for paragraph in document.paragraphs[:1]:
        if paragraph.style.name == "Title":
            paragraph._p.getparent().remove(paragraph._p)
    return document


def keeping_its_pages(document: DocxDocument) -> DocxDocument:
    """A document whose last pages are laid out differently (an IEP's landscape targets)
    keeps them in the pack: merging drops a document's final section properties, so they
    close its last section in a paragraph of their own (taking no room), with the pack's
    headers and footers."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    if len(document.sections) < 2 or final is None:
        return document
    kept = copy.deepcopy(final)
    _without_page_furniture(kept)
    closing = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    mark = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "2")
        mark.append(size)
    properties.extend([spacing, mark, kept])
    closing.append(properties)
    final.addprevious(closing)
    return document


def settle_sections(document: DocxDocument) -> None:
    """A pack with sections of its own (a merged IEP's landscape pages) keeps the cover's page
    furniture: the first section (the covering letter's page first) takes the cover's
    headers, footers and clean first page; every later one shares them (no first page of its
    own). Each keeps its page size and orientation."""
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    inner = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in body.iterchildren(qn("w:p"))]
    inner = [properties for properties in inner if properties is not None]
    if final is None or not inner:
        return
    cover = copy.deepcopy(final)
    for number, properties in enumerate([*inner, final]):
        settled = copy.deepcopy(cover)
        if number:
            _without_page_furniture(settled)
        for tag in ("w:pgSz", "w:pgMar"):  # its own page: portrait or landscape
            own, theirs = properties.find(qn(tag)), settled.find(qn(tag))
            if own is not None and theirs is not None:
                theirs.addnext(copy.deepcopy(own))
                settled.remove(theirs)
        properties.addnext(settled)
        properties.getparent().remove(properties)


def _without_page_furniture(properties) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for element in properties.findall(qn(tag)):
            properties.remove(element)


def number_the_contents(document: DocxDocument) -> None:
    """Put a PAGEREF field to its section's bookmark in the last cell of every contents row,
    and ask Word to update fields when the pack is opened (LibreOffice always does)."""
    table = next((t for t in document.tables if _caption(t) == CONTENTS_CAPTION), None)
    if table is None:
        return
    for row in table.rows[1:]:
        number = row.cells[0].text.strip().rstrip(".")
        if not number.isdigit():
            continue
        cell = row.cells[-1]
        paragraph = cell.paragraphs[0]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        house_style.add_field(paragraph, f"PAGEREF {BOOKMARK.format(number=number)} \\h", "")
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        # schema order: updateFields comes before these (the stock settings have compat &c.)
        later = next((child for child in settings if child.tag in {
            qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}), None)
        if later is None:
            settings.append(update)
        else:
            later.addprevious(update)


def _shown(value: str) -> str:
    """An ISO date as "8 September 2026", as every date in the pack is written."""
    try:
        return uk_date(dt.date.fromisoformat(value)) if len(value) == 10 else value
    except ValueError:
        return value


def _caption(table) -> str:
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    return caption.get(qn("w:val")) if caption is not None else ""


def csv_document(data: bytes, title: str, name: str = "the CSV file") -> bytes:
    """A CSV file of evidence (test scores, say), as read by the hardened reader, as a table
    with its header row."""
    raw = data[:MAX_CSV_BYTES + 1]
    if len(raw) > MAX_CSV_BYTES:
        raise UnusableInput(f"this CSV file is larger than {MAX_CSV_BYTES // 1_000_000} MB, "
                            "the most docgen merges into a pack", file=name, hint=_CSV_HINT)
    try:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig", errors="replace"))))
    except csv.Error as exc:  # a cell over the csv module's field limit, say
        raise UnusableInput(f"this CSV file cannot be read as a table ({exc})", file=name,
                            hint=_CSV_HINT) from None
    rows = [r for r in rows if any(cell.strip() for cell in r)][:MAX_CSV_ROWS + 1]
    document = house_style.new_document(title)
    if not rows:
        document.add_paragraph("The file has no rows.")
    else:
        width = max(len(r) for r in rows)
        header = [(rows[0] + [""] * width)[:width]]
        table = house_style.add_table(document, [h.strip().capitalize() for h in header[0]],
                                      caption=title)
        for values in rows[1:]:
            cells = table.add_row().cells
            house_style.prevent_row_split(table.rows[-1])
            for cell, value in zip(cells, (values + [""] * width)[:width], strict=True):
                cell.text = _shown(value.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
