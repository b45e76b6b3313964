"""`docgen check` end to end on real files: exit codes, label-named messages, JSON, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((SAMPLES / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8"))
    change(data)
    target = tmp_path / "iep.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def test_valid_sample_exits_0() -> None:
    code, out, _ = run("check", str(SAMPLES / "tomos-llyr-evans" / "iep.yaml"))
    assert code == 0
    assert "Individual Education Plan (IEP) - input form is valid" in out
    # the bundled authority settings are placeholders: the IEP form makes the leaflet
    assert "The leaflet gives no telephone, email or website for the local Parent " \
           "Partnership Service (the bundled placeholder)" in out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["pupil"].update(upn="A330200116007"),
         'About the pupil, "Unique Pupil Number (UPN)": The check letter'),
        (lambda d: d["pupil"].update(date_of_birth="2099-01-01"),
         'About the pupil, "Date of birth": This date is in the future.'),
        (lambda d: d["targets"][0].pop("how"),
         'Targets, row 1, "How it will be taught": This must be filled in.'),
    ],
)
def test_invalid_input_names_the_label_and_exits_1(tmp_path: Path, change, expected: str) -> None:
    code, out, err = run("check", str(write_variant(tmp_path, change)))
    assert code == 1
    assert f"  error: {expected}" in out
    assert "Traceback" not in out + err


def test_band_7_in_crisp(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "zofia-wisniewska" / "crisp.yaml").read_text("utf-8"))
    data["crisp_threads"][0]["band"] = 7
    path = tmp_path / "crisp.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert 'CRISP bands by thread, 1. Curriculum access, "Band": This is not one of the' in out


def test_json_output_shape(tmp_path: Path) -> None:
    path = write_variant(tmp_path, lambda d: d["targets"][1].pop("success"))
    code, out, _ = run("check", str(path), "--json")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"file", "form", "valid", "data", "errors", "warnings",
                           "notes"}
    assert report["form"] == "iep" and report["valid"] is False
    assert report["errors"] == [{
        "section": "Targets", "label": "Success criteria", "row": 2,
        "message": "This must be filled in.",
    }]


def test_valid_json_carries_typed_data() -> None:
    code, out, _ = run("check", str(SAMPLES / "zofia-wisniewska" / "iep.yaml"), "--json")
    report = json.loads(out)
    assert code == 0 and report["valid"] is True
    assert report["data"]["pupil"]["surname"] == "Wiśniewska"
    assert report["data"]["pupil"]["date_of_birth"] == "2015-01-22"
    assert report["data"]["provision"][0]["group_size"] == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pupil: {forename: x}\n", "does not say which form its data is for"),
        ("form: wibble\n", "'wibble' is not a form docgen knows"),
        ("form: iep\nversion: 99\n", "version 99 of the 'iep' form"),
        ("form: iep\npupil: &a [*a]\n", "anchors and aliases"),
        ("form: [unclosed\n", "the file cannot be read"),
    ],
)
def test_unusable_data_files_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 2
    assert message in err
    assert str(path) in err
    assert "Traceback" not in out + err


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nope.docx"))
    assert (code, "there is no such file" in err) == (2, True)
    odd = tmp_path / "notes.txt"
    odd.write_text("hello", encoding="utf-8")
    code, _, err = run("check", str(odd))
    assert (code, "docgen cannot read '.txt' files" in err) == (2, True)


def test_leaflet_command_warns_about_placeholder_advice_contacts(tmp_path: Path) -> None:
    code, out, err = run("leaflet", "--school", "Elm Tree School", "--senco", "Ms Ada Cole",
                         "-o", str(tmp_path / "leaflet.docx"))
    assert code == 0 and "Wrote" in out
    assert err.startswith("warning: The leaflet gives no telephone, email or website for the "
                          "local Parent Partnership Service (the bundled placeholder)")
