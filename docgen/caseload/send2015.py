"""The caseload of the SEND Code of Practice 2015's forms: SEN Support plans, meetings with
parents, EHC needs assessment requests and EHC plan annual reviews.

The field names follow the form definitions (schemas/send2015/*.yaml). The dates are the
ones the forms' own checks and the documents use: docgen.domain.send2015.dates and .meetings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from docgen.caseload.checks import form_checks, future_forms
from docgen.caseload.model import Deadline, FormFacts, ProvisionRow, PupilStatus
from docgen.context import uk_date
from docgen.domain.send2015 import dates, meetings, needs

Data = Mapping[str, Any]
TITLE = "SEND Code of Practice 2015"


# --- extract: one form → facts (in the workers) ---------------------------------------------
def _sen_support(data: Data) -> dict[str, Any]:
    plan, review = data["plan"], data.get("review", {})
    return {"kind": "plan", "start": plan["start_date"], "review": plan["review_date"],
            "cycle": plan["cycle"], "need": plan["primary_need"],
            "secondary": plan.get("secondary_need") or "", "held": review.get("held"),
            "provision": [_row(row) for row in data.get("provision", [])]}


def _row(row: Data) -> ProvisionRow:
    cost = row.get("hourly_cost")
    return ProvisionRow(what=row["what"], who=row["who"], session_minutes=row["session_minutes"],
                        sessions_per_week=row["sessions_per_week"], group_size=row["group_size"],
                        hourly_cost=Fraction(cost) if cost is not None else None,
                        how_often=f"{uk_date(row['start'])} to {uk_date(row['end'])}"
                        if row.get("start") and row.get("end") else "")


def _parent_meeting(data: Data) -> dict[str, Any]:
    meeting = data["meeting"]
    others = [row["date"] for row in data.get("meetings", []) if row.get("date")]
    return {"kind": "meeting", "date": meeting["date"], "year_start": meeting["plan_year_start"],
            "next": meeting.get("next_meeting"), "others": others}


def _ehc_request(data: Data) -> dict[str, Any]:
    return {"kind": "request", "date": data["request"]["received"]}


def _annual_review(data: Data) -> dict[str, Any]:
    plan, meeting = data["plan"], data["meeting"]
    return {"kind": "annual_review", "date": meeting["date"], "issued": plan["issued"],
            "last_review": plan.get("last_review"), "invitations_sent":
            meeting.get("invitations_sent"), "report_sent": meeting.get("report_sent"),
            "transfer": plan.get("next_phase"), "transfer_year": plan.get("transfer_year"),
            "recommendation": data.get("recommendations", {}).get("recommendation", "")}


EXTRACTORS: dict[str, Callable[[Data], dict[str, Any]]] = {
    "sen_support": _sen_support, "parent_meeting": _parent_meeting,
    "ehc_request": _ehc_request, "annual_review": _annual_review,
}
OUTCOMES = {"maintain": "keep the EHC plan as it is", "amend": "amend the EHC plan",
            "cease": "cease the EHC plan"}


# --- assess -----------------------------------------------------------------------------------
def _of(forms: Sequence[FormFacts], kind: str, when: str, today: dt.date) -> list[FormFacts]:
    found = [f for f in forms if f.facts.get("kind") == kind and f.facts[when] <= today]
    return sorted(found, key=lambda f: (f.facts[when], f.source))


class Code2015Deadlines:
    """The provider registered for the SEND Code of Practice 2015 framework."""

    def extract(self, form: str, data: Data) -> dict[str, Any] | None:
        extractor = EXTRACTORS.get(form)
        return extractor(data) if extractor else None

    def assess(self, forms: Sequence[FormFacts], today: dt.date) -> PupilStatus:
        plans = _of(forms, "plan", "start", today)
        reviews = [f for f in forms if f.facts.get("kind") == "annual_review"]
        status = PupilStatus(framework=TITLE, stage="SEN Support (K)", stage_key="K")
        if plans:
            _need(status, plans[-1])
        if reviews:
            _annual_review(status, max(reviews, key=lambda f: (f.facts["date"], f.source)),
                           today)
        elif plans:
            _sen_support_review(status, plans[-1], today)
        for request in _of(forms, "request", "date", today)[-1:]:
            _request_clock(status, request.facts["date"])
        _parent_meetings(status, forms, today)
        status.checks += future_forms([f for f in forms if f.facts.get("kind") != "annual_review"],
                                      today) + form_checks(forms)
        return status


def _need(status: PupilStatus, plan: FormFacts) -> None:
    need, secondary = plan.facts["need"], plan.facts["secondary"]
    status.need = f"{need} (primary)" + (f", {secondary}" if secondary else "")
    status.area = needs.area_name(need) or "Other or not yet assessed"
    status.provision = list(plan.facts["provision"])


def _sen_support_review(status: PupilStatus, plan: FormFacts, today: dt.date) -> None:
    facts = plan.facts
    status.plan = f"SEN Support plan {facts['cycle']} from {uk_date(facts['start'])}"
    held = facts["held"]
    if held is not None and held <= today:
        status.last_review, status.last_outcome = held, f"plan {facts['cycle']} reviewed"
        status.review = Deadline("review", "SEN Support review",
                                 dates.next_sen_support_review(held), dates.TERMLY_RULE,
                                 anchor=held.isoformat(), review=True)
        status.checks.append(f"Plan {facts['cycle']} was reviewed on {uk_date(held)}: the next "
                             "plan is not in the register")
    else:
        due = dates.sen_support_review_due(facts["start"], facts["review"])
        status.review = Deadline("review", "SEN Support review", due.due, dates.TERMLY_RULE,
                                 anchor=facts["start"].isoformat(), review=True)
        if due.later_than_allowed:
            status.checks.append(f"Review date set for {uk_date(due.set_for)}, more than a "
                                 f"term on: due by {uk_date(due.latest)}")
    status.deadlines.append(status.review)


def _annual_review(status: PupilStatus, review: FormFacts, today: dt.date) -> None:
    facts = review.facts
    status.stage, status.stage_key = "EHC plan (E)", "E"
    status.plan = f"EHC plan issued {uk_date(facts['issued'])}"
    meeting = dates.review_dates(facts["date"])
    statutory = dates.review_due(facts["issued"], facts["last_review"])
    held = facts["date"] <= today
    if held:
        status.last_review = facts["date"]
        status.last_outcome = OUTCOMES.get(facts["recommendation"], "")
        next_due = dates.review_due(facts["issued"], facts["date"])
    else:
        next_due = min(facts["date"], statutory)
        if facts["date"] > statutory:
            status.checks.append(f"Annual review meeting on {uk_date(facts['date'])}, after the "
                                 f"12 months end on {uk_date(statutory)}")
    anchor = facts["date"].isoformat()
    status.review = Deadline("annual-review", "EHC plan annual review", next_due,
                             dates.ANNUAL_RULE, anchor=anchor, review=True)
    status.deadlines += [
        status.review,
        Deadline("invitations", "Annual review: invitations and advice sent",
                 meeting.invitations_by, dates.CIRCULATION_RULE, anchor=anchor,
                 done=facts["invitations_sent"] is not None),
        Deadline("review-report", "Annual review report sent", meeting.report_by,
                 dates.REPORT_RULE, anchor=anchor, done=facts["report_sent"] is not None),
    ]
    status.annual_review = [("meeting", facts["date"]),
                            ("invitations and advice by", meeting.invitations_by),
                            ("report by", meeting.report_by), ("next review by", next_due)]
    if facts["transfer"] and facts["transfer_year"]:
        due = dates.amended_plan_due(facts["transfer"], facts["transfer_year"])
        status.annual_review.append(("amended plan (phase transfer) by", due))
        status.deadlines.append(Deadline("phase-transfer", "Amended EHC plan (phase transfer)",
                                         due, dates.TRANSFER_RULE, anchor=str(due.year),
                                         authority=True))


def _request_clock(status: PupilStatus, received: dt.date) -> None:
    clock = dates.assessment_clock(received)
    status.request_clock = [("received", received), ("decision to assess", clock.decide),
                            ("no-plan notice", clock.notice_or_draft),
                            ("final plan", clock.final_plan)]
    anchor = received.isoformat()
    rule = dates.CLOCK_RULE
    status.deadlines += [
        Deadline("la-decide", "LA decides whether to assess (6 weeks)", clock.decide, rule,
                 anchor=anchor, authority=True),
        Deadline("la-no-plan", "LA notice if no plan (16 weeks)", clock.notice_or_draft, rule,
                 anchor=anchor, authority=True),
        Deadline("la-final", "LA final EHC plan (20 weeks)", clock.final_plan, rule,
                 anchor=anchor, authority=True),
    ]


def _parent_meetings(status: PupilStatus, forms: Sequence[FormFacts], today: dt.date) -> None:
    """Meetings in the plan's year (held or planned); three expected (CoP 6.65)."""
    records = [f for f in forms if f.facts.get("kind") == "meeting"]
    if not records:
        return
    starts = [f.facts["year_start"] for f in records if f.facts["year_start"] <= today]
    start = max(starts) if starts else meetings.school_year_start(today)
    held = [d for f in records for d in (f.facts["date"], f.facts["next"], *f.facts["others"])]
    found = meetings.meetings_in_year(start, held)
    status.parent_meetings = (len(found), meetings.MEETINGS_A_YEAR)
    if len(found) < meetings.MEETINGS_A_YEAR:
        status.checks.append(f"{len(found)} meeting{'s' if len(found) != 1 else ''} with the "
                             f"parents this year: {meetings.MEETINGS_RULE}")
    for day in found:
        if day >= today:
            status.deadlines.append(Deadline("parent-meeting", "Meeting with parents", day,
                                             meetings.MEETINGS_RULE, anchor=day.isoformat()))


PROVIDER = Code2015Deadlines()
