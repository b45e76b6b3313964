"""Files as Windows tools save them read as their plain UTF-8 twins: a byte-order mark (Notepad,
Excel), UTF-16 (PowerShell 5's Out-File), CRLF line ends, and backslash paths in case.yaml."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import _read_yaml
from docgen.packs import check_case
from docgen.pipeline import check

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "zofia-wisniewska"


def windows_bytes(text: str, encoding: str) -> bytes:
    """``text`` as a Windows tool would save it: CRLF line ends, with a byte-order mark."""
    crlf = text.replace("\n", "\r\n")
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + crlf.encode("utf-8")
    return crlf.encode("utf-16")  # Python writes the mark, little-endian as on Windows


@pytest.mark.parametrize("encoding", ["utf-8-bom", "utf-16"])
@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_data_files_from_windows_tools_read_the_same(tmp_path: Path, encoding: str,
                                                     kind: str) -> None:
    text = (SAMPLE / "iep.yaml").read_text("utf-8")
    if kind == "json":
        text = json.dumps(yaml.safe_load(text), default=str, ensure_ascii=False, indent=2)
    plain = tmp_path / f"plain.{kind}"
    plain.write_text(text, "utf-8")
    saved = tmp_path / f"windows.{kind}"
    saved.write_bytes(windows_bytes(text, encoding))
    assert saved.read_bytes()[:2] in (b"\xef\xbb", b"\xff\xfe")
    expected = check(plain).as_json()["data"]
    got = check(saved).as_json()
    assert got["valid"] and got["data"] == expected
    # multi-line answers come back with '\n' only, not a stray '\r' in the document
    assert "\r" not in json.dumps(got["data"])
    assert got["data"]["plan"]["concerns"] == expected["plan"]["concerns"]


def test_make_from_a_bom_crlf_file(tmp_path: Path) -> None:
    saved = tmp_path / "iep.yaml"
    saved.write_bytes(windows_bytes((SAMPLE / "iep.yaml").read_text("utf-8"), "utf-8-bom"))
    result = CliRunner().invoke(main, ["make", str(saved), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Wiśniewska-Zofia-iep.docx" in result.output


def test_text_in_another_encoding_still_gets_the_clear_message(tmp_path: Path) -> None:
    saved = tmp_path / "iep.yaml"
    saved.write_bytes((SAMPLE / "iep.yaml").read_text("utf-8").encode("cp1250"))
    result = CliRunner().invoke(main, ["check", str(saved)])
    assert result.exit_code == 2
    assert "the file is not UTF-8 text" in result.stderr


def test_case_yaml_with_bom_crlf_and_backslash_paths(tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(SAMPLE / "case", case)
    manifest = case / "case.yaml"
    original = check_case(case)
    text = manifest.read_text("utf-8")
    # as pasted from Explorer's "Copy as path" (unquoted) and as typed relative to the folder
    text = text.replace("file: attendance.docx",
                        r"file: C:\Users\sjones\Documents\Zofia case\attendance.docx")
    text = text.replace("file: ep-report.docx", r"file: .\ep-report.docx")
    text = text.replace("file: salt-report.docx", r"file: 'reports\salt-report.docx'")
    assert text.count("\\") >= 5
    manifest.write_bytes(windows_bytes(text, "utf-8-bom"))
    checked = check_case(case)
    assert not checked.missing
    assert [(i.name, i.source) for i in checked.items] == [
        (i.name, i.source) for i in original.items]


def test_case_yaml_with_a_double_quoted_windows_path_says_how_to_write_it(
        tmp_path: Path) -> None:
    case = tmp_path / "case"
    shutil.copytree(SAMPLE / "case", case)
    manifest = case / "case.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        "file: ep-report.docx", 'file: "C:\\Users\\sjones\\ep-report.docx"'), "utf-8")
    result = CliRunner().invoke(main, ["pack", str(case), "-o", str(tmp_path / "p.docx")])
    assert result.exit_code == 2
    # case.yaml is read as every data file is (issue 16's hardened reader), and named by path
    assert result.stderr.startswith(f"Error: {manifest}: the file cannot be read: ")
    assert "write Windows paths without quotes or in single quotes" in result.stderr


def test_maintainers_form_definition_saved_by_notepad(tmp_path: Path) -> None:
    source = ROOT / "schemas" / "iep.yaml"
    saved = tmp_path / "iep.yaml"
    saved.write_bytes(windows_bytes(source.read_text("utf-8"), "utf-8-bom"))
    assert _read_yaml(saved) == _read_yaml(source)
