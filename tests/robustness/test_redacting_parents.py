"""Redaction finds the parents' names when their surname is not the pupil's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.privacy import redact
from docgen.validation import validate_data
from tests.fixtures import MIA, copy_case, raw

SECRETS = ("Mia", "Mimi", "Thompson", "Grace", "Femi", "Adeyemi", "H330700512031")


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def leaks(docx: bytes, secrets: tuple[str, ...]) -> list[str]:
    """Each secret found in any part of the package (text, headers, properties)."""
    archive = zipfile.ZipFile(io.BytesIO(docx))
    found = []
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8", errors="replace")
        found += [f"{secret} in {name}" for secret in secrets if secret in text]
    return found


def test_parents_with_another_surname_become_initials() -> None:
    checked = validate_data(load_definition("iep"), raw(MIA / "iep.yaml"))
    assert checked.valid
    out = redact(checked.data)
    assert out["pupil"]["parents"] == "Ms G. A. and Mr F. A."
    assert out["views"]["parents"] == (
        "Ms A. and Mr A. want M. to be more independent and will practise the bus route with "
        "her at weekends.")
    text = "\n".join(strings(out))
    assert [s for s in SECRETS if s in text] == []
    # staff keep their names: a reader needs to know who does what
    assert out["pupil"]["senco"] == "Mr Daniel Foster"
    assert out["provision"][1]["who"] == "Travel trainer (Mr Ian Lowe)"


def test_redacted_documents_hold_no_parent_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["make", str(MIA / "hf_iep.yaml"), "-o", str(tmp_path),
                                       "--redact"])
    assert result.exit_code == 0, result.output
    made = sorted(tmp_path.glob("*.docx"))
    assert made and all(p.name.startswith("T-M-") for p in made), made
    for document in made:
        assert leaks(document.read_bytes(), SECRETS) == [], document.name


def test_redacted_pack_holds_no_parent_name(tmp_path: Path) -> None:
    out = tmp_path / "shared.docx"
    result = CliRunner().invoke(main, ["pack", str(copy_case(tmp_path)), "-o", str(out),
                                       "--redact"])
    assert result.exit_code == 0, result.output
    text_leaks = leaks(out.read_bytes(), ("Ellis", "Elly", "Morgan", "Dana", "Whitfield",
                                          "Z330203420014"))
    assert text_leaks == []
