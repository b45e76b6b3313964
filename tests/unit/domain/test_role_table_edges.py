"""The role table's edges: rows half filled, people who answer one question, shared tests."""

from __future__ import annotations

from docgen.domain import highfocus

PUPIL_AND_PARENTS = [
    {"who": "Pupil", "role": "Keeps a diary", "q1": True, "q2": True, "q3": True, "q4": True},
    {"who": "Parents", "role": "Hear reading at home", "q2": True},
]


def test_a_question_nobody_ticks_stays_unticked_in_the_matrix() -> None:
    rows = [{"who": "Ms Lee (teacher)", "role": "Keeps work samples", "q1": True},
            {"who": "Mr Ali", "q2": True},  # no role yet: left to validation
            {"role": "Runs the group", "q3": True}]  # no one named yet
    assert highfocus.coverage_matrix(rows) == [("Ms Lee (teacher)", (True, False, False, False))]


def test_a_row_without_a_role_is_not_a_role() -> None:
    assert highfocus.role_rows([{"who": "Mr Ali", "role": "  ", "q1": True},
                                {"who": "Mr Ali", "q1": True}]) == ()


def shared(first: str, second: str) -> list[str]:
    rows = [*PUPIL_AND_PARENTS,
            {"who": "SENCo", "role": first, "q1": True},
            {"who": "Educational Psychologist", "role": second, "q1": True}]
    return [p.message for p in highfocus.check_roles(rows, []) if p.severity == "warning"]


def test_two_shared_topics_are_joined_with_and() -> None:
    assert shared("Tests reading and spelling", "Assesses spelling and reading age") == [
        "Educational Psychologist and SENCo (row 3) both assess reading and spelling. As far "
        "as possible roles should not be duplicated: agree who does it, or say how their "
        "perspectives differ."]


def test_three_shared_topics_are_listed_with_commas_then_and() -> None:
    assert shared("Tests reading, spelling and phonics", "Assesses phonics, spelling, reading") == [
        "Educational Psychologist and SENCo (row 3) both assess reading, spelling and phonics. "
        "As far as possible roles should not be duplicated: agree who does it, or say how their "
        "perspectives differ."]


def test_four_shared_topics() -> None:
    role = "Assesses reading, spelling, phonics and number"
    assert shared(role, role)[0].startswith(
        "Educational Psychologist and SENCo (row 3) both assess reading, spelling, phonics and "
        "number skills. ")
