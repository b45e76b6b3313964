"""The 2015 Code's Word forms: blank, filled as Word and LibreOffice write them, read back."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.inputs import load_input
from docgen.serialise import to_json_data
from docgen.validation import validate_data
from tests.send2015.conftest import SAMPLES

CASES = [(p.parent.name, p.stem) for p in sorted(SAMPLES.glob("*/*.yaml"))]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _fill(tmp_path: Path, pupil: str, form: str) -> tuple[Path, dict]:
    blank = tmp_path / f"{form}-blank.docx"
    assert run("form", "new", form, "-o", str(blank)).exit_code == 0
    raw = load_input(SAMPLES / pupil / f"{form}.yaml").raw
    filled = tmp_path / f"{form}-filled.docx"
    filled.write_bytes(fill_form(blank.read_bytes(), load_definition(form), raw))
    return filled, raw


def test_every_2015_form_has_a_sample() -> None:
    assert sorted({form for _, form in CASES}) == ["annual_review", "ehc_request",
                                                   "parent_meeting", "sen_support"]


@pytest.mark.parametrize(("pupil", "form"), CASES)
def test_filled_form_reads_back_exactly(tmp_path: Path, pupil: str, form: str) -> None:
    filled, raw = _fill(tmp_path, pupil, form)
    result = run("check", str(filled), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["form"] == form and report["valid"] is True
    assert report["data"] == to_json_data(validate_data(load_definition(form), raw).data)


def test_the_blank_sen_support_form_offers_the_census_needs(tmp_path: Path) -> None:
    from tests.docx_helpers import all_text

    blank = tmp_path / "blank.docx"
    assert run("form", "new", "sen_support", "-o", str(blank)).exit_code == 0
    text = all_text(blank.read_bytes())
    for label in ("Primary need (census)", "Needs in the four broad areas",
                  "Communication and interaction", "Sensory and/or physical needs",
                  "What people like and admire about me"):
        assert label in text
    import zipfile

    body = zipfile.ZipFile(blank).read("word/document.xml").decode()
    for code in ("SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD",
                 "OTH", "NSA"):
        assert f'w:value="{code}"' in body, code


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian's libreoffice-writer-nogui) is not installed; "
                           "CI installs it for this test")
@pytest.mark.parametrize(("pupil", "form"), [("amira-haddad", "sen_support"),
                                             ("callum-price", "annual_review"),
                                             ("leo-brennan", "parent_meeting"),
                                             ("amira-haddad", "ehc_request")])
def test_libreoffice_round_trip(tmp_path: Path, pupil: str, form: str) -> None:
    """LibreOffice 7.4 drops every tag on save; fields are found by their labels."""
    filled, raw = _fill(tmp_path, pupil, form)
    out = tmp_path / "lo"
    out.mkdir()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "docx", "--outdir", str(out), str(filled)],
                       capture_output=True, timeout=180, check=False)
    saved = out / filled.name
    assert saved.is_file(), "LibreOffice did not write the file (it exits 0 regardless)"
    result = run("check", str(saved), "--json")
    assert result.exit_code == 0, result.output
    expected = to_json_data(validate_data(load_definition(form), raw).data)
    assert json.loads(result.stdout)["data"] == expected
