"""Templates for the High Focus family: HF IEP, review agenda, review record, plans, note."""

from __future__ import annotations

from tools import template_kit as kit
from tools.templates_iep import resize_last_table


def _crisp_table(d, caption: str) -> None:
    kit.loop_table(
        d, ["Thread", "Code of Practice area", "Band", "Evidence"], "t in crisp_rows",
        ["{{ t.label }}", "{{ t.area }}", "{{ t.band }}", "{{ t.evidence }}"], caption,
    )


def crisp_assessment(d, heading: str = "{{ crisp_summary.heading }}", caption: str =
                     "CRISP assessment") -> None:
    """The CRISP assessment as the form records it: its kind, date, who agreed it, bands."""
    d.add_heading(heading, 1)
    kit.paragraph(d, "{{ crisp_summary.kind_sentence }} Dated {{ crisp.date }}.")
    kit.paragraph(d, "Agreed by:")
    kit.bullets(d, "person in crisp_summary.agreed_by", "{{ person }}")
    _crisp_table(d, caption)


def conditions_table(d) -> None:
    kit.loop_table(d, ["Condition", "Holds", "What the form records"], "c in conditions",
                   ["{{ c.text }}", "{{ c.holds }}", "{{ c.detail }}"],
                   "The conditions for a High Focus period")
    resize_last_table(d, 3, 1, 2.5)


def hf_iep() -> None:
    d = kit.start("High Focus IEP: {{ pupil.full_name }}", heading="High Focus IEP",
                  subject="High Focus Individual Education Plan", version=3, key="hf_iep")
    kit.paragraph(d, "{{ pupil.full_name }} · High Focus School Action Plus", "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The High Focus period", 1)
    kit.kv_table(d, [
        ("Start", "{{ high_focus.start_date }}"),
        ("High Focus review", "{{ high_focus.review_date }}"
                              "{{ ' at ' ~ high_focus.review_time if high_focus.review_time }}"),
        ("Place of the review", "{{ high_focus.review_place }}"),
    ], "The High Focus period")
    d.add_heading("The conditions for a High Focus period", 2)
    kit.paragraph(d, "A High Focus period follows a School Action Plus review that finds all "
                     "three of these:")
    conditions_table(d)
    d.add_heading("The four key questions", 1)
    kit.paragraph(d, "Everything planned in this IEP helps to answer these questions by the "
                     "end of the High Focus period:")
    kit.numbered(d, "q in key_questions", "{{ q.text }}")
    crisp_assessment(d)
    d.add_heading("Threads of concern and possible support services", 1)
    kit.loop_table(d, ["Thread", "Band", "Possible support services"], "c in concerns",
                   ["{{ c.label }}", "{{ c.band }}", "{{ c.services }}"],
                   "Threads of concern and possible support services")
    kit.paragraph(d, "The services are indicative: naming a service does not guarantee that it "
                     "will be involved.")
    d.add_heading("Targets", 1)
    kit.targets_table(d)
    d.add_heading("Role table", 1)
    kit.paragraph(d, "Who will do what, and which key questions it helps to answer.")
    kit.loop_table(d, ["Who", "What they will do", "Key questions"], "r in roles",
                   ["{{ r.who }}", "{{ r.role }}", "{{ r.questions }}"], "Role table")
    kit.when(d, "high_focus.pupil_no_role_reason", "Why the pupil has no role",
             style="Heading 2")
    kit.when(d, "high_focus.pupil_no_role_reason", "{{ high_focus.pupil_no_role_reason }}")
    kit.when(d, "high_focus.parents_no_role_reason", "Why the parents or carers have no role",
             style="Heading 2")
    kit.when(d, "high_focus.parents_no_role_reason", "{{ high_focus.parents_no_role_reason }}")
    d.add_heading("Coverage of the key questions", 1)
    kit.loop_table(d, ["Contributor", "Question 1", "Question 2", "Question 3", "Question 4"],
                   "m in coverage",
                   ["{{ m.who }}", "{{ m.q1 }}", "{{ m.q2 }}", "{{ m.q3 }}", "{{ m.q4 }}"],
                   "Coverage of the key questions")
    d.add_heading("Evidence to collect by the end of the High Focus period", 1)
    kit.loop_table(d, ["Evidence", "Needed for", "Collected"], "e in evidence",
                   ["{{ e.item }}", "{{ e.needed_for }}", "☐"],
                   "Evidence to collect by the end of the High Focus period")
    kit.bullets(d, "n in evidence_notes", "{{ n.item }}: {{ n.note }}.")
    kit.when(d, "high_focus.evidence_plan", "How views based on conjecture will be checked",
             style="Heading 2")
    kit.when(d, "high_focus.evidence_plan", "{{ high_focus.evidence_plan }}")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("Parents' or carers' views", 2)
    kit.when(d, "views.parents", "{{ views.parents }}")
    kit.when(d, "views.contact_attempts", "The school could not gain their views. Attempts "
                                          "made to contact them:")
    kit.when(d, "views.contact_attempts", "{{ views.contact_attempts }}")
    d.add_heading("Circulation", 1)
    kit.paragraph(d, "Everyone involved receives this full IEP, not only their own part, so "
                     "that all can help make sure the four key questions are answered:")
    kit.bullets(d, "person in circulation", "{{ person }}")
    kit.finish(d, "hf_iep")


def review_agenda() -> None:
    d = kit.start("High Focus review agenda: {{ pupil.full_name }}",
                  heading="High Focus review: agenda", subject="High Focus review agenda",
                  version=2, key="review_agenda")
    kit.paragraph(d, "{{ pupil.full_name }}", "Subtitle")
    kit.kv_table(d, [
        ("Pupil", "{{ pupil.full_name }}, {{ pupil.year_group }}"),
        ("School", "{{ pupil.school }}"),
        ("Date", "{{ high_focus.review_date }}"),
        ("Time", "{{ high_focus.review_time }}"),
        ("Place", "{{ high_focus.review_place }}"),
        ("Chair", "{{ pupil.senco }} (SENCo)"),
    ], "The review meeting")
    d.add_heading("Invited", 1)
    kit.bullets(d, "person in invited", "{{ person }}")
    d.add_heading("The review questions", 1)
    kit.numbered(d, "q in review_questions", "{{ q.text }}")
    d.add_heading("Agenda", 1)
    kit.numbered(d, "item in agenda", "{{ item.text }}")
    kit.page_break(d)
    d.add_heading("If you cannot attend", 1)
    kit.paragraph(d, "Please send notes, a letter or a report about your part in "
                     "{{ pupil.first_name }}'s High Focus IEP and its results to "
                     "{{ pupil.senco }} before {{ high_focus.review_date }}.")
    kit.paragraph(d, "Please focus on the questions the review will ask:")
    kit.numbered(d, "q in review_questions", "{{ q.text }}")
    kit.paragraph(d, "{{ pupil.senco }} will tell you the outcome of the review and invite "
                     "your comments.")
    kit.finish(d, "review_agenda")


def review_record() -> None:
    d = kit.start("High Focus review record: {{ pupil.full_name }}",
                  heading="High Focus review: record", subject="High Focus review record",
                  version=3, key="review_record")
    kit.paragraph(d, "{{ pupil.full_name }} · review of {{ review.date }}", "Subtitle")
    kit.about_pupil(d)
    d.add_heading("Outcome", 1)
    kit.paragraph(d, "{{ outcome.title }}", "Heading 2")
    kit.paragraph(d, "{{ outcome.reason }}")
    kit.when(d, "review.crisp_may_be_high",
             "Whether the CRISP assessment may be higher than it should be", style="Heading 3")
    kit.when(d, "review.crisp_may_be_high", "{{ review.crisp_may_be_high }}")
    d.add_heading("Who took part", 1)
    kit.loop_table(d, ["Name", "Role"], "a in attendees", ["{{ a.name }}", "{{ a.role }}"],
                   "Attendees")
    kit.paragraph(d, "{%p if apologies %}")
    d.add_heading("Apologies", 2)
    kit.loop_table(d, ["Name", "Role", "Written contribution received", "Told the outcome"],
                   "a in apologies",
                   ["{{ a.name }}", "{{ a.role }}", "{{ a.contribution_received }}",
                    "{{ a.told_outcome }}"], "Apologies")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Review of IEP targets and supplementary actions", 1)
    kit.loop_table(d, ["Target", "Progress made", "Next step"], "t in target_reviews",
                   ["{{ t.target }}", "{{ t.progress }}", "{{ t.next_step }}"],
                   "Review of IEP targets")
    kit.when(d, "role_reviews", "Supplementary actions", style="Heading 2")
    kit.paragraph(d, "{%p if role_reviews %}")
    kit.loop_table(d, ["Who", "Action in the role table", "Carried out", "What it showed"],
                   "a in role_reviews",
                   ["{{ a.who }}", "{{ a.action }}", "{{ a.carried_out }}", "{{ a.findings }}"],
                   "Supplementary actions")
    resize_last_table(d, 2, 3, 1.3, 3)
    kit.paragraph(d, "{%p endif %}")
    crisp_assessment(d, "Current CRISP assessment", "Current CRISP assessment")
    d.add_heading("The review questions", 1)
    kit.loop_table(d, ["Question", "Answer"], "q in answers", ["{{ q.text }}", "{{ q.answer }}"],
                   "The review questions")
    d.add_heading("Changes and enhancements to provision", 1)
    kit.paragraph(d, "{{ review.changes_to_provision or 'None recorded.' }}")
    d.add_heading("Views of parents and pupil", 1)
    kit.kv_table(d, [
        ("Parents or carers", "{{ review.parents_views or 'Not recorded.' }}"),
        ("Pupil", "{{ review.pupil_views or 'Not recorded.' }}"),
        ("The parents or carers understand the conclusions", "{{ understanding.parents }}"),
        ("The pupil understands the conclusions", "{{ understanding.pupil }}"),
    ], "Views of parents and pupil")
    d.add_heading("Reservations", 1)
    kit.when(d, "not reservations", "No reservations were recorded.")
    kit.paragraph(d, "{%p if reservations %}")
    kit.loop_table(d, ["Who", "Role", "About", "Sent with the request"], "r in reservations",
                   ["{{ r.who }}", "{{ r.role }}", "{{ r.about }}", "{{ r.sent_with_request }}"],
                   "Reservations")
    resize_last_table(d, 2, 2, 4, 1.4)
    kit.paragraph(d, "Reservations are kept with the pupil's records. With a request for "
                     "statutory assessment, all reservations are sent with the request.")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Who will do what", 1)
    kit.loop_table(d, ["Who", "What", "By when"], "a in actions",
                   ["{{ a.who }}", "{{ a.what }}", "{{ a.by_when }}"], "Who will do what")
    # the next review is the last of the next steps (a heading of its own at the end left
    # one line alone on the record's last page)
    kit.paragraph(d, "The next review will be on {{ review.next_review_date }}.")
    kit.when(d, "outcome.key == 'statutory_request'",
             "Provision during the statutory procedures", style="Heading 1")
    kit.when(d, "outcome.key == 'statutory_request'",
             "{{ review.interim_provision or 'Not recorded.' }}")
    d.add_heading("Needs normally met by Health or Social Services", 1)
    kit.kv_table(d, [
        ("Health", "{{ review.health_needs or 'Not recorded.' }}"),
        ("Social Services", "{{ review.social_care_needs or 'Not recorded.' }}"),
    ], "Needs normally met by Health or Social Services")
    kit.when(d, "review.statement_factors",
             "Other factors the review would wish the authority to include on the Statement",
             style="Heading 1")
    kit.when(d, "review.statement_factors", "{{ review.statement_factors }}")
    kit.when(d, "review.more_information",
             "Recommendation that the authority seek more information", style="Heading 1")
    kit.when(d, "review.more_information", "{{ review.more_information }}")
    kit.when(d, "review.other_matters", "Any other matters", style="Heading 1")
    kit.when(d, "review.other_matters", "{{ review.other_matters }}")
    kit.finish(d, "review_record")


def provision_plan() -> None:
    d = kit.start("{{ outcome.plan_name }}: {{ pupil.full_name }}",
                  heading="{{ outcome.plan_name }}", subject="Provision Plan", version=3,
                  key="provision_plan")
    kit.paragraph(d, "{{ pupil.full_name }} · agreed at the High Focus review of "
                     "{{ review.date }}", "Subtitle")
    kit.when(d, "outcome.key == 'statutory_request'",
             "The review agreed to request statutory assessment. This plan is proposed until "
             "the Statement confirms it.")
    kit.about_pupil(d)
    d.add_heading("The plan", 1)
    kit.kv_table(d, [
        ("The year it covers", "{{ plan_period }}"),
        ("Next review", "{{ review.next_review_date }}"),
        ("Funding", "{{ plan_funding }}"),
    ], "The plan")
    d.add_heading("Annual objectives", 1)
    kit.when(d, "not objectives", "No objectives were recorded at the review.")
    kit.bullets(d, "o in objectives", "{{ o }}")
    d.add_heading("Provision for each thread of concern", 1)
    kit.loop_table(d, ["Thread", "Band", "Provision", "Who", "How often", "Adult minutes per week"],
                   "p in plan_rows",
                   ["{{ p.label }}", "{{ p.band }}", "{{ p.what }}", "{{ p.who }}",
                    "{{ p.how_often }}", "{{ p.adult_minutes }}"],
                   "Provision for each thread of concern")
    # "Band" needs 1.6 cm in bold 12 pt; the minutes column takes a short number
    resize_last_table(d, 3.1, 1.4, 3.3, 2.3, 2.0, 2.2)
    kit.when(d, "plan_minutes.counted",
             "Adult time in this plan: {{ plan_minutes.total }} minutes a week, "
             "{{ plan_minutes.comparison }} the School Action Plus amount of "
             "{{ plan_minutes.sa_plus }} minutes a week.")
    d.add_heading("How the plan will be reviewed", 1)
    kit.paragraph(d, "Progress will be reviewed at least twice a year, and ideally every term. "
                     "The next review is on {{ review.next_review_date }}. IEPs for "
                     "{{ pupil.first_name }} will be short notes of current work towards these "
                     "objectives.")
    kit.when(d, "outcome.key == 'statutory_request'",
             "While the statutory procedures run", style="Heading 1")
    kit.when(d, "outcome.key == 'statutory_request'",
             "{{ review.interim_provision or 'Not recorded.' }}")
    kit.paragraph(d, "{%p if review.health_needs or review.social_care_needs %}")
    d.add_heading("Needs normally met by Health or Social Services", 1)
    kit.kv_table(d, [
        ("Health", "{{ review.health_needs or 'Not recorded.' }}"),
        ("Social Services", "{{ review.social_care_needs or 'Not recorded.' }}"),
    ], "Needs normally met by Health or Social Services")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Agreed by", 1)
    kit.loop_table(d, ["Name", "Role", "Signature", "Date"], "s in signatories",
                   ["{{ s.name }}", "{{ s.role }}", "", ""], "Agreed by")
    kit.finish(d, "provision_plan")


def outcome_note() -> None:
    d = kit.start("Outcome of the High Focus review: {{ pupil.full_name }}",
                  heading="Outcome of the High Focus review",
                  subject="Outcome note for contributors", version=3, key="outcome_note")
    kit.paragraph(d, "To: {{ absent_names }}")
    kit.paragraph(d, "From: {{ pupil.senco }}, SENCo, {{ pupil.school }}")
    kit.paragraph(d, "Date: {{ today }}")
    kit.paragraph(d, "Thank you for your part in {{ pupil.full_name }}'s High Focus IEP. You "
                     "could not attend the review on {{ review.date }}, so this note tells you "
                     "the outcome.")
    d.add_heading("Outcome", 1)
    kit.paragraph(d, "{{ outcome.title }}", "Heading 2")
    kit.paragraph(d, "{{ outcome.reason }}")
    kit.when(d, "review.crisp_may_be_high",
             "Whether the CRISP assessment may be higher than it should be", style="Heading 3")
    kit.when(d, "review.crisp_may_be_high", "{{ review.crisp_may_be_high }}")
    d.add_heading("What happens next", 1)
    kit.loop_table(d, ["Who", "What", "By when"], "a in actions",
                   ["{{ a.who }}", "{{ a.what }}", "{{ a.by_when }}"], "Who will do what")
    kit.paragraph(d, "The next review is on {{ review.next_review_date }}.")
    d.add_heading("Your comments", 1)
    kit.paragraph(d, "If you have comments, or a reservation about the CRISP assessment or a "
                     "decision, please send them to {{ pupil.senco }}. Reservations are recorded "
                     "and kept with the pupil's records.")
    kit.finish(d, "outcome_note")


BUILDERS = {
    "hf_iep": hf_iep,
    "review_agenda": review_agenda,
    "review_record": review_record,
    "provision_plan": provision_plan,
    "outcome_note": outcome_note,
}
