"""`docgen batch`: every input, one failure never stops the others, report.csv, re-runs skip."""

from __future__ import annotations

import csv
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    folder = tmp_path / "register"
    for pupil in ("tomos-llyr-evans", "aisha-rahman"):
        shutil.copytree(SAMPLES / pupil, folder / pupil)
    (folder / "broken.yaml").write_text("form: iep\npupil: {surname: X}\n", encoding="utf-8")
    (folder / "unreadable.docx").write_bytes(b"not a zip at all")
    (folder / "~$lockfile.docx").write_bytes(b"word lock file")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    return folder


def _report(out: Path) -> dict[str, dict[str, str]]:
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["input"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_makes_everything_and_reports_failures(register: Path, tmp_path: Path,
                                                     jobs: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", jobs])
    assert result.exit_code == 1
    report = _report(out)
    assert set(report) == {"broken.yaml", "unreadable.docx",
                           *(f"{p}/{f}.yaml" for p in ("tomos-llyr-evans", "aisha-rahman")
                             for f in ("iep", "crisp", "hf_iep", "hf_review", "iep_review"))}
    assert report["unreadable.docx"]["status"] == "failed"
    assert "this is not a Word document" in report["unreadable.docx"]["errors"]
    assert report["broken.yaml"]["status"] == "failed"
    assert '"Forename(s)": This must be filled in.' in report["broken.yaml"]["errors"]
    iep = report["tomos-llyr-evans/iep.yaml"]
    assert iep["status"] == "ok"
    assert iep["documents written"].split("; ") == [
        "tomos-llyr-evans/Llŷr-Evans-Tomos-iep.docx",
        "tomos-llyr-evans/Llŷr-Evans-Tomos-leaflet.docx"]
    for row in report.values():
        for name in filter(None, row["documents written"].split("; ")):
            assert (out / name).is_file()
    assert "12 inputs: 10 done" in result.stdout


def test_rerun_skips_unchanged_inputs_unless_forced(register: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    again = _report(out)
    assert again["tomos-llyr-evans/iep.yaml"]["status"] == "skipped"
    assert again["broken.yaml"]["status"] == "failed"  # failures are always retried

    changed = register / "tomos-llyr-evans" / "iep.yaml"
    changed.write_text(changed.read_text("utf-8").replace("Oakfield", "Oakfields"), "utf-8")
    future = time.time() + 5
    os.utime(changed, (future, future))
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    third = _report(out)
    assert third["tomos-llyr-evans/iep.yaml"]["status"] == "ok"
    assert third["aisha-rahman/iep.yaml"]["status"] == "skipped"

    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1", "--force"])
    assert _report(out)["aisha-rahman/iep.yaml"]["status"] == "ok"


def test_batch_of_good_inputs_and_a_case_folder_exits_0(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES / "zofia-wisniewska", folder)
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "6 inputs: 6 done" in result.stdout and "0 failed" in result.stdout
    report = _report(tmp_path / "o")
    assert report["case"]["documents written"] == (
        "case/statutory-request-pack.docx; case/statutory-request-pack.manifest.json")
    assert (tmp_path / "o" / "case" / "statutory-request-pack.docx").is_file()


def test_a_changed_template_remakes_the_documents_it_makes(register: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert _report(out)["tomos-llyr-evans/iep.yaml"]["status"] == "ok"
    own = tmp_path / "authority-templates"
    own.mkdir()
    from docgen.resources import data_dir

    shutil.copy(data_dir("templates") / "iep.docx", own / "iep.docx")
    with (own / "iep.docx").open("ab") as handle:
        handle.write(b"\0")  # different bytes: a maintainer saved it again
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(own))
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert _report(out)["tomos-llyr-evans/iep.yaml"]["status"] == "ok"
    runner.invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert _report(out)["tomos-llyr-evans/iep.yaml"]["status"] == "skipped"


def test_batch_keeps_no_answers_files(register: Path, tmp_path: Path) -> None:
    """The inputs are the record a batch is made from; answers files would be a second copy
    of every pupil's personal data."""
    out = tmp_path / "out"
    CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "2"])
    assert (out / "tomos-llyr-evans" / "Llŷr-Evans-Tomos-iep.docx").is_file()
    assert not list(out.rglob("*.answers.json"))


def test_discover_skips_hidden_lock_output_and_case_contents(tmp_path: Path) -> None:
    from docgen.batch import discover

    root = tmp_path / "register"
    for relative in ("b/iep.yaml", "a/crisp.docx", ".hidden/iep.yaml", "a/.iep.yaml",
                     "a/~$crisp.docx", "a/notes.txt", "out/x/iep.yaml", "case/evidence.docx",
                     "case/sub/iep.yaml"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("x", encoding="utf-8")
    (root / "case" / "case.yaml").write_text("x", encoding="utf-8")
    found = [p.relative_to(root).as_posix() for p in discover(root, outputs=root / "out")]
    assert found == ["case", "a/crisp.docx", "b/iep.yaml"]
    assert "out/x/iep.yaml" in [p.relative_to(root).as_posix() for p in discover(root)]


def test_outputs_written_into_the_register_are_not_read_back_as_inputs(
        register: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for _ in range(2):  # the second run sees the first run's documents beside the forms
        runner.invoke(main, ["batch", str(register), "-o", str(register), "--jobs", "1"])
        report = _report(register)
        assert not any(name.endswith("-iep.docx") for name in report)
        assert set(report) >= {"tomos-llyr-evans/iep.yaml", "aisha-rahman/hf_iep.yaml"}


def test_an_input_that_cannot_be_read_fails_alone(register: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.batch

    real = docgen.batch.digest_of

    def locked(path: Path) -> str:  # as when another program holds the file
        if path.name == "crisp.yaml" and path.parent.name == "aisha-rahman":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(docgen.batch, "digest_of", locked)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    report = _report(out)
    assert report["aisha-rahman/crisp.yaml"]["status"] == "failed"
    assert report["aisha-rahman/crisp.yaml"]["errors"].endswith(
        "crisp.yaml: the file could not be read (Permission denied)")
    assert report["aisha-rahman/iep.yaml"]["status"] == "ok"


def test_report_carries_warnings_and_reading_notes_and_keeps_them_on_skip(
        tmp_path: Path) -> None:
    from tests.cli.test_reading_notes import NOTE, without_known_as_row

    register = tmp_path / "register"
    shutil.copytree(SAMPLES / "aisha-rahman", register / "aisha", ignore=shutil.ignore_patterns(
        "case*", "*.docx"))
    (register / "edited.docx").write_bytes(without_known_as_row())
    out = tmp_path / "out"
    for expected_status in ("ok", "skipped"):
        summary = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
        report = _report(out)
        hf_iep = report["aisha/hf_iep.yaml"]
        assert hf_iep["status"] == expected_status
        assert hf_iep["warnings"].startswith("Role table: Thread 16. Partnership with parents")
        assert report["aisha/hf_review.yaml"]["warnings"].count(" | ") == 6  # seven warnings
        assert report["edited.docx"]["notes"] == NOTE
        assert report["aisha/iep.yaml"]["notes"] == ""
        assert report["aisha/iep.yaml"]["warnings"].startswith(
            "The leaflet gives no telephone")  # the placeholder authority settings
        assert report["aisha/iep_review.yaml"]["warnings"] == ""
        # crisp.yaml: Band 4 at SA+; iep.yaml: the leaflet's placeholder contacts
        assert "5 with warnings or notes to read." in summary.stdout


def test_an_empty_register_says_so_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "notes.txt").write_text("not a form", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "register"), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "No forms, data files or case folders found under" in result.stdout
    assert not (tmp_path / "out").exists()


def test_jobs_must_be_at_least_one(register: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(tmp_path / "o"),
                                       "--jobs", "0"])
    assert result.exit_code == 2 and "0 is not in the range x>=1" in result.output


def test_report_and_index_are_in_the_inputs_order_with_skipped_ones_in_place(
        register: Path, tmp_path: Path) -> None:
    """Written as outcomes arrive, not gathered and sorted at the end: a re-run that skips
    some inputs and makes others still lists them all in name order."""
    import json

    out = tmp_path / "out"
    CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    changed = register / "aisha-rahman" / "crisp.yaml"
    changed.write_text(changed.read_text("utf-8") + "\n# edited\n", "utf-8")
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "2"])
    assert "12 inputs: 1 done (1 documents), 9 skipped (unchanged), 2 failed" in result.stdout
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["input"] for row in rows] == sorted(row["input"] for row in rows)
    statuses = {row["input"]: row["status"] for row in rows}
    assert statuses["aisha-rahman/crisp.yaml"] == "ok"
    assert statuses["aisha-rahman/iep.yaml"] == "skipped"
    assert statuses["broken.yaml"] == "failed"
    index = json.loads((out / ".docgen-batch.json").read_text("utf-8"))
    assert set(index) == {row["input"] for row in rows if row["status"] != "failed"}
    assert not [p for p in out.rglob("*.part")]


def test_a_run_stopped_midway_leaves_the_last_report_and_index(
        register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen import batch

    out = tmp_path / "out"
    batch.run_batch(register, out, jobs=1)
    before = {name: (out / name).read_bytes() for name in ("report.csv", ".docgen-batch.json")}
    real = batch.process_one
    seen: list[str] = []

    def stopped(root: str, relative: str, out_root: str) -> batch.Outcome:
        seen.append(relative)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(root, relative, out_root)
    monkeypatch.setattr(batch, "process_one", stopped)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch(register, out, jobs=1, force=True)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]
