"""Templates for the IEP family: the Individual Education Plan."""

from __future__ import annotations

from docx.shared import Length

from docgen import house_style
from tools import template_kit as kit


def resize_last_table(d, *weights: float, width=house_style.TEXT_WIDTH) -> None:
    """Column widths for the table just added, where a column is narrower than the kit's
    defaults know (a count, a Yes/No); ``width`` is the page's text width."""
    total = sum(weights)
    house_style.set_column_widths(d.tables[-1], [Length(int(width * w / total))
                                                 for w in weights])


def iep() -> None:
    d = kit.start("Individual Education Plan: {{ pupil.full_name }}",
                  heading="Individual Education Plan", subject="Individual Education Plan (IEP)",
                  version=4, key="iep")
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
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("Parents' or carers' views", 2)
    kit.paragraph(d, "{%p if views.parents %}")
    kit.paragraph(d, "{{ views.parents }}")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "{%p if views.contact_attempts %}")
    kit.paragraph(d, "The school could not gain their views. Attempts made to contact them:")
    kit.paragraph(d, "{{ views.contact_attempts }}")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "{%p if plan.support_services %}")
    d.add_heading("External support services", 1)
    kit.paragraph(d, "{{ plan.support_services }}")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Review", 1)
    kit.paragraph(d, "This plan will be reviewed on {{ plan.review_date }}. Parents and carers "
                     "are invited to contribute to the review, and so is "
                     "{{ pupil.first_name }}.")
    # the targets' six columns and the provision's seven print on landscape pages, where each
    # column has room for its words (portrait wrapped most cells to five lines or more); the
    # views and the review date go before them, on the first page
    kit.landscape(d)
    d.add_heading("Targets", 1)
    kit.paragraph(d, "Each target says what will be taught, how, how often, how progress will "
                     "be assessed and how we will know it has been met.")
    kit.targets_table(d, width=kit.LANDSCAPE)
    d.add_heading("Provision", 1)
    kit.loop_table(
        d,
        ["Provision", "Who provides it", "Group size", "Adults", "Minutes per session",
         "Sessions per week", "Adult minutes per pupil per week"],
        "p in provision",
        ["{{ p.what }}", "{{ p.who }}", "{{ p.group_size }}", "{{ p.adults }}",
         "{{ p.session_minutes }}", "{{ p.sessions_per_week }}", "{{ p.weekly_minutes }}"],
        "Provision",
    )
    resize_last_table(d, 5, 3.4, 1.5, 1.5, 1.9, 2.0, 2.2, width=kit.LANDSCAPE)
    kit.paragraph(d, "Additional adult time for {{ pupil.first_name }}: "
                     "{{ adult_time.total }} minutes a week. The indicative minimum at "
                     "{{ adult_time.stage }} is {{ adult_time.minimum_text }}.")
    kit.paragraph(d, "{%p if adult_time.equivalent_provision %}")
    kit.paragraph(d, "Other provision of equivalent value: {{ adult_time.equivalent_provision }}")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "{%p if not adult_time.meets_minimum %}")
    kit.paragraph(d, "{{ adult_time.shortfall_note }}")
    kit.paragraph(d, "{%p endif %}")
    kit.finish(d, "iep")


def iep_review_record() -> None:
    d = kit.start("IEP review record: {{ pupil.full_name }}", heading="IEP review: record",
                  subject="School Action or School Action Plus IEP review record", version=1,
                  key="iep_review_record")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ review.stage }} · review of {{ review.date }}",
                  "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The review", 1)
    kit.kv_table(d, [
        ("Date of the review", "{{ review.date }}"),
        ("Stage", "{{ review.stage }}"),
        ("IEP reviewed", "The IEP that started on {{ review.iep_start_date }}"),
        ("Next review", "{{ review.next_review_date or 'None planned' }}"),
    ], "The review")
    d.add_heading("Who took part", 2)
    kit.loop_table(d, ["Name", "Role"], "a in attendees", ["{{ a.name }}", "{{ a.role }}"],
                   "Who took part")
    d.add_heading("Targets", 1)
    kit.paragraph(d, "{{ targets_met }}")
    kit.loop_table(d, ["Target", "Met", "Progress made", "Next step"], "t in target_reviews",
                   ["{{ t.target }}", "{{ t.outcome }}", "{{ t.progress }}", "{{ t.next_step }}"],
                   "Review of IEP targets")
    resize_last_table(d, 2.5, 1.2, 2.5, 2.5)
    d.add_heading("Progress", 1)
    kit.paragraph(d, "{{ review.progress }}")
    kit.kv_table(d, [
        ("Progress has been satisfactory", "{{ review.progress_satisfactory }}"),
        ("The planned provision was made", "{{ review.provision_made }}"),
        ("External support services", "{{ review.support_services or 'None named' }}"),
    ], "Progress")
    kit.paragraph(d, "{%p if crisp_rows %}")
    d.add_heading("CRISP bands", 1)
    kit.paragraph(d, "The bands the review used{{ ', from the CRISP assessment of ' ~ "
                     "review.crisp_date if review.crisp_date }}:")
    kit.loop_table(d, ["Thread", "Code of Practice area", "Band", "Evidence"], "t in crisp_rows",
                   ["{{ t.label }}", "{{ t.area }}", "{{ t.band }}", "{{ t.evidence }}"],
                   "CRISP bands")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Views", 1)
    kit.kv_table(d, [
        ("The pupil", "{{ review.pupil_views or 'Not recorded.' }}"),
        ("Parents or carers", "{{ review.parents_views or 'Not recorded.' }}"),
    ], "Views")
    d.add_heading("Decision", 1)
    kit.paragraph(d, "{{ review.decision }}", "Heading 2")
    kit.paragraph(d, "{{ review.decision_reasons }}")
    kit.paragraph(d, "{%p if decision.high_focus %}")
    d.add_heading("The conditions for a High Focus period", 2)
    kit.loop_table(d, ["Condition", "Holds", "What the review recorded"], "c in conditions",
                   ["{{ c.text }}", "{{ c.holds }}", "{{ c.detail }}"],
                   "The conditions for a High Focus period")
    resize_last_table(d, 3, 1, 2.5)
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Next steps", 1)
    kit.paragraph(d, "{{ review.next_steps or 'None recorded.' }}")
    kit.finish(d, "iep_review_record")


BUILDERS = {"iep": iep, "iep_review_record": iep_review_record}
