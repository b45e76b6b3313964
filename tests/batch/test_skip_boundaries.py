"""Re-runs skip only what is truly unchanged: content, not modification times, decides."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from tests.docx_helpers import all_text
from tests.fixtures import ELLIS_CASE, MIA


def batch(register: Path, out: Path) -> dict[str, dict[str, str]]:
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with (out / "report.csv").open(encoding="utf-8-sig") as handle:
        return {row["input"]: row for row in csv.DictReader(handle)}


def rewrite_keeping_mtime(path: Path, old: str, new: str) -> None:
    """What `cp -p` or a restore from backup does: other bytes, the same modification time."""
    before = path.stat()
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def test_changed_form_with_the_same_mtime_is_made_again(tmp_path: Path) -> None:
    register, out = tmp_path / "register", tmp_path / "out"
    register.mkdir()
    shutil.copy(MIA / "iep.yaml", register / "iep.yaml")
    first = batch(register, out)["iep.yaml"]
    assert first["status"] == "ok"
    assert batch(register, out)["iep.yaml"]["status"] == "skipped"

    rewrite_keeping_mtime(register / "iep.yaml", "Brookvale School and Sixth Form",
                          "Brookvale Academy")
    again = batch(register, out)["iep.yaml"]
    assert again["status"] == "ok"
    assert again["documents written"] == first["documents written"]
    iep = out / again["documents written"].split("; ")[0]
    text = all_text(iep.read_bytes())
    assert "Brookvale Academy" in text and "Brookvale School and Sixth Form" not in text


def test_changed_case_file_with_the_same_mtime_remakes_the_pack(tmp_path: Path) -> None:
    register, out = tmp_path / "register", tmp_path / "out"
    shutil.copytree(ELLIS_CASE, register / "ellis")
    first = batch(register, out)["ellis"]
    assert (first["status"], first["documents written"]) == (
        "ok", "ellis/statutory-request-pack.docx; ellis/statutory-request-pack.manifest.json")
    assert (out / "ellis" / "statutory-request-pack.manifest.json").is_file()
    assert batch(register, out)["ellis"]["status"] == "skipped"

    rewrite_keeping_mtime(register / "ellis" / "case.yaml", "title: Attendance record,",
                          "title: Attendance record 2026-27,")
    assert batch(register, out)["ellis"]["status"] == "ok"
    pack = out / "ellis" / "statutory-request-pack.docx"
    assert "Attendance record 2026-27" in all_text(pack.read_bytes())


def test_a_missing_output_is_made_again(tmp_path: Path) -> None:
    register, out = tmp_path / "register", tmp_path / "out"
    register.mkdir()
    shutil.copy(MIA / "iep.yaml", register / "iep.yaml")
    written = batch(register, out)["iep.yaml"]["documents written"].split("; ")
    (out / written[-1]).unlink()
    again = batch(register, out)["iep.yaml"]
    assert again["status"] == "ok"
    assert all((out / name).is_file() for name in written)


def test_an_output_exactly_as_new_as_its_input_is_up_to_date(tmp_path: Path) -> None:
    register, out = tmp_path / "register", tmp_path / "out"
    register.mkdir()
    shutil.copy(MIA / "iep.yaml", register / "iep.yaml")
    first = batch(register, out)["iep.yaml"]
    assert not list(out.rglob("*.answers.json"))  # a batch keeps no answers files
    written = [out / name for name in first["documents written"].split("; ")]
    stamp = written[0].stat().st_mtime_ns
    for path in [register / "iep.yaml", *written]:
        os.utime(path, ns=(stamp, stamp))
    again = batch(register, out)["iep.yaml"]
    assert (again["status"], again["errors"]) == ("skipped", "unchanged since the last run")
    assert again["documents written"] == first["documents written"]


def test_the_library_call_finds_its_own_inputs_and_makes_its_output_folders(tmp_path: Path
                                                                           ) -> None:
    from docgen.batch import run_batch

    register = tmp_path / "register"
    register.mkdir()
    shutil.copy(MIA / "crisp.yaml", register / "crisp.yaml")
    shutil.copy(MIA / "iep.yaml", register / "iep.yaml")
    out = tmp_path / "runs" / "2027" / "autumn"
    summary = run_batch(register, out, jobs=1)
    assert (summary.inputs, summary.counts) == (2, {"ok": 2, "skipped": 0, "failed": 0})
    with (out / "report.csv").open(encoding="utf-8-sig") as handle:
        rows = [(row["input"], row["status"]) for row in csv.DictReader(handle)]
    assert rows == [("crisp.yaml", "ok"), ("iep.yaml", "ok")]
