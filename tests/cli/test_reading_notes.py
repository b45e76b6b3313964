"""How a form was read reaches the person who gave it: check (text and JSON), make.

The page shows it too: tests/web/test_pages.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.forms.ns import NSMAP
from docgen.forms.writer import write_blank_form
from tests.robustness.conftest import sample
from tests.unit.forms.builders import control, with_document

NOTE = "“Known as” (About the pupil) is not in the form any more, so it was read as empty."


def without_known_as_row() -> bytes:
    def remove_row(root: Any) -> None:
        row = control(root, "pupil.known_as").xpath("ancestor::w:tr[1]", namespaces=NSMAP)[0]
        row.getparent().remove(row)

    definition = load_definition("iep")
    filled = fill_form(write_blank_form(definition), definition, sample("tomos-llyr-evans", "iep"))
    return with_document(filled, remove_row)


@pytest.fixture
def edited_form(tmp_path: Path) -> Path:
    path = tmp_path / "edited.docx"
    path.write_bytes(without_known_as_row())
    return path


def test_check_lists_the_note_after_the_problems(edited_form: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(edited_form)])
    assert result.exit_code == 0, result.output
    assert f"  note: {NOTE}" in result.output.splitlines()


def test_check_json_carries_the_notes(edited_form: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(edited_form), "--json"])
    assert json.loads(result.stdout)["notes"] == [NOTE]


def test_a_form_read_as_given_has_no_notes(tmp_path: Path) -> None:
    definition = load_definition("iep")
    path = tmp_path / "whole.docx"
    path.write_bytes(fill_form(write_blank_form(definition), definition,
                               sample("tomos-llyr-evans", "iep")))
    result = CliRunner().invoke(main, ["check", str(path), "--json"])
    assert json.loads(result.stdout)["notes"] == []
    assert "note:" not in CliRunner().invoke(main, ["check", str(path)]).output


def test_make_reports_the_note_on_stderr(edited_form: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["make", str(edited_form), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"Note: {NOTE}" in result.stderr
    assert NOTE not in result.stdout  # stdout stays the list of files written



def test_make_reports_the_guidance_warnings_on_stderr(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "samples" / "aisha-rahman" / "hf_iep.yaml"
    result = CliRunner().invoke(main, ["make", str(sample), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Warning: Role table: Thread 16. Partnership with parents" in result.stderr
    assert all(line.startswith("Wrote ") for line in result.stdout.splitlines())
