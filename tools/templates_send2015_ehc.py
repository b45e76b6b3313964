"""Templates of the SEND Code of Practice 2015 framework: EHC needs assessment requests and
EHC plan annual reviews (templates/send2015/)."""

from __future__ import annotations

from tools import letter_kit as letter
from tools import template_kit as kit
from tools.templates_send2015 import FOLDER, finish_letter, start_letter, who_to_talk_to, widths


def clock_table(d) -> None:
    kit.paragraph(d, "The local authority receives the request on {{ clock.received }}. The "
                     "law sets these dates from that day:")
    kit.loop_table(d, ["What the local authority must do", "By"], "c in clock.rows",
                   ["{{ c.what }}", "{{ c.by }}"], "Dates the local authority must keep")
    widths(d, 5, 1.6)


def ehc_request() -> None:
    d = kit.start("Request for an EHC needs assessment: {{ pupil.full_name }}",
                  heading="Request for an EHC needs assessment",
                  subject="School's request for an EHC needs assessment", version=1,
                  key="ehc_request")
    kit.paragraph(d, "{{ pupil.full_name }} · to {{ request.authority }}", "Subtitle")
    kit.paragraph(d, "{{ pupil.school }} asks {{ request.authority }} to carry out an "
                     "education, health and care (EHC) needs assessment of "
                     "{{ pupil.full_name }} (Children and Families Act 2014, section 36).")
    kit.about_pupil(d)
    d.add_heading("The request", 1)
    kit.kv_table(d, [
        ("Local authority", "{{ request.authority }}"),
        ("Received by the local authority", "{{ request.received }}"),
        ("The parents agree to the request", "{{ request.parents_agree }}"),
        ("Contact at the school", "{{ request.contact }}"),
    ], "The request")
    d.add_heading("Dates the local authority must keep", 1)
    clock_table(d)
    d.add_heading("Evidence (SEND Code of Practice 9.14)", 1)
    for heading, key in (("Attainment and rate of progress", "attainment"),
                         ("Nature, extent and context of the needs", "nature"),
                         ("Action the school has already taken", "action_taken"),
                         ("Progress only with help over and above the usual",
                          "over_and_above"),
                         ("Physical, emotional and social development and health",
                          "development"),
                         ("Why an EHC plan may be needed", "why_plan")):
        d.add_heading(heading, 2)
        kit.paragraph(d, f"{{{{ evidence.{key} }}}}")
    kit.paragraph(d, "{%p if professionals %}")
    d.add_heading("Professionals involved", 1)
    kit.loop_table(d, ["Name", "Role", "Involvement"], "p in professionals",
                   ["{{ p.name }}", "{{ p.role }}", "{{ p.involvement }}"],
                   "Professionals involved")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("The parents' views", 2)
    kit.paragraph(d, "{{ views.parents }}")
    kit.finish(d, f"{FOLDER}/ehc_request")


def letter_ehc_request() -> None:
    d = start_letter("An assessment of {{ pupil.first_name }}'s needs",
                     subject="Letter to parents: request for an EHC needs assessment",
                     key="letter_ehc_request", heading="We have asked for an assessment of "
                                                       "{{ pupil.first_name }}'s needs")
    kit.paragraph(d, "As we agreed, the school has asked {{ request.authority }} to carry out "
                     "an education, health and care (EHC) needs assessment for "
                     "{{ pupil.first_name }}. The assessment looks at what "
                     "{{ pupil.first_name }} needs and what help would work best. It may lead "
                     "to an EHC plan. This is a legal document that says what help "
                     "{{ pupil.first_name }} must get.")
    d.add_heading("The dates the local authority must keep", 2)
    kit.paragraph(d, "The local authority receives our request on {{ clock.received }}. The "
                     "law sets these dates from that day:")
    kit.listed(d, [
        "By {{ clock.decide }}: it tells you if it will carry out the assessment.",
        "By {{ clock.notice_or_draft }}: if it decides not to write a plan, it tells you. "
        "If it does write one, you get a draft first.",
        "By {{ clock.final_plan }}: it sends you the final plan.",
    ])
    kit.paragraph(d, "You have at least 15 days to comment on a draft plan. You can also ask "
                     "for a school to be named in it. The law allows a few exceptions to these "
                     "dates. One is when the school is closed for four weeks or more.")
    kit.paragraph(d, "The local authority will ask you for your views. Tell them what "
                     "{{ pupil.first_name }} is like at home, and what you hope for. You can "
                     "ask us to help you write it.")
    kit.when(d, "interpreter.booked", "{{ interpreter.booked }}")
    who_to_talk_to(d, heading=False)
    finish_letter(d, "letter_ehc_request")


def ehc_pack_cover() -> None:
    """The covering letter to the authority (with the first of the dates the law sets from the
    day it receives the request; the school's request, section 1, gives them all), then the
    contents (page numbers filled in by docgen.packs.contents) and where each item the
    authority asks for is."""
    d = letter.start_letter("Request for an EHC needs assessment: {{ pupil.full_name }}",
                            subject="EHC needs assessment request pack", version=2,
                            key="ehc_pack_cover")
    kit.when(d, "draft", "DRAFT: this pack is incomplete. Items marked MISSING must be added "
                         "before it is sent.")
    letter.address_block(d)
    letter.salutation(d, "Request for an EHC needs assessment: {{ pupil.full_name }}")
    kit.paragraph(d, "{{ letter.school.name }} asks {{ request.authority }} to carry out an "
                     "education, health and care (EHC) needs assessment of "
                     "{{ pupil.full_name }}, born {{ pupil.date_of_birth }}, "
                     "{{ pupil.year_group }}, Unique Pupil Number {{ pupil.upn }} (Children "
                     "and Families Act 2014, section 36).")
    kit.paragraph(d, "{{ why }}")
    kit.paragraph(d, "{{ parents_line }} This pack holds the evidence the local authority asks "
                     "for ({{ profile_title }}), in the order of the contents on the next page.")
    kit.when(d, "enclosures", "Sent with this pack as separate files: "
                              "{{ enclosures | join('; ') }}.")
    kit.paragraph(d, "The law's dates run from the day you receive this request, "
                     "{{ clock.received }}: we understand that you will tell "
                     "{{ pupil.parents or 'the parents' }} by {{ clock.decide }} whether you "
                     "will carry out the assessment (SEND Regulations 2014, regulation 5). "
                     "Section 1 sets out every date.")
    kit.paragraph(d, "Please contact {{ request.contact }} about this request.")
    letter.two_signatures(d, ("{{ head_teacher or '' }}", "Head teacher"),
                          ("{{ pupil.senco }}", "Special educational needs coordinator (SENCo)"))
    letter.contents_pages(d, "Every item the local authority asks for ({{ profile_title }}), "
                             "and where it is in this pack.")
    letter.finish_pack(d, f"{FOLDER}/ehc_pack_cover")


def letter_annual_review_invitation() -> None:
    d = start_letter("Invitation: {{ pupil.first_name }}'s annual review",
                     subject="Invitation to an EHC plan annual review and request for advice",
                     key="letter_annual_review_invitation",
                     heading="Invitation to {{ pupil.first_name }}'s annual review")
    kit.paragraph(d, "We are holding the annual review of {{ pupil.full_name }}'s education, "
                     "health and care (EHC) plan, and we invite you to it. Please also send us "
                     "your advice before the meeting.")
    kit.kv_table(d, [("Date", "{{ meeting.date }}"), ("Time", "{{ meeting.time }}"),
                     ("Place", "{{ meeting.place }}")], "When and where")
    kit.when(d, "interpreter.language",
             "We have booked {{ interpreter.a_language }} interpreter for the meeting.")
    d.add_heading("Who is invited", 2)
    kit.bullets(d, "i in invited", "{{ i.name }} ({{ i.role }})")
    d.add_heading("What the meeting is for", 2)
    kit.paragraph(d, "We will look at the progress {{ pupil.first_name }} has made towards "
                     "each outcome in the plan. We will ask if the outcomes and the help are "
                     "still right.")
    kit.when(d, "considers_adulthood",
             "We will also talk about getting ready for adult life. This means work or study, "
             "living on your own, friends and community, and staying healthy.")
    kit.when(d, "phase.moving",
             "{{ pupil.first_name }} moves on next year. The local authority must send the "
             "updated plan by {{ phase.due }}, so this meeting matters.")
    d.add_heading("Please send us your advice", 2)
    kit.paragraph(d, "Please send us your advice and information about "
                     "{{ pupil.first_name }} by {{ meeting.advice_by }}. Tell us about "
                     "progress, what has helped and what should change.")
    kit.paragraph(d, "We will send everyone's advice to everyone invited by "
                     "{{ due.circulated_by }}. That is at least two weeks before the meeting.")
    d.add_heading("If you cannot come", 2)
    kit.paragraph(d, "Please still send your advice, and let us know. You may send someone in "
                     "your place.")
    who_to_talk_to(d)
    finish_letter(d, "letter_annual_review_invitation")


def annual_review_record() -> None:
    d = kit.start("Annual review meeting: {{ pupil.full_name }}",
                  heading="Annual review meeting record",
                  subject="Record of an EHC plan annual review meeting", version=1,
                  key="annual_review_record")
    kit.paragraph(d, "{{ pupil.full_name }} · {{ meeting.date }}", "Subtitle")
    kit.about_pupil(d)
    d.add_heading("The EHC plan and the meeting", 1)
    kit.kv_table(d, [
        ("EHC plan issued", "{{ plan.issued }}"),
        ("Last review", "{{ plan.last_review or 'This is the first review' }}"),
        ("Local authority", "{{ plan.authority }}"),
        ("Meeting", "{{ meeting.date }}, {{ meeting.time }}, {{ meeting.place }}"),
    ], "The EHC plan and the meeting")
    d.add_heading("Who was invited", 1)
    kit.loop_table(d, ["Name", "Role", "Advice received", "Attended"], "i in invited",
                   ["{{ i.name }}", "{{ i.role }}", "{{ i.advice_received }}",
                    "{{ i.attended }}"], "Who was invited")
    d.add_heading("Progress towards the outcomes", 1)
    kit.loop_table(d, ["No.", "Outcome (section E)", "Progress", "Evidence", "Next steps"],
                   "o in outcomes", ["{{ o.number }}", "{{ o.outcome }}", "{{ o.progress }}",
                                     "{{ o.evidence }}", "{{ o.next_steps }}"],
                   "Progress towards the outcomes", widths=[1.3, None, 2.6, None, None])
    kit.paragraph(d, "{%p if considers_adulthood %}")
    d.add_heading("Preparing for adulthood", 1)
    kit.loop_table(d, ["Area", "Discussed and agreed"], "a in adulthood_rows",
                   ["{{ a.label }}", "{{ a.discussion }}"], "Preparing for adulthood")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("The parents' views", 2)
    kit.paragraph(d, "{{ views.parents }}")
    d.add_heading("Recommendation", 1)
    kit.paragraph(d, "Recommendation to the local authority: {{ recommendation }}.")
    d.add_heading("Dates", 1)
    kit.kv_table(d, [
        ("Invitations and requests for advice sent (at least two weeks before)",
         "By {{ due.invitations_by }}{% if meeting.invitations_sent %}; sent "
         "{{ meeting.invitations_sent }}{% endif %}"),
        ("Advice sent to everyone invited (at least two weeks before)",
         "By {{ due.circulated_by }}"),
        ("Review report to the local authority and everyone invited",
         "By {{ due.report_by }}{% if meeting.report_sent %}; sent "
         "{{ meeting.report_sent }}{% endif %}"),
        ("The local authority's decision", "By {{ due.decision_by }}"),
    ], "Dates")
    widths(d, 9, 8)  # the long part of each row is its label
    kit.when(d, "phase.moving", "{{ pupil.first_name }} moves from {{ phase.what }}. The "
                                "amended EHC plan must be issued by {{ phase.due }} (SEND "
                                "Regulations 2014, regulation 18).")
    kit.finish(d, f"{FOLDER}/annual_review_record")


def annual_review_report() -> None:
    d = kit.start("Annual review report: {{ pupil.full_name }}",
                  heading="Annual review report",
                  subject="EHC plan annual review report", version=1,
                  key="annual_review_report")
    kit.paragraph(d, "{{ pupil.full_name }} · review meeting on {{ meeting.date }}",
                  "Subtitle")
    kit.paragraph(d, "For {{ plan.authority }} and everyone invited to the review. The "
                     "report follows the meeting within two weeks, by {{ due.report_by }} "
                     "(SEND Code of Practice 9.176).")
    kit.about_pupil(d)
    kit.when(d, "phase.moving", "Moving to a new phase of education", style="Heading 1")
    kit.when(d, "phase.moving", "{{ pupil.first_name }} moves from {{ phase.what }}. The "
                                "amended EHC plan must be issued by {{ phase.due }} (SEND "
                                "Regulations 2014, regulation 18).")
    d.add_heading("Recommendation", 1)
    kit.paragraph(d, "The school recommends to the local authority: {{ recommendation }}.")
    kit.paragraph(d, "{%p if amendments %}")
    d.add_heading("Recommended amendments", 2)
    kit.loop_table(d, ["Section of the plan", "Recommended change", "Reason"],
                   "a in amendments", ["{{ a.section }}", "{{ a.change }}", "{{ a.reason }}"],
                   "Recommended amendments")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Differences of opinion", 1)
    kit.when(d, "recommendations.differences", "{{ recommendations.differences }}")
    kit.when(d, "not recommendations.differences",
             "No one at the meeting disagreed with the school's recommendations.")
    d.add_heading("Progress towards the outcomes", 1)
    kit.loop_table(d, ["No.", "Outcome (section E)", "Progress", "Next steps"],
                   "o in outcomes", ["{{ o.number }}", "{{ o.outcome }}", "{{ o.progress }}",
                                     "{{ o.next_steps }}"], "Progress towards the outcomes",
                   widths=[1.3, None, 2.6, None])
    kit.paragraph(d, "{%p if considers_adulthood %}")
    d.add_heading("Preparing for adulthood", 1)
    kit.loop_table(d, ["Area", "Discussed and agreed"], "a in adulthood_rows",
                   ["{{ a.label }}", "{{ a.discussion }}"], "Preparing for adulthood")
    kit.paragraph(d, "{%p endif %}")
    d.add_heading("Views", 1)
    d.add_heading("The pupil's views", 2)
    kit.paragraph(d, "{{ views.pupil }}")
    d.add_heading("The parents' views", 2)
    kit.paragraph(d, "{{ views.parents }}")
    d.add_heading("Who took part", 1)
    kit.bullets(d, "p in attended", "{{ p }}")
    kit.paragraph(d, "{%p if absent %}")
    kit.paragraph(d, "Invited but not at the meeting:")
    kit.bullets(d, "p in absent", "{{ p }}")
    kit.paragraph(d, "{%p endif %}")
    kit.finish(d, f"{FOLDER}/annual_review_report")


BUILDERS = {f"{FOLDER}/{b.__name__}": b for b in (
    ehc_request, letter_ehc_request, ehc_pack_cover, letter_annual_review_invitation,
    annual_review_record, annual_review_report)}
