"""Hostile and broken inputs: one clear message naming the file, exit 2, no traceback."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.forms.writer import write_blank_form
from tests.robustness.conftest import filled_form, replace_part, sample
from tests.unit.forms.builders import zip_bomb

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_unusable(path: Path, phrase: str) -> str:
    result = run("check", str(path))
    assert result.exit_code == 2, result.output
    assert str(path) in result.stderr
    assert phrase in result.stderr
    assert "Traceback" not in result.output
    return result.stderr


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "form.docx"
    path.write_text("just some text", encoding="utf-8")
    assert_unusable(path, "this is not a Word document (.docx)")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "form.docx"
    path.write_bytes(b"")
    assert_unusable(path, "the file is empty")


def test_truncated_zip(tmp_path: Path, good_form: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(good_form.read_bytes()[:3000])
    assert_unusable(path, "the file is damaged or incomplete")


@pytest.mark.parametrize("name", ["legacy.doc", "protected.docx"])
def test_ole_containers(tmp_path: Path, name: str) -> None:
    """A legacy .doc and a password-protected .docx are both OLE compound files."""
    path = tmp_path / name
    path.write_bytes(OLE_MAGIC + b"\x00" * 4096)
    message = assert_unusable(path, "an older Word file (.doc) or a password-protected")
    assert "without" in message or "Remove any password" in message


def test_docm_with_macros_is_read_and_macros_never_reach_outputs(tmp_path: Path) -> None:
    docm = replace_part(filled_form(sample()), "word/vbaProject.bin", b"\x00fake macro\x00")
    path = tmp_path / "form.docm"
    path.write_bytes(docm)
    result = run("make", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for output in (tmp_path / "out").glob("*.docx"):
        names = zipfile.ZipFile(output).namelist()
        assert not any("vba" in n.lower() for n in names)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb(300))  # 300 MB of zeros, about 300 KB compressed
    started = time.perf_counter()
    assert_unusable(path, "zip bomb")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    '<!DOCTYPE w:document SYSTEM "http://example.invalid/evil.dtd">',
])
def test_dtd_and_entities_are_refused(tmp_path: Path, doctype: str) -> None:
    docx = filled_form(sample())
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    declaration_end = xml.index("?>") + 2
    xml = xml[:declaration_end] + doctype + xml[declaration_end:]
    path = tmp_path / "entities.docx"
    path.write_bytes(replace_part(docx, "word/document.xml", xml.encode("utf-8")))
    assert_unusable(path, "declares a DTD or entities")


def test_unknown_form_type(tmp_path: Path) -> None:
    docx = filled_form(sample())
    custom = zipfile.ZipFile(io.BytesIO(docx)).read("docProps/custom.xml")
    path = tmp_path / "odd.docx"
    path.write_bytes(replace_part(docx, "docProps/custom.xml",
                                  custom.replace(b">iep<", b">wibble<")))
    assert_unusable(path, "this is a 'wibble' form, which this docgen does not know")


def test_newer_form_version(tmp_path: Path) -> None:
    docx = filled_form(sample())
    custom = zipfile.ZipFile(io.BytesIO(docx)).read("docProps/custom.xml")
    path = tmp_path / "newer.docx"
    path.write_bytes(replace_part(docx, "docProps/custom.xml",
                                  custom.replace(b"<vt:lpwstr>2</vt:lpwstr>",
                                                 b"<vt:lpwstr>7</vt:lpwstr>")))
    assert_unusable(path, "this is version 7 of the 'iep' form")


def test_a_docgen_output_is_not_a_form(tmp_path: Path) -> None:
    made = run("make", "samples/tomos-llyr-evans/iep.yaml", "-o", str(tmp_path))
    assert made.exit_code == 0
    output = next(tmp_path.glob("*-iep.docx"))
    assert_unusable(output, "this is a document docgen made")


def test_a_plain_word_document_is_not_a_form(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the staff meeting")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    assert_unusable(path, "does not look like a docgen form")


def test_blank_form_never_filled_lists_what_to_fill(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    path.write_bytes(write_blank_form(load_definition("iep")))
    result = run("check", str(path))
    assert result.exit_code == 1
    assert 'error: About the pupil, "Surname": This must be filled in.' in result.stdout
    assert "error: Targets: Add at least 1 row to this table." in result.stdout
    assert "Click here and type" not in result.stdout


def test_control_characters_are_reported_not_written(tmp_path: Path) -> None:
    """XML cannot hold them, so they can only come in data files (JSON here)."""
    import json

    data = {"form": "iep", **sample()}
    data["targets"][0]["how"] = "Flash cards\x0b every day"
    path = tmp_path / "form.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    result = run("make", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert 'Targets, row 1, "How it will be taught": This contains a control character' \
        in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_ten_megabyte_field_is_refused_quickly(tmp_path: Path) -> None:
    data = sample()
    data["views"]["pupil"] = "word " * 2_000_000
    path = tmp_path / "big.docx"
    path.write_bytes(filled_form(data))
    started = time.perf_counter()
    result = run("check", str(path))
    assert time.perf_counter() - started < 30
    assert result.exit_code == 1
    assert '"The pupil\'s views": This is too long' in result.stdout


def test_five_thousand_rows(tmp_path: Path) -> None:
    data = sample()
    row = data["targets"][0]
    data["targets"] = [dict(row, what=f"Target {n}") for n in range(5000)]
    path = tmp_path / "long.docx"
    path.write_bytes(filled_form(data))
    started = time.perf_counter()
    result = run("check", str(path))
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1, result.output
    assert "Targets: Use at most 200 rows in this table." in result.stdout
    assert elapsed < 60


def test_data_file_with_wrong_types_and_unknown_keys(tmp_path: Path) -> None:
    import json

    data = {"form": "iep", **sample()}
    data["provision"][0]["group_size"] = "a few"
    data["targets"] = "read more"
    data["pupil"]["favourite_colour"] = "blue"
    data["plan"]["start_date"] = 20260907
    path = tmp_path / "iep.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    out = result.stdout
    assert 'Provision, row 1, "Group size": Type a whole number, for example 5.' in out
    assert "Targets: This must be a list of rows." in out
    assert "About the pupil: 'favourite_colour' is not a field of this section." in out
    assert '"Start date": This is not a date.' in out
    assert "Traceback" not in result.output
