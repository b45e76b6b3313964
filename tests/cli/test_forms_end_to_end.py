"""A blank form, filled the way Word and LibreOffice write, checked and made into documents."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.inputs import load_input
from docgen.validation import validate_data
from tests.docx_helpers import all_text, table_rows

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CASES = [(p.parent.name, p.stem) for p in sorted(SAMPLES.glob("*/*.yaml"))
         if p.stem in ("iep", "crisp", "hf_iep", "hf_review", "iep_review")]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _fill(tmp_path: Path, pupil: str, form: str) -> tuple[Path, dict]:
    blank = tmp_path / f"{form}-blank.docx"
    assert run("form", "new", form, "-o", str(blank)).exit_code == 0
    raw = load_input(SAMPLES / pupil / f"{form}.yaml").raw
    filled = tmp_path / f"{form}-filled.docx"
    filled.write_bytes(fill_form(blank.read_bytes(), load_definition(form), raw))
    return filled, raw


@pytest.mark.parametrize(("pupil", "form"), CASES)
def test_filled_form_reads_back_exactly(tmp_path: Path, pupil: str, form: str) -> None:
    filled, raw = _fill(tmp_path, pupil, form)
    result = run("check", str(filled), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    expected = validate_data(load_definition(form), raw)
    from docgen.serialise import to_json_data

    assert report["data"] == to_json_data(expected.data)
    assert report["form"] == form and report["valid"] is True


def test_make_from_a_filled_form(tmp_path: Path) -> None:
    filled, raw = _fill(tmp_path, "tomos-llyr-evans", "iep")
    result = run("make", str(filled), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    iep = (tmp_path / "out" / "Llŷr-Evans-Tomos-iep.docx").read_bytes()
    rows = table_rows(iep, "Targets")
    assert [r[1] for r in rows[1:]] == [t["what"] for t in raw["targets"]]
    assert "{{ 7*7 }}" not in all_text(iep)  # nothing typed is ever run as a template


@pytest.mark.parametrize(("form", "document"), [("crisp", "crisp-record"),
                                               ("iep_review", "iep-review-record")])
def test_make_writes_the_record_of_every_form(tmp_path: Path, form: str, document: str) -> None:
    """`docgen make` on a CRISP form writes its record, on the SA/SA+ review form its record:
    every form type makes at least one document."""
    filled, raw = _fill(tmp_path, "zofia-wisniewska", form)
    result = run("make", str(filled), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert made == [f"Wiśniewska-Zofia-{document}.docx"]
    text = all_text((tmp_path / "out" / made[0]).read_bytes())
    assert raw["pupil"]["upn"] in text


def test_every_form_type_makes_a_document() -> None:
    from docgen.definitions import available_forms
    from docgen.documents import for_form

    for form in available_forms():
        assert for_form(form), form


def test_a_decision_against_the_suggestion_is_made_with_the_warning_on_screen(
        tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "zofia-wisniewska" / "hf_review.yaml").read_text("utf-8"))
    data["review"]["decision"] = "delegated"
    data["review"]["decision_reasons"] = "The school will fund the language work itself."
    path = tmp_path / "hf_review.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("make", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert ("but its answers suggest “Request statutory assessment”: Band 5 on 7. Understanding "
            "language and Band 5 on 8. Using language are above the delegated bands. Delegation "
            "policy (schemas/settings/delegation.yaml)") in " ".join(result.stderr.split())
    plan = (tmp_path / "out" / "Wiśniewska-Zofia-provision-plan.docx").read_bytes()
    text = all_text(plan)
    assert "Provision Plan" in text and "Proposed" not in text
    assert "delegation.yaml" not in text


def test_template_syntax_typed_by_a_user_stays_literal(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8"))
    data["targets"][0]["what"] = "Read {{ 7*7 }} words and {% if %} signs }}"
    path = tmp_path / "iep.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run("make", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    iep = next((tmp_path / "out").glob("*-iep.docx")).read_bytes()
    assert table_rows(iep, "Targets")[1][1] == "Read {{ 7*7 }} words and {% if %} signs }}"


def test_form_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "form.docx"
    target.write_bytes(b"my filled form")
    result = run("form", "new", "iep", "-o", str(target))
    assert result.exit_code == 1 and "--force" in result.stderr
    assert target.read_bytes() == b"my filled form"


def test_unknown_form_type_for_form_new(tmp_path: Path) -> None:
    result = run("form", "new", "wibble", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code != 0
    assert "there is no form type 'wibble'" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (Debian's libreoffice-writer-nogui) is not installed; "
                           "CI installs it for this test")
@pytest.mark.parametrize(("pupil", "form"), [("aisha-rahman", "iep"),
                                             ("zofia-wisniewska", "hf_review"),
                                             ("tomos-llyr-evans", "hf_iep"),
                                             ("aisha-rahman", "iep_review")])
def test_libreoffice_round_trip(tmp_path: Path, pupil: str, form: str) -> None:
    """LibreOffice 7.4 drops every tag and title on save; fields are found by their labels."""
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
    from docgen.serialise import to_json_data

    expected = to_json_data(validate_data(load_definition(form), raw).data)
    assert json.loads(result.stdout)["data"] == expected
