"""The parts of a school letter, for templates: letterhead, address block, reference and date,
salutation, sign-off with space to sign, and page numbers from page 2 on.

The context comes from docgen.letterhead.letter(): ``letter.school``, ``letter.recipient``,
``letter.reference``, ``letter.date``, ``letter.salutation``, ``letter.signatory`` and
``letter.signatory_role``.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from docgen import house_style
from docgen import print_layout as layout
from tools import template_kit as kit

LETTERHEAD_STYLE = "Letterhead"
SIGNATURE_SPACE = Pt(48)  # room for a handwritten signature above a name
SIGNATURE_LINES = 4  # line breaks after the closing: three blank lines to sign in


def start_letter(title_expr: str, *, subject: str, version: int, key: str,
                 author: str = "{{ letter.school.name }}") -> DocxDocument:
    """A letter: core properties as kit.start, but headed by the letterhead, not a Title."""
    document = kit.start(title_expr, heading="", subject=subject, version=version, key=key,
                         author=author)
    first = document.paragraphs[0]
    first._p.getparent().remove(first._p)  # the Title kit.start adds: a letter has none
    _letterhead_style(document)
    letterhead(document)
    return document


def _letterhead_style(document: DocxDocument) -> None:
    style = document.styles.add_style(LETTERHEAD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(18)
    style.font.bold = True
    style.font.color.rgb = house_style.HEADING_COLOUR
    style.paragraph_format.space_after = Pt(2)


def letterhead(document: DocxDocument) -> None:
    """The school's name (a logo goes above it when the settings give one), a rule, then its
    address, telephone, email and head teacher."""
    name = document.add_paragraph("{{ letter.school.name }}", style=LETTERHEAD_STYLE)
    name.paragraph_format.space_after = Pt(6)
    _rule_below(name)
    for condition, text in (
            ("letter.school.address", "{{ letter.school.address }}"),
            ("letter.school.contact", "{{ letter.school.contact }}"),
            ("letter.school.head_teacher", "Head teacher: {{ letter.school.head_teacher }}")):
        document.add_paragraph(f"{{%p if {condition} %}}")
        document.add_paragraph(text).paragraph_format.space_after = Pt(0)
        document.add_paragraph("{%p endif %}")


def _rule_below(paragraph) -> None:
    borders = layout.set_paragraph_property(paragraph._p, "w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"),
                        ("w:color", "1F3A5F")):
        bottom.set(qn(attr), value)
    borders.append(bottom)


def address_block(document: DocxDocument) -> None:
    """The recipient's name and address, one line each, then the reference and the date."""
    first = document.add_paragraph("{{ letter.recipient[0] }}")
    first.paragraph_format.space_before = Pt(24)
    first.paragraph_format.space_after = Pt(0)
    document.add_paragraph("{%p for line in letter.recipient[1:] %}")
    document.add_paragraph("{{ line }}").paragraph_format.space_after = Pt(0)
    document.add_paragraph("{%p endfor %}")
    reference = document.add_paragraph("Our reference: {{ letter.reference }}")
    reference.paragraph_format.space_before = Pt(12)
    document.add_paragraph("{{ letter.date }}")


def salutation(document: DocxDocument, subject: str) -> None:
    document.add_paragraph("Dear {{ letter.salutation }},")
    document.add_heading(subject, 1)


SIGNATURE_CAPTION = "Signature"


def sign_off(document: DocxDocument, closing: str = "Yours sincerely,") -> None:
    """The closing, space to sign, the name and role, kept on one page with the last lines
    of the letter: the sign-off is never alone. It is one paragraph in a layout table's row
    that never splits, after body paragraphs kept with what follows (LibreOffice ignores
    "keep with next" into a paragraph that must move whole to the next page, but keeps a
    paragraph with the table row after it; Word does both)."""
    _keep_last_lines(document)
    table = layout_table(document, 1, SIGNATURE_CAPTION)
    block = table.rows[0].cells[0].paragraphs[0]
    block.paragraph_format.keep_together = True
    signature_block(block, closing, "{{ letter.signatory }}", "{{ letter.signatory_role }}")


def _keep_last_lines(document: DocxDocument) -> None:
    """The letter's last two paragraphs that are always there (not inside a {%p if %} block,
    which may vanish), and any shown only sometimes after them, keep with what follows."""
    depth, found = 0, 0
    for paragraph in reversed(document.paragraphs):
        text = paragraph.text.strip()
        if text.startswith("{%p end"):
            depth += 1
        elif text.startswith("{%p if") or text.startswith("{%p for"):
            depth -= 1
        elif text and not text.startswith("{%"):
            paragraph.paragraph_format.keep_with_next = True
            found += depth == 0
            if found == 2:
                return


def layout_table(document: DocxDocument, columns: int, caption: str):
    """A table that only lays out a signature block: no borders, no header row or column,
    no padding at the sides (its text lines up with the letter's), one row kept whole."""
    table = document.add_table(rows=1, cols=columns)
    house_style.set_column_widths(table, house_style.fitted_widths([None] * columns))
    house_style.prevent_row_split(table.rows[0])
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        edge = OxmlElement(side)
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    look = tbl_pr.find(qn("w:tblLook"))
    look.addprevious(margins)  # schema order: tblCellMar before tblLook
    for attr, value in (("w:val", "0000"), ("w:firstRow", "0"), ("w:lastRow", "0"),
                        ("w:firstColumn", "0"), ("w:lastColumn", "0"), ("w:noHBand", "1"),
                        ("w:noVBand", "1")):
        look.set(qn(attr), value)
    house_style.set_table_caption(table, caption)
    return table


def signature_block(paragraph, closing: str, name: str, role: str) -> None:
    """'Yours sincerely,', four blank lines to sign in, the name, the role."""
    if closing:
        run = paragraph.add_run(closing)
        for _ in range(SIGNATURE_LINES):
            run.add_break()
    run = paragraph.add_run(name)
    run.add_break()
    paragraph.add_run(role)


def finish_letter(document: DocxDocument, name: str, running_head: str) -> None:
    """Page 1 carries the letterhead and no page number; pages 2 on are headed
    "RUNNING_HEAD · Page 2 of 3" (a letter that runs past one page says so)."""
    for section in document.sections:
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.style = document.styles["Header"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{running_head} · Page ")
        house_style.add_field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        house_style.add_field(paragraph, "NUMPAGES")
        section.first_page_header.paragraphs[0].style = document.styles["Header"]
    layout.tidy(document)
    kit.save(document, kit.TEMPLATES / f"{name}.docx")


def two_signatures(d: DocxDocument, left: tuple[str, str], right: tuple[str, str],
                   closing: str = "Yours faithfully,") -> None:
    """The closing, then side by side two names, each under space to sign, with their roles
    (a layout table without borders, kept on one page with the closing and the last lines)."""
    _keep_last_lines(d)
    paragraph = d.add_paragraph(closing)
    paragraph.paragraph_format.keep_with_next = True
    table = layout_table(d, 2, "Signatures")
    for cell, (name, role) in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = name
        cell.paragraphs[0].paragraph_format.space_before = SIGNATURE_SPACE
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
        cell.add_paragraph(role)


def contents_pages(d: DocxDocument, where_intro: str) -> None:
    """A pack's contents (section numbers; LibreOffice and Word fill in the pages) on a new
    page, then "Where each item is": every item asked for and its place in the pack."""
    heading = d.add_heading("Contents", 1)
    heading.paragraph_format.page_break_before = True
    kit.loop_table(d, ["No.", "Section", "Page"], "s in sections",
                   ["{{ s.number }}", "{{ s.title }}{{ ' (MISSING)' if s.missing }}", ""],
                   "Contents")
    d.add_heading("Where each item is", 1)
    kit.paragraph(d, where_intro)
    kit.loop_table(d, ["Item", "In this pack"], "c in checklist",
                   ["{{ c.item }}", "{{ c.where }}"], "Where each item is",
                   widths=[None, 4.5])


def finish_pack(document: DocxDocument, name: str) -> None:
    """A pack's opening pages: the covering letter's page carries the letterhead (no
    "Confidential" header), the pages after it "Name · Confidential"; every page numbered
    "Page X of Y" (the pack's sections continue the numbering). Then the print layout rules,
    and save."""
    kit.confidential_header(document)
    for section in document.sections:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].style = document.styles["Header"]
        house_style.add_page_number_footer_to(section.first_page_footer, document)
    house_style.add_page_number_footer(document)
    layout.tidy(document)
    kit.save(document, kit.TEMPLATES / f"{name}.docx")
