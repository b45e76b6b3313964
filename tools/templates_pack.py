"""The opening pages of a statutory assessment request pack: the covering letter from the school
to the authority, the contents (page numbers filled in by docgen.packs.contents), where each
item the guidance asks for is, the agreed CRISP profile and the reservations."""

from __future__ import annotations

from docx.shared import Pt

from docgen import house_style
from tools import letter_kit as letter
from tools import template_kit as kit


def pack_cover() -> None:
    d = letter.start_letter("Request for statutory assessment: {{ pupil.full_name }}",
                            subject="Statutory assessment request pack", version=3,
                            key="pack_cover")
    kit.when(d, "draft", "DRAFT: this pack is incomplete. Items marked MISSING must be added "
                         "before it is sent.")
    letter.address_block(d)
    letter.salutation(d, "Request for statutory assessment: {{ pupil.full_name }}")
    kit.paragraph(d, "{{ letter.school.name }} asks {{ authority.name }} to carry out a "
                     "statutory assessment of the special educational needs of "
                     "{{ pupil.full_name }}, born {{ pupil.date_of_birth }}, "
                     "{{ pupil.year_group }}, Unique Pupil Number {{ pupil.upn }}.")
    kit.paragraph(d, "{{ request | join(' ') }}")
    kit.paragraph(d, "{{ parents_line }} This pack holds the evidence the guidance asks for, "
                     "in the order of the contents on the next page, with every reservation "
                     "recorded at the review.")
    kit.when(d, "enclosures", "Sent with this pack as separate files: "
                              "{{ enclosures | join('; ') }}.")
    _two_signatures(d)
    heading = d.add_heading("Contents", 1)
    heading.paragraph_format.page_break_before = True
    kit.loop_table(d, ["No.", "Section", "Page"], "s in sections",
                   ["{{ s.number }}", "{{ s.title }}{{ ' (MISSING)' if s.missing }}", ""],
                   "Contents")
    d.add_heading("Where each item is", 1)
    kit.paragraph(d, "Every item the guidance asks for, and where it is in this pack. The "
                     "evidence covers the 12 months to {{ review.date }}.")
    kit.loop_table(d, ["Item", "In this pack"], "c in checklist",
                   ["{{ c.item }}", "{{ c.where }}"], "Where each item is",
                   widths=[None, 4.5])
    d.add_heading("Agreed CRISP profile", 1)
    kit.paragraph(d, "{{ crisp.kind }}, dated {{ crisp.date }}.")
    kit.paragraph(d, "Agreed by:")
    kit.bullets(d, "person in crisp.agreed_by.splitlines()", "{{ person }}")
    kit.loop_table(d, ["Thread", "Code of Practice area", "Band", "Evidence"], "t in crisp_rows",
                   ["{{ t.label }}", "{{ t.area }}", "{{ t.band }}", "{{ t.evidence }}"],
                   "Agreed CRISP profile")
    d.add_heading("Reservations", 1)
    kit.when(d, "not reservations", "No reservations were recorded.")
    kit.paragraph(d, "{%p if reservations %}")
    kit.paragraph(d, "All reservations recorded at the review are sent with this request:")
    kit.loop_table(d, ["Who", "About"], "r in reservations", ["{{ r.who }}", "{{ r.about }}"],
                   "Reservations")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Needs normally met by Health or Social Services", 1)
    kit.kv_table(d, [
        ("Health", "{{ review.health_needs or 'None recorded.' }}"),
        ("Social Services", "{{ review.social_care_needs or 'None recorded.' }}"),
    ], "Needs normally met by Health or Social Services")
    kit.confidential_header(d)
    _first_page_clean(d)
    house_style.add_page_number_footer(d)
    letter.finish_pack(d, "pack_cover")


def _two_signatures(d) -> None:
    """'Yours faithfully', then side by side the head teacher's and the SENCo's names under
    space to sign (a layout table without borders, kept on one page with the closing)."""
    body = [p for p in d.paragraphs if p.text.strip() and not p.text.startswith("{%")]
    body[-1].paragraph_format.keep_with_next = True
    closing = d.add_paragraph("Yours faithfully,")
    closing.paragraph_format.keep_with_next = True
    table = d.add_table(rows=1, cols=2)
    house_style.set_column_widths(table, house_style.fitted_widths([None, None]))
    house_style.prevent_row_split(table.rows[0])
    house_style.set_table_caption(table, "Signatures")
    for cell, (name, role) in zip(table.rows[0].cells, (
            ("{{ head_teacher or '' }}", "Head teacher"),
            ("{{ pupil.senco }}", "Special educational needs coordinator (SENCo)")),
            strict=True):
        cell.paragraphs[0].text = name
        cell.paragraphs[0].paragraph_format.space_before = letter.SIGNATURE_SPACE
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
        cell.add_paragraph(role)


def _first_page_clean(d) -> None:
    """The covering letter's page carries the letterhead, not the "Confidential" header."""
    for section in d.sections:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].style = d.styles["Header"]
        house_style.add_page_number_footer_to(section.first_page_footer, d)


BUILDERS = {"pack_cover": pack_cover}
