"""Templates for the CRISP family: the CRISP Assessment Record."""

from __future__ import annotations

from tools import template_kit as kit


def crisp_record() -> None:
    d = kit.start("CRISP Assessment Record: {{ pupil.full_name }}",
                  heading="CRISP Assessment Record", subject="CRISP Assessment Record",
                  version=1, key="crisp_record")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ crisp_summary.heading }} of {{ crisp.date }}",
                  "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The assessment", 1)
    kit.kv_table(d, [
        ("Date", "{{ crisp.date }}"),
        ("Kind of assessment", "{{ crisp.kind }}"),
        ("Stage now", "{{ support.stage or 'Not recorded' }}"),
    ], "The assessment")
    d.add_heading("Who agreed it", 2)
    kit.bullets(d, "person in crisp_summary.agreed_by", "{{ person }}")
    d.add_heading("Bands by thread", 1)
    kit.loop_table(d, ["Thread", "Code of Practice area", "Band", "Evidence"], "t in crisp_rows",
                   ["{{ t.label }}", "{{ t.area }}", "{{ t.band }}", "{{ t.evidence }}"],
                   "Bands by thread")
    kit.when(d, "not_assessed", "Not assessed: {{ not_assessed }}.")
    d.add_heading("Threads of concern", 1)
    kit.when(d, "not concerns", "No thread is at Band 3 or above.")
    kit.when(d, "concerns",
             "Threads at Band 3 or above, with the support services the school might consult "
             "(Table 1 of the guidance: naming a service does not guarantee that it will become "
             "involved) and the evidence to gather for them (Table 2).")
    d.add_paragraph("{%p for c in concerns %}")
    d.add_paragraph("{{ c.label }}: Band {{ c.band }}", style="Heading 2")
    kit.paragraph(d, "Possible support services: {{ c.services }}.")
    kit.paragraph(d, "Evidence to gather:")
    kit.bullets(d, "item in c.evidence", "{{ item }}")
    d.add_paragraph("{%p endfor %}")
    kit.finish(d, "crisp_record")


BUILDERS = {"crisp_record": crisp_record}
