"""Print layout rules applied to every template and pack page: what keeps a printed page tidy.

- A page break is "page break before" on the paragraph that starts the new page, never an
  empty paragraph holding a break (a full page pushes that paragraph onto a page of its own,
  which then breaks again: the blank page every review agenda had).
- A paragraph after a table gets 6 pt of space before it, so it does not stick to the table.
- A paragraph that introduces a table or a list (it ends with a colon) stays with it.
- Numbered lists restart at 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

SPACE_AFTER_TABLE_TWIPS = "120"  # 6 pt


def tidy(document: DocxDocument) -> None:
    body = document.element.body
    _breaks_as_page_break_before(body)
    _space_after_tables(body)
    _keep_introductions_with_what_follows(body)


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _is_tag(element: etree._Element) -> bool:
    """A paragraph holding only a docxtpl block tag ({%p if %}): removed when rendered."""
    return element.tag == qn("w:p") and _text(element).strip().startswith("{%")


def _following(element: etree._Element) -> Iterator[etree._Element]:
    sibling = element.getnext()
    while sibling is not None:
        if not _is_tag(sibling):
            yield sibling
        sibling = sibling.getnext()


def _only_page_break(p: etree._Element) -> bool:
    breaks = [br for br in p.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
    return bool(breaks) and not _text(p).strip()


def _p_pr(p: etree._Element) -> etree._Element:
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    return p_pr


def set_paragraph_property(p: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Set a paragraph property in its schema place (after pStyle, keepNext, keepLines)."""
    p_pr = _p_pr(p)
    element = p_pr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        order = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
                 "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
                 "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing")
        before = order[:order.index(tag)] if tag in order else order
        anchor = None
        for child in p_pr:
            if child.tag in {qn(t) for t in before}:
                anchor = child
        if anchor is None:
            p_pr.insert(0, element)
        else:
            anchor.addnext(element)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def page_break_before(p: etree._Element) -> None:
    set_paragraph_property(p, "w:pageBreakBefore")


def keep_with_next(p: etree._Element) -> None:
    set_paragraph_property(p, "w:keepNext")


def _breaks_as_page_break_before(body: etree._Element) -> None:
    for p in list(body.iterchildren(qn("w:p"))):
        if not _only_page_break(p):
            continue
        target = next(_following(p), None)
        if target is not None and target.tag == qn("w:p"):
            page_break_before(target)
            body.remove(p)


def _space_after_tables(body: etree._Element) -> None:
    for table in body.iterchildren(qn("w:tbl")):
        target = next(_following(table), None)
        if target is None or target.tag != qn("w:p") or _is_heading(target):
            continue
        spacing = set_paragraph_property(target, "w:spacing")
        if int(spacing.get(qn("w:before"), "0")) < int(SPACE_AFTER_TABLE_TWIPS):
            spacing.set(qn("w:before"), SPACE_AFTER_TABLE_TWIPS)


def _is_heading(p: etree._Element) -> bool:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val"), "").startswith(("Heading", "Title"))


def _keep_introductions_with_what_follows(body: etree._Element) -> None:
    for p in body.iterchildren(qn("w:p")):
        if not _is_tag(p) and _text(p).rstrip().endswith(":"):
            keep_with_next(p)


def new_section(document: DocxDocument, *, landscape: bool) -> None:
    """What follows starts a new page, landscape or portrait, on A4 with the same margins; its
    header and footer are the previous section's (linked). The paragraph that ends the section
    before takes no room (it would otherwise add a line, and perhaps a page)."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt

    previous = document.sections[-1]
    section = document.add_section(WD_SECTION.NEW_PAGE)
    short, long = sorted((previous.page_width, previous.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    breaker = document.paragraphs[-1]
    breaker.paragraph_format.space_before = breaker.paragraph_format.space_after = Pt(0)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size; schema order: just before sectPr
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "2")  # 1 pt
        mark.append(element)
    _p_pr(breaker._p).find(qn("w:sectPr")).addprevious(mark)


def table_text_size(table: Table, size: Length) -> None:
    """Every run in the table at this size (for wide tables)."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = size
                paragraph.paragraph_format.space_after = 0


def restart_numbering(document: DocxDocument, item: Paragraph) -> None:
    """Give this list item its own numbering instance that starts at 1 (every copy docxtpl's
    loop makes of it shares the instance, so the list counts 1, 2, 3)."""
    numbering = document.part.numbering_part.element
    style_num = item.style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    abstract = numbering.num_having_numId(int(style_num.get(qn("w:val")))).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    num_pr = set_paragraph_property(item._p, "w:numPr")
    for child in list(num_pr):
        num_pr.remove(child)
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), str(num.numId))
    num_pr.append(ilvl)
    num_pr.append(num_id)
