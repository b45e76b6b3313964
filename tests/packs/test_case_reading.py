"""Reading a case folder, function by function: what case.yaml may hold and what each mistake
says, which files in the folder are forms, evidence that cannot be used, and the names the
case's forms give for redaction."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from docgen.errors import UnusableInput
from docgen.packs import init_case, load_case
from docgen.packs.case import Case, Evidence, case_identity, evidence_list, read_evidence
from tests.fixtures import ELLIS_CASE, copy_case

SEND2015_CASE = Path(__file__).resolve().parents[2] / "samples" / "send2015" / "amira-haddad"
EXAMPLE = ("Each evidence line reads like: - {kind: report, title: Speech and language report, "
           "date: 2027-01-12, file: salt-report.docx, threads: [7, 8]}")
BACKSLASH_HINT = ("Inside double quotes a backslash starts an escape: write Windows paths "
                  "without quotes or in single quotes ('reports\\ed-psych.docx').")


def write_case(folder: Path, text: str) -> Path:
    (folder / "case.yaml").write_text(text, "utf-8")
    return folder


def refusal(folder: Path) -> UnusableInput:
    with pytest.raises(UnusableInput) as caught:
        load_case(folder)
    return caught.value


# ---- case.yaml itself --------------------------------------------------------------------

def test_a_folder_without_case_yaml_says_on_the_page_to_include_it(tmp_path: Path) -> None:
    assert refusal(tmp_path).web_hint == (
        "Include the case folder's case.yaml, which lists the evidence.")


# \U: an escape of 8 hex digits; \q: an unknown escape; \xZZ: no hex digits after \x
@pytest.mark.parametrize("title", [r'"C:\Users\qa"', r'"C:\qa"', r'"reports\xZZ.docx"'])
def test_a_double_quoted_windows_path_is_named_with_how_to_write_it(tmp_path: Path,
                                                                     title: str) -> None:
    write_case(tmp_path, f"evidence:\n  - {{kind: report, title: {title}, file: a.pdf}}\n")
    error = refusal(tmp_path)
    assert error.file == str(tmp_path / "case.yaml")
    assert error.message.startswith("the file cannot be read: ")
    assert error.hint == BACKSLASH_HINT


def test_an_unclosed_double_quote_is_not_called_a_windows_path(tmp_path: Path) -> None:
    write_case(tmp_path, 'evidence:\n  - {kind: report, title: "Speech, file: a.pdf}\n')
    error = refusal(tmp_path)
    assert "quoted scalar" in error.message
    assert error.hint == "Fix the line shown, then try again."


def test_a_case_yaml_too_large_to_read_is_named_as_case_yaml(tmp_path: Path) -> None:
    with (tmp_path / "case.yaml").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)  # sparse: nothing is written
    assert refusal(tmp_path).message == (
        "the file is 21.0 MB, larger than the 20 MB docgen reads for a case.yaml")


def test_case_yaml_is_kept_as_read(tmp_path: Path) -> None:
    write_case(tmp_path, "profile: leeds\npupil:\n  name: A B\nevidence: []\n")
    assert load_case(tmp_path).manifest == {"profile": "leeds", "pupil": {"name": "A B"},
                                            "evidence": []}


@pytest.mark.parametrize("text", ["# only a comment\n", "evidence:\n", "evidence: []\n"])
def test_an_empty_case_yaml_lists_no_evidence(tmp_path: Path, text: str) -> None:
    case = load_case(write_case(tmp_path, text))
    assert (case.evidence, case.problems) == ([], [])
    assert case.manifest == ({} if not text.startswith("evidence") else {"evidence": (
        None if text == "evidence:\n" else [])})


def test_case_yaml_that_is_not_a_mapping(tmp_path: Path) -> None:
    error = refusal(write_case(tmp_path, "- a list\n- not a mapping\n"))
    assert error.format_message() == (
        f"{tmp_path / 'case.yaml'}: case.yaml must be a list of keys (pupil:, evidence:)\n"
        + EXAMPLE)


def test_evidence_that_is_not_a_list(tmp_path: Path) -> None:
    error = refusal(write_case(tmp_path, "evidence: attendance.docx\n"))
    assert error.format_message() == (
        f"{tmp_path / 'case.yaml'}: 'evidence' in case.yaml must be a list, one "
        "'- {kind: …, file: …}' line per file\n" + EXAMPLE)


def test_the_mistakes_name_the_manifest_they_are_in(tmp_path: Path) -> None:
    manifest = tmp_path / "elsewhere.yaml"
    with pytest.raises(UnusableInput) as caught:
        evidence_list({"evidence": [{"kind": "report"}]}, tmp_path, manifest)
    assert caught.value.file == str(manifest)


# ---- one evidence item --------------------------------------------------------------------

def test_an_items_title_date_file_and_threads_as_read(tmp_path: Path) -> None:
    write_case(tmp_path, "evidence:\n"
               "  - {kind: report, title: 2027, file: ' ep.pdf ', threads: [4, 6]}\n"
               "  - {kind: attendance, title: 12.5, date: 2027-01-11, file: a.pdf}\n"
               "  - {kind: pupil_views, file: views.pdf, thread: null}\n")
    first, second, third = load_case(tmp_path).evidence
    assert (first.kind, first.title, first.date, first.file, first.threads) == (
        "report", "2027", None, tmp_path / "ep.pdf", (4, 6))
    assert (second.title, second.date, second.threads) == ("12.5", dt.date(2027, 1, 11), ())
    assert (third.title, third.threads) == ("Views of the pupil", ())  # the kind's title


def test_thread_0_is_not_a_thread(tmp_path: Path) -> None:
    write_case(tmp_path, "evidence:\n  - {kind: thread_evidence, thread: 0, file: a.pdf}\n")
    assert refusal(tmp_path).message == (
        "case.yaml has mistakes:\n  - evidence item 1: 'threads' must be a list of CRISP "
        "thread numbers, 1 to 18, such as [7, 8]")


@pytest.mark.parametrize("file", ["''", "'   '", "12"])
def test_a_file_that_is_not_a_name(tmp_path: Path, file: str) -> None:
    write_case(tmp_path, f"evidence:\n  - {{kind: report, file: {file}}}\n")
    assert refusal(tmp_path).message == (
        "case.yaml has mistakes:\n  - evidence item 1: 'file' must be the name of a file in "
        "the case folder")


def test_a_kind_this_frameworks_pack_does_not_know(tmp_path: Path) -> None:
    write_case(tmp_path, "evidence:\n  - {kind: report, file: a.pdf}\n")
    with pytest.raises(UnusableInput) as caught:
        load_case(tmp_path, {"attainment": "Attainment", "health": "Health"})
    assert caught.value.message == (
        "case.yaml has mistakes:\n  - evidence item 1: 'kind' must be one of attainment, "
        "health")


# ---- which files are forms -----------------------------------------------------------------

def test_the_pack_its_manifest_and_other_files_are_not_forms(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for name in ("statutory-request-pack.docx", "statutory-request-pack.manifest.json",
                 "notes.txt", "photo.PNG"):
        (case / name).write_bytes(b"not a form")
    found = load_case(case)
    assert found.problems == []
    assert sorted(f.path.name for f in found.forms) == sorted(
        p.name for p in ELLIS_CASE.iterdir() if p.suffix == ".yaml" and p.name != "case.yaml")


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_a_link_out_of_the_folder_is_refused_and_the_forms_after_it_still_read(
        tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "0-elsewhere.yaml").symlink_to(ELLIS_CASE / "iep-2026-01-18.yaml")
    found = load_case(case)
    assert found.problems == [
        "0-elsewhere.yaml: this is a link to a file outside the case folder, which docgen does "
        "not follow; copy the file itself into the folder"]
    assert len(found.forms) == 7


def test_a_form_in_capitals_is_read(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "iep-2026-01-18.yaml").rename(case / "IEP-2026-01-18.YAML")
    assert "IEP-2026-01-18.YAML" in {f.path.name for f in load_case(case).forms}


def test_each_form_with_its_kind_and_own_date_oldest_first(tmp_path: Path) -> None:
    case = load_case(ELLIS_CASE)
    assert [(f.path.name, f.form, f.date) for f in case.of("hf_iep")] == [
        ("hf_iep-2026-04-27.yaml", "hf_iep", dt.date(2026, 4, 27)),
        ("hf_iep-2026-09-14.yaml", "hf_iep", dt.date(2026, 9, 14))]
    assert [f.date for f in case.of("hf_review")] == [dt.date(2026, 7, 13),
                                                      dt.date(2027, 1, 18)]
    assert [f.date for f in case.of("crisp")] == [dt.date(2026, 1, 17)]
    assert case.of("ehc_request") == []


def test_a_form_another_frameworks_pack_holds_is_named_to_move_out(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    shutil.copy(SEND2015_CASE / "sen_support.yaml", case / "sen-support.yaml")
    assert load_case(case).problems == [
        "sen-support.yaml: 'sen_support' forms are not part of this kind of request pack; "
        "move it out of the folder"]


def test_a_form_with_mistakes_names_each_one(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    text = (case / "iep-2026-01-18.yaml").read_text("utf-8")
    (case / "iep-2026-01-18.yaml").write_text(
        text.replace("start_date: 2026-01-18", "start_date: 2026-02-30"), "utf-8")
    found = load_case(case)
    assert "iep-2026-01-18.yaml" not in {f.path.name for f in found.forms}
    assert found.problems == ['iep-2026-01-18.yaml: The plan, "Start date": This is not a '
                              'date. Use the date picker or type it as dd/mm/yyyy.']


# ---- evidence that cannot be used ------------------------------------------------------------

def evidence(folder: Path, name: str) -> tuple[Evidence, Case]:
    return Evidence("report", "Report", None, folder / name), Case(folder)


def test_a_word_document_that_is_not_one_is_a_problem_named_by_file(tmp_path: Path) -> None:
    (tmp_path / "Report.DOCX").write_bytes(b"%PDF-1.4 a scan saved as .docx")
    item, case = evidence(tmp_path, "Report.DOCX")
    read_evidence(item, case)
    assert item.data is None
    assert case.problems == [item.problem] == [
        "Report.DOCX: this is not a Word document (.docx)"]


def test_a_pdf_is_read_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 a short report")
    item, case = evidence(tmp_path, "report.pdf")
    read_evidence(item, case)
    assert (item.data, item.problem, case.problems) == (b"%PDF-1.4 a short report", "", [])


def test_a_listed_file_not_in_the_folder_is_left_to_the_checklist(tmp_path: Path) -> None:
    item, case = evidence(tmp_path, "missing.pdf")
    read_evidence(item, case)
    assert (item.present, item.problem, case.problems) == (False, "", [])


def test_evidence_over_100_mb_is_named_as_a_piece_of_evidence(tmp_path: Path) -> None:
    with (tmp_path / "video.mp4").open("wb") as handle:
        handle.truncate(100_000_001)
    item, case = evidence(tmp_path, "video.mp4")
    read_evidence(item, case)
    assert case.problems == [
        "video.mp4: the file is 100.0 MB, larger than the 100 MB docgen reads for a piece of "
        "evidence"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_a_broken_link_out_of_the_folder_is_refused_not_called_missing(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "report.pdf").symlink_to(tmp_path / "gone.pdf")
    item, case = evidence(folder, "report.pdf")
    read_evidence(item, case)
    assert case.problems == [
        "report.pdf: this is a link to a file outside the case folder, which docgen does not "
        "follow; copy the file itself into the folder"]


def test_a_file_whose_place_cannot_be_worked_out_counts_as_outside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    item, case = evidence(tmp_path, "report.pdf")

    def unresolvable(self: Path, strict: bool = False) -> Path:
        raise OSError("too many levels of symbolic links")

    monkeypatch.setattr(Path, "resolve", unresolvable)
    read_evidence(item, case)
    assert item.data is None and case.problems[0].startswith(
        "report.pdf: this is a link to a file outside the case folder")


# ---- names for redaction, and starting a case ----------------------------------------------

def test_the_case_names_everyone_its_forms_name(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    review = case / "hf_review-2027-01-18.yaml"  # the latest review names a second parent
    review.write_text(review.read_text("utf-8").replace(
        "  parents: Ms Dana Whitfield\n", "  parents: Ms Dana Whitfield and Mr Sam Okafor\n"),
        "utf-8")
    identity = case_identity(load_case(case))
    assert {"Ellis", "Morgan", "Dana", "Whitfield", "Sam", "Okafor"} <= set(identity.names)
    assert (identity.upn, identity.date_of_birth) == ("Z330203420014", dt.date(2016, 5, 3))


def test_a_case_started_from_a_2015_form_uses_the_2015_skeleton(tmp_path: Path) -> None:
    target = init_case(tmp_path / "case", SEND2015_CASE / "ehc_request.yaml")
    text = target.read_text("utf-8")
    assert text.startswith("# The case folder for Amira Haddad's request for an EHC needs "
                           "assessment")
    assert "framework: send2015\n" in text


def test_a_case_started_from_a_form_with_only_a_forename(tmp_path: Path) -> None:
    source = tmp_path / "iep.yaml"
    source.write_text("form: iep\npupil: {forename: Mia}\n", "utf-8")
    assert "pupil:\n  name: Mia\n" in init_case(tmp_path / "case", source).read_text("utf-8")
