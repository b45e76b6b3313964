"""The High Focus IEP's role table checked against the guidance, and reading who is who."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.domain import contributors, crisp, highfocus, questions


def table_3() -> list[dict[str, Any]]:
    return questions.table_3_rows()


def texts(problems: tuple) -> list[tuple[str, str]]:
    return [(p.severity, p.text()) for p in problems]


def duplicates(rows: list[dict[str, Any]]) -> list[tuple[int | None, str]]:
    """The role check's warnings for these rows, with the pupil and parents given roles."""
    everyone = [*rows, {"who": "Pupil", "role": "Keeps a diary", "q1": True, "q2": True,
                        "q3": True, "q4": True},
                {"who": "Parents", "role": "Hear reading at home", "q2": True}]
    return [(p.row, p.message.split(".")[0])
            for p in highfocus.check_roles(everyone, []) if p.severity == "warning"]


class TestTable3:
    def test_table_3_passes_with_no_problems(self) -> None:
        """Table 3 is the guidance's own example for 'a pupil with some learning difficulties
        but no other known significant problems' — learning threads 1 to 6 at concern."""
        concerns = highfocus.threads_of_concern({n: 4 for n in range(1, 7)})
        assert highfocus.check_roles(table_3(), concerns) == ()

    def test_result_is_a_tuple_of_problems(self) -> None:
        assert isinstance(highfocus.check_roles([], []), tuple)


class TestKeyQuestions:
    """'Everyone will then be in a position to assist the SENCo in her/his responsibility to
    ensure that the four key questions are fully answered.'"""

    def test_missing_question_3_is_an_error_naming_the_table_and_question(self) -> None:
        rows = [dict(r, q3=False) for r in table_3()]
        assert texts(highfocus.check_roles(rows, [])) == [(
            "error",
            "Role table: No one in the role table helps answer key question 3 ('Can the pupil "
            "as a consequence progress satisfactorily?'). Tick question 3 for at least one role.",
        )]

    def test_each_missing_question_is_its_own_error(self) -> None:
        rows = [dict(r, q1=False, q4=False) for r in table_3()]
        problems = [p for p in highfocus.check_roles(rows, []) if p.severity == "error"]
        assert len(problems) == 2
        assert "key question 1 ('Is the CRISP Assessment" in problems[0].message
        assert "key question 4 ('If more resource" in problems[1].message
        assert all(p.section == "Role table" and p.row is None for p in problems)

    def test_row_with_no_question_ticked_is_a_warning(self) -> None:
        """'Everyone’s planned involvement in answering the four key questions should be
        recorded as part of the High Focus IEP.'"""
        rows = [*table_3(), {"who": "Class teacher", "role": "Keeps notes"}]
        assert texts(highfocus.check_roles(rows, [])) == [(
            "warning",
            "Role table, row 15: This role helps answer none of the key questions. Tick the "
            "questions it helps answer.",
        )]

    def test_rows_without_who_or_role_are_left_to_validation(self) -> None:
        rows = [*table_3(), {"who": "", "role": "Keeps notes"}, {"who": "Mr Ali", "role": " "}]
        assert highfocus.check_roles(rows, []) == ()


class TestPupilAndParents:
    """'The plan to find answers to them should involve all the appropriate parties including
    (as appropriate): The pupil · The parent/carers ...' and 'Parents/carers must be as fully
    involved as possible.'"""

    def test_missing_pupil_and_parents_are_errors(self) -> None:
        rows = [r for r in table_3() if r["who"] not in ("Pupil", "Parents/carers")]
        assert texts(highfocus.check_roles(rows, [])) == [
            ("error", "Role table: The pupil has no role. Add a row for the pupil, or give the "
                      "reason the pupil has no role."),
            ("error", "Role table: The parents or carers have no role. Add a row for them, or "
                      "give the reason they have no role."),
        ]

    def test_a_reason_excuses_the_missing_role(self) -> None:
        rows = [r for r in table_3() if r["who"] not in ("Pupil", "Parents/carers")]
        assert highfocus.check_roles(rows, [], pupil_no_role_reason="Aged 3, in nursery",
                                     parents_no_role_reason="No contact possible") == ()

    def test_a_blank_reason_is_no_reason(self) -> None:
        rows = [r for r in table_3() if r["who"] != "Pupil"]
        problems = highfocus.check_roles(rows, [], pupil_no_role_reason="  ")
        assert [p.message[:22] for p in problems] == ["The pupil has no role."]

    def test_the_pss_teacher_is_not_the_pupil(self) -> None:
        """Table 3's 'Pupil and School Support Teacher' has 'pupil' in the title."""
        rows = [r for r in table_3() if r["who"] != "Pupil"]
        assert any(r["who"] == "Pupil and School Support Teacher" for r in rows)
        assert [p.message[:22] for p in highfocus.check_roles(rows, [])] == [
            "The pupil has no role."]

    @pytest.mark.parametrize("who", ["Tom (pupil)", "The child", "Student", "AISHA - PUPIL"])
    def test_pupil_words(self, who: str) -> None:
        assert contributors.is_pupil(who) and not contributors.is_parent(who)

    @pytest.mark.parametrize("who", [
        "Parents/carers", "Mrs Khan (mother)", "Father", "Foster carer", "Guardian",
        "Mr and Mrs Llŷr-Evans (parents)", "Child's grandmother", "STEPFATHER",
    ])
    def test_parent_words(self, who: str) -> None:
        assert contributors.is_parent(who) and not contributors.is_pupil(who)

    @pytest.mark.parametrize("who", [
        "Pupil and School Support teacher", "Pupil & School Support (PSS)",
        "Teacher for pupils with social communication difficulties", "CAMHS (Child and "
        "Adolescent Mental Health Services) nurse", "Parent Partnership officer", "SENCo",
    ])
    def test_staff_are_neither(self, who: str) -> None:
        assert not contributors.is_pupil(who) and not contributors.is_parent(who)


class TestServices:
    """Contributors include 'Appropriate Support Service personnel (see table above)': Table 1's
    services for the threads of concern. Table 1 'is indicative only', so a warning."""

    def test_uncovered_thread_of_concern_is_a_warning_naming_it(self) -> None:
        rows = [r for r in table_3() if r["who"] not in ("Pupil and School Support Teacher",
                                                         "Educational Psychologist")]
        problems = highfocus.check_roles(rows, highfocus.threads_of_concern({7: 4, 1: 2}))
        assert texts(problems) == [(
            "warning",
            "Role table: Thread 7. Understanding language is a thread of concern (Band 4) but no "
            "support service for it has a role. Possible services (Table 1): Specialist speech "
            "and language teachers; Speech and Language therapists; Teachers for pupils with "
            "social communication difficulties (Visiting Teachers); Educational Psychologists; "
            "PSS.",
        )]

    def test_one_warning_per_uncovered_thread(self) -> None:
        concerns = highfocus.threads_of_concern({1: 4, 13: 3, 16: 4})
        problems = highfocus.check_roles(table_3(), concerns)
        assert [p.message.split(" is a thread")[0] for p in problems] == [
            "Thread 13. Sensory development", "Thread 16. Partnership with parents"]
        assert {p.severity for p in problems} == {"warning"}

    @pytest.mark.parametrize(("who", "service"), [
        ("Educational Psychologist", "Educational Psychologists"),
        ("Dr Okoye (EP)", "Educational Psychologists"),
        ("Pupil and School Support teacher", "Specialist teachers (e.g. Pupil and School "
                                             "Support, Visiting Teachers)"),
        ("Mr Lloyd (PSS)", "PSS"),
        ("Speech and Language Therapist", "Speech and Language therapists"),
        ("Mrs Bennett (Behaviour Support teacher)", "Behaviour Support"),
        ("Teacher of the Deaf", "Specialist teachers in hearing or vision (e.g. Visiting "
                                "Teachers)"),
        ("School nurse", "School medical services"),
        ("Physiotherapist", "Physiotherapists"),
        ("Connexions personal adviser", "Connexions"),
        ("Education Welfare Officer", "Education Welfare"),
        ("Social worker", "Social Services"),
    ])
    def test_who_names_the_service(self, who: str, service: str) -> None:
        assert contributors.names_service(who, service)

    @pytest.mark.parametrize(("who", "service"), [
        ("Pupil and School Support teacher", "Specialist teachers in hearing or vision (e.g. "
                                             "Visiting Teachers)"),
        ("Class teacher", "Specialist teachers"),
        ("SENCo", "Educational Psychologists"),
        ("Learning mentor", "Behaviour Support"),
        ("Mr Peterson (class teacher)", "Educational Psychologists"),
    ])
    def test_who_does_not_name_the_service(self, who: str, service: str) -> None:
        assert not contributors.names_service(who, service)

    def test_every_table_1_service_can_be_recognised(self) -> None:
        services = {s for t in crisp.THREADS for s in t.services}
        assert services <= set(contributors.SERVICE_WORDS)


class TestDuplicatedAssessments:
    """'As far as possible roles should not be duplicated – for example there is no great merit
    in the SENCo, the Pupil and School Support teacher and the Educational Psychologist all
    conducting reading tests. However, there can be more than one person looking at an issue
    from different perspectives.'"""

    def test_a_second_reading_test_is_a_warning_on_its_row(self) -> None:
        rows = [*table_3(), {"who": "SENCo", "role": "Gives a reading test each half-term",
                             "q1": True}]
        assert texts(highfocus.check_roles(rows, [])) == [(
            "warning",
            "Role table, row 15: SENCo and Pupil and School Support Teacher (row 11) both assess "
            "reading. As far as possible roles should not be duplicated: agree who does it, or "
            "say how their perspectives differ.",
        )]

    def test_the_seed_s_three_readers_give_two_warnings(self) -> None:
        rows = [
            {"who": "SENCo", "role": "Carries out a reading test", "q1": True},
            {"who": "PSS teacher", "role": "Measures reading age and spelling age", "q1": True},
            {"who": "Educational Psychologist", "role": "Assesses reading and spelling; "
                                                        "observes in class", "q1": True},
        ]
        assert duplicates(rows) == [
            (2, "PSS teacher and SENCo (row 1) both assess reading"),
            (3, "Educational Psychologist and SENCo (row 1) both assess reading"),
            (3, "Educational Psychologist and PSS teacher (row 2) both assess spelling"),
        ]

    def test_one_person_may_assess_twice(self) -> None:
        rows = [{"who": "PSS teacher", "role": "Tests spelling in September", "q1": True},
                {"who": "pss  teacher", "role": "Re-tests spelling in December", "q3": True}]
        assert duplicates(rows) == []

    def test_teaching_is_not_assessing(self) -> None:
        """Practising key words or working on phonics is provision, not an assessment."""
        rows = [{"who": "Parents", "role": "Practise key words and reading at home", "q2": True},
                {"who": "PSS teacher", "role": "Assesses key word reading", "q1": True},
                {"who": "Assistant", "role": "Works on phonics daily. Tests number bonds",
                 "q1": True}]
        assert duplicates(rows) == []

    @pytest.mark.parametrize(("role", "topics"), [
        ("Assesses levels of phonic skills, key word reading, spelling, sequencing of words in "
         "sentences, basic computational skills", ("reading", "spelling", "phonics",
                                                   "number skills")),
        ("Records reading age termly", ("reading",)),
        ("Phonics assessment", ("phonics",)),
        ("Interviews the pupil to assess use and understanding of language", ("language",)),
        ("Ensures that any other area of possible concern is checked (e.g. hearing/vision)", ()),
        ("Tests spelling. Reads with him daily", ("spelling",)),
    ])
    def test_assessed_topics(self, role: str, topics: tuple[str, ...]) -> None:
        assert contributors.assessed_topics(role) == topics
