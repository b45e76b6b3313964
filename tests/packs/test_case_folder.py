"""Reading a case folder and starting one: case.yaml's items, its mistakes, and case init."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.errors import OutputExists, UnusableInput
from docgen.packs import check_case, init_case, load_case
from tests.fixtures import ELLIS_CASE, copy_case

KINDS = ("attendance, nc_levels, pupil_views, pupil_involvement, parents_views, "
         "parents_involvement, contact_attempts, report, thread_evidence")


def test_a_folder_without_case_yaml(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.format_message() == (
        f"{tmp_path}: this folder has no case.yaml\n"
        "Create one with: docgen case init FOLDER --from FORM")


EXAMPLE = ("Each evidence line reads like: - {kind: report, title: Speech and language report, "
           "date: 2027-01-12, file: salt-report.docx, threads: [7, 8]}")
NO_FILE = "'file' must be the name of a file in the case folder"
NO_KIND = f"'kind' must be one of {KINDS}"
NOT_A_MAPPING = "write it as {kind: …, title: …, date: …, file: …}"


def mistakes(folder: Path, *lines: str) -> str:
    return (f"{folder / 'case.yaml'}: case.yaml has mistakes:\n"
            + "".join(f"  - {line}\n" for line in lines) + EXAMPLE)


@pytest.mark.parametrize(("item", "mistake"), [
    ("{kind: report}", NO_FILE), ("{file: report.pdf}", NO_KIND),
    ("{kind: letter, file: letter.pdf}", NO_KIND), ("report.pdf", NOT_A_MAPPING)])
def test_an_evidence_item_without_a_known_kind_and_a_file(tmp_path: Path, item: str,
                                                          mistake: str) -> None:
    (tmp_path / "case.yaml").write_text(
        f"evidence:\n  - {{kind: attendance, file: a.pdf}}\n  - {item}\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.format_message() == mistakes(tmp_path, f"evidence item 2: {mistake}")


def test_a_date_that_is_not_a_date_is_named(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(
        "evidence:\n  - {kind: thread_evidence, thread: 7, file: salt.pdf, "
        "date: January 2027}\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.format_message() == mistakes(
        tmp_path, "evidence item 1: 'date' must be a date written as YYYY-MM-DD (it is "
                  "'January 2027')")


def test_one_thread_and_a_file_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(
        "evidence:\n"
        "  - {kind: thread_evidence, thread: 7, file: notes/salt.pdf, date: 2027-01-02}\n"
        "  - {kind: report, threads: [1, 2], file: ep.pdf, date: 2027-01-12}\n", "utf-8")
    first, second = load_case(tmp_path).evidence
    assert (first.title, first.threads, first.date, first.file) == (
        "Evidence for a thread of concern", (7,), dt.date(2027, 1, 2), tmp_path / "salt.pdf")
    assert (second.title, second.threads, second.date) == ("Report", (1, 2),
                                                           dt.date(2027, 1, 12))


def test_a_form_that_cannot_be_read_is_a_problem_of_the_case(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "scan.docx").write_bytes(b"%PDF-1.4 a scanned form")
    assert "scan.docx: this is not a Word document (.docx)" in check_case(case).missing


def test_case_init_makes_the_folders_names_the_pupil_and_never_overwrites(tmp_path: Path
                                                                           ) -> None:
    target = init_case(tmp_path / "2027" / "ellis", ELLIS_CASE / "iep-2026-01-18.yaml")
    assert target == tmp_path / "2027" / "ellis" / "case.yaml"
    assert target.read_text("utf-8").startswith("# The case folder for Ellis Morgan. ")
    target.write_text("evidence: []\n", "utf-8")  # the SENCo's own list
    with pytest.raises(OutputExists) as caught:
        init_case(target.parent, ELLIS_CASE / "iep-2026-01-18.yaml")
    assert caught.value.format_message() == (
        f"{target}: this case folder already has a case.yaml\nUse --force to replace it.")
    assert target.read_text("utf-8") == "evidence: []\n"
    init_case(target.parent, ELLIS_CASE / "iep-2026-01-18.yaml", force=True)
    assert "pupil:\n  name: Ellis Morgan\n" in target.read_text("utf-8")


def test_case_init_from_a_form_without_names(tmp_path: Path) -> None:
    source = tmp_path / "blank.yaml"
    source.write_text("form: iep\npupil: {}\n", "utf-8")
    target = init_case(tmp_path / "case", source)
    assert target.read_text("utf-8").startswith("# The case folder for the pupil. ")
    assert "pupil:\n  name: the pupil\n" in target.read_text("utf-8")


def test_a_case_yaml_that_cannot_be_read_is_named_with_yaml_s_reason(tmp_path: Path) -> None:
    import yaml

    from docgen.inputs import safe_yaml

    text = "evidence:\n  - {kind: report, file: a.pdf\n"
    (tmp_path / "case.yaml").write_text(text, "utf-8")
    try:
        safe_yaml(text)
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.format_message() == (
        f"{tmp_path / 'case.yaml'}: the file cannot be read: {reason}\n"
        "Fix the line shown, then try again.")


def test_office_lock_files_and_hidden_files_are_not_forms(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for name in ("~$_iep-2026-01-18.docx", ".~lock.hf_iep.docx#", ".hf_iep-copy.yaml"):
        (case / name).write_bytes(b"\0lock\0")
    check = check_case(case)
    assert check.missing == [] and len(check.case.forms) == 7


@pytest.mark.parametrize(("threads", "read"), [("[18]", (18,)), ("[1, 17]", (1, 17)),
                                                ("7", (7,))])
def test_threads_from_1_to_18_one_or_a_list(tmp_path: Path, threads: str,
                                            read: tuple[int, ...]) -> None:
    (tmp_path / "case.yaml").write_text(
        f"evidence:\n  - {{kind: report, file: a.pdf, threads: {threads}}}\n", "utf-8")
    assert load_case(tmp_path).evidence[0].threads == read


@pytest.mark.parametrize("threads", ["[19]", "[0]", "[true]", "[2.5]"])
def test_a_thread_that_is_not_one_of_the_18(tmp_path: Path, threads: str) -> None:
    (tmp_path / "case.yaml").write_text(
        f"evidence:\n  - {{kind: report, file: a.pdf, threads: {threads}}}\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.format_message() == mistakes(
        tmp_path, "evidence item 1: 'threads' must be a list of CRISP thread numbers, 1 to 18, "
                  "such as [7, 8]")


def test_a_windows_path_in_double_quotes_says_how_to_write_it(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(
        'evidence:\n  - {kind: report, title: "C:\\Users\\x", file: a.pdf}\n', "utf-8")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.hint == (
        "Inside double quotes a backslash starts an escape: write Windows paths without quotes "
        "or in single quotes ('reports\\ed-psych.docx').")
    (tmp_path / "case.yaml").write_text("evidence:\n  - {kind: report, file: a.pdf\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path)
    assert caught.value.hint == "Fix the line shown, then try again."
