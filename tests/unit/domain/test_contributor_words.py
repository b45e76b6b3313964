"""Reading role-table text: punctuation, clauses and the services' own names."""

from __future__ import annotations

import pytest

from docgen.domain import contributors


@pytest.mark.parametrize(("text", "normal"), [
    ("Pupil & School Support (PSS)", "pupil and school support pss"),
    ("Speech-and-Language Therapist", "speech and language therapist"),
    ("Mrs O'Neill (mother)", "mrs o neill mother"),
    ("  SENCo__Mr   Ali\n", "senco mr ali"),
])
def test_normalise_reads_every_run_of_non_letters_as_one_space(text: str, normal: str) -> None:
    assert contributors.normalise(text) == normal


def test_hyphenated_and_bracketed_services_are_recognised() -> None:
    assert contributors.names_service("Speech-and-Language Therapist (NHS)",
                                      "Speech and Language therapists")
    assert contributors.names_service("Teacher (Pupil & School Support)", "PSS")


@pytest.mark.parametrize(("role", "topics"), [
    ("Tests spelling. Practises key words at home", ("spelling",)),
    ("Tests spelling; hears reading at home", ("spelling",)),
    ("Screens hearing: practises number bonds", ("hearing",)),
    ("Measures reading age\nplays number games", ("reading",)),
])
def test_each_clause_is_judged_on_its_own(role: str, topics: tuple[str, ...]) -> None:
    """Only a clause with a verb of assessing assesses what it names."""
    assert contributors.assessed_topics(role) == topics


@pytest.mark.parametrize(("who", "pupil", "parent"), [
    ("Parent Partnership officer", False, False),
    ("Mrs Khan (mother) and Parent Partnership", False, True),
    ("Teacher for pupils with autism", False, False),
    ("Child and adolescent mental health nurse", False, False),
    ("Amir (pupil)", True, False),
])
def test_services_named_after_pupils_or_parents_are_neither(who: str, pupil: bool,
                                                            parent: bool) -> None:
    assert (contributors.is_pupil(who), contributors.is_parent(who)) == (pupil, parent)
