"""report.csv and the index: the columns a reader sees, a bug in one input, a re-run's index."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.fixtures import ELLIS_CASE, MIA


def register_of(tmp_path: Path) -> Path:
    register = tmp_path / "register"
    (register / "mia").mkdir(parents=True)
    shutil.copy(MIA / "iep.yaml", register / "mia" / "iep.yaml")
    shutil.copy(MIA / "crisp.yaml", register / "mia" / "crisp.yaml")
    shutil.copytree(ELLIS_CASE, register / "ellis")
    return register


def rows(out: Path) -> list[list[str]]:
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_the_report_and_index_of_a_run(tmp_path: Path) -> None:
    register, out = register_of(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    table = rows(out)
    assert table[0] == ["input", "status", "documents written", "errors", "warnings", "notes"]
    assert [(r[0], r[1]) for r in table[1:]] == [
        ("ellis", "ok"), ("mia/crisp.yaml", "ok"), ("mia/iep.yaml", "ok")]
    assert table[1][2] == ("ellis/statutory-request-pack.docx; "
                           "ellis/statutory-request-pack.manifest.json")
    assert table[3][2].split("; ")[0] == "mia/Thompson-Mia-iep.docx"
    index = json.loads((out / ".docgen-batch.json").read_text("utf-8"))
    assert set(index) == {"ellis", "mia/crisp.yaml", "mia/iep.yaml"}
    assert index["mia/iep.yaml"]["outputs"] == table[3][2].split("; ")
    assert len(index["ellis"]["sha256"]) == 64 and index["ellis"]["templates"]


def test_a_bug_in_one_input_fails_it_alone_without_its_details(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docgen.pipeline

    real = docgen.pipeline.check

    def buggy(source: Path, *args, **kwargs):
        if source.name == "crisp.yaml":
            raise RuntimeError("Mia Thompson H330700512031")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(docgen.pipeline, "check", buggy)
    register, out = register_of(tmp_path), tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    table = {r[0]: r for r in rows(out)[1:]}
    assert table["mia/crisp.yaml"][1:4] == ["failed", "", "unexpected error (RuntimeError)"]
    assert table["mia/iep.yaml"][1] == "ok"
    assert "H330700512031" not in (out / "report.csv").read_text("utf-8")
    index = json.loads((out / ".docgen-batch.json").read_text("utf-8"))
    assert "mia/crisp.yaml" not in index  # a failure is tried again next time


def test_several_warnings_share_one_cell(tmp_path: Path) -> None:
    import yaml

    register, out = tmp_path / "register", tmp_path / "out"
    register.mkdir()
    data = yaml.safe_load((MIA / "iep.yaml").read_text("utf-8"))
    data["plan"]["school_action_first"] = False
    data["provision"] = data["provision"][:1]  # 20 x 5 / 3: about 33 minutes a week
    (register / "iep.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    CliRunner().invoke(main, ["batch", str(register), "-o", str(out), "--jobs", "1"])
    (row,) = rows(out)[1:]
    *form, settings = row[4].split(" | ")
    assert settings.startswith("The leaflet gives no telephone, email or website for the local "
                               "Parent Partnership Service (the bundled placeholder): set them "
                               "in ")  # the bundled authority settings, where they are
    assert form == [
        'The plan, "Exceptional reason for starting at School Action Plus": A pupil should not '
        "move to School Action Plus without provision at School Action first, unless there are "
        "exceptional reasons. Tick the box, or record the reason.",
        'The plan, "Other provision of equivalent value": The provision gives about 33 minutes '
        "of adult time a week for this pupil; the indicative minimum at School Action Plus is "
        "50 minutes. Add provision, or describe the other provision of equivalent value."]
