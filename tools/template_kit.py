"""Helpers for authoring docxtpl output templates in the house style (used by build_templates)."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Pt

from docgen import house_style
from docgen import print_layout as layout
from docgen.docprops import set_custom_properties

AUTHORED = datetime.datetime(2026, 11, 23, tzinfo=datetime.UTC)
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

PUPIL_ROWS = [
    ("Name", "{{ pupil.full_name }}"),
    ("Date of birth", "{{ pupil.date_of_birth }}"),
    ("Year group", "{{ pupil.year_group }}"),
    ("Unique Pupil Number (UPN)", "{{ pupil.upn }}"),
    ("School", "{{ pupil.school }}"),
    ("DfE establishment number", "{{ pupil.dfe_number }}"),
    ("SENCo", "{{ pupil.senco }}"),
]


def start(title_expr: str, *, heading: str, subject: str, version: int, key: str,
          author: str = "{{ pupil.school }}") -> DocxDocument:
    """A template whose core properties are Jinja expressions docgen renders per pupil."""
    document = house_style.new_document(title_expr, author=author, subject=subject)
    # fixed dates keep rebuilt templates byte-identical when nothing else changed
    document.core_properties.created = document.core_properties.modified = AUTHORED
    document.add_paragraph(heading, style="Title")
    set_custom_properties(document, {
        "docgen.template": key,
        "docgen.template_version": str(version),
        "docgen.version": "{{ provenance.docgen_version }}",
        "docgen.form": "{{ provenance.form }}",
        "docgen.form_version": "{{ provenance.form_version }}",
    })
    return document


def confidential_header(document: DocxDocument, who: str = "{{ pupil.full_name }}") -> None:
    for number, section in enumerate(document.sections):
        if number and section.header.is_linked_to_previous:  # shares the one before
            continue
        paragraph = section.header.paragraphs[0]
        paragraph.style = document.styles["Header"]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{who} · Confidential")


def footer(document: DocxDocument) -> None:
    house_style.add_page_number_footer(document)


def finish(document: DocxDocument, name: str, *, confidential: bool = True,
           page_numbers: bool = True) -> None:
    """Header, footer, the print layout rules (layout.tidy), and save as templates/NAME.docx."""
    if confidential:
        confidential_header(document)
    if page_numbers:
        footer(document)
    layout.tidy(document)
    save(document, TEMPLATES / f"{name}.docx")


TARGET_HEADERS = ["No.", "What will be taught", "How it will be taught", "How often",
                  "How progress will be assessed", "Success criteria"]


LANDSCAPE = house_style.LANDSCAPE_TEXT_WIDTH


def landscape(document: DocxDocument) -> None:
    """What follows is on landscape pages (wide tables), until portrait()."""
    layout.new_section(document, landscape=True)


def portrait(document: DocxDocument) -> None:
    layout.new_section(document, landscape=False)


def targets_table(document: DocxDocument, width: Length = house_style.TEXT_WIDTH) -> None:
    """The IEP targets: what, how, how often, how assessed, success criteria."""
    loop_table(document, TARGET_HEADERS, "t in targets",
               ["{{ t.number }}", "{{ t.what }}", "{{ t.how }}", "{{ t.how_often }}",
                "{{ t.assessment }}", "{{ t.success }}"], "Targets", width=width)


def about_pupil(document: DocxDocument) -> None:
    """The 'About the pupil' section every staff document opens with."""
    document.add_heading("About the pupil", 1)
    kv_table(document, PUPIL_ROWS, "About the pupil")


def listed(document: DocxDocument, items: Sequence[str]) -> None:
    """A fixed bulleted list (for lists that repeat per item, see bullets())."""
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def kv_table(document: DocxDocument, rows: Sequence[tuple[str, str]], caption: str) -> None:
    """Two columns, label | value: the labels are the row headers (no empty "Item | Details"
    header row), every row kept whole on one page."""
    table = house_style.add_row_header_table(
        document, len(rows), caption=caption, widths=house_style.fitted_widths([5.5, None]))
    for row, (label, expr) in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
        row.cells[0].paragraphs[0].runs[0].bold = True
        row.cells[1].text = expr


# Columns that hold a number, a date or a tick get a fixed width in cm, wide enough for
# their header's longest word in bold 12 pt plus the cell padding ("Band" is 1.44 cm), so no
# header breaks mid-word; the text columns share the rest.
NARROW_CM = {"No.": 1.3, "Band": 1.7, "Collected": 2.9, "Group size": 1.9,
             "Minutes per session": 2.3, "Sessions per week": 2.5,
             "Adult minutes per pupil per week": 2.4, "Adult minutes per week": 2.4,
             "Key questions": 2.6, "By when": 3.6, "Told the outcome": 2.9,
             "Written contribution received": 3.5, "Sent with the request": 2.4,
             "Date": 4.0, "Page": 1.6}
WIDE_TABLE_COLUMNS = 5  # from this many columns, table text is 11 pt so cells wrap less


def _fixed_width(header: str) -> float | None:
    if header.startswith("Question "):
        return 2.4
    return NARROW_CM.get(header)


def loop_table(document: DocxDocument, headers: Sequence[str], loop: str,
               cells: Sequence[str], caption: str, *, empty: str = "",
               widths: Sequence[float | None] | None = None,
               width: Length = house_style.TEXT_WIDTH) -> None:
    """A table with a header row and one row per item (docxtpl's {%tr %} row loop).
    ``widths`` (cm, None for a share of the rest) overrides the sizing by header; ``width``
    is the text width of the page it is on (LANDSCAPE on a landscape page)."""
    fixed = list(widths) if widths is not None else [_fixed_width(h) for h in headers]
    table = house_style.add_table(document, list(headers), caption=caption,
                                  widths=house_style.fitted_widths(fixed, width))
    table.add_row().cells[0].text = f"{{%tr for {loop} %}}"
    row = table.add_row()
    house_style.prevent_row_split(row)
    for cell, expr in zip(row.cells, cells, strict=True):
        cell.text = expr
    table.add_row().cells[0].text = "{%tr endfor %}"
    if len(headers) >= WIDE_TABLE_COLUMNS:
        layout.table_text_size(table, house_style.TABLE_TEXT_SIZE)
    if empty:
        document.add_paragraph(empty)


def paragraph(document: DocxDocument, text: str, style: str | None = None) -> None:
    document.add_paragraph(text, style=style)


def numbered(document: DocxDocument, loop: str, text: str) -> None:
    """A real numbered list, one item per loop value, starting at 1 (a screen reader says
    "1 of 4", not "bullet, 1.")."""
    document.add_paragraph(f"{{%p for {loop} %}}")
    item = document.add_paragraph(text, style="List Number")
    layout.restart_numbering(document, item)
    document.add_paragraph("{%p endfor %}")


def bullets(document: DocxDocument, loop: str, text: str) -> None:
    """One bulleted paragraph per item (docxtpl's {%p for %} paragraph loop)."""
    document.add_paragraph(f"{{%p for {loop} %}}")
    document.add_paragraph(text, style="List Bullet")
    document.add_paragraph("{%p endfor %}")


def when(document: DocxDocument, condition: str, *texts: str, style: str | None = None) -> None:
    """Paragraphs shown only when the condition holds (no empty paragraph left otherwise)."""
    document.add_paragraph(f"{{%p if {condition} %}}")
    for text in texts:
        document.add_paragraph(text, style=style)
    document.add_paragraph("{%p endif %}")


def page_break(document: DocxDocument) -> None:
    """What follows starts a new page (finish() turns this mark into "page break before" on
    the next paragraph, so a full page never pushes an empty break paragraph onto a page of
    its own)."""
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def small(document: DocxDocument, text: str) -> None:
    run = document.add_paragraph().add_run(text)
    run.font.size = Pt(10)


def save(document: DocxDocument, path: Path) -> None:
    """Save with fixed zip timestamps, so an unchanged template rebuilds byte for byte."""
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 23, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
