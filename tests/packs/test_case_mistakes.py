"""Case folders written by hand: every mistake in case.yaml listed at once, links out of the
folder refused, a listed report that is not there named as such."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main

CASE = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(CASE, folder)
    return folder


def pack(case: Path, *extra: str):
    return CliRunner().invoke(main, ["pack", str(case), "-o", str(case.parent / "p.docx"),
                                     *extra])


def test_type_mistakes_in_case_yaml_are_listed_by_item(case: Path) -> None:
    (case / "case.yaml").write_text(
        "evidence:\n"
        "  - {kind: attendence, file: attendance.docx}\n"
        "  - {kind: report, file: [a, b], title: {x: 1}, date: 10/01/2027, threads: seven}\n"
        "  - {kind: report, file: salt-report.docx, date: 2027-02-30, threads: [7, 19]}\n"
        "  - just a line\n", "utf-8")
    result = pack(case)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: {case / 'case.yaml'}: case.yaml has mistakes:\n"
        "  - evidence item 1: 'kind' must be one of attendance, nc_levels, pupil_views, "
        "pupil_involvement, parents_views, parents_involvement, contact_attempts, report, "
        "thread_evidence\n"
        "  - evidence item 2: 'file' must be the name of a file in the case folder\n"
        "  - evidence item 2: 'title' must be text\n"
        "  - evidence item 2: 'date' must be a date written as YYYY-MM-DD (it is "
        "'10/01/2027')\n"
        "  - evidence item 2: 'threads' must be a list of CRISP thread numbers, 1 to 18, such "
        "as [7, 8]\n"
        "  - evidence item 3: 'date' must be a date written as YYYY-MM-DD (it is "
        "'2027-02-30')\n"
        "  - evidence item 3: 'threads' must be a list of CRISP thread numbers, 1 to 18, such "
        "as [7, 8]\n"
        "  - evidence item 4: write it as {kind: …, title: …, date: …, file: …}\n"
        "Each evidence line reads like: - {kind: report, title: Speech and language report, "
        "date: 2027-01-12, file: salt-report.docx, threads: [7, 8]}\n")


@pytest.mark.parametrize("text", ["- a list\n- not a mapping\n", "evidence: attendance.docx\n"])
def test_case_yaml_of_the_wrong_shape(case: Path, text: str) -> None:
    (case / "case.yaml").write_text(text, "utf-8")
    result = pack(case)
    assert result.exit_code == 2
    assert "case.yaml must be" in result.stderr or "'evidence' in case.yaml must be a list" \
        in result.stderr


def test_windows_paths_in_case_yaml(case: Path) -> None:
    manifest = case / "case.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("file: attendance.docx",
                                                            r"file: evidence\attendance.docx"))
    assert pack(case).exit_code == 0


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_links_out_of_the_case_folder_are_refused(case: Path, tmp_path: Path) -> None:
    secret = tmp_path / "another-pupil.docx"
    shutil.copy(case / "attendance.docx", secret)
    (case / "attendance.docx").unlink()
    (case / "attendance.docx").symlink_to(secret)
    (case / "iep-linked.yaml").symlink_to(case / "iep.yaml")  # inside the folder: fine
    (case / "other-iep.yaml").symlink_to(CASE.parent / "iep.yaml")
    result = pack(case)
    assert result.exit_code == 1
    assert ("  - attendance.docx: this is a link to a file outside the case folder, which "
            "docgen does not follow; copy the file itself into the folder\n") in result.stderr
    assert "  - other-iep.yaml: this is a link to a file outside the case folder" \
        in result.stderr
    assert "iep-linked.yaml" not in result.stderr


def test_a_listed_report_that_is_not_there(case: Path) -> None:
    (case / "salt-report.docx").unlink()
    result = pack(case)
    assert result.exit_code == 1
    # Table 2 in the seed's words (issue 14)
    assert ("Table 2 evidence for 7. Understanding language (Band 5): Get examples of levels of "
            "understanding of instructions, stories, vocabulary; Record specific programmes/ "
            "approaches used and progress made; Develop recommendations for future approaches: "
            "case.yaml lists salt-report.docx, which is not in the folder") in result.stderr
    assert ("Table 2 evidence for 8. Using language (Band 5): Measure language used in different "
            "contexts / on different tasks; Record specific programmes/ approaches used and "
            "progress made; Develop recommendations for future approaches: case.yaml lists "
            "salt-report.docx, which is not in the folder") in result.stderr
    assert "add a report covering thread 7" not in result.stderr
