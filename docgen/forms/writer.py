"""Writes a blank input form: a professional Word form with one content control per field."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from docgen import house_style
from docgen.definitions import FormDefinition, Section
from docgen.docprops import set_custom_properties
from docgen.forms.controls import content_control, is_block
from docgen.forms.ns import FORM_ID_PREFIX, HELP_STYLE, PLACEHOLDER_STYLE

_HELP_COLOUR = RGBColor(0x40, 0x40, 0x40)  # 10:1 on white
_PLACEHOLDER_COLOUR = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white, still reads as "grey"
LABEL_HEADERS = ("Question", "Your answer")


def form_id_line(definition: FormDefinition) -> str:
    return f"{FORM_ID_PREFIX} {definition.name} · version {definition.version}"


def write_blank_form(definition: FormDefinition) -> bytes:
    """The .docx bytes of a blank form for this definition."""
    document = house_style.new_document(definition.title, subject="docgen input form")
    _add_styles(document)
    set_custom_properties(document, {
        "docgen.form": definition.name,
        "docgen.form_version": str(definition.version),
    })
    document.add_paragraph(definition.title, style="Title")
    if definition.intro:
        document.add_paragraph(definition.intro)
    document.add_paragraph(form_id_line(definition), style=HELP_STYLE)
    for section in definition.sections:
        _add_section(document, section)
    for sec in document.sections:
        sec.header.paragraphs[0].text = "Confidential when completed"
        sec.header.paragraphs[0].style = document.styles["Header"]
    house_style.add_page_number_footer(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_styles(document: DocxDocument) -> None:
    styles = document.styles
    help_style = styles.add_style(HELP_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    help_style.base_style = styles["Normal"]
    help_style.font.size = Pt(10)
    help_style.font.color.rgb = _HELP_COLOUR
    help_style.paragraph_format.space_after = Pt(4)
    placeholder = styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
    placeholder.element.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId",
        PLACEHOLDER_STYLE,
    )
    placeholder.font.color.rgb = _PLACEHOLDER_COLOUR


def _add_section(document: DocxDocument, section: Section) -> None:
    document.add_heading(section.heading, 1)
    if section.help:
        document.add_paragraph(section.help, style=HELP_STYLE)
    if section.kind == "group":
        _group_table(document, section)
    elif section.kind == "table":
        _list_table(document, section)
    else:
        _fixed_table(document, section)


def _put_control(cell: _Cell, section: Section, field_key: str, tag: str) -> None:
    field = section.field(field_key)
    paragraph = cell.paragraphs[0]._p
    control = content_control(field, tag)
    if is_block(field):
        paragraph.addprevious(control)  # the control holds its own paragraphs
        paragraph.getparent().remove(paragraph)
    else:
        paragraph.append(control)


def _group_table(document: DocxDocument, section: Section) -> None:
    table = house_style.add_table(document, list(LABEL_HEADERS), caption=section.heading)
    for field in section.fields:
        label_cell, value_cell = table.add_row().cells
        label_cell.paragraphs[0].add_run(field.label).bold = True
        if field.help:
            label_cell.add_paragraph(field.help, style=HELP_STYLE)
        _put_control(value_cell, section, field.key, f"{section.key}.{field.key}")


def _list_table(document: DocxDocument, section: Section) -> None:
    table = house_style.add_table(document, [f.label for f in section.fields],
                                  caption=section.heading)
    cells = table.add_row().cells
    for cell, field in zip(cells, section.fields, strict=True):
        _put_control(cell, section, field.key, f"{section.key}.{field.key}")


def _fixed_table(document: DocxDocument, section: Section) -> None:
    headers = [section.row_label, *(f.label for f in section.fields)]
    table = house_style.add_table(document, headers, caption=section.heading)
    for row in section.rows:
        cells = table.add_row().cells
        cells[0].text = row.label
        for cell, field in zip(cells[1:], section.fields, strict=True):
            _put_control(cell, section, field.key, f"{section.key}.{row.key}.{field.key}")
