"""Moving to High Focus, threads of concern, Table 2's checklist and the coverage matrix."""

from __future__ import annotations

from docgen.domain import crisp, highfocus, questions

BAND = "Not met: “the pupil is rated as being at Band 4 or higher on one or more Threads”"
PROVISION = ("Not met: “appropriate provision at School Action and School Action Plus has been "
             "made”.")
PROGRESS = "Not met: “progress is not satisfactory” (progress has been satisfactory)."


class TestEligibility:
    """'A School Action plus review may conclude that: having used CRISP as a measure of need
    based on the available evidence the result shows that the pupil is rated as being at Band 4
    or higher on one or more Threads, and appropriate provision at School Action and School
    Action Plus has been made, but progress is not satisfactory.'"""

    def test_all_three_conditions_hold(self) -> None:
        result = highfocus.eligibility({1: 4, 2: 2}, True, False)
        assert result == highfocus.Eligibility(True, ())

    def test_band_4_but_progress_satisfactory_is_not_eligible(self) -> None:
        """'... but progress is not satisfactory.'"""
        result = highfocus.eligibility({1: 4}, True, True)
        assert result == highfocus.Eligibility(False, (PROGRESS,))

    def test_band_3_only_is_not_eligible(self) -> None:
        """'rated as being at Band 4 or higher on one or more Threads'."""
        result = highfocus.eligibility({1: 3, 7: 3, 9: None}, True, False)
        assert result == highfocus.Eligibility(False, (f"{BAND} (the highest band recorded is "
                                                       "3).",))

    def test_no_bands_at_all(self) -> None:
        result = highfocus.eligibility({1: None}, True, False)
        assert result.reasons == (f"{BAND} (no band is recorded).",)

    def test_provision_not_made_is_not_eligible(self) -> None:
        """'appropriate provision at School Action and School Action Plus has been made'."""
        assert highfocus.eligibility({9: 5}, False, False).reasons == (PROVISION,)

    def test_every_unmet_condition_is_given_in_order(self) -> None:
        result = highfocus.eligibility({}, False, True)
        assert result.reasons == (f"{BAND} (no band is recorded).", PROVISION, PROGRESS)


def test_threads_of_concern_are_band_3_and_above() -> None:
    """'action should be focussed on CRISP Threads assessed at 3/4 and above'."""
    concerns = highfocus.threads_of_concern({11: 5, 1: 2, 7: 3, 18: None})
    assert [(c.thread.number, c.band) for c in concerns] == [(7, 3), (11, 5)]
    assert concerns[1].services == crisp.thread(11).services  # Table 1
    assert "CAMHS services" in concerns[1].services
    assert concerns[0].evidence == crisp.thread(7).evidence  # Table 2


def test_no_threads_of_concern_below_band_3() -> None:
    assert highfocus.threads_of_concern({1: 2, 2: 1}) == ()


def test_evidence_checklist_is_all_cases_then_table_2_per_thread() -> None:
    """Table 2: 'Needed in all cases', then per thread — 'These answers/information only needed
    where the CRISP record shows a significant concern – usually Band 3/4 and higher.'"""
    items = highfocus.evidence_checklist({5: 1, 2: 4, 16: 3})
    assert [i.text for i in items[:7]] == list(crisp.EVIDENCE_ALL_CASES)
    assert all(i.thread is None for i in items[:7])
    assert [(i.thread.number, i.text) for i in items[7:]] == [
        (2, "Check step sizes in Targets are appropriate"),
        (2, "Develop recommendations for future approaches"),
        (16, "Describe approaches used and effectiveness"),
        (16, "Develop recommendations and reasons for needing further resources"),
    ]


def test_evidence_checklist_without_concerns_is_the_all_cases_list() -> None:
    items = highfocus.evidence_checklist({1: 2})
    assert tuple(i.text for i in items) == crisp.EVIDENCE_ALL_CASES


def test_coverage_matrix_merges_rows_per_contributor() -> None:
    """'Everyone’s planned involvement in answering the four key questions should be recorded
    as part of the High Focus IEP.'"""
    matrix = highfocus.coverage_matrix(questions.table_3_rows())
    assert matrix == [
        ("Pupil", (True, True, True, True)),
        ("Parents/carers", (False, True, False, True)),
        ("Class teacher", (True, True, True, True)),
        ("Classroom assistant/ LSA", (True, True, True, True)),
        ("SENCo", (True, True, True, True)),
        ("Pupil and School Support Teacher", (True, True, True, True)),
        ("Educational Psychologist", (True, True, False, True)),
    ]


def test_coverage_matrix_skips_empty_rows_and_merges_spellings() -> None:
    rows = [{"who": "Mrs Khan (SENCo)", "role": "Monitors", "q1": True},
            {"who": "", "role": "Unfinished row", "q2": True},
            {"who": "mrs  khan (senco)", "role": "Checks hearing", "q4": True}]
    assert highfocus.coverage_matrix(rows) == [("Mrs Khan (SENCo)", (True, False, False, True))]
