"""The 2015 Code's provider: from forms shaped as issue 18 defines them to a pupil's row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.caseload.build import Caseload
from docgen.caseload.model import FormFacts, Identity, Pupil, PupilStatus
from docgen.caseload.send2015 import PROVIDER
from docgen.caseload.view import due_soon

D = dt.date
PUPIL = Identity("Maya", "Okafor", D(2015, 6, 1), "K330200116007", "6")


def facts(form: str, data: dict[str, Any], source: str = "") -> FormFacts:
    extracted = PROVIDER.extract(form, data)
    assert extracted is not None
    return FormFacts(source or f"{form}.yaml", form, "send2015", PUPIL, extracted)


def sen_support(start: D, review: D, held: D | None = None, cycle: int = 2) -> FormFacts:
    return facts("sen_support", {
        "plan": {"start_date": start, "review_date": review, "cycle": cycle,
                 "sen_support_since": D(2025, 9, 1), "primary_need": "SLCN",
                 "secondary_need": "SEMH", "teacher": "Mr Hall"},
        "provision": [{"what": "Language group", "who": "Mrs Khan", "sessions_per_week": 3,
                       "session_minutes": 20, "group_size": 4, "start": start, "end": review,
                       "impact": "Uses new words", "hourly_cost": 15}],
        "review": {"held": held} if held else {},
    }, source=f"plan-{cycle}.yaml")


def meeting(day: D, next_meeting: D | None = None, others: tuple[D, ...] = ()) -> FormFacts:
    return facts("parent_meeting", {
        "meeting": {"date": day, "plan_year_start": D(2026, 9, 1), "attended": "Mum",
                    "led_by": "Mr Hall", "discussed": "x", "agreed": "y",
                    "next_meeting": next_meeting},
        "meetings": [{"date": d, "purpose": "review"} for d in others]}, source=f"m-{day}.yaml")


def status(forms: list[FormFacts], today: D) -> PupilStatus:
    return PROVIDER.assess(forms, today)


def test_sen_support_plan_due_at_its_review_and_census_code_k() -> None:
    row = status([sen_support(D(2026, 9, 7), D(2026, 12, 11))], D(2026, 11, 30))
    assert (row.stage, row.need, row.area) == \
        ("SEN Support (K)", "SLCN (primary), SEMH", "Communication and interaction")
    assert row.plan == "SEN Support plan 2 from 7 September 2026"
    assert (row.review.title, row.review.due, row.review.overdue(D(2026, 11, 30))) == \
        ("SEN Support review", D(2026, 12, 11), False)
    assert row.review.overdue(D(2026, 12, 12))
    assert row.provision[0].weekly_minutes_per_pupil == 15  # 20 × 3 ÷ 4


def test_a_review_date_more_than_a_term_on_is_due_within_the_term() -> None:
    row = status([sen_support(D(2026, 9, 7), D(2027, 3, 26))], D(2026, 11, 30))
    assert row.review.due == D(2027, 1, 7)
    assert row.checks == ["Review date set for 26 March 2027, more than a term on: due by "
                          "7 January 2027"]


def test_a_reviewed_plan_without_a_next_plan() -> None:
    row = status([sen_support(D(2026, 9, 7), D(2026, 12, 11), held=D(2026, 12, 9))],
                    D(2027, 1, 10))
    assert (row.last_review, row.review.due) == (D(2026, 12, 9), D(2027, 4, 9))
    assert "Plan 2 was reviewed on 9 December 2026: the next plan is not in the register" in \
        row.checks


def test_parent_meetings_three_expected() -> None:
    forms = [meeting(D(2026, 10, 5), next_meeting=D(2027, 2, 1))]
    row = status(forms, D(2026, 11, 30))
    assert row.parent_meetings == (2, 3)
    assert "2 meetings with the parents this year: meet parents at least three times each " \
           "year (CoP 6.65)" in row.checks
    assert [(d.title, d.due) for d in row.deadlines] == [("Meeting with parents", D(2027, 2, 1))]
    forms.append(meeting(D(2027, 2, 1), others=(D(2026, 10, 5), D(2027, 6, 14))))
    row = status(forms, D(2027, 2, 2))
    assert row.parent_meetings == (3, 3)
    assert not [c for c in row.checks if "meetings with the parents" in c]


def test_ehc_request_clock() -> None:
    request = facts("ehc_request", {"request": {"received": D(2026, 10, 5), "authority": "B"}})
    row = status([sen_support(D(2026, 9, 7), D(2026, 12, 11)), request], D(2026, 11, 30))
    assert row.request_clock == [("received", D(2026, 10, 5)),
                                 ("decision to assess", D(2026, 11, 16)),
                                 ("no-plan notice", D(2027, 1, 25)),
                                 ("final plan", D(2027, 2, 22))]
    authority = [(d.title, d.due) for d in row.deadlines if d.authority]
    assert authority == [("LA decides whether to assess (6 weeks)", D(2026, 11, 16)),
                         ("LA notice if no plan (16 weeks)", D(2027, 1, 25)),
                         ("LA final EHC plan (20 weeks)", D(2027, 2, 22))]


def annual_review(meeting_day: D, **meeting: Any) -> FormFacts:
    return facts("annual_review", {
        "plan": {"issued": D(2026, 3, 10), "authority": "B", "next_phase": "primary_secondary",
                 "transfer_year": 2027},
        "meeting": {"date": meeting_day, "time": "3pm", "place": "School",
                    "advice_by": meeting_day - dt.timedelta(days=14), **meeting},
        "recommendations": {"recommendation": "amend"}})


def test_annual_review_circulation_report_and_phase_transfer() -> None:
    row = status([annual_review(D(2027, 2, 3))], D(2027, 1, 25))
    assert (row.stage, row.plan) == ("EHC plan (E)", "EHC plan issued 10 March 2026")
    assert row.annual_review == [("meeting", D(2027, 2, 3)),
                                 ("invitations and advice by", D(2027, 1, 20)),
                                 ("report by", D(2027, 2, 17)),
                                 ("next review by", D(2027, 2, 3)),
                                 ("amended plan (phase transfer) by", D(2027, 2, 15))]
    due = {d.key: d for d in row.deadlines}
    assert due["invitations"].overdue(D(2027, 1, 25))  # not sent, and past 20 January
    assert (due["annual-review"].due, due["annual-review"].review) == (D(2027, 2, 3), True)


def test_held_annual_review_report_sent_and_next_review_within_12_months() -> None:
    review = annual_review(D(2027, 2, 3), invitations_sent=D(2027, 1, 12),
                           report_sent=D(2027, 2, 10))
    row = status([review], D(2027, 2, 20))
    assert (row.last_review, row.last_outcome) == (D(2027, 2, 3), "amend the EHC plan")
    assert row.review.due == D(2028, 2, 2)
    assert [d.key for d in row.deadlines if d.done] == ["invitations", "review-report"]


def test_overdue_deadlines_are_listed_first() -> None:
    today = D(2027, 2, 20)
    row = status([annual_review(D(2027, 2, 3))], today)
    caseload = Caseload(today, [Pupil("k", PUPIL, status=row)])
    assert [(i.deadline.title, i.deadline.due) for i in due_soon(caseload)] == [
        ("Annual review: invitations and advice sent", D(2027, 1, 20)),
        ("Annual review report sent", D(2027, 2, 17))]
