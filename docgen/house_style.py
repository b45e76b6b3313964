"""The house style every form and template starts from: en-GB, sans-serif 12 pt, real styles."""

from __future__ import annotations

from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

FONT = "Arial"
BODY_SIZE = Pt(12)
LANGUAGE = "en-GB"
TABLE_STYLE = "Table Grid"
HEADING_COLOUR = RGBColor(0x1F, 0x3A, 0x5F)  # dark blue: 11.5:1 contrast on white
# The subtitle: 7.5:1 on white (the stock #4F81BD is 4.0:1, below WCAG AA's 4.5:1).
SUBTITLE_COLOUR = RGBColor(0x2F, 0x4F, 0x75)
TABLE_TEXT_SIZE = Pt(11)  # inside tables of five or more columns, so cells wrap less
HEADER_FILL = "D9E2F3"  # header-row shading: 16:1 with black text
ROW_HEADER_FILL = "F2F2F2"  # first column of a label | value table
# A4 with 2 cm margins, as UK schools print: python-docx's stock template is US Letter with
# 1.25-inch margins, which leaves tables 15 cm wide and shrinks or clips on A4 paper.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21), Cm(29.7), Cm(2)
TEXT_WIDTH = Cm(17)
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - 2 * MARGIN  # 25.7 cm: wide tables on a landscape page
_STYLES_WITH_EFFECTS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
)


def new_document(title: str, *, author: str = "", subject: str = "") -> DocxDocument:
    """A blank document in the house style, without parts that upset validators."""
    document = Document()
    _set_a4_pages(document)
    _drop_styles_with_effects(document)
    _set_defaults(document)
    _style_headings(document)
    _widen_numbered_list_indent(document)
    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.keywords = ""
    props.language = LANGUAGE
    props.revision = 1
    return document


def _set_a4_pages(document: DocxDocument) -> None:
    for section in document.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)


def _drop_styles_with_effects(document: DocxDocument) -> None:
    # python-docx's stock template carries a Word 2010 stylesWithEffects part that no longer
    # matches styles.xml once we restyle; openxml-audit reports it as likely "unreadable
    # content", and Word does not need it.
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            part.drop_rel(r_id)
    # The stock template's thumbnail shows someone else's page; Word makes its own if asked.
    package_rels = part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[r_id]


def _set_defaults(document: DocxDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    normal.paragraph_format.space_after = Pt(6)
    r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attr), FONT)
    rpr_default = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")
    )
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), LANGUAGE)
    _modern_word_settings(settings)


def _modern_word_settings(settings: BaseOxmlElement) -> None:
    # The stock template says Word 2010 (compatibility mode 14): Word then opens every
    # document with "[Compatibility Mode]" in its title bar and some features switched off.
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    # ...and says the text was already spell-checked, so Word would not mark misspellings in
    # what a SENCo typed until the document is edited.
    for proof_state in settings.findall(qn("w:proofState")):
        settings.remove(proof_state)


def _style_headings(document: DocxDocument) -> None:
    sizes = {"Title": 22, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12}
    for name, size in sizes.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = HEADING_COLOUR
        r_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            r_fonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            r_fonts.attrib.pop(qn(attr), None)
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
    _style_subtitle(document)
    title = document.styles["Title"]
    # The stock Title has a bottom border and expanded spacing; plain is easier to read.
    ppr = title.element.get_or_add_pPr()
    for child in ppr.findall(qn("w:pBdr")):
        ppr.remove(child)


def _style_subtitle(document: DocxDocument) -> None:
    """Arial, upright, no letter spacing (hard for dyslexic readers and for Arabic script),
    and dark enough to pass 4.5:1."""
    style = document.styles["Subtitle"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    style.font.italic = False
    style.font.color.rgb = SUBTITLE_COLOUR
    r_pr = style.element.get_or_add_rPr()
    r_fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        r_fonts.attrib.pop(qn(attr), None)
    for child in r_pr.findall(qn("w:spacing")) + r_pr.findall(qn("w:iCs")):
        r_pr.remove(child)
    color = r_pr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeTint", "w:themeShade"):
        color.attrib.pop(qn(attr), None)
    style.paragraph_format.space_after = Pt(12)


def _widen_numbered_list_indent(document: DocxDocument) -> None:
    """Numbered lists hang 0.8 cm, so "10." lines up with "9." (the stock 0.63 cm does not
    hold two digits and a full stop)."""
    style_num = document.styles["List Number"].element.find(
        f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(int(style_num.get(qn("w:val")))).abstractNumId.val
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) != str(abstract_id):
            continue
        for lvl in abstract.findall(qn("w:lvl")):
            if lvl.get(qn("w:ilvl")) == "0":
                for ind in lvl.iter(qn("w:ind")):
                    ind.set(qn("w:left"), "454")
                    ind.set(qn("w:hanging"), "454")
                for tab in lvl.iter(qn("w:tab")):
                    tab.set(qn("w:pos"), "454")


def mark_header_row(row: _Row) -> None:
    """Mark a row as the table's header: repeats on each page, read as headers by AT."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        header = OxmlElement("w:tblHeader")
        tr_pr.append(header)
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True
        shade(cell._tc, HEADER_FILL)


def shade(tc, fill: str) -> None:
    tc_pr = tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def prevent_row_split(row: _Row) -> None:
    """The row moves whole to the next page rather than leave a sliver on this one."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def add_table(document: DocxDocument, headers: list[str], *, caption: str = "",
              widths: Sequence[Length] | None = None) -> Table:
    """A table in the house style with a marked header row and an accessible caption, as
    wide as the text; ``widths`` sizes the columns (else they share the width equally)."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles[TABLE_STYLE]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    mark_header_row(table.rows[0])
    prevent_row_split(table.rows[0])
    if caption:
        set_table_caption(table, caption)
    if widths is not None:
        set_column_widths(table, widths)
    return table


def add_row_header_table(document: DocxDocument, rows: int, *, caption: str = "",
                         widths: Sequence[Length] | None = None) -> Table:
    """Two columns, label | value, with no header row: the first column holds the row
    headers (shaded, bold, and announced as such through the table's first-column look)."""
    table = document.add_table(rows=rows, cols=2)
    table.style = document.styles[TABLE_STYLE]
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for attr, value in (("w:val", "0080"), ("w:firstRow", "0"), ("w:lastRow", "0"),
                        ("w:firstColumn", "1"), ("w:lastColumn", "0"), ("w:noHBand", "1"),
                        ("w:noVBand", "1")):
        look.set(qn(attr), value)
    for row in table.rows:
        prevent_row_split(row)
        shade(row.cells[0]._tc, ROW_HEADER_FILL)
    if caption:
        set_table_caption(table, caption)
    if widths is not None:
        set_column_widths(table, widths)
    return table


def set_column_widths(table: Table, widths: Sequence[Length]) -> None:
    """Fixed column widths (Word reads each cell's, LibreOffice the grid's: set both)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def column_widths(*parts: float) -> list[Length]:
    """The text width shared in these proportions, e.g. column_widths(1, 4, 4)."""
    total = sum(parts)
    return [Length(int(TEXT_WIDTH * part / total)) for part in parts]


def fitted_widths(fixed: Sequence[float | None], width: Length = TEXT_WIDTH) -> list[Length]:
    """Columns with a fixed width in cm keep it; the others share what is left equally
    (a number column stays 1 cm whether the table has two columns or six)."""
    taken = sum(Cm(cm) for cm in fixed if cm is not None)
    free = [cm for cm in fixed if cm is None]
    share = (width - taken) // max(len(free), 1)
    return [Length(Cm(cm)) if cm is not None else Length(share) for cm in fixed]


def set_table_caption(table: Table, caption: str) -> None:
    """Word's Alt Text title for a table (w:tblCaption), read by screen readers."""
    tbl_pr = table._tbl.tblPr
    element = tbl_pr.find(qn("w:tblCaption"))
    if element is None:
        element = OxmlElement("w:tblCaption")
        # schema order: tblCaption comes after tblLook and before tblDescription
        description = tbl_pr.find(qn("w:tblDescription"))
        if description is not None:
            description.addprevious(element)
        else:
            tbl_pr.append(element)
    element.set(qn("w:val"), caption)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (e.g. PAGE, NUMPAGES) that Word and LibreOffice update when shown."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("shown", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "shown":
            run.text = text or ""
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)


def add_page_number_footer(document: DocxDocument, prefix: str = "") -> None:
    """'Page X of Y' centred in the footer of every section (a section whose footer is
    linked to the one before, a landscape page say, shares that footer)."""
    for number, section in enumerate(document.sections):
        if number == 0 or not section.footer.is_linked_to_previous:
            add_page_number_footer_to(section.footer, document, prefix)


def add_page_number_footer_to(footer, document: DocxDocument, prefix: str = "") -> None:
    """'Page X of Y' centred in this footer (a first-page footer, say)."""
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if prefix:
        paragraph.add_run(prefix)
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES")
