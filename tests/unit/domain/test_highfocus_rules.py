"""High Focus rules, each against the sentence of the guidance it implements."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.domain import crisp, highfocus, questions, review
from docgen.domain.delegation import DelegationPolicy, load_policy
from docgen.errors import TemplateProblem

POLICY = DelegationPolicy(4)


class TestEligibility:
    """'having used CRISP as a measure of need based on the available evidence the result shows
    that the pupil is rated as being at Band 4 or higher on one or more Threads, and appropriate
    provision at School Action and School Action Plus has been made, but progress is not
    satisfactory.'"""

    def test_all_three_hold(self) -> None:
        result = highfocus.eligibility({1: 4, 2: 2}, True, False)
        assert result.eligible and result.reasons == ()

    def test_band_4_but_progress_satisfactory(self) -> None:
        result = highfocus.eligibility({1: 4}, True, True)
        assert not result.eligible
        assert result.reasons == ("Not met: progress is not satisfactory (progress is "
                                  "satisfactory).",)

    def test_band_3_only(self) -> None:
        result = highfocus.eligibility({1: 3, 7: 3}, True, False)
        assert not result.eligible
        assert result.reasons == ("Not met: CRISP (on the available evidence) rates the pupil "
                                  "at Band 4 or higher on one or more Threads.",)

    def test_provision_not_made(self) -> None:
        result = highfocus.eligibility({9: 5}, False, False)
        assert result.reasons == ("Not met: appropriate provision at School Action and School "
                                  "Action Plus has been made.",)


def test_threads_of_concern_are_band_3_and_above() -> None:
    """'Action focuses on threads at Band 3/4 and above'; Table 2 applies 'only where CRISP
    shows significant concern (usually Band 3/4 and higher)'."""
    concerns = highfocus.threads_of_concern({1: 2, 7: 3, 11: 5, 18: None})
    assert [(c.thread.number, c.band) for c in concerns] == [(7, 3), (11, 5)]


def test_evidence_checklist_is_all_cases_then_table_2_per_thread() -> None:
    items = highfocus.evidence_checklist({2: 4, 5: 1})
    assert [i.text for i in items[:7]] == list(crisp.EVIDENCE_ALL_CASES)
    assert all(i.thread is None for i in items[:7])
    assert [i.text for i in items[7:]] == [
        "Check that the step sizes in targets are appropriate",
        "Develop recommendations for future approaches",
    ]
    assert {i.thread.number for i in items[7:]} == {2}


def _table_3_rows() -> list[dict]:
    return [{"who": r.who, "role": r.what, **{f"q{n}": n in r.questions for n in range(1, 5)}}
            for r in questions.TABLE_3]


class TestRoleTable:
    def test_table_3_passes_with_no_errors(self) -> None:
        """Table 3, the guidance's own example for a pupil with learning difficulties."""
        concerns = highfocus.threads_of_concern({1: 4, 4: 4})
        problems = highfocus.check_roles(_table_3_rows(), concerns)
        assert [p for p in problems if p.severity == "error"] == []
        assert problems == []

    def test_missing_question_3_names_table_and_question(self) -> None:
        rows = [dict(r, q3=False) for r in _table_3_rows()]
        problems = highfocus.check_roles(rows, [])
        assert [p.text() for p in problems] == [
            "Role table: No one in the role table helps answer key question 3 ('Can the pupil "
            "as a consequence progress satisfactorily?'). Tick question 3 for at least one role."
        ]

    def test_pupil_and_parents_need_a_role_or_a_reason(self) -> None:
        rows = [r for r in _table_3_rows() if r["who"] not in ("Pupil", "Parents/carers")]
        messages = [p.message for p in highfocus.check_roles(rows, [])]
        assert any(m.startswith("The pupil has no role.") for m in messages)
        assert any(m.startswith("The parents or carers have no role.") for m in messages)
        reasons = highfocus.check_roles(rows, [], pupil_no_role_reason="Aged 3",
                                        parents_no_role_reason="No contact possible")
        assert [p.severity for p in reasons] == []

    def test_no_service_for_a_thread_of_concern_is_a_warning(self) -> None:
        """Contributors include 'Appropriate Support Service personnel (see table above)'."""
        rows = [r for r in _table_3_rows() if "Pupil and School Support" not in r["who"]
                and "Psychologist" not in r["who"]]
        problems = highfocus.check_roles(rows, highfocus.threads_of_concern({7: 4}))
        assert [(p.severity, p.message.split(" is a thread")[0]) for p in problems] == [
            ("warning", "Thread 7. Understanding language")]

    def test_duplicated_reading_tests_are_flagged(self) -> None:
        """'there is no great merit in the SENCo, the Pupil and School Support teacher and the
        Educational Psychologist all conducting reading tests'."""
        extra = {"who": "SENCo", "role": "Gives a reading test each half-term", "q1": True}
        rows = [*_table_3_rows(), extra]
        problems = highfocus.check_roles(rows, [])
        assert [(p.severity, p.row) for p in problems] == [("warning", 15)]
        assert "both assess reading" in problems[0].message

    def test_row_without_questions_is_a_warning(self) -> None:
        rows = [*_table_3_rows(), {"who": "Class teacher", "role": "Keeps notes"}]
        problems = highfocus.check_roles(rows, [])
        assert [(p.severity, p.row) for p in problems] == [("warning", 15)]


def test_coverage_matrix_merges_rows_per_contributor() -> None:
    matrix = dict(highfocus.coverage_matrix(_table_3_rows()))
    assert matrix["Pupil"] == (True, True, True, True)
    assert matrix["Parents/carers"] == (False, True, False, True)
    assert matrix["SENCo"] == (True, True, True, True)
    assert list(matrix)[:3] == ["Pupil", "Parents/carers", "Class teacher"]


def test_agenda_and_questions_are_the_guidance_s() -> None:
    assert len(questions.REVIEW_AGENDA) == 10
    assert questions.REVIEW_AGENDA[0] == "Welcome and introductions"
    assert questions.REVIEW_AGENDA[7] == ("Arrangements for formulating a Proposed Provision "
                                          "Plan (if needed)")
    assert questions.REVIEW_AGENDA[-1] == "New review date"
    assert questions.KEY_QUESTIONS[3] == ("If more resource is indicated how might it be used "
                                          "to improve progress?")
    assert questions.REVIEW_QUESTIONS[3] == ("How might extra resource (based on CRISP "
                                             "assessment) be used to improve progress?")


def _answers(**changes) -> review.ReviewAnswers:
    base = {"bands": {1: 4, 7: 3}, "evidence_solid": True, "needs_stable": True,
            "evidence_reliable": True, "all_provision_made": True,
            "progress_satisfactory": True}
    return review.ReviewAnswers(**{**base, **changes})


class TestOutcome:
    def test_within_delegated_bands_gives_a_provision_plan(self) -> None:
        """'If the CRISP assessment shows the needs of the pupil are within bands that are
        funded through delegated budgets, there should be no need for request for Statutory
        Assessment.'"""
        outcome = review.decide_outcome(_answers(), POLICY)
        assert (outcome.key, outcome.plan_name) == ("delegated", "Provision Plan")
        assert outcome.reason.startswith(review.WITHIN_DELEGATED)
        assert "bands up to 4 on every thread" in outcome.reason

    def test_evidence_not_solid_gives_a_further_period(self) -> None:
        """'if there is concern that the evidence is not solid, or that the pupil's needs might
        not be stable, the Review might decide on a further period of High Focus'."""
        for change in ({"evidence_solid": False}, {"needs_stable": False}):
            outcome = review.decide_outcome(_answers(**change), POLICY)
            assert (outcome.key, outcome.plan_name) == ("further_high_focus", None)
            assert outcome.reason == review.NOT_SOLID

    def test_unreliable_evidence_above_band_3_renews_the_period(self) -> None:
        """'if what evidence exists points to the pupil having needs higher than Band 3 on any
        Thread, but that evidence is not reliable ... renew the High Focus period'."""
        outcome = review.decide_outcome(_answers(evidence_reliable=False), POLICY)
        assert outcome.key == "renew_for_evidence" and outcome.reason == review.NOT_RELIABLE

    def test_unreliable_evidence_at_band_3_is_a_further_period(self) -> None:
        answers = _answers(evidence_reliable=False, bands={1: 3})
        assert review.decide_outcome(answers, POLICY).key == "further_high_focus"

    def test_non_delegated_elements_request_statutory_assessment(self) -> None:
        """'through a request for Statutory Assessment because the agreed CRISP profile shows
        elements that are not delegated' — and 'the plan will be a Proposed Provision Plan'."""
        outcome = review.decide_outcome(_answers(bands={7: 5, 8: 5, 1: 3}), POLICY)
        assert (outcome.key, outcome.plan_name) == ("statutory_request",
                                                    "Proposed Provision Plan")
        assert "Not delegated: 7. Understanding language (Band 5), 8. Using language (Band 5)." \
            in outcome.reason

    def test_policy_is_per_thread(self) -> None:
        policy = DelegationPolicy(4, {13: 3})
        assert policy.non_delegated({13: 4, 1: 4}) == (13,)
        assert "except thread 13 up to Band 3" in policy.describe()

    def test_provision_not_made_notes_crisp_may_be_too_high(self) -> None:
        outcome = review.decide_outcome(_answers(all_provision_made=False), POLICY)
        assert review.TEMPORARILY_HIGH in outcome.notes


class TestObligations:
    def test_statutory_request_must_send_all_reservations(self) -> None:
        """'In the case of Statutory Assessment, details of all reservations must be sent with
        the request.'"""
        answers = _answers(bands={7: 5}, reservations=({"who": "Parent", "about": "Band 5"},),
                           health_needs="SALT", parents_views="x", pupil_views="y",
                           interim_provision="z", understood=True)
        outcome = review.decide_outcome(answers, POLICY)
        problems = review.review_obligations(answers, outcome)
        assert [(p.severity, p.section, p.row) for p in problems] == [
            ("error", "Reservations", 1)]

    def test_disagreement_needs_a_recorded_reservation(self) -> None:
        """'or any reservations should be recorded and kept with the pupil's records'."""
        answers = _answers(disagreement=True, health_needs="none", parents_views="x",
                           pupil_views="y", understood=True)
        problems = review.review_obligations(answers, review.decide_outcome(answers, POLICY))
        assert [p.severity for p in problems] == ["error"]

    def test_absent_contributors_told_the_outcome(self) -> None:
        """'The SENCo should let them know the outcome of the Review and invite any comments.'"""
        answers = _answers(apologies=({"name": "EP", "contribution_received": True},),
                           health_needs="none", parents_views="x", pupil_views="y",
                           understood=True)
        problems = review.review_obligations(answers, review.decide_outcome(answers, POLICY))
        assert [(p.severity, p.label) for p in problems] == [("warning", "Told the outcome")]


def test_bundled_policy_defaults_to_band_4() -> None:
    assert load_policy().default_max_band == 4


def test_bad_policy_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "delegation.yaml"
    bad.write_text("default_max_delegated_band: 4\nthreads: {19: 3}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_policy(bad)
    assert "thread 19 does not exist" in caught.value.format_message()
    assert str(bad) in caught.value.format_message()
