"""Writes a blank input form: a professional Word form with one content control per field."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell

from docgen import house_style
from docgen import print_layout as layout
from docgen.definitions import FormDefinition, Section
from docgen.docprops import set_custom_properties
from docgen.forms.controls import content_control
from docgen.forms.examples import EXAMPLES
from docgen.forms.layout import column_header
from docgen.forms.ns import (
    FORM_ID_PREFIX,
    FORM_PROPERTY,
    HELP_STYLE,
    PLACEHOLDER_STYLE,
    VERSION_PROPERTY,
    qn,
)

CONFIDENTIAL = "Confidential when completed"
LABEL_HEADERS = ("Question", "Your answer")
_HELP_COLOUR = RGBColor(0x40, 0x40, 0x40)  # 10:1 on white
_PLACEHOLDER_COLOUR = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white, still reads as grey
_LABEL_FILL = "F2F2F2"  # light grey behind labels; black text on it is 18:1
_LABEL_WIDTH, _VALUE_WIDTH = Cm(6.5), Cm(10.5)  # 17 cm: A4 less 2 cm margins


def form_id_line(definition: FormDefinition) -> str:
    """The visible line naming the form, read back if the custom properties are lost."""
    return f"{FORM_ID_PREFIX} {definition.name} · version {definition.version}"


def write_blank_form(definition: FormDefinition) -> bytes:
    """The .docx bytes of a blank form for this definition."""
    document = house_style.new_document(definition.title, subject="docgen input form")
    _add_styles(document)
    set_custom_properties(document, {FORM_PROPERTY: definition.name,
                                     VERSION_PROPERTY: str(definition.version)})
    document.add_paragraph(definition.title, style="Title")
    if definition.intro:
        document.add_paragraph(definition.intro)
    document.add_paragraph(form_id_line(definition), style=HELP_STYLE)
    ids = itertools.count(1000)
    for section in definition.sections:
        _add_section(document, section, ids)
    for page_section in document.sections:
        header = page_section.header.paragraphs[0]
        header.text = CONFIDENTIAL
        header.style = document.styles["Header"]
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
    placeholder.element.set(qn("w:styleId"), PLACEHOLDER_STYLE)  # Word's own id for it
    placeholder.font.color.rgb = _PLACEHOLDER_COLOUR


def _add_section(document: DocxDocument, section: Section, ids: Iterator[int]) -> None:
    wide = section.kind == "table" and needs_landscape(section)
    if wide:  # too many columns for a portrait page: this section prints landscape
        layout.new_section(document, landscape=True)
    document.add_heading(section.heading, 1).paragraph_format.keep_with_next = True
    if section.help:
        # the help stays with its table: a heading and help never end a page on their own
        document.add_paragraph(section.help, style=HELP_STYLE).paragraph_format \
            .keep_with_next = True
    before, after = EXAMPLES.get(section.example or "", (None, None))
    if before:
        before(document)
    if section.kind == "group":
        _group_table(document, section, ids)
    elif section.kind == "table":
        _list_table(document, section, ids, _LANDSCAPE_CM if wide else _TEXT_CM)
    else:
        _fixed_table(document, section, ids)
    if after:
        after(document)
    if wide:
        layout.new_section(document, landscape=False)


def _put_control(cell: _Cell, section: Section, field_key: str, tag: str,
                 ids: Iterator[int]) -> None:
    cell.paragraphs[0]._p.append(content_control(section.field(field_key), tag, next(ids)))


def _shade(cell: _Cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(shading)


def _label(cell: _Cell, text: str, help_text: str = "") -> None:
    cell.paragraphs[0].add_run(text).bold = True
    if help_text:
        cell.add_paragraph(help_text, style=HELP_STYLE)
    _shade(cell)


def _group_table(document: DocxDocument, section: Section, ids: Iterator[int]) -> None:
    table = house_style.add_table(document, list(LABEL_HEADERS), caption=section.heading)
    parts = []
    for field in section.fields:
        if field.part:
            parts.append(_part_row(table, field.part))
        row = table.add_row()
        if field.type != "multiline":  # a long answer must still be free to run over a page
            house_style.prevent_row_split(row)
        label_cell, value_cell = row.cells
        _label(label_cell, field.label, field.help)
        _put_control(value_cell, section, field.key, f"{section.key}.{field.key}", ids)
    house_style.set_column_widths(table, [_LABEL_WIDTH, _VALUE_WIDTH])
    for cell in parts:  # a part spans both columns
        cell.width = _LABEL_WIDTH + _VALUE_WIDTH


def _part_row(table: Table, text: str) -> _Cell:
    """A row across the table naming the part of the section that follows (one merged cell:
    reading by labels only looks at two-cell rows, so it is never taken for a field)."""
    row = table.add_row()
    house_style.prevent_row_split(row)
    cell = row.cells[0].merge(row.cells[1])
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text).bold = True
    paragraph.paragraph_format.keep_with_next = True
    return cell


def _list_table(document: DocxDocument, section: Section, ids: Iterator[int],
                text_cm: float) -> None:
    table = house_style.add_table(document, [column_header(f) for f in section.fields],
                                  caption=section.heading)
    row = table.add_row()
    house_style.prevent_row_split(row)  # rows added in Word copy it, and keep it
    for cell, field in zip(row.cells, section.fields, strict=True):
        _put_control(cell, section, field.key, f"{section.key}.{field.key}", ids)
    house_style.set_column_widths(table, list_widths(section, text_cm))
    shortened = [f for f in section.fields if column_header(f) != f.label]
    if shortened:
        _key(document, shortened)


# Tick columns are narrow; dates get room for "dd/mm/yyyy"; a table's only multi-line answer
# ("What they will do") gets 2.1 times the width of a one-line one ("Who"): 8 cm beside 3.8.
_TICK_CM, _DATE_CM, _MULTILINE_WEIGHT = 1.3, 3.6, 2.1
# Arial bold 12 pt: under 0.32 cm a letter, plus the cell's padding (LibreOffice breaks "Group"
# in 1.8 cm)
_CM_PER_LETTER, _PADDING_CM = 0.32, 0.5


def _word_cm(field) -> float:
    """As wide as the longest word of the column's header, so it never breaks mid-word."""
    longest = max(len(word) for word in column_header(field).split())
    return round(longest * _CM_PER_LETTER + _PADDING_CM, 1)


def _fixed_cm(field) -> float | None:
    if field.type in ("bool", "int"):  # at least the header's longest word, unbroken
        return max(_TICK_CM, _word_cm(field))
    return _DATE_CM if field.type == "date" else None


# The text width of an A4 page with 2 cm margins, portrait and landscape, and the most of it
# narrow columns may take: a wide table keeps room for its text columns.
_TEXT_CM, _LANDSCAPE_CM, _MOST_FIXED = 17.0, 25.7, 0.65


def needs_landscape(section: Section) -> bool:
    """A list table whose number, tick and date columns alone would take most of a portrait
    page (the SEN Support plan's provision: nine columns) prints on a landscape page."""
    fixed = sum(cm for cm in map(_fixed_cm, section.fields) if cm is not None)
    return fixed > _TEXT_CM * _MOST_FIXED


def list_widths(section: Section, text_cm: float = _TEXT_CM) -> list[Length]:
    fixed = [_fixed_cm(f) for f in section.fields]
    fixed_total = sum(cm for cm in fixed if cm is not None)
    if fixed_total > text_cm * _MOST_FIXED:
        scale = text_cm * _MOST_FIXED / fixed_total
        fixed = [None if cm is None else round(cm * scale, 2) for cm in fixed]
    free = text_cm - sum(cm for cm in fixed if cm is not None)
    free_fields = [f for f, cm in zip(section.fields, fixed, strict=True) if cm is None]
    lone_multiline = sum(f.type == "multiline" for f in free_fields) == 1
    weights = [(_MULTILINE_WEIGHT if f.type == "multiline" and lone_multiline else 1.0)
               for f in free_fields]
    shares = _shared(free, weights, [_word_cm(f) for f in free_fields])
    share = iter(Cm(cm) for cm in shares)
    return [Length(Cm(cm)) if cm is not None else Length(int(next(share))) for cm in fixed]


def _shared(free: float, weights: list[float], least: list[float]) -> list[float]:
    """The free width shared by weight, none narrower than its header's longest word (what a
    narrow column needs is taken from the others, by weight)."""
    shares = [free * w / sum(weights) for w in weights] if weights else []
    short = {i for i, (cm, low) in enumerate(zip(shares, least, strict=True)) if cm < low}
    if short and len(short) < len(shares):
        left = free - sum(least[i] for i in short)
        rest = sum(w for i, w in enumerate(weights) if i not in short)
        shares = [least[i] if i in short else left * w / rest for i, w in enumerate(weights)]
    return shares


def _key(document: DocxDocument, fields: list) -> None:
    """Under a table with short column headers, what each one stands for."""
    from docgen.domain.questions import KEY_QUESTIONS

    document.add_paragraph("Key to the tick columns:", style=HELP_STYLE).paragraph_format \
        .space_before = Pt(6)
    for field in fields:
        short = column_header(field)
        number = int(short[1:])
        document.add_paragraph(f"{short}: {field.label}. {KEY_QUESTIONS[number - 1]}",
                               style=HELP_STYLE)


def fixed_widths(section: Section) -> list[Length]:
    """A fixed table's row labels as wide as a question's label, a drop-down as wide as its
    prompt ("Choose from the list"), the answers the rest: rows stay short."""
    fixed: list[float | None] = [_LABEL_WIDTH.cm]
    fixed += [_DATE_CM if f.type in ("choice", "date") else _fixed_cm(f) for f in section.fields]
    return house_style.fitted_widths(fixed, Cm(_TEXT_CM))


def _fixed_table(document: DocxDocument, section: Section, ids: Iterator[int]) -> None:
    headers = [section.row_label, *(f.label for f in section.fields)]
    table = house_style.add_table(document, headers, caption=section.heading,
                                  widths=fixed_widths(section))
    for row in section.rows:
        added = table.add_row()
        house_style.prevent_row_split(added)  # a thread's row never leaves a sliver behind
        cells = added.cells
        _label(cells[0], row.label)
        for cell, field in zip(cells[1:], section.fields, strict=True):
            _put_control(cell, section, field.key, f"{section.key}.{row.key}.{field.key}", ids)


