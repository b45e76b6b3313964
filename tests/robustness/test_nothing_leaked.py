"""Nothing leaks: no network, no personal data in messages unless asked, clean properties."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from docgen.cli import main
from tests.docx_helpers import all_text


class NetworkUsed(AssertionError):
    pass


def test_full_demo_runs_with_sockets_blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed("docgen tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.rglob("*.docx"))) > 40


def test_messages_name_labels_not_values(tmp_path: Path) -> None:
    path = tmp_path / "iep.yaml"
    text = Path("samples/tomos-llyr-evans/iep.yaml").read_text("utf-8")
    path.write_text(text.replace("K330200116007", "A330200116007"), encoding="utf-8")
    hidden = CliRunner().invoke(main, ["check", str(path)])
    assert hidden.exit_code == 1
    assert '"Unique Pupil Number (UPN)"' in hidden.stdout
    assert "A330200116007" not in hidden.output
    shown = CliRunner().invoke(main, ["check", str(path), "--show-values"])
    assert "(you typed: 'A330200116007')" in shown.stdout


def test_documents_carry_no_hidden_extras(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["make", "samples/zofia-wisniewska/hf_review.yaml", "-o",
                              str(tmp_path)])
    for output in tmp_path.glob("*.docx"):
        archive = zipfile.ZipFile(output)
        names = archive.namelist()
        assert not any(n.startswith(("word/comments", "word/people", "customXml/",
                                     "docProps/thumbnail")) for n in names), output.name
        document = archive.read("word/document.xml")
        assert b"<w:ins " not in document and b"<w:del " not in document
        core = etree.fromstring(archive.read("docProps/core.xml"))
        values = {el.tag.split("}")[1]: (el.text or "") for el in core}
        assert values["creator"] == values["lastModifiedBy"] == "Greenhill Junior & Infant School"
        assert values["keywords"] == values["description"] == ""
        assert values["revision"] == "1"
        assert "python-docx" not in archive.read("docProps/core.xml").decode()


def test_redacted_copy_has_initials_and_no_upn_or_birth_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["make", "samples/zofia-wisniewska/hf_iep.yaml", "-o",
                                       str(tmp_path), "--redact", "--only", "hf_iep"])
    assert result.exit_code == 0, result.output
    (output,) = tmp_path.glob("*.docx")
    assert output.name == "W-Z-hf-iep-redacted.docx"
    text = all_text(output.read_bytes())
    for secret in ("Zofia", "Zosia", "Wiśniewska", "N330200117012", "22 January 2015"):
        assert secret not in text, secret
    assert "Z. W." in text and "Mr Kwame Asante (SENCo)" in text
    core = zipfile.ZipFile(io.BytesIO(output.read_bytes())).read("docProps/core.xml")
    assert "Wiśniewska".encode() not in core
