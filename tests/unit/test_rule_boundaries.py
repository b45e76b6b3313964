"""The guidance's rules at their boundaries, each with its message (fixtures: tests/fixtures)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from docgen.definitions import load_definition
from docgen.domain import crisp
from docgen.form_rules import check_form
from docgen.validation import validate_data
from tests.fixtures import ELLIS_CASE, MIA, raw

IEP = load_definition("iep")
CRISP = load_definition("crisp")
HF_IEP = load_definition("hf_iep")
HF_REVIEW = load_definition("hf_review")
START = dt.date(2026, 9, 7)


def errors(definition: Any, data: dict[str, Any]) -> list[str]:
    return [p.text() for p in validate_data(definition, data).errors]


def warnings(definition: Any, data: dict[str, Any]) -> list[str]:
    return [p.text() for p in validate_data(definition, data).warnings]


class TestReviewDates:
    """A review on the day the plan starts reviews nothing: the day after is the first."""

    @pytest.mark.parametrize("days", [0, -1])
    def test_iep_review_on_or_before_the_start_is_refused(self, days: int) -> None:
        iep = raw(MIA / "iep.yaml")
        iep["plan"]["start_date"] = START.isoformat()
        iep["plan"]["review_date"] = (START + dt.timedelta(days=days)).isoformat()
        assert errors(IEP, iep) == [
            'The plan, "Review date": The review date must be after the start date.']

    def test_iep_review_the_day_after_the_start_is_accepted(self) -> None:
        iep = raw(MIA / "iep.yaml")
        iep["plan"]["start_date"] = START.isoformat()
        iep["plan"]["review_date"] = (START + dt.timedelta(days=1)).isoformat()
        assert errors(IEP, iep) == []

    @pytest.mark.parametrize(("days", "refused"), [(-1, True), (0, True), (1, False)])
    def test_high_focus_review_must_follow_its_start(self, days: int, refused: bool) -> None:
        hf = raw(MIA / "hf_iep.yaml")
        start = hf["high_focus"]["start_date"]
        hf["high_focus"]["review_date"] = start + dt.timedelta(days=days)
        message = ('The High Focus period, "Date of the High Focus review": The review must '
                   "come after the start of the High Focus period.")
        assert errors(HF_IEP, hf) == ([message] if refused else [])

    @pytest.mark.parametrize(("days", "refused"), [(-1, True), (0, True), (1, False)])
    def test_next_review_must_follow_this_review(self, days: int, refused: bool) -> None:
        review = raw(ELLIS_CASE / "hf_review-2027-01-18.yaml")
        date = review["review"]["date"]
        review["review"]["next_review_date"] = date + dt.timedelta(days=days)
        message = ('The review meeting, "Next review date": The next review must come after '
                   "this review.")
        assert (message in errors(HF_REVIEW, review)) is refused

    @pytest.mark.parametrize(("days", "warned"), [(183, False), (184, True)])
    def test_review_more_than_six_months_after_the_start(self, days: int, warned: bool) -> None:
        """'At least two per year': 183 days (half a year) is the last day without a warning."""
        iep = raw(MIA / "iep.yaml")
        iep["plan"]["start_date"] = START.isoformat()
        iep["plan"]["review_date"] = (START + dt.timedelta(days=days)).isoformat()
        expected = [
            f'The plan, "Review date": The review is {days} days after the start. Progress '
            "should be reviewed at least twice a year, ideally every term: set a review within "
            "6 months."]
        assert warnings(IEP, iep) == (expected if warned else [])


class TestThread18:
    """Thread 18 ('Post 16 curriculum') may carry a band from Year 12: Years 12, 13 and 14."""

    @pytest.mark.parametrize("year", ["12", "13", "14"])
    def test_post_16_students_may_have_a_thread_18_band(self, year: str) -> None:
        record = raw(MIA / "crisp.yaml")
        record["pupil"]["year_group"] = year
        assert errors(CRISP, record) == []

    @pytest.mark.parametrize("year", ["11", "10", "R"])
    def test_younger_pupils_may_not(self, year: str) -> None:
        record = raw(MIA / "crisp.yaml")
        record["pupil"]["year_group"] = year
        assert errors(CRISP, record) == [
            f'CRISP bands by thread, {crisp.thread(18).label}, "Band": Thread 18 is for '
            "post-16 students only. Leave its band empty."]

    def test_the_year_14_fixture_is_post_16_on_every_form(self) -> None:
        for name, definition in (("crisp", CRISP), ("hf_iep", HF_IEP), ("iep", IEP)):
            data = raw(MIA / f"{name}.yaml")
            assert data["pupil"]["year_group"] == "14"
            assert errors(definition, data) == [], name


class TestNoRoleReasons:
    """The pupil and the parents each need a role, or a reason of their own for having none."""

    PUPIL = ("Role table: The pupil has no role. Add a row for the pupil, or give the reason "
             "the pupil has no role.")
    PARENTS = ("Role table: The parents or carers have no role. Add a row for them, or give "
               "the reason they have no role.")

    @staticmethod
    def without_pupil_and_parents(**reasons: str) -> dict[str, Any]:
        hf = raw(MIA / "hf_iep.yaml")
        hf["roles"] = [r for r in hf["roles"]
                       if "(student)" not in r["who"] and "(parent)" not in r["who"]]
        hf["high_focus"].update(reasons)
        return hf

    def test_neither_has_a_role_or_a_reason(self) -> None:
        assert errors(HF_IEP, self.without_pupil_and_parents()) == [self.PUPIL, self.PARENTS]

    def test_the_pupils_reason_does_not_excuse_the_parents(self) -> None:
        hf = self.without_pupil_and_parents(
            pupil_no_role_reason="Mia is in hospital for the whole High Focus period.")
        assert errors(HF_IEP, hf) == [self.PARENTS]

    def test_the_parents_reason_does_not_excuse_the_pupil(self) -> None:
        hf = self.without_pupil_and_parents(
            parents_no_role_reason="Ms Adeyemi and Mr Adeyemi asked the school to act alone.")
        assert errors(HF_IEP, hf) == [self.PUPIL]

    def test_a_blank_reason_is_no_reason(self) -> None:
        hf = self.without_pupil_and_parents(pupil_no_role_reason="  ",
                                            parents_no_role_reason="\n")
        assert errors(HF_IEP, hf) == [self.PUPIL, self.PARENTS]


class TestAdultTime:
    """The indicative minimum of additional adult time per week, at each stage's edge."""

    @staticmethod
    def plan_with_minutes(stage: str, minutes: int) -> dict[str, Any]:
        iep = raw(MIA / "iep.yaml")
        iep["plan"]["stage"] = stage
        iep["plan"]["school_action_first"] = True
        iep["provision"] = [{"what": "Reading of course vocabulary",
                             "who": "Learning support assistant (Ms Hannah Price)",
                             "group_size": 1, "session_minutes": minutes,
                             "sessions_per_week": 1}]
        return iep

    @pytest.mark.parametrize(("stage", "name", "minimum"), [
        ("sa", "School Action", 30), ("sa_plus", "School Action Plus", 50),
        ("high_focus", "High Focus School Action Plus", 50)])
    def test_one_minute_short_warns_and_the_minimum_does_not(self, stage: str, name: str,
                                                            minimum: int) -> None:
        short = minimum - 1
        assert warnings(IEP, self.plan_with_minutes(stage, short)) == [
            f'The plan, "Other provision of equivalent value": The provision gives {short} '
            f"minutes of adult time a week for this pupil; the indicative minimum at {name} "
            f"is {minimum} minutes. Add provision, or describe the other provision of "
            "equivalent value."]
        assert warnings(IEP, self.plan_with_minutes(stage, minimum)) == []

    def test_a_statement_has_no_indicative_minimum(self) -> None:
        assert warnings(IEP, self.plan_with_minutes("statement", 1)) == []


class TestPupilAge:
    """'older than 25': 26 on or before the day of the check, also on 29 February."""

    MESSAGE = ('About the pupil, "Date of birth": The date of birth makes the pupil older than '
               "25. Check the year.")

    @staticmethod
    def age_errors(born: dt.date, today: dt.date) -> list[str]:
        iep = raw(MIA / "iep.yaml")
        checked = validate_data(IEP, iep)
        checked.data["pupil"]["date_of_birth"] = born
        return [p.text() for p in check_form(IEP, checked.data, today) if p.severity == "error"]

    @pytest.mark.parametrize(("born", "today", "refused"), [
        (dt.date(2000, 9, 1), dt.date(2026, 9, 1), True),  # 26 today
        (dt.date(2000, 9, 2), dt.date(2026, 9, 1), False),  # 26 tomorrow
        (dt.date(2002, 2, 28), dt.date(2028, 2, 29), True),  # leap day: no crash
        (dt.date(2002, 3, 1), dt.date(2028, 2, 29), False),
    ])
    def test_twenty_six_today_is_older_than_25(self, born: dt.date, today: dt.date,
                                               refused: bool) -> None:
        assert self.age_errors(born, today) == ([self.MESSAGE] if refused else [])


class TestMessages:
    """The guidance's other checks on a form, each message whole."""

    def test_the_year_14_high_focus_iep_meets_every_condition(self) -> None:
        assert warnings(HF_IEP, raw(MIA / "hf_iep.yaml")) == []

    def test_each_unmet_high_focus_condition_is_named(self) -> None:
        hf = raw(MIA / "hf_iep.yaml")
        hf["high_focus"].update(provision_made=False, progress_satisfactory=True)
        for row in hf["crisp_threads"]:
            row["band"] = min(row["band"], 3)
        start = ("The High Focus period: A High Focus period may start only when all three "
                 "conditions hold. Not met: ")
        assert warnings(HF_IEP, hf) == [
            start + "“the pupil is rated as being at Band 4 or higher on one or more Threads” "
            "(the highest band recorded is 3).",
            start + "“appropriate provision at School Action and School Action Plus has been "
            "made”.",
            start + "“progress is not satisfactory” (progress has been satisfactory)."]

    def test_evidence_without_a_band(self) -> None:
        record = raw(MIA / "crisp.yaml")
        record["crisp_threads"][1]["band"] = None
        assert errors(CRISP, record) == []
        assert warnings(CRISP, record) == [
            f'CRISP bands by thread, {crisp.thread(4).label}, "Band": There is evidence but no '
            "band. Choose a band."]

    def test_no_band_at_all(self) -> None:
        record = raw(MIA / "crisp.yaml")
        record["crisp"]["kind"] = "pencilled"
        for row in record["crisp_threads"]:
            row["band"] = None
        assert errors(CRISP, record) == [
            "CRISP bands by thread: Give a band for at least one thread."]

    def test_school_action_plus_without_school_action_first(self) -> None:
        iep = raw(MIA / "iep.yaml")
        iep["plan"]["school_action_first"] = False
        assert warnings(IEP, iep) == [
            'The plan, "Exceptional reason for starting at School Action Plus": A pupil should '
            "not move to School Action Plus without provision at School Action first, unless "
            "there are exceptional reasons. Tick the box, or record the reason."]
        iep["plan"]["exceptional_reason"] = "Arrived with a report from her previous school."
        assert warnings(IEP, iep) == []
