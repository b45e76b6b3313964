"""The pack's cover, contents and sections when items are missing, and its refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.errors import InvalidInput
from docgen.packs import build_pack
from tests.docx_helpers import all_text
from tests.fixtures import copy_case, drop_high_focus_ieps, drop_provision_plan


def test_a_pack_with_something_missing_is_refused_listing_it(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "attendance.pdf").unlink()
    (case / "pupil-views.pdf").unlink()
    with pytest.raises(InvalidInput) as caught:
        build_pack(case)
    assert caught.value.format_message() == (
        f"{case}: the pack cannot be made; missing:\n"
        "  - Views of the pupil: case.yaml lists pupil-views.pdf, which is not in the folder\n"
        "  - Attendance record: case.yaml lists attendance.pdf, which is not in the folder\n"
        "Add each item (or use --draft to see the pack with the gaps marked).")


def sent_separately(text: str) -> str:
    (line,) = [line for line in text.splitlines() if line.startswith("Sent with this pack as ")]
    return line


def test_the_cover_lists_evidence_that_is_not_merged_with_its_date(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    manifest = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    del manifest["evidence"][0]["date"]
    (case / "case.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), "utf-8")
    assert sent_separately(all_text(build_pack(case))) == (
        "Sent with this pack as separate files: Attendance record; National Curriculum levels "
        "(teacher assessment) (14 December 2026); Ellis's views (11 January 2027); Record of "
        "pupil involvement (18 January 2027); Views of Ms Whitfield (12 January 2027); Record "
        "of parental involvement (18 January 2027); Educational psychologist's report (7 "
        "December 2026); Pupil and School Support report (8 January 2027).")


def test_a_draft_without_its_high_focus_iep_or_plan_marks_both(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    drop_high_focus_ieps(case)
    drop_provision_plan(case)
    text = all_text(build_pack(case, draft=True))
    assert "\n1. High Focus IEP\nMISSING: this item is not in the case folder yet.\n" in text
    assert ("\n3. Proposed Provision Plan\nMISSING: this item is not in the case folder "
            "yet.\n") in text
    assert "\n2. High Focus review record\nEllis Morgan · review of 18 January 2027\n" in text
    assert ("DRAFT: this pack is incomplete. Items marked MISSING must be added before it is "
            "sent.") in text


def test_a_draft_needs_the_review_for_its_cover(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for review in case.glob("hf_review-*.yaml"):
        review.unlink()
    with pytest.raises(InvalidInput) as caught:
        build_pack(case, draft=True)
    assert caught.value.format_message() == (
        f"{case}: the case folder has no High Focus review form")


def test_a_redacted_draft_of_an_empty_case_says_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("evidence: []\n", "utf-8")
    with pytest.raises(InvalidInput) as caught:
        build_pack(tmp_path, draft=True, redacted=True)
    assert caught.value.message == "the case folder has no High Focus review form"


def test_merged_evidence_gets_initials_longest_name_first() -> None:
    import io

    import docx

    from docgen.redaction import identity_of, redacted_copy

    document = docx.Document()
    document.add_paragraph("Tomos Llŷr-Evans (Tom) read with Mrs Llŷr-Evans.")
    buffer = io.BytesIO()
    document.save(buffer)
    identity = identity_of({"pupil": {"forename": "Tomos", "surname": "Llŷr-Evans",
                                      "known_as": "Tom", "parents": "Mrs Llŷr-Evans"}})
    text = all_text(redacted_copy(buffer.getvalue(), identity, "report.docx"))
    assert text == "T. L. E. (T.) read with Mrs L. E.."


def test_the_contents_numbers_each_section_from_1(tmp_path: Path) -> None:
    from tests.docx_helpers import open_doc

    case = copy_case(tmp_path)
    (case / "hf_iep-2026-09-14.yaml").unlink()  # the earlier one becomes the latest
    (case / "pupil-views.pdf").unlink()
    document = open_doc(build_pack(case, draft=True))
    contents = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert contents == [
        ["No.", "Section", "Page"],
        ["1", "High Focus IEP", ""],
        ["2", "High Focus review record", ""],
        ["3", "Proposed Provision Plan", ""],
        ["4", "Individual Education Plan from 18 January 2026", ""],
        ["5", "High Focus review record from 13 July 2026", ""],
        ["6", "Ellis's views (11 January 2027) (MISSING)", ""]]
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name == "Heading 1" and p.text[:1].isdigit()]
    assert headings == [
        ("Heading 1", "1. High Focus IEP"), ("Heading 1", "2. High Focus review record"),
        ("Heading 1", "3. Proposed Provision Plan"),
        ("Heading 1", "4. Individual Education Plan from 18 January 2026"),
        ("Heading 1", "5. High Focus review record from 13 July 2026"),
        ("Heading 1", "6. Ellis's views (11 January 2027)")]
    # the only High Focus IEP left is the first period's: it is section 1
    lines = all_text(build_pack(case, draft=True)).splitlines()
    first = lines.index("1. High Focus IEP")
    goal = next(n for n, line in enumerate(lines) if line.startswith("First High Focus period"))
    assert goal < lines.index("2. High Focus review record")
    assert first < lines.index("2. High Focus review record")


def test_the_cover_checklist_says_where_each_item_is(tmp_path: Path) -> None:
    from tests.docx_helpers import open_doc

    case = copy_case(tmp_path)
    drop_high_focus_ieps(case)
    (case / "nc-levels.pdf").unlink()
    data = build_pack(case, draft=True)
    checklist = {row.cells[0].text: [c.text for c in row.cells[1:]]
                 for row in open_doc(data).tables[2].rows}
    assert checklist["Item"] == ["In this pack"]
    assert checklist["IEPs over the last 12 months"] == ["Section 4"]
    assert checklist["Reviews over the last 12 months"] == ["Sections 2, 3 and 5"]
    assert checklist["High Focus IEP"] == ["MISSING"]
    assert checklist["National Curriculum levels across the curriculum"] == ["MISSING"]
    assert checklist["Attendance record"] == ["Sent with this pack"]
    assert checklist["High Focus review record requesting statutory assessment"] == [
        "Sections 2 and 3"]
    sent = sent_separately(all_text(data))
    assert "Attendance record (11 January 2027)" in sent
    assert "National Curriculum levels" not in sent  # a missing file is not listed as sent
