"""Birmingham's provider on the sample pupils' forms, one situation at a time."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from docgen.caseload.birmingham import PROVIDER
from docgen.caseload.model import FormFacts, Identity
from docgen.pipeline import check

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
D = dt.date
TOM = Identity("Tomos", "Llŷr-Evans", D(2017, 3, 14), "K330200116007", "4")


def sample(form: str, pupil: str = "tomos-llyr-evans") -> dict[str, Any]:
    checked = check(SAMPLES / pupil / f"{form}.yaml")
    assert checked.result.valid
    return copy.deepcopy(checked.result.data)


def facts(form: str, data: dict[str, Any], source: str = "") -> FormFacts:
    return FormFacts(source or f"{form}.yaml", form, "birmingham", TOM,
                     PROVIDER.extract(form, data) or {})


def test_an_iep_alone() -> None:
    # Tom's IEP runs from 22 April 2025 and sets its review for 14 July 2025, within six
    # months of the start (22 October 2025): due on the date it sets.
    row = PROVIDER.assess([facts("iep", sample("iep"))], D(2025, 6, 2))
    assert (row.stage, row.stage_key, row.minimum_minutes) == ("School Action Plus", "sa_plus", 50)
    assert row.plan == "IEP from 22 April 2025"
    assert (row.review.title, row.review.due) == ("IEP review", D(2025, 7, 14))
    assert row.last_review is None and row.high_focus is None and row.need == ""
    # 20 × 4 ÷ 4 + 10 × 5 ÷ 1 + 10 × 3 ÷ 3 = 20 + 50 + 10
    assert sum(r.weekly_minutes_per_pupil for r in row.provision) == 80


def test_a_review_date_later_than_twice_a_year_is_due_six_months_on() -> None:
    data = sample("iep")
    data["plan"]["review_date"] = D(2026, 1, 16)
    row = PROVIDER.assess([facts("iep", data)], D(2025, 6, 2))
    # 22 April 2025 + 6 months = 22 October 2025, before the 16 January 2026 it sets
    assert row.review.due == D(2025, 10, 22)
    assert row.checks == ["Review date set for 16 January 2026, more than six months on: the "
                          "guidance asks for reviews at least two per year and ideally "
                          "termly, so it is due by 22 October 2025"]


def test_the_next_iep_replaces_the_last() -> None:
    second = sample("iep")  # the first runs from 22 April 2025, its review 14 July 2025
    second["plan"].update(start_date=D(2025, 9, 8), review_date=D(2025, 12, 12))
    forms = [facts("iep", sample("iep"), "a.yaml"), facts("iep", second, "b.yaml")]
    row = PROVIDER.assess(forms, D(2025, 9, 15))
    assert (row.plan, row.review.due) == ("IEP from 8 September 2025", D(2025, 12, 12))
    row = PROVIDER.assess(forms, D(2025, 9, 1))  # before the second begins
    assert row.review.overdue(D(2025, 9, 1))  # the first's 14 July review
    assert row.checks == ["Individual Education Plan (IEP) form dated 8 September 2025, after "
                          "today: not counted yet"]


def test_during_the_high_focus_period() -> None:
    forms = [facts("iep", sample("iep")), facts("hf_iep", sample("hf_iep")),
             facts("crisp", sample("crisp"))]
    # the High Focus IEP runs from 15 September 2025 to its review on 8 December 2025
    # (within six months of the start: 15 March 2026)
    row = PROVIDER.assess(forms, D(2025, 11, 30))
    assert (row.stage, row.plan) == ("High Focus School Action Plus",
                                     "High Focus IEP from 15 September 2025")
    assert (row.review.title, row.review.due) == ("High Focus review", D(2025, 12, 8))
    assert row.high_focus == (D(2025, 9, 15), D(2025, 12, 8))
    # the CRISP of 11 July 2025: Band 4 on threads 1 and 4, both cognition and learning
    assert (row.need, row.area) == ("Band 4: 1. Curriculum access, 4. Learning Activities",
                                    "Cognition and learning")
    assert len(row.provision) == 3  # the IEP's provision goes on through the period


# Each review's new review date, well within six months of the review: due on that date.
@pytest.mark.parametrize(("pupil", "outcome", "plan", "due"), [
    # reviewed 8 December 2025 (cap 8 June 2026), next review 23 March 2026
    ("tomos-llyr-evans", "Provision through the school's delegated resources",
     "Provision Plan from 8 December 2025", D(2026, 3, 23)),
    # reviewed 19 January 2026 (cap 19 July 2026), next review 20 April 2026
    ("zofia-wisniewska", "Request statutory assessment",
     "Proposed Provision Plan from 19 January 2026", D(2026, 4, 20)),
    # reviewed 2 February 2026 (cap 2 August 2026), next review 11 May 2026
    ("aisha-rahman", "Renew the High Focus period to gain the evidence",
     "High Focus period: Renew the High Focus period to gain the evidence (2 February 2026)",
     D(2026, 5, 11)),
])
def test_after_the_high_focus_review(pupil: str, outcome: str, plan: str, due: dt.date) -> None:
    forms = [facts(form, sample(form, pupil)) for form in ("iep", "hf_iep", "hf_review")]
    row = PROVIDER.assess(forms, D(2026, 2, 16))
    assert (row.last_outcome, row.plan, row.review.due) == (outcome, plan, due)


def test_the_meetings_own_decision_is_used_when_the_form_records_one() -> None:
    review = sample("hf_review")  # the sample's meeting decided on delegated provision
    review["review"]["decision"] = "further_high_focus"
    row = PROVIDER.assess([facts("hf_review", review)], D(2026, 1, 5))
    assert row.last_outcome == "A further period of High Focus School Action Plus"
    assert row.stage == "High Focus School Action Plus"


# --- the School Action / School Action Plus IEP review (issue 14's iep_review form) ----------
# Tom's IEP review: 14 July 2025, of his School Action Plus IEP (from 22 April 2025); the
# meeting decided to start a High Focus period and set the next review for 8 December 2025.
def test_an_iep_review_is_the_last_review_and_sets_the_next() -> None:
    forms = [facts("iep", sample("iep")), facts("iep_review", sample("iep_review"))]
    row = PROVIDER.assess(forms, D(2025, 8, 1))
    assert (row.last_review, row.last_outcome) == (
        D(2025, 7, 14), "Start a High Focus period of School Action Plus")
    assert row.plan == "Start a High Focus period of School Action Plus (IEP review, " \
        "14 July 2025)"
    # the period starts with the High Focus IEP: until then he stays at School Action Plus
    assert (row.stage, row.stage_key, row.minimum_minutes) == ("School Action Plus", "sa_plus", 50)
    # 8 December 2025 is within six months of the review (14 July 2025 + 6 = 14 January 2026)
    assert (row.review.title, row.review.due, row.review.anchor) == \
        ("High Focus review", D(2025, 12, 8), "2025-07-14")
    assert row.review.rule == "the next review date set at the IEP review; reviews at least " \
        "two per year and ideally termly"
    assert row.deadlines == [row.review] and row.checks == []
    # the review's CRISP (11 July 2025): Band 4 on threads 1 and 4
    assert row.need == "Band 4: 1. Curriculum access, 4. Learning Activities"
    assert sum(r.weekly_minutes_per_pupil for r in row.provision) == 80  # the IEP's goes on


def test_a_high_focus_review_set_after_the_summer_is_not_capped_from_the_iep_review() -> None:
    # Zofia's IEP review, 14 July 2025, started a High Focus period and set the High Focus
    # review for 19 January 2026: six months and five days on, but the High Focus review
    # counts from the High Focus IEP (15 September 2025; + 6 months = 15 March 2026)
    forms = [facts(form, sample(form, "zofia-wisniewska")) for form in ("iep", "iep_review")]
    row = PROVIDER.assess(forms, D(2025, 8, 1))
    assert (row.review.title, row.review.due, row.checks) == \
        ("High Focus review", D(2026, 1, 19), [])
    forms.append(facts("hf_iep", sample("hf_iep", "zofia-wisniewska")))
    row = PROVIDER.assess(forms, D(2025, 9, 22))
    assert (row.plan, row.review.due, row.checks) == \
        ("High Focus IEP from 15 September 2025", D(2026, 1, 19), [])


def test_the_high_focus_iep_follows_the_iep_review() -> None:
    forms = [facts(form, sample(form)) for form in ("iep", "iep_review", "hf_iep")]
    row = PROVIDER.assess(forms, D(2025, 11, 30))
    assert (row.stage, row.plan) == ("High Focus School Action Plus",
                                     "High Focus IEP from 15 September 2025")
    assert (row.review.due, row.last_review) == (D(2025, 12, 8), D(2025, 7, 14))


@pytest.mark.parametrize(("decision", "reviewed", "stage", "minimum", "title"), [
    ("continue", "sa_plus", "School Action Plus", 50, "Continue at the same stage with a new IEP"),
    ("to_sa_plus", "sa", "School Action Plus", 50, "Move to School Action Plus"),
    ("to_sa", "sa_plus", "School Action", 30, "Move back to School Action"),
])
def test_the_review_decides_the_stage(decision: str, reviewed: str, stage: str, minimum: int,
                                      title: str) -> None:
    data = sample("iep_review")
    data["review"].update(decision=decision, stage=reviewed, next_review_date=D(2025, 12, 12))
    row = PROVIDER.assess([facts("iep", sample("iep")), facts("iep_review", data)],
                          D(2025, 9, 1))
    assert (row.stage, row.minimum_minutes, row.last_outcome) == (stage, minimum, title)
    assert (row.review.title, row.review.due) == ("IEP review", D(2025, 12, 12))


def test_a_review_that_ends_school_action_leaves_nothing_due() -> None:
    data = sample("iep_review")
    data["review"].update(decision="end", stage="sa", next_review_date=None)
    row = PROVIDER.assess([facts("iep", sample("iep")), facts("iep_review", data)],
                          D(2025, 9, 1))
    assert row.plan == "End School Action: progress is now adequate (IEP review, 14 July 2025)"
    assert (row.stage, row.minimum_minutes, row.review, row.deadlines, row.provision) == \
        ("", None, None, [], [])


def test_the_next_review_date_is_capped_at_six_months_after_the_review() -> None:
    data = sample("iep_review")
    data["review"].update(decision="continue", next_review_date=D(2026, 3, 20))
    row = PROVIDER.assess([facts("iep_review", data)], D(2025, 9, 1))
    # 14 July 2025 + 6 months = 14 January 2026, before the 20 March 2026 it sets
    assert row.review.due == D(2026, 1, 14)
    assert row.checks == ["Review date set for 20 March 2026, more than six months on: the "
                          "guidance asks for reviews at least two per year and ideally "
                          "termly, so it is due by 14 January 2026"]
    del data["review"]["next_review_date"]  # left empty: the form warns; six months on
    row = PROVIDER.assess([facts("iep_review", data)], D(2025, 9, 1))
    assert (row.review.due, row.checks) == (D(2026, 1, 14), [])


def test_a_new_iep_written_on_the_day_of_the_review_follows_from_it() -> None:
    data = sample("iep_review")
    data["review"]["decision"] = "continue"
    new = sample("iep")
    new["plan"].update(start_date=D(2025, 7, 14), review_date=D(2025, 12, 12))
    row = PROVIDER.assess([facts("iep_review", data), facts("iep", new)], D(2025, 9, 1))
    assert (row.plan, row.review.title, row.review.due) == \
        ("IEP from 14 July 2025", "IEP review", D(2025, 12, 12))
    assert row.last_review == D(2025, 7, 14)


def test_two_adults_in_a_session_double_each_pupils_time() -> None:
    data = sample("iep")
    data["provision"][0]["adults"] = 2  # phonics: 20 minutes × 4 a week, a group of 4
    row = PROVIDER.assess([facts("iep", data)], D(2025, 6, 2))
    # 20 × 4 × 2 ÷ 4 = 40 (was 20), + 50 + 10, as the IEP form counts it
    assert [r.weekly_minutes_per_pupil for r in row.provision] == [40, 50, 10]
