"""The 2015 Code's checks on a validated form, as problems named by the form's own labels.

Errors stop documents that would be wrong; warnings say where the plan goes against the Code
or the Regulations, quoting the paragraph, and leave the decision to the school.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from docgen.definitions import FormDefinition
from docgen.domain.provision import advice, vague_provision
from docgen.domain.send2015 import dates, meetings, needs
from docgen.problems import Problem, error, warning

Data = dict[str, Any]
FormRule = Callable[[FormDefinition, Data], Iterator[Problem]]
OUTCOMES_PER_PLAN = (3, 4)


def check_form(definition: FormDefinition, data: Data, today: dt.date | None = None
               ) -> list[Problem]:
    """Every check of this form. ``today`` is taken for the registry's one signature: no
    check of the 2015 Code depends on the day it runs (each compares the form's own dates:
    the meeting with the invitations, the plan with its review)."""
    problems: list[Problem] = []
    for rule in _RULES.get(definition.name, ()):
        problems.extend(rule(definition, data))
    return problems


def where(definition: FormDefinition, section: str, field: str, row: int | None = None
          ) -> dict[str, Any]:
    shown = definition.section(section)
    return {"section": shown.heading, "label": shown.field(field).label, "row": row}


# --- SEN Support plan ---------------------------------------------------------------------
def plan_dates(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    plan = data["plan"]
    if plan["review_date"] <= plan["start_date"]:
        yield error("The review date must be after the plan's start date.",
                    **where(definition, "plan", "review_date"))
    if plan["sen_support_since"] > plan["start_date"]:
        yield error("SEN Support cannot start after this plan does. Check both dates.",
                    **where(definition, "plan", "sen_support_since"))


def census_need(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    plan = data["plan"]
    primary, secondary = plan["primary_need"], plan.get("secondary_need")
    if secondary and secondary == primary:
        yield error("The secondary need must differ from the primary need. Leave it empty if "
                    "there is none.", **where(definition, "plan", "secondary_need"))
    if secondary and "NSA" in (primary, secondary):
        yield error("NSA means no specialist assessment of the type of need, so it cannot be "
                    "combined with another need. Choose one or the other.",
                    **where(definition, "plan", "secondary_need"))
    area = needs.need(primary).area
    described = {row["area"] for row in data.get("needs", []) if row.get("needs")}
    if area and area not in described:
        section = definition.section("needs")
        yield warning(f"The primary need is {needs.shown(primary)}, but nothing is written "
                      f"under {needs.area(area).name}. Describe the needs there.",
                      section=f"{section.heading}, {needs.area(area).name}",
                      label=section.field("needs").label)


def outcome_count(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    count = len(data.get("outcomes", []))
    low, high = OUTCOMES_PER_PLAN
    if not low <= count <= high:
        yield warning(f"The plan has {count} outcome{'s' if count != 1 else ''}. A SEN Support "
                      f"plan usually sets {low} or {high}: the ones that matter most this "
                      "term.", section=definition.section("outcomes").heading)


def provision_rows(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    rows = data.get("provision", [])
    for number, row in enumerate(rows, start=1):
        if row["end"] < row["start"]:
            yield error("The provision must end after it starts.",
                        **where(definition, "provision", "end", number))
    for phrase in vague_provision(rows, ("what", "who")):
        yield warning(advice(phrase), **where(definition, "provision", phrase.field,
                                                   phrase.row))


def plan_views(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    views = data["views"]
    if not views.get("agreed_with_parents"):
        yield warning("The SEND Code of Practice asks that the plan is agreed with the parents "
                      "(6.48). Tick the box once they have agreed it.",
                      **where(definition, "views", "agreed_with_parents"))
    elif not views.get("agreed_date"):
        yield error("Give the date the parents agreed the plan.",
                    **where(definition, "views", "agreed_date"))


def plan_review(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    """CoP 6.54: the review evaluates the impact of the support, with the parents' views,
    and feeds the next steps."""
    review = data.get("review") or {}
    if not review.get("held"):
        return
    if review["held"] < data["plan"]["start_date"]:
        yield error("The review cannot be before the plan started.",
                    **where(definition, "review", "held"))
    for key in ("evidence", "next_steps"):
        if not review.get(key):
            yield error("A review records its evidence and the next steps (SEND Code of "
                        "Practice 6.54). Fill this in.", **where(definition, "review", key))
    for number, row in enumerate(data.get("outcomes", []), start=1):
        if not row.get("progress"):
            yield warning("The review took place: record the progress towards this outcome.",
                          **where(definition, "outcomes", "progress", number))


# --- Meeting with parents -----------------------------------------------------------------
def three_meetings(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    """CoP 6.65: "Schools should meet parents at least three times each year." """
    meeting = data["meeting"]
    start = meeting["plan_year_start"]
    dates_ = [meeting["date"], meeting.get("next_meeting"),
              *(row["date"] for row in data.get("meetings", []))]
    held = meetings.meetings_in_year(start, dates_)
    missing = meetings.short_of_three(start, dates_)
    if missing:
        yield warning(
            f"The SEND Code of Practice expects schools to meet parents at least three times "
            f"each year (6.65). The year from {start.day} {start:%B %Y} has {len(held)} "
            f"meeting{'s' if len(held) != 1 else ''} held or planned: plan {missing} more and "
            "add the dates to the list of meetings this year.",
            section=definition.section("meetings").heading)
    if meeting["date"] < start or meeting["date"] > meetings.year_end(start):
        yield error("This meeting is not in the plan's year. Check the start of the year.",
                    **where(definition, "meeting", "plan_year_start"))
    next_meeting = meeting.get("next_meeting")
    if next_meeting and next_meeting <= meeting["date"]:
        yield error("The next meeting must be after this one.",
                    **where(definition, "meeting", "next_meeting"))


# --- Request for an EHC needs assessment --------------------------------------------------
def request_with_parents(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    if not data["request"].get("parents_agree"):
        yield warning("A school asks for an EHC needs assessment with the knowledge and, where "
                      "possible, the agreement of the parents (SEND Code of Practice 9.8). "
                      "Tick the box once they agree.",
                      **where(definition, "request", "parents_agree"))


# --- EHC plan annual review ---------------------------------------------------------------
def review_timing(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    """Reg 20(3) and (4): two weeks' notice, and everyone's advice circulated two weeks
    before; the report within two weeks of the meeting (Reg 20; CoP 9.176)."""
    meeting = data["meeting"]
    due = dates.review_dates(meeting["date"])
    sent = meeting.get("invitations_sent")
    if not sent:
        yield warning(f"Send the invitations and the requests for advice by "
                      f"{_day(due.invitations_by)}, at least two weeks before the meeting "
                      "(SEND Regulations 2014, regulation 20(3) and (4)), then record the date "
                      "you sent them.", **where(definition, "meeting", "invitations_sent"))
    elif sent > due.invitations_by:
        yield warning(f"Invitations and requests for advice must go at least two weeks before "
                      f"the meeting (SEND Regulations 2014, regulation 20(3) and (4)): by "
                      f"{_day(due.invitations_by)}. Move the meeting, or send them sooner.",
                      **where(definition, "meeting", "invitations_sent"))
    if meeting["advice_by"] > due.advice_circulated_by:
        yield error(f"Advice must reach everyone invited at least two weeks before the meeting "
                    f"(regulation 20(4)), so ask for it by {_day(due.advice_circulated_by)} "
                    "at the latest.", **where(definition, "meeting", "advice_by"))
    if sent and meeting["advice_by"] <= sent:
        yield error("The date for advice must be after the invitations are sent.",
                    **where(definition, "meeting", "advice_by"))
    report = meeting.get("report_sent")
    if report and report > due.report_by:
        yield warning(f"The review report goes to the local authority and everyone invited "
                      f"within two weeks of the meeting (regulation 20; SEND Code of Practice "
                      f"9.176): by {_day(due.report_by)}.",
                      **where(definition, "meeting", "report_sent"))
    if report and report < meeting["date"]:
        yield error("The report cannot be sent before the meeting.",
                    **where(definition, "meeting", "report_sent"))


def review_within_a_year(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    """CFA 2014 s.44(1) and CoP 9.169: within 12 months of the plan or of the last review."""
    plan, meeting = data["plan"], data["meeting"]["date"]
    last = plan.get("last_review")
    if last and last < plan["issued"]:
        yield error("The last review cannot be before the plan was issued.",
                    **where(definition, "plan", "last_review"))
        return
    due = dates.review_due(plan["issued"], last)
    if meeting > due:
        since = "the last review" if last else "the plan being issued"
        yield warning(f"An EHC plan is reviewed within 12 months of {since} (Children and "
                      f"Families Act 2014, section 44; SEND Code of Practice 9.169): by "
                      f"{_day(due)}. This meeting is later.",
                      **where(definition, "meeting", "date"))


def review_adulthood(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    """Reg 20(6): from Year 9 the meeting considers preparation for adulthood."""
    if not dates.considers_adulthood(data["pupil"]["year_group"]):
        return
    if not any(row.get("discussion") for row in data.get("adulthood", [])):
        yield error("From Year 9 the review must consider what will help the pupil prepare for "
                    "adulthood and independent living (regulation 20(6)). Record it.",
                    section=definition.section("adulthood").heading)


def review_phase(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    plan = data["plan"]
    transfer, year = plan.get("next_phase"), plan.get("transfer_year")
    if transfer and not year:
        yield error("Give the year of the move, so the date for the amended plan is known.",
                    **where(definition, "plan", "transfer_year"))
    if transfer and year:
        due = dates.amended_plan_due(transfer, year)
        if data["meeting"]["date"] >= due:
            yield warning(f"The amended EHC plan must be issued by {_day(due)} for this move "
                          "(regulation 18), and this review is after that date.",
                          **where(definition, "plan", "transfer_year"))


def review_recommendations(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    choice = data["recommendations"]["recommendation"]
    rows = data.get("amendments", [])
    if choice == "amend" and not rows:
        yield error("The review recommends amending the plan: list the amendments.",
                    section=definition.section("amendments").heading)
    if choice != "amend" and rows:
        yield warning("Amendments are listed, but the recommendation is not to amend the plan. "
                      "Check the recommendation.",
                      **where(definition, "recommendations", "recommendation"))
    issued = data["plan"]["issued"]
    if data["meeting"]["date"] <= issued:
        yield error("The review meeting must be after the plan was issued.",
                    **where(definition, "meeting", "date"))


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


_RULES: dict[str, tuple[FormRule, ...]] = {
    "sen_support": (plan_dates, census_need, outcome_count, provision_rows, plan_views,
                    plan_review),
    "parent_meeting": (three_meetings,),
    "ehc_request": (request_with_parents,),
    "annual_review": (review_timing, review_within_a_year, review_adulthood, review_phase,
                      review_recommendations),
}
