"""The manifest beside a pack, entry by entry: what each file is and how it is in the pack."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import yaml

from docgen import __version__
from docgen.packs import check_case
from docgen.packs.manifest import manifest
from tests.fixtures import copy_case


def entries(case: Path) -> tuple[dict, list[dict]]:
    document = json.loads(manifest(check_case(case), case / "pack.docx", b"pack bytes"))
    for entry in document["files"]:
        if "sha256" in entry:
            assert entry.pop("sha256") == hashlib.sha256(
                (case / entry["file"]).read_bytes()).hexdigest()
    return document, document["files"]


def test_every_form_and_evidence_file_with_its_place_in_the_pack(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    document, files = entries(case)
    assert files[:5] == [
        {"file": "iep-2026-01-18.yaml", "kind": "iep form", "date": "2026-01-18",
         "in_pack": "rendered"},
        {"file": "hf_iep-2026-04-27.yaml", "kind": "hf_iep form", "date": "2026-04-27",
         "in_pack": "rendered"},
        {"file": "hf_review-2026-07-13.yaml", "kind": "hf_review form", "date": "2026-07-13",
         "in_pack": "rendered"},
        {"file": "hf_iep-2026-09-14.yaml", "kind": "hf_iep form", "date": "2026-09-14",
         "in_pack": "rendered"},
        {"file": "hf_review-2027-01-18.yaml", "kind": "hf_review form", "date": "2027-01-18",
         "in_pack": "rendered"}]
    assert files[5] == {"file": "attendance.pdf", "kind": "attendance",
                        "title": "Attendance record", "date": "2027-01-11", "in_pack": "enclosed"}
    assert len(files) == 13
    assert document["pack"] == {"file": "pack.docx",
                                "sha256": hashlib.sha256(b"pack bytes").hexdigest()}
    assert document["case_folder"] == str(case)
    assert document["docgen_version"] == __version__
    made = dt.datetime.fromisoformat(document["made"])
    assert made.tzinfo is not None and abs(made - dt.datetime.now(dt.UTC)).total_seconds() < 60
    assert document["checklist"][0] == {
        "item": "IEPs over the last 12 months", "present": True,
        "source": "hf_iep-2026-04-27.yaml, hf_iep-2026-09-14.yaml, iep-2026-01-18.yaml"}


def test_a_merged_document_an_undated_file_and_a_missing_one(tmp_path: Path) -> None:
    from tests.unit.forms.builders import IEP_BLANK

    case = copy_case(tmp_path)
    (case / "ep-report.pdf").unlink()
    (case / "salt-report.docx").write_bytes(IEP_BLANK)  # a real Word document
    (case / "ot-report.docx").write_bytes(b"not a Word document")  # refused: not in the pack
    manifest_file = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    manifest_file["evidence"].append({"kind": "report", "title": "Speech and language report",
                                      "file": "salt-report.docx", "threads": [2]})
    manifest_file["evidence"].append({"kind": "report", "title": "Occupational therapy report",
                                      "file": "ot-report.docx", "threads": [2]})
    (case / "case.yaml").write_text(yaml.safe_dump(manifest_file), "utf-8")
    _, files = entries(case)
    by_name = {entry["file"]: entry for entry in files}
    assert by_name["ep-report.pdf"] == {
        "file": "ep-report.pdf", "kind": "report", "title": "Educational psychologist's report",
        "date": "2026-12-07", "in_pack": "missing"}
    assert by_name["salt-report.docx"] == {
        "file": "salt-report.docx", "kind": "report", "title": "Speech and language report",
        "date": None, "in_pack": "merged"}
    assert by_name["ot-report.docx"] == {
        "file": "ot-report.docx", "kind": "report", "title": "Occupational therapy report",
        "date": None, "in_pack": "missing"}


def test_the_manifest_is_readable_as_text(tmp_path: Path) -> None:
    """A person checks it by eye: names as written (not \\u escapes), two-space indents."""
    case = copy_case(tmp_path)
    manifest_file = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    manifest_file["evidence"][0]["title"] = "Presenze di Łucja Wiśniewska"
    (case / "case.yaml").write_text(yaml.safe_dump(manifest_file, allow_unicode=True), "utf-8")
    text = manifest(check_case(case), case / "pack.docx", b"").decode("utf-8")
    assert '"title": "Presenze di Łucja Wiśniewska"' in text
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "pack": {' and lines[2].startswith('    "file"')


def test_a_word_document_or_csv_named_in_capitals_is_merged(tmp_path: Path) -> None:
    from tests.unit.forms.builders import IEP_BLANK

    case = copy_case(tmp_path)
    (case / "SALT.DOCX").write_bytes(IEP_BLANK)
    (case / "Scores.CSV").write_bytes(b"test,score\nreading,7\n")
    manifest_file = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    manifest_file["evidence"] += [{"kind": "report", "file": "SALT.DOCX", "threads": [2]},
                                  {"kind": "nc_levels", "file": "Scores.CSV"}]
    (case / "case.yaml").write_text(yaml.safe_dump(manifest_file), "utf-8")
    _, files = entries(case)
    by_name = {entry["file"]: entry["in_pack"] for entry in files}
    assert (by_name["SALT.DOCX"], by_name["Scores.CSV"]) == ("merged", "merged")


def test_the_time_it_was_made_to_the_second(tmp_path: Path) -> None:
    document, _ = entries(copy_case(tmp_path))
    made = dt.datetime.fromisoformat(document["made"])
    assert made.microsecond == 0 and made.utcoffset() == dt.timedelta(0)


def test_beside_a_redacted_pack_the_manifest_names_no_one(tmp_path: Path) -> None:
    """File names, titles and checklist lines with initials; no case folder (often named
    after the pupil); everything that is not text kept as it is."""
    case = copy_case(tmp_path)
    (case / "pupil-views.pdf").rename(case / "ellis-morgan-views.pdf")
    manifest_file = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    manifest_file["evidence"][2]["file"] = "ellis-morgan-views.pdf"
    (case / "case.yaml").write_text(yaml.safe_dump(manifest_file, allow_unicode=True), "utf-8")
    text = manifest(check_case(case), case / "Ellis Morgan pack.docx", b"pack bytes",
                    redacted=True).decode("utf-8")
    for secret in ("Ellis", "Morgan", "Whitfield", str(tmp_path)):
        assert secret not in text, secret
    document = json.loads(text)
    assert "case_folder" not in document
    assert document["pack"] == {"file": "E. M. pack.docx",
                                "sha256": hashlib.sha256(b"pack bytes").hexdigest()}
    by_name = {entry["file"]: entry for entry in document["files"]}
    assert by_name["E.-M.-views.pdf"]["title"] == "E.'s views"
    assert by_name["E.-M.-views.pdf"]["date"] == "2027-01-11"
    assert by_name["parents-views.pdf"]["title"] == "Views of Ms W."
    assert document["checklist"][3] == {"item": "Views of the pupil", "present": True,
                                        "source": "E.-M.-views.pdf"}
    assert document["docgen_version"] == __version__
