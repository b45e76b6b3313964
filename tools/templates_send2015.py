"""Templates of the SEND Code of Practice 2015 framework: SEN Support (templates/send2015/).

The plan, the one-page profile, the letter telling parents that special educational
provision is being made, the record of a meeting with parents, the individual provision map.
"""

from __future__ import annotations

from docgen import house_style
from tools import letter_kit as letter
from tools import template_kit as kit

FOLDER = "send2015"
RUNNING_HEAD = "{{ letter.recipient[0] }} · {{ letter.date }}"


def widths(d, *parts: float) -> None:
    """Column proportions for the table just added, where the house style's defaults (by
    header) would give a long text column the same room as a number."""
    house_style.set_column_widths(d.tables[-1], house_style.column_widths(*parts))


def start_letter(title: str, *, subject: str, key: str, heading: str):
    """A school letter (tools/letter_kit.py): letterhead, address block, reference, date of
    writing, salutation and the subject as its heading."""
    d = letter.start_letter(title, subject=subject, version=2, key=key)
    letter.address_block(d)
    letter.salutation(d, heading)
    return d


def who_to_talk_to(d, *, heading: bool = True) -> None:
    """Whom parents ask: the SENCo, and the independent advice service (with its contact
    details when the authority's settings give them)."""
    if heading:
        d.add_heading("Who to talk to", 2)
    kit.paragraph(d, "If you have a question or a worry, please talk to me"
                     "{{ ' on ' ~ pupil.school_contact if pupil.school_contact }}. You can "
                     "also get free, independent advice from {{ advice_service }}."
                     "{{ ' ' ~ authority.parent_advice_contacts | join('. ') ~ '.' "
                     "if authority.parent_advice_contacts }}")


def finish_letter(d, name: str) -> None:
    """The sign-off with space to sign, kept with the letter; "Page 2 of 2" from page 2 on."""
    letter.sign_off(d)
    letter.finish_letter(d, f"{FOLDER}/{name}", RUNNING_HEAD)


def sen_support_plan() -> None:
    d = kit.start("SEN Support plan: {{ pupil.full_name }}", heading="SEN Support plan",
                  subject="SEN Support plan (SEND Code of Practice 2015)", version=1,
                  key="sen_support_plan")
    kit.paragraph(d, "{{ pupil.full_name }} · plan {{ plan.cycle }} · {{ plan.start_date }} "
                     "to {{ plan.review_date }}", "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The plan", 1)
    kit.kv_table(d, [
        ("Plan number", "{{ plan.cycle }}"),
        ("Start date", "{{ plan.start_date }}"),
        ("Review date", "{{ plan.review_date }}"),
        ("On SEN Support since", "{{ plan.sen_support_since }}"),
        ("Primary need", "{{ plan.primary_need }}"),
        ("Secondary need", "{{ plan.secondary_need or 'None' }}"),
        ("Class or form teacher", "{{ plan.teacher }}"),
    ], "The plan")
    kit.paragraph(d, "This plan follows the graduated approach of the SEND Code of Practice "
                     "(paragraphs 6.44 to 6.56): assess, plan, do and review.")
    d.add_heading("Strengths", 1)
    kit.paragraph(d, "{{ strengths.strengths }}")
    d.add_heading("Assess", 1)
    d.add_heading("Needs", 2)
    kit.loop_table(d, ["Broad area of need", "Needs"], "a in areas",
                   ["{{ a.label }}", "{{ a.needs }}"], "Needs in the broad areas of need",
                   widths=[5.5, None])
    d.add_heading("What the assessment shows", 2)
    kit.paragraph(d, "{{ assess.assessment }}")
    d.add_heading("Plan", 1)
    d.add_heading("Outcomes", 2)
    kit.loop_table(d, ["No.", "Outcome", "How we will know it is met"], "o in outcomes",
                   ["{{ o.number }}", "{{ o.outcome }}", "{{ o.success }}"], "Outcomes")
    d.add_heading("Do: the provision", 2)
    kit.loop_table(d, ["What", "Who", "How often and for how long", "From and to",
                       "Expected impact"], "p in provision",
                   ["{{ p.what }}", "{{ p.who }}",
                    "{{ p.sessions_per_week }} a week, {{ p.session_minutes }} minutes each, "
                    "group of {{ p.group_size }}", "{{ p.start }} to {{ p.end }}",
                    "{{ p.impact }}"], "Provision")
    # the form's nine provision columns shown in five, the text ones widest
    widths(d, 4.6, 2.8, 3.0, 2.9, 3.7)
    kit.paragraph(d, "Adult time is shared by the group, so {{ pupil.first_name }} has about "
                     "{{ adult_minutes }} minutes of extra adult time a week.")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("The parents' views and concerns", 2)
    kit.paragraph(d, "{{ views.parents }}")
    kit.when(d, "views.agreed_date", "The plan was agreed with the parents on "
                                     "{{ views.agreed_date }}.")
    d.add_heading("Review", 1)
    kit.when(d, "not reviewed", "This plan will be reviewed on {{ plan.review_date }} with "
                                "{{ pupil.first_name }} and the parents.")
    kit.paragraph(d, "{%p if reviewed %}")
    kit.paragraph(d, "The plan was reviewed on {{ review.held }}.")
    kit.loop_table(d, ["No.", "Outcome", "Progress"], "o in outcome_rows",
                   ["{{ o.number }}", "{{ o.outcome }}", "{{ o.progress }}"],
                   "Progress towards the outcomes")
    d.add_heading("Evidence of progress", 2)
    kit.paragraph(d, "{{ review.evidence }}")
    d.add_heading("Next steps", 2)
    kit.paragraph(d, "{{ review.next_steps }}")
    kit.paragraph(d, "{%p endif %}")
    kit.finish(d, f"{FOLDER}/sen_support_plan")


def one_page_profile() -> None:
    d = kit.start("One-page profile: {{ pupil.full_name }}", heading="One-page profile",
                  subject="One-page profile", version=1, key="one_page_profile")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ pupil.year_group }} · {{ pupil.school }}",
                  "Subtitle")
    for heading, key in (("What people like and admire about me", "like_admire"),
                         ("What is important to me", "important"),
                         ("How best to support me", "support")):
        d.add_heading(heading, 1)
        kit.paragraph(d, f"{{{{ profile.{key} }}}}")
    kit.finish(d, f"{FOLDER}/one_page_profile", page_numbers=False)


def letter_sen_support() -> None:
    """The letter telling parents that special educational provision is being made (CFA 2014
    s.68): one page."""
    d = start_letter("Extra help for {{ pupil.first_name }} at school",
                     subject="Letter to parents: special educational provision",
                     key="letter_sen_support", heading="We are giving {{ pupil.first_name }} "
                                                       "extra help")
    kit.paragraph(d, "{{ pupil.first_name }} now gets help that is extra to, or "
                     "different from, what most children of the same age get. The law "
                     "calls this special educational provision. Schools must tell parents when "
                     "they make it (Children and Families Act 2014, section 68).")
    kit.paragraph(d, "{{ pupil.first_name }} has special educational needs. "
                     "{{ pupil.first_name }} is now on SEN Support. This is the help in this "
                     "term's plan (you have a copy):")
    kit.bullets(d, "h in help", "{{ h.what }}: with {{ h.who }}, {{ h.how_often }}, "
                                "{{ h.how_long }} each time.")
    kit.paragraph(d, "We will look at the plan again with you on {{ plan.review_date }}. We "
                     "would like to meet you at least three times a year.")
    kit.when(d, "interpreter.booked", "{{ interpreter.booked }}")
    who_to_talk_to(d, heading=False)
    finish_letter(d, "letter_sen_support")


def parent_meeting_record() -> None:
    d = kit.start("Meeting about {{ pupil.first_name }}: {{ meeting.date }}",
                  heading="Our meeting about {{ pupil.first_name }}",
                  subject="Record of a meeting with parents", version=1,
                  key="parent_meeting_record")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ pupil.school }}", "Subtitle")
    kit.paragraph(d, "We met on {{ meeting.date }}. This is a record of what we talked about "
                     "and what we agreed. Everyone who came has a copy.")
    kit.about_pupil(d)
    d.add_heading("Who came", 1)
    kit.paragraph(d, "{{ meeting.attended }}")
    kit.paragraph(d, "The meeting was led by {{ meeting.led_by }}.")
    d.add_heading("What we talked about", 1)
    kit.paragraph(d, "{{ meeting.discussed }}")
    d.add_heading("What we agreed", 1)
    kit.paragraph(d, "{{ meeting.agreed }}")
    d.add_heading("Who will do what", 1)
    kit.loop_table(d, ["Who", "Action", "By when"], "a in actions",
                   ["{{ a.who }}", "{{ a.action }}", "{{ a.by_when }}"], "Who will do what")
    d.add_heading("Our meetings this year", 1)
    kit.paragraph(d, "We aim to meet at least three times a year. This year began on "
                     "{{ meeting.plan_year_start }}.")
    kit.when(d, "meeting.next_meeting", "Our next meeting is on {{ meeting.next_meeting }}.")
    kit.paragraph(d, "{%p if meetings %}")
    kit.loop_table(d, ["Date", "Purpose"], "m in meetings", ["{{ m.date }}", "{{ m.purpose }}"],
                   "Our other meetings this year")
    kit.paragraph(d, "{%p endif %}")
    kit.paragraph(d, "If anything in this record is not right, please tell "
                     "{{ pupil.senco }}, the school's special educational needs coordinator.")
    kit.finish(d, f"{FOLDER}/parent_meeting_record", page_numbers=False)


def provision_map() -> None:
    d = kit.start("Individual provision map: {{ pupil.full_name }}",
                  heading="Individual provision map", subject="Individual provision map",
                  version=1, key="provision_map")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ pupil.school }}", "Subtitle")
    kit.paragraph(d, "The support given through each SEN Support plan, over and above what "
                     "the school usually provides. Minutes are adult minutes for this pupil: "
                     "an adult's time is shared by the group. Weeks are counted from the "
                     "dates of each provision.")
    # the totals before the rows: the reader's first question, and never a line left alone
    # on a page after a long table
    kit.paragraph(d, "In all: about {{ total_hours }} hours of adult time for this pupil"
                     "{{ ', costing ' ~ total_cost ~ ' where the school gave an hourly cost' "
                     "if costed }}.")
    kit.loop_table(d, ["Plan and provision", "How often", "Adult minutes",
                       "Cost"], "r in rows",
                   ["Plan {{ r.plan }}: {{ r.what }} With {{ r.who }}, {{ r.dates }}.",
                    "{{ r.often }}", "{{ r.minutes }}", "{{ r.cost }}"],
                   "Individual provision map")
    widths(d, 5.2, 3, 1.9, 2)
    kit.finish(d, f"{FOLDER}/provision_map")


BUILDERS = {f"{FOLDER}/{b.__name__}": b for b in (
    sen_support_plan, one_page_profile, letter_sen_support, parent_meeting_record,
    provision_map)}
