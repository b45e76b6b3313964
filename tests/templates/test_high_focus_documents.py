"""The High Focus documents show what the rules decide: roles, coverage, evidence, outcome."""

from __future__ import annotations

import copy
from pathlib import Path

from docgen.definitions import load_definition
from docgen.domain import crisp, questions
from docgen.validation import validate_data
from tests.conftest import sample_raw
from tests.docx_helpers import all_text, numbered_items, open_doc, paragraphs, table_rows

OUTCOMES = {
    "tomos-llyr-evans": ("Provision through the school's delegated resources", "Provision Plan"),
    "zofia-wisniewska": ("Request statutory assessment", "Proposed Provision Plan"),
    "aisha-rahman": ("Renew the High Focus period to gain the evidence", None),
}


def test_role_table_rows_and_questions(rendered: dict) -> None:
    data = sample_raw("tomos-llyr-evans", "hf_iep")
    rows = table_rows(rendered[("tomos-llyr-evans", "hf_iep:hf_iep")].data, "Role table")
    assert rows[0] == ["Who", "What they will do", "Key questions"]
    assert len(rows) - 1 == len(data["roles"]) == 14  # Table 3's seven roles, two tasks each
    assert rows[1] == ["Tom (pupil)", data["roles"][0]["role"], "2, 4"]
    assert rows[8][0] == "Mr Dafydd Price (classroom assistant)" and rows[8][2] == "1, 2, 3, 4"


def test_coverage_matrix(rendered: dict) -> None:
    rows = table_rows(rendered[("tomos-llyr-evans", "hf_iep:hf_iep")].data,
                      "Coverage of the key questions")
    assert rows[0] == ["Contributor", "Question 1", "Question 2", "Question 3", "Question 4"]
    by_who = {r[0]: r[1:] for r in rows[1:]}
    assert len(by_who) == 7
    assert by_who["Mr and Mrs Llŷr-Evans (parents)"] == ["", "✓", "", "✓"]
    assert by_who["Dr Ffion Hughes (educational psychologist)"] == ["✓", "✓", "", "✓"]


def test_evidence_items_of_each_thread_of_concern(rendered: dict) -> None:
    for pupil in OUTCOMES:
        data = sample_raw(pupil, "hf_iep")
        rows = table_rows(rendered[(pupil, "hf_iep:hf_iep")].data,
                          "Evidence to collect by the end of the High Focus period")
        listed = {(r[0], r[1]) for r in rows[1:]}
        for item in crisp.EVIDENCE_ALL_CASES:
            assert (item, "All cases") in listed
        concerns = [int(r["thread"]) for r in data["crisp_threads"] if (r.get("band") or 0) >= 3]
        assert concerns
        for number in concerns:
            thread = crisp.thread(number)
            for item in thread.evidence:
                assert (item, thread.label) in listed, (pupil, number, item)
        for number in {t.number for t in crisp.THREADS} - set(concerns):
            assert not any(r[1] == crisp.thread(number).label for r in rows[1:])


def test_outcome_is_named_as_the_rules_decide(rendered: dict) -> None:
    for pupil, (title, plan) in OUTCOMES.items():
        record = paragraphs(rendered[(pupil, "review_record:hf_review")].data)
        assert record[record.index("Outcome") + 1] == title
        plan_doc = rendered.get((pupil, "provision_plan:hf_review"))
        if plan is None:
            assert plan_doc is None
        else:
            assert paragraphs(plan_doc.data)[0] == plan


def test_statutory_record_has_reservations_and_interim_provision(rendered: dict) -> None:
    data = sample_raw("zofia-wisniewska", "hf_review")
    document = rendered[("zofia-wisniewska", "review_record:hf_review")].data
    rows = table_rows(document, "Reservations")
    assert rows[0] == ["Who", "Role", "About", "Sent with the request"]
    assert rows[1] == ["Mrs Wiśniewska", "Parent", data["reservations"][0]["about"], "Yes"]
    text = all_text(document)
    assert "Provision during the statutory procedures" in text
    assert data["review"]["interim_provision"] in text
    assert data["review"]["health_needs"] in text


def test_agenda_has_the_ten_items_and_a_reminder_sheet(rendered: dict) -> None:
    document = rendered[("zofia-wisniewska", "review_agenda:hf_iep")].data
    items = numbered_items(document)
    questions_ = list(questions.REVIEW_QUESTIONS)
    # the review questions, the ten agenda items, then the questions again on the reminder
    assert items == questions_ + list(questions.REVIEW_AGENDA) + questions_
    text = paragraphs(document)
    assert "If you cannot attend" in text
    reminder = next(p for p in open_doc(document).paragraphs if p.text == "If you cannot attend")
    assert reminder.paragraph_format.page_break_before  # a new page, and never a blank one


def test_circulation_lists_everyone_involved(rendered: dict) -> None:
    text = paragraphs(rendered[("aisha-rahman", "hf_iep:hf_iep")].data)
    start = text.index("Circulation")
    circulated = text[start + 2:]
    assert "Dr Samuel Okoye (educational psychologist)" in circulated
    assert "Mr and Mrs Rahman (parents or carers)" in circulated


def test_outcome_note_goes_to_those_absent(rendered: dict) -> None:
    text = paragraphs(rendered[("zofia-wisniewska", "outcome_note:hf_review")].data)
    assert text[1] == "To: Dr Helen Marsh"


def test_form_labels_are_the_review_questions() -> None:
    section = load_definition("hf_review").section("review")
    labels = [section.field(f"q{n}_answer").label for n in range(1, 5)]
    assert labels == list(questions.REVIEW_QUESTIONS)
    help_text = load_definition("hf_iep").section("roles").help
    for question in questions.KEY_QUESTIONS:
        assert question in help_text


def test_role_table_missing_question_3_is_an_error_naming_table_and_question() -> None:
    raw = copy.deepcopy(sample_raw("tomos-llyr-evans", "hf_iep"))
    for row in raw["roles"]:
        row["q3"] = False
    result = validate_data(load_definition("hf_iep"), raw)
    assert [p.text() for p in result.errors] == [
        "Role table: No one in the role table helps answer key question 3 ('Can the pupil as a "
        "consequence progress satisfactorily?'). Tick question 3 for at least one role."
    ]


def test_check_reports_review_obligations(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import main

    result = CliRunner().invoke(main, ["check", "samples/aisha-rahman/hf_review.yaml"])
    assert result.exit_code == 0
    assert ('  warning: Apologies, row 1, "Told the outcome": The SENCo should let those who '
            "could not attend know the outcome of the review and invite their comments.") \
        in result.stdout
