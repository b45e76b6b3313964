"""Worked examples a blank form shows beside a table: the guidance's Table 3 for the role table.

A section names its example in the form definition (``example: table_3``). Examples are
printed text only, without content controls, so reading a filled form never meets them.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocxDocument

from docgen import house_style
from docgen.domain.questions import CONTRIBUTORS_TO_CONSIDER, TABLE_3
from docgen.forms.ns import HELP_STYLE

TABLE_3_TITLE = ("Table 3: Possible roles at High Focus School Action Plus working with a pupil "
                 "with some learning difficulties but no other known significant problems")
TABLE_3_HEADERS = ("Who", "What", "To help answer ‘Key’ Question(s)")


def contributors(document: DocxDocument) -> None:
    """The guidance's list of parties the plan should involve, before the table is filled."""
    document.add_paragraph("Who to consider (as appropriate):", style=HELP_STYLE)
    for who in CONTRIBUTORS_TO_CONSIDER:
        document.add_paragraph(who, style="List Bullet")


def table_3(document: DocxDocument) -> None:
    """Table 3 of the guidance, one row per activity, as a worked example below the table."""
    document.add_heading("Worked example from the guidance", 2)
    about = document.add_paragraph(f"{TABLE_3_TITLE}. It shows one way to share the work; "
                                   "plan what fits this pupil.", style=HELP_STYLE)
    about.paragraph_format.keep_with_next = True
    table = house_style.add_table(document, list(TABLE_3_HEADERS), caption=TABLE_3_TITLE,
                                  widths=house_style.column_widths(3, 8.5, 3.6))
    for role in TABLE_3:
        for number, activity in enumerate(role.activities):
            row = table.add_row()
            house_style.prevent_row_split(row)
            cells = row.cells
            cells[0].text = role.who if number == 0 else ""
            cells[1].text = activity.what
            cells[2].text = ",".join(str(q) for q in activity.questions)


# Before the section's table, after it.
EXAMPLES: dict[str, tuple[Callable[[DocxDocument], None], Callable[[DocxDocument], None]]] = {
    "table_3": (contributors, table_3),
}
