"""The pack's cover, contents and sections when items are missing, and its refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from docgen.errors import InvalidInput
from docgen.packs import build_pack
from tests.docx_helpers import all_text
from tests.fixtures import copy_case


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


def test_the_cover_lists_evidence_that_is_not_merged_with_its_date(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    manifest = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    del manifest["evidence"][0]["date"]
    (case / "case.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), "utf-8")
    text = all_text(build_pack(case))
    assert "\nAttendance record: attendance.pdf\n" in text
    assert "\nEllis's views: pupil-views.pdf (11 January 2027)\n" in text


def test_a_draft_without_its_high_focus_iep_or_plan_marks_both(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for name in ("hf_iep-2026-04-27.yaml", "hf_iep-2026-09-14.yaml"):
        (case / name).unlink()
    review = case / "hf_review-2027-01-18.yaml"
    data = yaml.safe_load(review.read_text("utf-8"))
    data["provision_plan"] = []
    review.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    text = all_text(build_pack(case, draft=True))
    assert "Section 1: High Focus IEP\nMISSING: this item is not in the case folder yet." in text
    assert ("Section 3: Proposed Provision Plan\nMISSING: this item is not in the case folder "
            "yet.") in text
    assert "Section 2: High Focus review record\nSource: hf_review-2027-01-18.yaml" in text
    assert "DRAFT: this pack is incomplete." in text


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

    from docgen.packs.assemble import redact_document
    from docgen.privacy import name_map

    document = docx.Document()
    document.add_paragraph("Tomos Llŷr-Evans (Tom) read with Mrs Llŷr-Evans.")
    buffer = io.BytesIO()
    document.save(buffer)
    names = name_map({"forename": "Tomos", "surname": "Llŷr-Evans", "known_as": "Tom",
                      "parents": "Mrs Llŷr-Evans"})
    text = all_text(redact_document(buffer.getvalue(), names))
    assert text == "T. L. E. (T.) read with Mrs L. E.."


def test_the_contents_numbers_each_section_from_1_with_its_source(tmp_path: Path
                                                                             ) -> None:
    import datetime as dt

    from tests.docx_helpers import open_doc

    case = copy_case(tmp_path)
    (case / "hf_iep-2026-09-14.yaml").unlink()  # the earlier one becomes the latest
    (case / "pupil-views.pdf").unlink()
    document = open_doc(build_pack(case, draft=True))
    contents = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert contents == [
        ["Section", "Title", "Source"],
        ["1", "High Focus IEP", "hf_iep-2026-04-27.yaml"],
        ["2", "High Focus review record", "hf_review-2027-01-18.yaml"],
        ["3", "Proposed Provision Plan", "hf_review-2027-01-18.yaml"],
        ["4", "IEP from 18 January 2026", "iep-2026-01-18.yaml"],
        ["5", "High Focus review record from 13 July 2026", "hf_review-2026-07-13.yaml"]]
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.text.startswith("Section ")]
    assert headings[0] == ("Heading 1", "Section 1: High Focus IEP")
    assert len(headings) == 5
    text = all_text(build_pack(case, draft=True))
    assert f"Date of this pack\n{dt.date.today():%-d %B %Y}\n" in text


def test_the_cover_checklist_says_present_or_missing_and_lists_only_files_not_merged(
        tmp_path: Path) -> None:
    from tests.docx_helpers import open_doc

    case = copy_case(tmp_path)
    for name in ("hf_iep-2026-04-27.yaml", "hf_iep-2026-09-14.yaml"):
        (case / name).unlink()
    (case / "nc-levels.pdf").unlink()
    document = open_doc(build_pack(case, draft=True))
    checklist = {row.cells[0].text: [c.text for c in row.cells[1:]]
                 for row in document.tables[2].rows}
    assert checklist["High Focus IEP"] == ["—", "MISSING"]
    assert checklist["Attendance record"] == ["attendance.pdf", "Present"]
    text = all_text(build_pack(case, draft=True))
    assert "Attendance record: attendance.pdf (11 January 2027)" in text
    assert "nc-levels.pdf (" not in text  # a missing file is not listed as sent
