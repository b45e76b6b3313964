"""The cover, contents and checklist of a statutory assessment request pack."""

from __future__ import annotations

from tools import template_kit as kit


def pack_cover() -> None:
    d = kit.start("Request for statutory assessment: {{ pupil.full_name }}",
                  heading="Request for statutory assessment",
                  subject="Statutory assessment request pack", version=2, key="pack_cover")
    kit.paragraph(d, "{{ pupil.full_name }} · evidence pack", "Subtitle")
    kit.when(d, "draft", "DRAFT: this pack is incomplete. Items marked MISSING must be added "
                         "before it is sent.")
    kit.kv_table(d, [
        ("Pupil", "{{ pupil.full_name }}"),
        ("Date of birth", "{{ pupil.date_of_birth }}"),
        ("Unique Pupil Number (UPN)", "{{ pupil.upn }}"),
        ("School", "{{ pupil.school }}"),
        ("DfE establishment number", "{{ pupil.dfe_number }}"),
        ("SENCo", "{{ pupil.senco }}"),
        ("Date of the High Focus review", "{{ review.date }}"),
        ("Date of this pack", "{{ today }}"),
    ], "Cover sheet")
    d.add_heading("Contents", 1)
    kit.loop_table(d, ["Section", "Title", "Source"], "s in sections",
                   ["{{ s.number }}", "{{ s.title }}", "{{ s.source }}"], "Contents")
    d.add_heading("Evidence checklist", 1)
    kit.paragraph(d, "Every item the guidance asks for, with the file it comes from. The "
                     "evidence covers the 12 months to {{ review.date }}.")
    kit.loop_table(d, ["Item", "Source", "Status"], "c in checklist",
                   ["{{ c.item }}", "{{ c.source }}", "{{ c.status }}"], "Evidence checklist")
    kit.when(d, "listed_only", "Files listed but not merged", style="Heading 2")
    kit.bullets(d, "f in listed_only", "{{ f }}")
    d.add_heading("Agreed CRISP profile", 1)
    kit.paragraph(d, "{{ crisp.kind }}, dated {{ crisp.date }}. Agreed by: {{ crisp.agreed_by }}")
    kit.loop_table(d, ["Thread", "Code of Practice area", "Band", "Evidence"], "t in crisp_rows",
                   ["{{ t.label }}", "{{ t.area }}", "{{ t.band }}", "{{ t.evidence }}"],
                   "Agreed CRISP profile")
    d.add_heading("Reservations", 1)
    kit.paragraph(d, "All reservations recorded at the review are sent with this request.")
    kit.when(d, "not reservations", "No reservations were recorded.")
    kit.paragraph(d, "{%p if reservations %}")
    kit.loop_table(d, ["Who", "About"], "r in reservations", ["{{ r.who }}", "{{ r.about }}"],
                   "Reservations")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Needs normally met by Health or Social Services", 1)
    kit.kv_table(d, [
        ("Health", "{{ review.health_needs or 'None recorded.' }}"),
        ("Social Services", "{{ review.social_care_needs or 'None recorded.' }}"),
    ], "Needs normally met by Health or Social Services")
    kit.finish(d, "pack_cover")


BUILDERS = {"pack_cover": pack_cover}
