"""The opening pages of a statutory assessment request pack: the covering letter from the school
to the authority, the contents (page numbers filled in by docgen.packs.contents), where each
item the guidance asks for is, the agreed CRISP profile and the reservations."""

from __future__ import annotations

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
    letter.two_signatures(d, ("{{ head_teacher or '' }}", "Head teacher"),
                          ("{{ pupil.senco }}", "Special educational needs coordinator (SENCo)"))
    letter.contents_pages(d, "Every item the guidance asks for, and where it is in this pack. "
                             "The evidence covers the 12 months to {{ review.date }}.")
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
    letter.finish_pack(d, "pack_cover")


BUILDERS = {"pack_cover": pack_cover}
