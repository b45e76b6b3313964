"""Templates for the IEP family: the Individual Education Plan."""

from __future__ import annotations

from tools import template_kit as kit


def iep() -> None:
    d = kit.start("Individual Education Plan: {{ pupil.full_name }}",
                  heading="Individual Education Plan", subject="Individual Education Plan (IEP)",
                  version=2, key="iep")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ plan.stage }}", "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The plan", 1)
    kit.kv_table(d, [
        ("Stage", "{{ plan.stage }}"),
        ("Start date", "{{ plan.start_date }}"),
        ("Review date", "{{ plan.review_date }}"),
        ("Areas of concern", "{{ plan.concerns }}"),
    ], "The plan")
    kit.paragraph(d, "{%p if plan.exceptional_reason %}")
    kit.paragraph(d, "Exceptional reason for starting at School Action Plus: "
                     "{{ plan.exceptional_reason }}")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Targets", 1)
    kit.paragraph(d, "Each target says what will be taught, how, how often, how progress will "
                     "be assessed and how we will know it has been met.")
    kit.targets_table(d)
    d.add_heading("Provision", 1)
    kit.loop_table(
        d,
        ["Provision", "Who provides it", "Group size", "Minutes per session",
         "Sessions per week", "Adult minutes per pupil per week"],
        "p in provision",
        ["{{ p.what }}", "{{ p.who }}", "{{ p.group_size }}", "{{ p.session_minutes }}",
         "{{ p.sessions_per_week }}", "{{ p.weekly_minutes }}"],
        "Provision",
    )
    kit.paragraph(d, "Additional adult time for {{ pupil.first_name }}: "
                     "{{ adult_time.total }} minutes per week. The indicative minimum at "
                     "{{ adult_time.stage }} is {{ adult_time.minimum_text }}.")
    kit.paragraph(d, "{%p if adult_time.equivalent_provision %}")
    kit.paragraph(d, "Other provision of equivalent value: {{ adult_time.equivalent_provision }}")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "{%p if not adult_time.meets_minimum %}")
    kit.paragraph(d, "{{ adult_time.shortfall_note }}")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("Parents' or carers' views", 2)
    kit.paragraph(d, "{%p if views.parents %}")
    kit.paragraph(d, "{{ views.parents }}")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "{%p if views.contact_attempts %}")
    kit.paragraph(d, "Attempts made to contact parents or carers: {{ views.contact_attempts }}")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Review", 1)
    kit.paragraph(d, "This plan will be reviewed on {{ plan.review_date }}. Parents and carers "
                     "are invited to contribute to the review, and so is "
                     "{{ pupil.first_name }}.")
    kit.finish(d, "iep")


BUILDERS = {"iep": iep}
