"""The guidance's rules at their boundaries, each with its message (fixtures: tests/fixtures)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from docgen.definitions import load_definition
from docgen.domain import crisp
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
            f"minutes of adult time per week for this pupil; the indicative minimum at {name} "
            f"is {minimum} minutes. Add provision, or describe the other provision of "
            "equivalent value."]
        assert warnings(IEP, self.plan_with_minutes(stage, minimum)) == []

    def test_a_statement_has_no_indicative_minimum(self) -> None:
        assert warnings(IEP, self.plan_with_minutes("statement", 1)) == []
