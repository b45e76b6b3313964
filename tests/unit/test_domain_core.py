"""The CRISP threads, bands, stages and adult-time arithmetic against the guidance's words."""

from __future__ import annotations

from fractions import Fraction

import pytest

from docgen.domain import crisp, stages


def test_eighteen_threads_in_order_with_the_guidance_names() -> None:
    assert [t.number for t in crisp.THREADS] == list(range(1, 19))
    assert crisp.thread(7).name == "Understanding language"
    assert crisp.thread(11).name == "Personal, social, emotional and behavioural education"
    assert crisp.thread(18).name == "Post 16 Curriculum (for older students)"


def test_table_1_areas_and_services() -> None:
    assert crisp.thread(1).area == "Cognition and learning"
    assert crisp.thread(18).area == "Cognition and learning"
    # Table 1 prints threads 7–11 under one cell naming both areas.
    merged = "Communication and interaction\nBehaviour, emotional and social development"
    assert {crisp.thread(n).area for n in range(7, 12)} == {merged}
    assert crisp.thread(14).area == "Sensory and/or physical"
    assert crisp.thread(16).area == "No specific Code of Practice descriptor"
    assert "Connexions" in crisp.thread(18).services
    assert "CAMHS services" in crisp.thread(11).services
    assert crisp.thread(15).services == crisp.thread(14).services  # "as thread 14"


def test_table_2_evidence_per_thread() -> None:
    """Table 2: 'Check steps sizes in Targets are appropriate' for thread 2 (corrected), etc."""
    assert crisp.thread(2).evidence[0] == "Check step sizes in Targets are appropriate"
    assert any("baselining and re-testing" in e for e in crisp.thread(9).evidence)
    recommendations = "Develop recommendations for future approaches"
    assert all(recommendations in crisp.thread(n).evidence for n in (*range(1, 12), 18))
    assert all(recommendations not in crisp.thread(n).evidence for n in range(12, 18))
    assert len(crisp.EVIDENCE_ALL_CASES) == 7
    assert crisp.EVIDENCE_ALL_CASES[-1] == "Attendance record"


def test_bands_and_concern() -> None:
    assert crisp.BANDS == (1, 2, 3, 4, 5, 6)
    assert not crisp.is_concern(2) and crisp.is_concern(3) and not crisp.is_concern(None)


def test_stage_minimums_match_the_guidance() -> None:
    """'remains at 30 minutes per week' (SA) and '50 minutes per week' (SA+)."""
    assert stages.stage("sa").minimum_minutes == 30
    assert stages.stage("sa_plus").minimum_minutes == 50
    assert stages.stage("sa").band_equivalent == "Band 2"
    assert stages.stage("sa_plus").band_equivalent == "Band 3"


def test_group_arithmetic_from_the_guidance() -> None:
    """'all pupils in a group of 5 working for half an hour a day would be receiving the
    indicated level' — and fifty minutes a day for SA+."""
    assert stages.per_pupil_minutes(30, 5, 5) == 30
    assert stages.meets_stage_minimum("sa", stages.per_pupil_minutes(30, 5, 5))
    assert stages.per_pupil_minutes(50, 5, 5) == 50
    assert stages.meets_stage_minimum("sa_plus", 50)
    assert not stages.meets_stage_minimum("sa_plus", Fraction(49))
    assert stages.format_minutes(Fraction(100, 3)) == "about 33"
    assert stages.format_minutes(Fraction(190, 3)) == "about 63"
    assert stages.format_minutes(30) == "30"
    assert stages.per_pupil_minutes(20, 4, 1) == 80  # one to one: the whole session
    one = r"^a group has at least one pupil and one adult$"
    with pytest.raises(ValueError, match=one):
        stages.per_pupil_minutes(30, 5, 0)
    with pytest.raises(ValueError, match=one):
        stages.per_pupil_minutes(30, 5, 6, adults=0)
    assert stages.per_pupil_minutes(30, 5, 1, adults=1) == 150  # one pupil, one adult: allowed


def test_a_group_with_more_than_one_adult_shares_all_their_time() -> None:
    """A group of 6 with two adults: each pupil has a third of the session, not a sixth."""
    assert stages.per_pupil_minutes(40, 5, 6, adults=2) == Fraction(200, 3)
    assert stages.per_pupil_minutes(40, 5, 6) == Fraction(100, 3)
    assert stages.per_pupil_minutes(30, 5, 5, adults=1) == 30


def test_statement_is_its_own_stage_and_delegated_provision_stays_at_sa_plus() -> None:
    """Pupils with delegated provision 'will have their needs met at School Action Plus, but
    will require provision to meet their needs which will exceed the present indicative amount
    for School Action Plus'."""
    assert stages.stage("statement").name == "Statement"
    assert stages.stage("statement").minimum_minutes is None
    delegated = stages.stage("sa_plus_delegated")
    assert delegated.name == "School Action Plus with delegated provision"
    assert delegated.minimum_minutes == 50 and delegated.must_exceed
    assert not stages.meets_stage_minimum("sa_plus_delegated", 50)  # must exceed, not reach
    assert stages.meets_stage_minimum("sa_plus_delegated", Fraction(101, 2))
    assert stages.meets_stage_minimum("sa_plus", 50)


def test_stage_against_bands_in_the_guidance_s_words() -> None:
    """'School Action is equivalent to Band 2 provision on a number of CRISP ‘threads’'; 'Band 3
    is equivalent to the level of need implied by School Action Plus'; the 'statementing range
    (that is; assessed at CRISP Band 4 and above)'."""
    (sa_high,) = stages.stage_band_problems("sa", {1: 3, 2: 2})
    assert sa_high == ("“Band 3 is equivalent to the level of need implied by School Action "
                       "Plus”, and the CRISP assessment has Band 3 on 1. Curriculum access. Check "
                       "that School Action is still the right stage.")
    (sa_low,) = stages.stage_band_problems("sa", {1: 1, 2: 1})
    assert sa_low.startswith("“School Action is equivalent to Band 2 provision on a number of "
                             "CRISP ‘threads’”, but no thread is above Band 1.")
    (plus_low,) = stages.stage_band_problems("sa_plus", {1: 2})
    assert plus_low.startswith("“Band 3 is equivalent to the level of need implied by School "
                               "Action Plus”, but no thread is at Band 3 or above")
    (plus_high,) = stages.stage_band_problems("sa_plus", {7: 5, 8: 5, 1: 3})
    assert plus_high.startswith("Band 5 on 7. Understanding language and 8. Using language are "
                                "in the statementing range: “levels of need at present within "
                                "the ‘statementing range’ (that is; assessed at CRISP Band 4 "
                                "and above)”.")
    (statement_low,) = stages.stage_band_problems("statement", {1: 3})
    assert statement_low.startswith("Statement is for needs in the statementing range")
    # the negative cases: stage and bands agree, or no band is recorded
    assert stages.stage_band_problems("sa", {1: 2, 2: 2}) == []
    assert stages.stage_band_problems("sa_plus", {1: 3}) == []
    assert stages.stage_band_problems("sa_plus_delegated", {1: 4}) == []
    assert stages.stage_band_problems("statement", {7: 5}) == []
    assert stages.stage_band_problems("sa_plus", {1: None}) == []
