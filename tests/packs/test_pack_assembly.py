"""Birmingham's pack put together, step by step: the sections and their order, the evidence
merged or sent with the pack, each form's document, the sections composed after the cover,
and the refusal when something is missing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from docgen import house_style
from docgen.definitions import load_definition
from docgen.docprops import read_custom_properties
from docgen.errors import InvalidInput, UnusableInput
from docgen.packs import birmingham
from docgen.packs.assemble import (
    build_pack,
    compose,
    evidence_sections,
    render_form,
    sections_for,
)
from docgen.packs.case import Case, Evidence
from docgen.packs.checklist import CaseCheck, check_case
from docgen.packs.cover import Section
from tests.conftest import SAMPLES
from tests.docx_helpers import all_text, open_doc, paragraphs, saved
from tests.fixtures import ELLIS_CASE, copy_case, drop_high_focus_ieps, drop_provision_plan


def word(title: str, *lines: str, styled_title: bool = True) -> bytes:
    document = house_style.new_document(title)
    document.add_paragraph(title, "Title" if styled_title else None)
    for line in lines:
        document.add_paragraph(line)
    return saved(document)


def described(sections: list[Section]) -> list[tuple]:
    return [(s.title, s.source.name if s.source else None, s.data is not None, s.ours)
            for s in sections]


# ---- the sections and their order --------------------------------------------------------

def test_the_latest_high_focus_iep_and_review_lead_then_every_other_form_of_the_year() -> None:
    sections, enclosures = sections_for(check_case(ELLIS_CASE))
    assert described(sections) == [
        ("High Focus IEP", "hf_iep-2026-09-14.yaml", True, True),
        ("High Focus review record", "hf_review-2027-01-18.yaml", True, True),
        ("Proposed Provision Plan", "hf_review-2027-01-18.yaml", True, True),
        ("Individual Education Plan from 18 January 2026", "iep-2026-01-18.yaml", True, True),
        ("High Focus IEP from 27 April 2026", "hf_iep-2026-04-27.yaml", True, True),
        ("High Focus review record from 13 July 2026", "hf_review-2026-07-13.yaml", True,
         True)]
    assert enclosures == [
        "Attendance record (11 January 2027)",
        "National Curriculum levels (teacher assessment) (14 December 2026)",
        "Ellis's views (11 January 2027)", "Record of pupil involvement (18 January 2027)",
        "Views of Ms Whitfield (12 January 2027)",
        "Record of parental involvement (18 January 2027)",
        "Educational psychologist's report (7 December 2026)",
        "Pupil and School Support report (8 January 2027)"]


def test_each_section_is_the_document_of_its_form() -> None:
    sections, _ = sections_for(check_case(ELLIS_CASE))
    firsts = [paragraphs(s.data)[0] for s in sections]
    assert firsts[0] == "High Focus IEP"
    assert firsts[1] == firsts[5] == "High Focus review: record"
    assert firsts[2] == "Proposed Provision Plan"
    assert firsts[3] == "Individual Education Plan"
    assert "Second High Focus period" not in all_text(sections[4].data)
    assert "First High Focus period" in all_text(sections[4].data)


def test_an_iep_review_in_the_year_is_a_section_of_its_own(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    data = yaml.safe_load((SAMPLES / "zofia-wisniewska" / "iep_review.yaml").read_text("utf-8"))
    data["review"]["date"] = dt.date(2026, 11, 2)
    data["review"]["next_review_date"] = dt.date(2027, 2, 1)
    (case / "iep_review.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    sections, _ = sections_for(check_case(case))
    (review,) = [s for s in sections if s.source and s.source.name == "iep_review.yaml"]
    assert (review.title, review.ours) == ("IEP review of 2 November 2026", True)
    assert paragraphs(review.data)[:2] == [
        "IEP review: record", "Zofia Wiśniewska · School Action Plus · review of 2 November 2026"]


def test_without_a_high_focus_iep_or_a_statutory_decision_the_gaps_are_sections(
        tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    drop_high_focus_ieps(case)
    drop_provision_plan(case)
    sections, _ = sections_for(check_case(case))
    assert described(sections)[:3] == [
        ("High Focus IEP", None, False, False),
        ("High Focus review record", "hf_review-2027-01-18.yaml", True, True),
        ("Proposed Provision Plan", "hf_review-2027-01-18.yaml", False, True)]


def test_without_a_review_the_pack_has_no_review_or_plan_section(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for review in case.glob("hf_review-*.yaml"):
        review.unlink()
    titles = [s.title for s in sections_for(check_case(case))[0]]
    assert titles[0] == "High Focus IEP"
    assert "High Focus review record" not in titles and "Proposed Provision Plan" not in titles


# ---- evidence: merged, sent with the pack, or a gap -------------------------------------

def evidence_check(folder: Path, *items: Evidence) -> CaseCheck:
    return CaseCheck(Case(folder, evidence=list(items)), [], None, None, [])


def test_word_and_csv_evidence_is_merged_anything_else_sent_a_missing_file_a_gap(
        tmp_path: Path) -> None:
    report = word("Report", "Reading age 7")
    check = evidence_check(
        tmp_path,
        Evidence("report", "Speech report", dt.date(2027, 1, 12), tmp_path / "salt.DOCX",
                 data=report),
        Evidence("nc_levels", "Scores", None, tmp_path / "scores.CSV", data=b"test,score\n"
                 b"reading,7\n"),
        Evidence("report", "Hearing test", dt.date(2026, 11, 3), tmp_path / "hearing.pdf",
                 data=b"%PDF-1.4"),
        Evidence("attendance", "Attendance", dt.date(2027, 1, 11), tmp_path / "att.docx"))
    sections, enclosures = evidence_sections(check)
    assert described(sections) == [
        ("Speech report (12 January 2027)", "salt.DOCX", True, False),
        ("Scores", "scores.CSV", True, False),
        ("Attendance (11 January 2027)", "att.docx", False, False)]
    assert sections[0].data == report  # merged as the school sent it
    assert [[c.text for c in row.cells] for row in open_doc(sections[1].data).tables[0].rows
            ] == [["Test", "Score"], ["reading", "7"]]
    assert open_doc(sections[1].data).core_properties.title == "Scores"
    assert enclosures == ["Hearing test (3 November 2026)"]


def test_a_csv_too_large_to_merge_is_refused_by_its_file_name(tmp_path: Path) -> None:
    check = evidence_check(tmp_path, Evidence("nc_levels", "Scores", None,
                                              tmp_path / "scores.csv", data=b"x" * 1_000_001))
    with pytest.raises(UnusableInput) as caught:
        evidence_sections(check)
    assert caught.value.format_message().startswith(
        "scores.csv: this CSV file is larger than 1 MB")


# ---- each form's document ----------------------------------------------------------------

def test_a_forms_document_records_the_form_it_was_made_from() -> None:
    form = [f for f in check_case(ELLIS_CASE).included_forms if f.form == "hf_review"][-1]
    data = render_form("review_record", form)
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml")
    properties = read_custom_properties(etree.fromstring(custom))
    assert properties["docgen.form"] == "hf_review"
    assert properties["docgen.template"] == "review_record"
    assert properties["docgen.form_version"] == str(load_definition("hf_review").version)
    assert "Ellis Morgan · review of 18 January 2027" in all_text(data)


# ---- composing the pack --------------------------------------------------------------------

def test_each_section_follows_the_cover_under_its_heading_in_order(tmp_path: Path) -> None:
    cover = word("Pack", "Covering letter", styled_title=False)
    sections = [Section("High Focus IEP", tmp_path / "hf.yaml", word("High Focus IEP", "Aims"),
                        True),
                Section("Speech report", tmp_path / "salt.docx",
                        word("Speech and language report", "Findings")),
                Section("Attendance record", tmp_path / "att.docx", None)]
    document = open_doc(compose(cover, sections))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Normal", "Pack"), ("Normal", "Covering letter"),
        ("Heading 1", "1. High Focus IEP"), ("Normal", "Aims"),  # docgen's own Title dropped
        ("Heading 1", "2. Speech report"),
        ("Title", "Speech and language report"), ("Normal", "Findings"),  # the school's kept
        ("Heading 1", "3. Attendance record"),
        ("Normal", "MISSING: this item is not in the case folder yet.")]


def test_the_composed_packs_contents_point_at_the_sections(tmp_path: Path) -> None:
    cover = house_style.new_document("Pack")
    table = house_style.add_table(cover, ["No.", "Section", "Page"], caption="Contents")
    cells = table.add_row().cells
    cells[0].text, cells[1].text = "1", "Report"
    data = compose(saved(cover), [Section("Report", tmp_path / "r.docx", word("R", "Text"))])
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "PAGEREF docgen_section_1" in body and 'w:name="docgen_section_1"' in body
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode("utf-8")
    assert '<w:updateFields w:val="true"/>' in settings


# ---- the refusal ---------------------------------------------------------------------------

def test_a_pack_with_something_missing_says_on_the_page_how_to_see_a_draft(
        tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "attendance.pdf").unlink()
    with pytest.raises(InvalidInput) as caught:
        build_pack(case, redacted=True)
    assert caught.value.file == str(case)
    assert caught.value.web_hint == (
        "Add each item, or tick “Make a draft even if something is missing” to see the pack "
        "with the gaps marked.")


# ---- the redacted pack ---------------------------------------------------------------------

def test_a_redacted_pack_gives_the_pupil_and_parent_as_initials() -> None:
    text = all_text(build_pack(ELLIS_CASE, redacted=True))
    for name in ("Ellis", "Morgan", "Whitfield", "Dana", "Z330203420014"):
        assert name not in text, name
    assert "E. M. · review of 18 January 2027" in text


def test_a_redacted_pack_that_would_still_name_the_pupil_is_refused_naming_the_case(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.redaction.package

    monkeypatch.setattr(docgen.redaction.package, "redact_package",
                        lambda data, finder: data)  # as if a part escaped redaction
    with pytest.raises(InvalidInput) as caught:
        build_pack(ELLIS_CASE, redacted=True)
    assert caught.value.file == str(ELLIS_CASE)
    assert caught.value.message.startswith(
        "the redacted copy would still show what identifies the pupil")


def test_a_redacted_pack_hides_a_parent_another_form_names(tmp_path: Path) -> None:
    """The names come from the whole case: Mr Okafor is a parent in the latest review only,
    and the High Focus IEP mentions him."""
    case = copy_case(tmp_path)
    review = case / "hf_review-2027-01-18.yaml"
    review.write_text(review.read_text("utf-8").replace(
        "  parents: Ms Dana Whitfield\n", "  parents: Ms Dana Whitfield and Mr Sam Okafor\n"),
        "utf-8")
    plan = case / "hf_iep-2026-09-14.yaml"
    plan.write_text(plan.read_text("utf-8").replace(
        "  parents: Ms Whitfield reads with Ellis", "  parents: Mr Okafor reads with Ellis"),
        "utf-8")
    text = all_text(build_pack(case, redacted=True))
    assert "Okafor" not in text and "Sam" not in text
    assert "Mr O. reads with E. every evening" in text


def test_a_redacted_draft_marks_its_gaps(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "hf_iep-2026-09-14.yaml").unlink()
    (case / "hf_iep-2026-04-27.yaml").unlink()
    text = all_text(build_pack(case, draft=True, redacted=True))
    assert "DRAFT: this pack is incomplete." in text
    assert "1. High Focus IEP\nMISSING: this item is not in the case folder yet." in text
    assert "Ellis" not in text


def test_birminghams_pack_of_a_folder_alone_is_the_full_pack_with_names() -> None:
    text = all_text(birmingham.build_pack(ELLIS_CASE))
    assert "Ellis Morgan · review of 18 January 2027" in text
    assert "DRAFT" not in text
