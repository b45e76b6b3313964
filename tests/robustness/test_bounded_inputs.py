"""Every file docgen opens has a budget: parse amplification inside the size limits, hostile
evidence in a case folder, deep data, and every refusal names its limit, quickly."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.errors import UnusableInput
from docgen.safe_open import FORM, Package
from tests.robustness import hostile

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def refused_quickly(path: Path, *phrases: str, seconds: float = 5) -> str:
    started = time.perf_counter()
    result = run("check", str(path))
    assert time.perf_counter() - started < seconds
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {path}: docgen refused to open this file because ")
    for phrase in phrases:
        assert phrase in result.stderr
    assert "Traceback" not in result.output
    return result.stderr


def test_four_headers_of_empty_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "headers.docx"
    path.write_bytes(hostile.amplified_headers(count=4, megabytes=42))
    refused_quickly(path, "the part word/header90.xml unpacks to more than 1 MB, the most "
                          "docgen allows for a header or property part of a form")


def test_one_header_named_by_a_thousand_relationships(tmp_path: Path) -> None:
    path = tmp_path / "shared.docx"
    path.write_bytes(hostile.shared_header(references=1000, megabytes=4))
    refused_quickly(path, "word/_rels/document.xml.rels names the part word/header90.xml "
                          "more than 100 times")


def test_a_shared_header_is_parsed_once(tmp_path: Path) -> None:
    """Named by 100 relationships (within the limit): parsed once, the form reads as valid."""
    path = tmp_path / "shared.docx"
    path.write_bytes(hostile.shared_header(references=100, megabytes=0.1))
    started = time.perf_counter()
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 5


def test_a_body_of_millions_of_empty_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "body.docx"
    path.write_bytes(hostile.amplified_body(megabytes=45))
    refused_quickly(path, "the part word/document.xml holds more than the 1,000,000 XML tags "
                          "docgen reads in one form")


def test_the_time_budget(tmp_path: Path) -> None:
    data = hostile.plain_document()
    with pytest.raises(UnusableInput) as caught:
        Package(data, tmp_path / "slow.docx",
                dataclasses.replace(FORM, seconds=-1)).check_every_part()
    assert "reading it took longer than the -1 seconds docgen allows for one file" \
        in caught.value.message


@pytest.mark.parametrize("kind", sorted(hostile.HOSTILE_EVIDENCE))
def test_hostile_evidence_is_named_and_nothing_is_written(tmp_path: Path, kind: str) -> None:
    case = hostile.case_with_evidence(tmp_path / "case", "attendance.docx",
                                      hostile.HOSTILE_EVIDENCE[kind]())
    started = time.perf_counter()
    result = run("pack", str(case), "-o", str(tmp_path / "pack.docx"))
    assert time.perf_counter() - started < 20
    assert result.exit_code == 1, result.output
    assert "  - Attendance record: attendance.docx cannot be used (see below)\n" in result.stderr
    reasons = {
        "zip bomb": "the part word/media/image1.png would unpack to 1048 MB, more than the "
                    "50 MB docgen allows for one part",
        "zip-bomb document part": "would unpack to 314 MB, more than the 50 MB",
        "XXE": "the part word/document.xml declares a DTD or entities",
        "not a Word document": "this is not a Word document (.docx)",
        "truncated": "the file is damaged or incomplete",
        "amplified header": "the part word/header90.xml holds more than the 1,000,000 XML "
                            "tags docgen reads in one document",
    }
    assert "  - attendance.docx: " in result.stderr
    assert reasons[kind] in result.stderr
    assert "did not expect" not in result.output
    assert not (tmp_path / "pack.docx").exists()


def test_a_workbook_renamed_docx_is_not_merged(tmp_path: Path) -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.'
                         'org/package/2006/content-types"/>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    case = hostile.case_with_evidence(tmp_path / "case", "nc-levels.docx", out.getvalue())
    result = run("pack", str(case), "-o", str(tmp_path / "pack.docx"))
    assert result.exit_code == 1
    assert "  - nc-levels.docx: this is not a Word document (.docx)\n" in result.stderr


def test_a_draft_marks_hostile_evidence_and_builds(tmp_path: Path) -> None:
    case = hostile.case_with_evidence(tmp_path / "case", "attendance.docx",
                                      hostile.xxe_document())
    result = run("pack", str(case), "-o", str(tmp_path / "pack.docx"), "--draft")
    assert result.exit_code == 0, result.output
    from docgen.render.checks import package_problems

    assert package_problems((tmp_path / "pack.docx").read_bytes()) == []
    assert "missing: attendance.docx: the part word/document.xml declares a DTD" \
        in result.stderr


def test_deeply_nested_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(hostile.nested_json(100_000), "utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {path}: the data is nested more than 50 levels deep, far "
                             "more than any docgen data needs\nCheck that this is the right "
                             "file.\n")


def test_deeply_nested_yaml_blocks(tmp_path: Path) -> None:
    text = "form: iep\npupil:\n" + "".join(f"{' ' * n}a:\n" for n in range(1, 80))
    path = tmp_path / "deep.yaml"
    path.write_text(text, "utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "the data is nested more than 50 levels deep" in result.stderr


def test_an_impossible_date_in_yaml_is_named_by_its_label(tmp_path: Path) -> None:
    path = tmp_path / "iep.yaml"
    path.write_text(hostile.impossible_date_yaml(), "utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert 'error: About the pupil, "Date of birth": This is not a date.' in result.stdout


def test_a_data_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * 21_000_000)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {path}: the file is 21.0 MB, larger than the 20 MB "
                                    "docgen reads for a data file")


def test_a_data_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "samples" / "tomos-llyr-evans" /
            "iep.yaml").read_text("utf-8")
    path = tmp_path / "iep.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert run("check", str(path)).exit_code == 0
