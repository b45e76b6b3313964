"""The key questions, review questions, agenda, contributors and Table 3, as the seed has them."""

from __future__ import annotations

from docgen.domain import questions
from docgen.domain.choices import choices


def test_four_key_questions() -> None:
    """'the result of the review can be to carry out a period of School Action Plus which will
    focus on a four key questions: 1. Is the CRISP Assessment fully supported by all possible
    evidence ? ...'"""
    assert questions.KEY_QUESTIONS == (
        "Is the CRISP Assessment fully supported by all possible evidence?",
        "Is there more appropriate provision that can be made at School Action Plus?",
        "Can the pupil as a consequence progress satisfactorily?",
        "If more resource is indicated how might it be used to improve progress?",
    )


def test_four_review_questions() -> None:
    """'the focus of the review will be a modification of those same questions'."""
    assert questions.REVIEW_QUESTIONS == (
        "What is the current CRISP Assessment and supporting evidence?",
        "Has all appropriate provision that could be made at School Action Plus been made?",
        "Has the pupil as a consequence progressed satisfactorily?",
        "How might extra resource (based on CRISP assessment) be used to improve progress?",
    )


def test_agenda_is_the_ten_items_in_order() -> None:
    """'it makes sense to use them as a logical sequence for an agenda. An example of this might
    be: ...'"""
    assert questions.REVIEW_AGENDA == (
        "Welcome and introductions",
        "Purpose of the review / explanations",
        "Review of IEP Targets and supplementary actions",
        "Current CRISP Assessment",
        "Progress made against current provision",
        "Changes / enhancements needed for provision",
        "Views of parents and pupils",
        "Arrangements for formulating a Proposed Provision Plan (if needed)",
        "Any other matters (e.g. non-educational provision)",
        "New review date",
    )


def test_contributors_to_consider() -> None:
    """'The plan to find answers to them should involve all the appropriate parties including
    (as appropriate): The pupil · The parent/carers · ...'"""
    assert questions.CONTRIBUTORS_TO_CONSIDER == (
        "The pupil",
        "The parent/carers",
        "The class teacher and any assistant(s)",
        "The SENCo",
        "Appropriate Support Service personnel",
        "The school’s Educational Psychologist",
        "External Agencies",
    )


def test_table_3_has_seven_roles_with_their_questions() -> None:
    """Table 3: 'Possible roles at High Focus School Action Plus working with a pupil with some
    learning difficulties but no other known significant problems'."""
    assert [(r.who, [a.questions for a in r.activities]) for r in questions.TABLE_3] == [
        ("Pupil", [(2, 4), (1, 3)]),
        ("Parents/carers", [(2,), (2, 4)]),
        ("Class teacher", [(2, 4), (1, 3), (1, 3, 4)]),
        ("Classroom assistant/ LSA", [(1, 2, 3, 4)]),
        ("SENCo", [(1,), (1, 2, 3, 4)]),
        ("Pupil and School Support Teacher", [(1,), (1, 2, 3, 4)]),
        ("Educational Psychologist", [(1, 2, 4), (2, 4)]),
    ]
    assert questions.TABLE_3[5].activities[0].what == (
        "Assesses levels of phonic skills, key word reading, spelling, sequencing of words in "
        "sentences, basic computational skills")


def test_table_3_as_role_table_rows() -> None:
    rows = questions.table_3_rows()
    assert len(rows) == 14
    assert rows[0]["who"] == "Pupil" and rows[0]["role"].startswith("With help keeps a record")
    assert [rows[0][f"q{n}"] for n in range(1, 5)] == [False, True, False, True]
    assert rows[2] == {"who": "Parents/carers", "role": "Agrees to practise key words to "
                       "supplement one of the targets",
                       "q1": False, "q2": True, "q3": False, "q4": False}


def test_choice_lists() -> None:
    assert choices("key_questions")[2] == (
        "3", "3. Can the pupil as a consequence progress satisfactorily?")
    assert [v for v, _ in choices("review_questions")] == ["1", "2", "3", "4"]
    assert [v for v, _ in choices("review_decisions")] == [
        "delegated", "statutory_request", "further_high_focus", "renew_for_evidence"]
    assert dict(choices("review_decisions"))["statutory_request"] == "Request statutory assessment"
    assert [v for v, _ in choices("stages")] == ["sa", "sa_plus", "high_focus",
                                                 "sa_plus_delegated", "statement"]
    assert [v for v, _ in choices("review_stages")] == ["sa", "sa_plus", "sa_plus_delegated"]
    assert dict(choices("contributors"))["parents"] == "The parent/carers"
