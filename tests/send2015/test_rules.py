"""Every rule of the 2015 framework, each tested against the words of the Code or Regulation
it implements (quoted in the test's docstring)."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.domain.send2015 import dates, meetings
from tests.send2015.conftest import problems, raw, texts


# --- CoP 6.65: three meetings a year -------------------------------------------------------
def test_three_meetings_a_year_is_quiet_when_the_year_has_three() -> None:
    """CoP 6.65: "Schools should meet parents at least three times each year." """
    errors, warnings = problems("parent_meeting", raw("leo-brennan", "parent_meeting"))
    assert errors == [] and warnings == []


def test_fewer_than_three_meetings_in_the_plan_year_warns() -> None:
    """CoP 6.65: "Schools should meet parents at least three times each year." """
    data = raw("leo-brennan", "parent_meeting")
    data["meetings"] = [{"date": "2027-09-20", "purpose": "Next year's plan"}]  # next year
    errors, warnings = problems("parent_meeting", data)
    assert errors == []
    assert texts(warnings) == [
        "Other meetings with the parents this year: The SEND Code of Practice expects schools "
        "to meet parents at least three times each year (6.65). The year from 7 September 2026 "
        "has 2 meetings held or planned: plan 1 more and add the dates to the list of meetings "
        "this year."]


def test_meetings_are_counted_once_and_only_inside_the_year() -> None:
    start = dt.date(2026, 9, 7)
    held = [dt.date(2026, 9, 21), dt.date(2026, 9, 21), dt.date(2027, 9, 7), None,
            dt.date(2026, 9, 6), dt.date(2027, 9, 6)]
    assert meetings.meetings_in_year(start, held) == [dt.date(2026, 9, 21),
                                                      dt.date(2027, 9, 6)]
    assert meetings.short_of_three(start, held) == 1
    assert meetings.year_end(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


# --- Reg 20(3), 20(4), CoP 9.176: two weeks before, two weeks after -----------------------
def test_invitations_sent_less_than_two_weeks_before_warn_with_the_date() -> None:
    """Reg 20(3): "At least two weeks' notice of the date of the meeting must be given."
    Reg 20(4): the advice must be circulated "at least two weeks in advance of the review
    meeting"."""
    data = raw("callum-price", "annual_review")
    data["meeting"]["invitations_sent"] = "2026-11-20"  # the meeting is on 3 December
    data["meeting"]["advice_by"] = "2026-11-19"
    errors, warnings = problems("annual_review", data)
    assert "The review meeting, \"Date the invitations were sent\": Invitations and requests " \
           "for advice must go at least two weeks before the meeting (SEND Regulations 2014, " \
           "regulation 20(3) and (4)): by 19 November 2026. Move the meeting, or send them " \
           "sooner." in texts(warnings)
    assert "The review meeting, \"Advice to reach the school by\": The date for advice must be " \
           "after the invitations are sent." in texts(errors)


def test_before_the_invitations_go_docgen_says_the_date_they_must_go_by() -> None:
    """Reg 20(3): "At least two weeks' notice of the date of the meeting must be given." """
    data = raw("callum-price", "annual_review")
    del data["meeting"]["invitations_sent"], data["meeting"]["report_sent"]
    errors, warnings = problems("annual_review", data)
    assert errors == []
    assert texts(warnings) == [
        "The review meeting, \"Date the invitations were sent\": Send the invitations and the "
        "requests for advice by 19 November 2026, at least two weeks before the meeting (SEND "
        "Regulations 2014, regulation 20(3) and (4)), then record the date you sent them."]


def test_advice_due_later_than_two_weeks_before_the_meeting_is_an_error() -> None:
    """Reg 20(4): advice "must [be circulated] to those persons at least two weeks in advance
    of the review meeting" - so it cannot be asked for after that day."""
    data = raw("callum-price", "annual_review")
    data["meeting"]["advice_by"] = "2026-11-20"
    errors, _ = problems("annual_review", data)
    assert texts(errors) == [
        "The review meeting, \"Advice to reach the school by\": Advice must reach everyone "
        "invited at least two weeks before the meeting (regulation 20(4)), so ask for it by "
        "19 November 2026 at the latest."]


def test_review_report_later_than_two_weeks_after_the_meeting_warns() -> None:
    """CoP 9.176 / Reg 20: the report is prepared and sent "within two weeks of the review
    meeting"."""
    data = raw("callum-price", "annual_review")
    assert problems("annual_review", data) == ([], [])
    data["meeting"]["report_sent"] = "2026-12-18"
    _, warnings = problems("annual_review", data)
    assert texts(warnings) == [
        "The review meeting, \"Date the review report was sent\": The review report goes to "
        "the local authority and everyone invited within two weeks of the meeting "
        "(regulation 20; SEND Code of Practice 9.176): by 17 December 2026."]


def test_review_dates_count_fourteen_days_each_way() -> None:
    due = dates.review_dates(dt.date(2026, 12, 3))
    assert due.invitations_by == due.advice_circulated_by == dt.date(2026, 11, 19)
    assert due.report_by == dt.date(2026, 12, 17)
    assert due.decision_by == dt.date(2026, 12, 31)


def test_from_year_9_the_review_must_consider_adulthood() -> None:
    """Reg 20(6): from Year 9 the review "must consider what provision is required to assist
    the child or young person in preparation for adulthood and independent living"."""
    data = raw("callum-price", "annual_review")
    data["adulthood"] = []
    errors, _ = problems("annual_review", data)
    assert texts(errors) == [
        "Preparing for adulthood: From Year 9 the review must consider what will help the "
        "pupil prepare for adulthood and independent living (regulation 20(6)). Record it."]
    data["pupil"]["year_group"] = "8"
    assert problems("annual_review", data)[0] == []


# --- Regs 5, 10(1), 13(2): 6, 16 and 20 weeks ----------------------------------------------
def test_the_assessment_clock_runs_6_16_and_20_weeks_from_the_request() -> None:
    """Reg 5: the decision whether to assess, "within 6 weeks of receiving the request";
    Reg 10(1): notice of a decision not to issue a plan "within 16 weeks of the local
    authority receiving a request"; Reg 13(2): the final plan "within 20 weeks of the local
    authority receiving a request"."""
    clock = dates.assessment_clock(dt.date(2026, 12, 7))
    assert clock.decide == dt.date(2027, 1, 18)
    assert clock.notice_or_draft == dt.date(2027, 3, 29)
    assert clock.final_plan == dt.date(2027, 4, 26)
    assert (clock.final_plan - clock.received).days == 140


# --- Reg 18: phase transfer ------------------------------------------------------------------
@pytest.mark.parametrize(("transfer", "due"), [
    ("primary_secondary", dt.date(2027, 2, 15)),
    ("early_years_school", dt.date(2027, 2, 15)),
    ("infant_junior", dt.date(2027, 2, 15)),
    ("secondary_post16", dt.date(2027, 3, 31)),
])
def test_phase_transfer_dates(transfer: str, due: dt.date) -> None:
    """Reg 18(1): the authority "must review and amend, where necessary, the child or young
    person's EHC plan before— (a) 31 March in the calendar year of the child or young
    person's transfer from secondary school to a post-16 institution; and (b) 15 February in
    the calendar year of the child's transfer in any other case"."""
    assert dates.amended_plan_due(transfer, 2027) == due


def test_a_review_after_the_phase_transfer_date_warns() -> None:
    """Reg 18: 15 February for a move from primary to secondary school."""
    data = raw("callum-price", "annual_review")
    data["plan"].update(next_phase="primary_secondary", last_review="2026-06-01")
    data["pupil"]["year_group"] = "6"
    data["meeting"].update(date="2027-03-01", advice_by="2027-02-10",
                           invitations_sent="2027-02-01", report_sent="2027-03-05")
    _, warnings = problems("annual_review", data)
    assert texts(warnings) == [
        "The EHC plan, \"Year of the move\": The amended EHC plan must be issued by "
        "15 February 2027 for this move (regulation 18), and this review is after that date."]


def test_a_move_without_its_year_is_an_error() -> None:
    data = raw("callum-price", "annual_review")
    del data["plan"]["transfer_year"]
    errors, _ = problems("annual_review", data)
    assert texts(errors) == ["The EHC plan, \"Year of the move\": Give the year of the move, "
                             "so the date for the amended plan is known."]


def test_amend_needs_amendments_and_amendments_need_amend() -> None:
    data = raw("callum-price", "annual_review")
    rows = data.pop("amendments")
    errors, _ = problems("annual_review", data)
    assert texts(errors) == ["Recommended amendments: The review recommends amending the "
                             "plan: list the amendments."]
    data["amendments"] = rows
    data["recommendations"]["recommendation"] = "maintain"
    _, warnings = problems("annual_review", data)
    assert texts(warnings) == ["Recommendations, \"Recommendation to the local authority\": "
                               "Amendments are listed, but the recommendation is not to amend "
                               "the plan. Check the recommendation."]


# --- SEN Support plan ----------------------------------------------------------------------
def test_sample_plans_are_clean() -> None:
    for pupil in ("leo-brennan", "amira-haddad"):
        assert problems("sen_support", raw(pupil, "sen_support")) == ([], [])


def test_the_primary_need_is_described_in_its_broad_area() -> None:
    """CoP 6.28: the four broad areas "give an overview of the range of needs that should be
    planned for"; the census need names one of them."""
    data = raw("leo-brennan", "sen_support")
    data["plan"]["primary_need"] = "HI"
    _, warnings = problems("sen_support", data)
    assert texts(warnings) == [
        "Needs in the four broad areas, Sensory and/or physical needs, \"Needs in this area\": "
        "The primary need is Hearing impairment (HI), but nothing is written under Sensory "
        "and/or physical needs. Describe the needs there."]


def test_secondary_need_must_differ_and_nsa_stands_alone() -> None:
    data = raw("leo-brennan", "sen_support")
    data["plan"]["secondary_need"] = "SPLD"
    assert texts(problems("sen_support", data)[0]) == [
        "The plan, \"Secondary need (census)\": The secondary need must differ from the "
        "primary need. Leave it empty if there is none."]
    data["plan"]["secondary_need"] = "NSA"
    assert "NSA means no specialist assessment" in texts(problems("sen_support", data)[0])[0]


def test_a_census_need_outside_the_list_is_refused() -> None:
    data = raw("leo-brennan", "sen_support")
    data["plan"]["primary_need"] = "DYS"
    errors, _ = problems("sen_support", data)
    assert len(errors) == 1 and "This is not one of the choices (SPLD: Specific learning " \
                                "difficulty;" in errors[0].message


def test_three_or_four_outcomes() -> None:
    data = raw("leo-brennan", "sen_support")
    data["outcomes"] = data["outcomes"][:2]
    assert texts(problems("sen_support", data)[1]) == [
        "Outcomes: The plan has 2 outcomes. A SEN Support plan usually sets 3 or 4: the ones "
        "that matter most this term."]


def test_a_review_needs_its_evidence_and_next_steps() -> None:
    """CoP 6.54: the review evaluates the impact and quality of the support, with the views
    of the pupil and the parents, and feeds the next cycle."""
    data = raw("leo-brennan", "sen_support")
    data["review"] = {"held": "2026-12-11"}
    errors, warnings = problems("sen_support", data)
    assert texts(errors) == [
        "Review, \"Evidence of progress\": A review records its evidence and the next steps "
        "(SEND Code of Practice 6.54). Fill this in.",
        "Review, \"Next steps\": A review records its evidence and the next steps (SEND Code "
        "of Practice 6.54). Fill this in."]
    assert len(warnings) == 3 and warnings[0].row == 1


def test_a_plan_not_yet_agreed_with_the_parents_warns() -> None:
    """CoP 6.48: the plan is agreed with the parents."""
    data = raw("leo-brennan", "sen_support")
    data["views"]["agreed_with_parents"] = False
    assert texts(problems("sen_support", data)[1]) == [
        "Views, \"The plan was agreed with the parents\": The SEND Code of Practice asks that "
        "the plan is agreed with the parents (6.48). Tick the box once they have agreed it."]


def test_request_without_the_parents_agreement_warns() -> None:
    """CoP 9.8: a school's request is made with the knowledge and, where possible, the
    agreement of the parents."""
    data = raw("amira-haddad", "ehc_request")
    assert problems("ehc_request", data) == ([], [])
    data["request"]["parents_agree"] = False
    assert "(SEND Code of Practice 9.8)" in texts(problems("ehc_request", data)[1])[0]


def test_a_review_more_than_12_months_after_the_last_warns() -> None:
    """CFA 2014 s.44(1): "A local authority must review an EHC plan that it maintains— (a) in
    the period of 12 months starting with the date on which the plan was first made, and (b)
    in each subsequent period of 12 months starting with the date on which the plan was last
    reviewed under this section." CoP 9.169: the first review within 12 months of the plan
    being issued, then within 12 months of the previous review."""
    data = raw("callum-price", "annual_review")
    # last reviewed 4 December 2025: the 12 months starting that day end on 3 December 2026,
    # the day of this meeting (its last day, still inside the period)
    assert problems("annual_review", data) == ([], [])
    data["plan"]["last_review"] = "2025-12-03"  # a day earlier: the period ends 2 December
    assert texts(problems("annual_review", data)[1]) == [
        "The review meeting, \"Date of the review meeting\": An EHC plan is reviewed within 12 "
        "months of the last review (Children and Families Act 2014, section 44; SEND Code of "
        "Practice 9.169): by 2 December 2026. This meeting is later."]
    data["plan"]["last_review"] = "2025-11-28"
    assert dates.review_due(dt.date(2022, 3, 14), dt.date(2025, 11, 28)) == \
        dt.date(2026, 11, 27)  # 28 November 2025 to 27 November 2026
    _, warnings = problems("annual_review", data)
    assert texts(warnings) == [
        "The review meeting, \"Date of the review meeting\": An EHC plan is reviewed within 12 "
        "months of the last review (Children and Families Act 2014, section 44; SEND Code of "
        "Practice 9.169): by 27 November 2026. This meeting is later."]
    del data["plan"]["last_review"]  # issued 14 March 2022: the first period ends 13 March 2023
    assert "within 12 months of the plan being issued (Children and Families Act 2014, " \
           "section 44; SEND Code of Practice 9.169): by 13 March 2023." in \
        texts(problems("annual_review", data)[1])[0]


def test_section_44_a_plan_made_on_10_march_2026_is_reviewed_by_9_march_2027() -> None:
    """CFA 2014 s.44(1)(a): "in the period of 12 months starting with the date on which the
    plan was first made". The period starting with 10 March 2026 includes that day and ends on
    9 March 2027; 10 March 2027 is the first day of the next period."""
    assert dates.review_due(dt.date(2026, 3, 10), None) == dt.date(2027, 3, 9)
    assert dates.review_due(dt.date(2025, 3, 10), dt.date(2026, 3, 10)) == dt.date(2027, 3, 9)
    # the annual review form's own check: Callum's plan as if first made on 10 March 2026
    data = raw("callum-price", "annual_review")
    del data["plan"]["last_review"], data["meeting"]["report_sent"]
    data["plan"]["issued"] = "2026-03-10"
    data["meeting"]["date"] = "2027-03-09"
    assert problems("annual_review", data) == ([], [])
    data["meeting"]["date"] = "2027-03-10"
    assert texts(problems("annual_review", data)[1]) == [
        "The review meeting, \"Date of the review meeting\": An EHC plan is reviewed within 12 "
        "months of the plan being issued (Children and Families Act 2014, section 44; SEND Code "
        "of Practice 9.169): by 9 March 2027. This meeting is later."]
