"""Tables 1 and 2 in the seed's words: every thread, area, service and evidence item docgen
prints is in the seed's tables, apart from the slips listed in crisp.SEED_CORRECTIONS."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docgen.domain import crisp

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_tables_1_2.txt"


def _one_space(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


@pytest.fixture(scope="module")
def seed() -> str:
    """The seed's Tables 1 and 2, runs of spaces as one, with docgen's corrections made."""
    text = _one_space(SEED.read_text(encoding="utf-8"))
    for printed, corrected, _ in crisp.SEED_CORRECTIONS:
        text = text.replace(printed, corrected)
    return text


def test_every_correction_corrects_something_the_seed_prints() -> None:
    raw = _one_space(SEED.read_text(encoding="utf-8"))
    for printed, corrected, reason in crisp.SEED_CORRECTIONS:
        assert printed in raw, printed
        assert corrected != printed and reason


def test_thread_labels_are_table_1_and_table_2(seed: str) -> None:
    lines = {line.strip() for line in seed.splitlines()}
    for thread in crisp.THREADS:
        assert thread.label in lines, thread.label
    assert crisp.thread(18).label == "18. Post 16 Curriculum (for older students)"


def test_services_are_table_1_cells(seed: str) -> None:
    lines = [line.strip().rstrip(".") for line in seed.splitlines()]
    for thread in crisp.THREADS:
        assert thread.services_text in lines, thread.label
    assert crisp.thread(7).services_text.endswith("Educational Psychologists, PSS")


def test_areas_are_table_1_cells(seed: str) -> None:
    """Threads 7–11 share the seed's merged cell: 'Communication and interaction /
    Behaviour, emotional and social development'."""
    lines = {line.strip() for line in seed.splitlines()}
    for thread in crisp.THREADS:
        for line in thread.area.splitlines():
            assert line in lines, (thread.label, line)
    assert crisp.thread(9).area.splitlines() == [
        "Communication and interaction", "Behaviour, emotional and social development"]


def test_evidence_is_table_2(seed: str) -> None:
    for thread in crisp.THREADS:
        for item in thread.evidence:
            assert item in seed, (thread.label, item)
    for item in crisp.EVIDENCE_ALL_CASES:
        assert item in seed, item


def test_paraphrases_are_not_the_seed(seed: str) -> None:
    """The negative case: docgen's earlier paraphrases are not the seed's words."""
    for paraphrase in ("Check that the step sizes in targets are appropriate",
                       "Post 16 curriculum (older students)",
                       "IEPs and reviews over the last 12 months",
                       "Approaches used and their effectiveness"):
        assert paraphrase not in seed
