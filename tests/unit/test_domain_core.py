"""The CRISP threads, bands, stages and adult-time arithmetic against the guidance's words."""

from __future__ import annotations

from fractions import Fraction

import pytest

from docgen.domain import crisp, stages


def test_eighteen_threads_in_order_with_the_guidance_names() -> None:
    assert [t.number for t in crisp.THREADS] == list(range(1, 19))
    assert crisp.thread(7).name == "Understanding language"
    assert crisp.thread(11).name == "Personal, social, emotional and behavioural education"
    assert crisp.thread(18).name == "Post 16 curriculum (older students)"


def test_table_1_areas_and_services() -> None:
    assert crisp.thread(1).area == "Cognition and learning"
    assert crisp.thread(18).area == "Cognition and learning"
    assert crisp.thread(8).area == "Communication and interaction"
    assert crisp.thread(10).area == "Behaviour, emotional and social development"
    assert crisp.thread(14).area == "Sensory and/or physical"
    assert crisp.thread(16).area == "No specific Code of Practice descriptor"
    assert "Connexions" in crisp.thread(18).services
    assert "CAMHS services" in crisp.thread(11).services
    assert crisp.thread(15).services == crisp.thread(14).services  # "as thread 14"


def test_table_2_evidence_per_thread() -> None:
    """Table 2: 'check step sizes in targets are appropriate' for thread 2, etc."""
    assert "step sizes" in crisp.thread(2).evidence[0]
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
    assert stages.format_minutes(Fraction(100, 3)) == "33.3"
    assert stages.per_pupil_minutes(20, 4, 1) == 80  # one to one: the whole session
    with pytest.raises(ValueError, match=r"^group size must be at least 1$"):
        stages.per_pupil_minutes(30, 5, 0)
