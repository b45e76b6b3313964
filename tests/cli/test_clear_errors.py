"""Plain mistakes get one clear message and the right exit code (never 3); silent successes
are errors; what a person typed comes out as typed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from tests.docx_helpers import all_text

ROOT = Path(__file__).resolve().parents[2]
TOMOS = ROOT / "samples" / "tomos-llyr-evans"


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize(("change", "message"), [
    (lambda text: text.replace("title: Individual Education Plan (IEP) - input form\n", ""),
     "the form has no 'title'"),
    (lambda text: text.replace("heading: The plan", "header: The plan"),
     "section 'plan' has no 'heading'"),
    (lambda text: text.replace("version: 2", "version: one"),
     "'version' must be a whole number, 1 or more"),
])
def test_a_broken_form_definition_is_named(tmp_path: Path, change, message: str) -> None:
    own = tmp_path / "own"
    own.mkdir()
    text = (ROOT / "schemas" / "iep.yaml").read_text("utf-8")
    changed = change(text)
    assert changed != text
    (own / "iep.yaml").write_text(changed, "utf-8")
    result = run("check", str(TOMOS / "iep.yaml"), env={"DOCGEN_TEMPLATES": str(own)})
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"Error: {own / 'iep.yaml'}: {message}")


def test_unknown_only_key_lists_the_keys(tmp_path: Path) -> None:
    result = run("make", str(TOMOS / "iep.yaml"), "-o", str(tmp_path), "--only", "wibble")
    assert result.exit_code == 2
    assert "Invalid value for '--only': 'wibble' is not one of 'annual_review_record', " \
           "'annual_review_report', 'contact_attempts', 'crisp_record', 'ehc_request', " \
           "'hf_iep', 'iep', 'iep_review_record', 'leaflet', 'letter_annual_review_invitation', " \
           "'letter_ehc_request'," in result.stderr
    assert "[annual_review_record|annual_review_report|contact_attempts|crisp_record|" \
           "ehc_request|hf_iep|iep|iep_review_record|leaflet|letter_annual_review_invitation|" \
           in " ".join(run("make", "--help").stdout.split()).replace("| ", "|")
    assert not list(tmp_path.iterdir())


def own_form(tmp_path: Path) -> tuple[Path, Path]:
    """A maintainer's own form type (every bundled form makes a document): a copy of the
    CRISP form's definition under another key, and Tomos's CRISP answers as that form."""
    own = tmp_path / "own"
    own.mkdir()
    definition = (ROOT / "schemas" / "crisp.yaml").read_text("utf-8")
    (own / "attendance.yaml").write_text(definition.replace("form: crisp\n", "form: attendance\n"),
                                         "utf-8")
    answers = yaml.safe_load((TOMOS / "crisp.yaml").read_text("utf-8"))
    answers["form"] = "attendance"
    form = tmp_path / "attendance.yaml"
    form.write_text(yaml.safe_dump(answers, allow_unicode=True), "utf-8")
    return own, form


def test_a_form_that_makes_no_document_says_so(tmp_path: Path) -> None:
    own, form = own_form(tmp_path)
    out = tmp_path / "out"
    checked = run("check", str(form), env={"DOCGEN_TEMPLATES": str(own)})
    assert checked.exit_code == 0, checked.output
    result = run("make", str(form), "-o", str(out), env={"DOCGEN_TEMPLATES": str(own)})
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {form}: no document is made from a 'attendance' form, so nothing was "
        f"written\nThe 'attendance' form is defined in your own folder ({own}): docgen checks "
        "its answers (docgen check), but none of docgen's documents is made from it.\n")
    only = run("make", str(TOMOS / "iep.yaml"), "-o", str(out), "--only", "hf_iep")
    assert only.exit_code == 1
    assert "this form's answers make no hf_iep document, so nothing was written\nThe 'iep' " \
           "form can make: iep, leaflet, contact_attempts." in only.stderr
    assert not out.exists()


def test_the_page_says_when_a_form_makes_no_document(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form
    from docgen.web.app import create_app
    from docgen.web.security import csrf_token

    own, form = own_form(tmp_path)
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(own))
    definition = load_definition("attendance")
    answers = yaml.safe_load(form.read_text("utf-8"))
    answers.pop("form")
    filled = fill_form(write_blank_form(definition), definition, answers)
    client = create_app("t").test_client()
    client.get("/?token=t")
    html = client.post("/check", data={"csrf": csrf_token("t"), "form": (io.BytesIO(filled),
                       "attendance.docx")}, content_type="multipart/form-data").text
    assert "to put right" not in html
    assert ("This form makes no document by itself: it was added to docgen by your school or "
            "authority, so docgen checks its answers but makes none of its documents from "
            "them.") in html


def test_docgen_templates_naming_a_missing_folder(tmp_path: Path) -> None:
    result = run("make", str(TOMOS / "iep.yaml"), "-o", str(tmp_path / "out"),
                 env={"DOCGEN_TEMPLATES": str(tmp_path / "nowhere")})
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: DOCGEN_TEMPLATES names {tmp_path / 'nowhere'}, which is not a folder\n"
        "Set DOCGEN_TEMPLATES to your folder of templates and form definitions, or unset it "
        "to use the bundled ones.\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("school", "senco", "message"), [
    ("", "Ms Adebayo", "The school's name is empty."),
    ("   ", "", "The school's name is empty. The SENCo's name is empty."),
    ("Hill\x01side", "Ms Adebayo", "The school's name contains a control character"),
    ("Hillside", "Ms\nAdebayo", "The SENCo's name contains a control character"),
])
def test_leaflet_refuses_empty_or_control_characters(tmp_path: Path, school: str, senco: str,
                                                     message: str) -> None:
    out = tmp_path / "leaflet.docx"
    result = run("leaflet", "--school", school, "--senco", senco, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: the leaflet was not made: {message}")
    assert not out.exists()


def test_the_page_refuses_a_leaflet_with_control_characters() -> None:
    from docgen.web.app import create_app
    from docgen.web.security import csrf_token

    client = create_app("t").test_client()
    client.get("/?token=t")
    response = client.post("/leaflet", data={"csrf": csrf_token("t"), "school": "Hill\x1bside",
                                             "senco": "Ms Adebayo"})
    assert response.status_code == 400
    assert "The school&#39;s name contains a control character" in response.text


def test_check_on_a_folder_suggests_batch(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path}: this is a folder, not a file\nGive one file, "
                             "or use 'docgen batch FOLDER -o OUTPUT' to make the documents for "
                             "every form in a folder.\n")


def test_outputs_of_the_wrong_kind(tmp_path: Path) -> None:
    existing = tmp_path / "notes.docx"
    existing.write_bytes(b"the SENCo's notes")
    made = run("make", str(TOMOS / "iep.yaml"), "-o", str(existing))
    assert made.exit_code == 1
    assert error_part(made.stderr).startswith(
        f"Error: {existing}: this is a file, not a folder, so docgen cannot put documents in it")
    batch = run("batch", str(TOMOS), "-o", str(existing))
    assert batch.exit_code == 1 and "this is a file, not a folder" in batch.stderr
    assert existing.read_bytes() == b"the SENCo's notes"
    leaflet = run("leaflet", "--school", "A", "--senco", "B", "-o", str(tmp_path))
    assert leaflet.exit_code == 1
    assert f"Error: {tmp_path}: this is a folder, so docgen cannot write a file under this " \
           "name" in leaflet.stderr


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04 cut short"])
def test_an_empty_or_damaged_maintainer_template_is_named(tmp_path: Path, content: bytes
                                                          ) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "iep.docx").write_bytes(content)
    env = {"DOCGEN_TEMPLATES": str(own)}
    made = run("make", str(TOMOS / "iep.yaml"), "-o", str(tmp_path / "out"), env=env)
    assert made.exit_code == 2, made.output
    assert error_part(made.stderr).startswith(
        f"Error: {own / 'iep.docx'}: this template cannot be used as a Word document: ")
    assert "Open it in Word and save it again as a Word document (.docx)" in made.stderr
    assert not (tmp_path / "out").exists()
    checked = run("templates", "check", str(own / "iep.docx"), env=env)
    assert checked.exit_code == 2
    assert checked.stdout.startswith(f"{own / 'iep.docx'}: 1 problem(s)\n  error: this "
                                     "template cannot be used as a Word document: ")


def test_typed_template_braces_stay_as_typed(tmp_path: Path) -> None:
    data = yaml.safe_load((TOMOS / "iep.yaml").read_text("utf-8"))
    data["targets"][0]["what"] = "Read {_{ 7*7 }_} and {_% if %_} and {{ x }}"
    path = tmp_path / "iep.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert run("make", str(path), "-o", str(tmp_path / "out"), "--only", "iep").exit_code == 0
    text = all_text(next((tmp_path / "out").glob("*-iep.docx")).read_bytes())
    assert "Read {_{ 7*7 }_} and {_% if %_} and {{ x }}" in text


def test_upns_are_stored_normalised(tmp_path: Path) -> None:
    data = yaml.safe_load((TOMOS / "iep.yaml").read_text("utf-8"))
    data["pupil"]["upn"] = " k 3302-0011 6007 "
    path = tmp_path / "iep.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = run("check", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"]["pupil"]["upn"] == "K330200116007"
    assert run("make", str(path), "-o", str(tmp_path / "out"), "--only", "iep").exit_code == 0
    text = all_text(next((tmp_path / "out").glob("*-iep.docx")).read_bytes())
    assert "K330200116007" in text and "k 3302" not in text


def error_part(stderr: str) -> str:
    """The error, after any warnings printed before it (the bundled settings' placeholders)."""
    return stderr[stderr.index("Error:"):]
