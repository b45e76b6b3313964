"""Statutory request packs: the sample case, a missing item, drafts, the 12-month window."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from docx.oxml.ns import qn

from docgen.cli import main
from docgen.packs import check_case
from docgen.render.checks import ooxml_problems, package_problems
from tests.docx_helpers import all_text

CASE = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(CASE, folder)
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_sample_checklist_is_complete() -> None:
    check = check_case(CASE)
    assert check.missing == []
    names = [i.name for i in check.items]
    assert "Attendance record" in names and "Proposed Provision Plan" in names
    threads = [n for n in names if n.startswith("Table 2 evidence for")]
    assert [t.split(" (Band")[0] for t in threads] == [
        "Table 2 evidence for 1. Curriculum access", "Table 2 evidence for 2. Curriculum Plans",
        "Table 2 evidence for 4. Learning Activities",
        "Table 2 evidence for 7. Understanding language",
        "Table 2 evidence for 8. Using language",
        "Table 2 evidence for 9. Interpersonal skills (with students)"]


def test_full_pack(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    result = run("pack", str(case), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert package_problems(data) == [] and ooxml_problems(out) == []
    text = all_text(data)
    for heading in ("Request for statutory assessment", "Contents", "Where each item is",
                    "Agreed CRISP profile", "Reservations",
                    "Needs normally met by Health or Social Services",
                    "1. High Focus IEP", "2. High Focus review record",
                    "3. Proposed Provision Plan"):
        assert heading in text, heading
    assert "N330200117012" in text and "330/2017" in text and "Mr Kwame Asante" in text
    review = yaml.safe_load((case / "hf_review.yaml").read_text("utf-8"))
    assert review["reservations"][0]["about"] in text
    assert review["review"]["health_needs"] in text
    # every merged evidence document's paragraphs and table cells survive
    for name in ("attendance.docx", "salt-report.docx", "ep-report.docx", "parents-views.docx"):
        source = docx.Document(str(case / name))
        for paragraph in source.paragraphs:
            assert paragraph.text in text, (name, paragraph.text)
        for table in source.tables:
            for row in table.rows:
                for cell in row.cells:
                    assert cell.text in text, (name, cell.text)
    # a PDF cannot be merged: it is an enclosure; a CSV is merged as a table
    assert ("Sent with this pack as separate files: Hearing and vision screening (21 March "
            "2025).") in text
    assert "Reading test scores (9 December 2025)" in text and "6y 7m" in text
    for leak in ("hearing-vision.pdf", "hf_iep.yaml", "iep.yaml", "salt-report.docx", "Status",
                 "Present", "Source: hf",
                 "Files listed but not merged"):
        assert leak not in text, leak
    merged = docx.Document(str(out))
    bullets = [p for p in merged.paragraphs if p.style.name == "List Bullet"]
    assert any("Difficulties are present in both languages" in p.text for p in bullets)


def test_manifest_lists_every_file_with_its_sha256(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(out)).exit_code == 0
    manifest = json.loads(out.with_suffix(".manifest.json").read_text("utf-8"))
    assert manifest["pack"]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    files = {f["file"]: f for f in manifest["files"]}
    assert files["salt-report.docx"]["in_pack"] == "merged"
    assert files["hearing-vision.pdf"]["in_pack"] == "enclosed"
    assert files["reading-tests.csv"]["in_pack"] == "merged"
    for name, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((case / name).read_bytes()).hexdigest()


def test_missing_item_exits_1_naming_it_and_writes_nothing(case: Path, tmp_path: Path) -> None:
    (case / "attendance.docx").unlink()
    out = tmp_path / "pack.docx"
    result = run("pack", str(case), "-o", str(out))
    assert result.exit_code == 1
    assert "Attendance record: case.yaml lists attendance.docx, which is not in the folder" \
        in result.stderr
    assert not out.exists() and not out.with_suffix(".manifest.json").exists()


def test_draft_marks_the_missing_item(case: Path, tmp_path: Path) -> None:
    (case / "salt-report.docx").unlink()
    out = tmp_path / "draft.docx"
    result = run("pack", str(case), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    text = all_text(out.read_bytes())
    assert "DRAFT: this pack is incomplete." in text
    assert "MISSING: this item is not in the case folder yet." in text
    assert "Speech and language therapy report" in text
    assert "missing: Table 2 evidence for 7. Understanding language" in result.stderr


def test_reservation_not_sent_is_missing(case: Path) -> None:
    review = yaml.safe_load((case / "hf_review.yaml").read_text("utf-8"))
    review["reservations"][0]["sent_with_request"] = False
    (case / "hf_review.yaml").write_text(yaml.safe_dump(review, allow_unicode=True), "utf-8")
    missing = check_case(case).missing
    assert ('hf_review.yaml: Reservations, row 1, "Sent with the request": With a request for '
            "statutory assessment, details of all reservations must be sent with the request. "
            "Tick 'Sent with the request'.") in missing


def test_only_the_last_twelve_months(case: Path) -> None:
    """20 IEPs over two years: only those running in the 12 months to the review count, and an
    IEP that started before the window but was still running in it counts."""
    iep = yaml.safe_load((case / "iep.yaml").read_text("utf-8"))
    review_date = dt.date(2026, 1, 19)
    window_start = dt.date(2025, 1, 19)  # 12 calendar months
    for n in range(20):
        start = review_date - dt.timedelta(days=36 * n + 10)
        iep["plan"]["start_date"] = start
        iep["plan"]["review_date"] = start + dt.timedelta(days=90)
        (case / f"iep-{n:02d}.yaml").write_text(yaml.safe_dump(iep, allow_unicode=True), "utf-8")
    check = check_case(case)
    assert check.window_start == window_start
    included = {f.path.name for f in check.included_forms}
    expected = {f"iep-{n:02d}.yaml" for n in range(20)
                if review_date - dt.timedelta(days=36 * n + 10 - 90) >= window_start}
    assert {n for n in included if n.startswith("iep-")} == expected
    assert len(expected) == 13
    assert "iep-12.yaml" in expected  # started 442 days before, still running in the window


def test_the_window_is_calendar_months_with_its_edges() -> None:
    """'IEPs and reviews over last 12 months' to the review date: both ends included, 29
    February counted (a 365-day window would miss a day in a leap year)."""
    from docgen.packs.checklist import in_window

    start, end = dt.date(2027, 3, 1), dt.date(2028, 3, 1)
    day = dt.timedelta(days=1)
    assert in_window(start, start, start, end) and in_window(end, end, start, end)
    assert not in_window(start - day, start - day, start, end)
    assert not in_window(end + day, end + day, start, end)
    assert in_window(dt.date(2028, 2, 29), dt.date(2028, 2, 29), start, end)
    assert in_window(dt.date(2026, 9, 1), dt.date(2027, 3, 1), start, end)  # still running
    assert not in_window(dt.date(2026, 9, 1), dt.date(2027, 2, 28), start, end)


def test_case_init(tmp_path: Path) -> None:
    folder = tmp_path / "new-case"
    result = run("case", "init", str(folder), "--from", str(CASE / "iep.yaml"))
    assert result.exit_code == 0
    manifest = yaml.safe_load((folder / "case.yaml").read_text("utf-8"))
    assert manifest["pupil"]["name"] == "Zofia Wiśniewska"
    assert {e["kind"] for e in manifest["evidence"]} >= {"attendance", "nc_levels"}
    again = run("case", "init", str(folder), "--from", str(CASE / "iep.yaml"))
    assert again.exit_code == 1 and "--force" in again.stderr


def test_redacted_pack(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "shared.docx"
    result = run("pack", str(case), "-o", str(out), "--redact")
    assert result.exit_code == 0, result.output
    text = all_text(out.read_bytes())
    for secret in ("Zofia", "Zosia", "Wiśniewska", "N330200117012", "22 January 2015"):
        assert secret not in text, secret
    assert "Z. W." in text and "Ms Amara Okafor" in text


def test_the_pack_opens_with_a_covering_letter_to_the_authority(case: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(out)).exit_code == 0
    text = all_text(out.read_bytes())
    assert ("Greenhill Junior & Infant School asks the local authority to carry out a statutory "
            "assessment of the special educational needs of Zofia Wiśniewska, born 22 January "
            "2015, Year 6, Unique Pupil Number N330200117012.") in text
    assert ("The High Focus review on 19 January 2026 decided to ask for a statutory "
            "assessment of Zosia's needs. The agreed CRISP profile shows Band 5 in "
            "Understanding language (thread 7) and Band 5 in Using language (thread 8).") in text
    assert ("Mrs Wiśniewska took part in the review and knows of this request and agrees with "
            "it; their reservation is set out in this pack.") in text
    assert "Dear Sir or Madam," in text and "Yours faithfully," in text
    signatures = next(t for t in docx.Document(str(out)).tables
                      if "Head teacher" in t.rows[0].cells[0].text)
    assert [c.text for c in signatures.rows[0].cells] == [
        "Mrs Ruth Adeyemi\nHead teacher",
        "Mr Kwame Asante\nSpecial educational needs coordinator (SENCo)"]


def test_the_contents_give_each_section_its_page(case: Path, tmp_path: Path) -> None:
    """A PAGEREF field to a bookmark on each section's heading: Word and LibreOffice compute
    the page; Word is asked to update the fields when the pack opens."""
    out = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(out)).exit_code == 0
    document = docx.Document(str(out))
    contents = next(t for t in document.tables if t.rows[0].cells[1].text == "Section")
    marks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    rows = contents.rows[1:]
    assert [r.cells[1].text for r in rows[:4]] == [
        "High Focus IEP", "High Focus review record", "Proposed Provision Plan",
        "Individual Education Plan from 22 April 2025"]
    for number, row in enumerate(rows, start=1):
        (instruction,) = [t.text.strip() for t in row.cells[2]._tc.iter(qn("w:instrText"))]
        assert instruction == f"PAGEREF docgen_section_{number} \\h"
        assert f"docgen_section_{number}" in marks
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice makes the PDF")
def test_the_pdf_copy_shows_the_contents_page_numbers(case: Path, tmp_path: Path) -> None:
    import subprocess

    from tools.page_check import contents_rows

    out = tmp_path / "pack.docx"
    result = run("pack", str(case), "-o", str(out), "--pdf")
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    rows = contents_rows(pages)
    assert len(rows) == 14
    for title, page in rows:
        assert " ".join(title.split()) in " ".join(pages[page - 1].split()), title


def test_a_merged_landscape_iep_keeps_its_pages_and_the_cover_its_clean_first_page(
        case: Path, tmp_path: Path) -> None:
    """The IEP's targets print on landscape pages, in the pack as on their own; the pack's
    first section keeps the cover's letterhead page without the "Confidential" header, the
    sections after it share the pack's header and footer (no clean first page of their own)."""
    from docx.enum.section import WD_ORIENT

    out = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(out)).exit_code == 0
    document = docx.Document(str(out))
    sections = document.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                 WD_ORIENT.PORTRAIT]
    first, *later = sections
    assert first.different_first_page_header_footer
    assert not first.first_page_header.paragraphs[0].text
    assert first.header.paragraphs[0].text == "Zofia Wiśniewska · Confidential"
    for section in later:
        assert not section.different_first_page_header_footer
        assert section.header.is_linked_to_previous and section.footer.is_linked_to_previous
    landscape = sections[1]
    assert landscape.page_width > landscape.page_height
    assert package_problems(out.read_bytes()) == [] and ooxml_problems(out) == []
