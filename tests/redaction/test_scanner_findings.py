"""What the leak scanner reports, whole: each kind of finding, where, and with what context."""

from __future__ import annotations

from pathlib import Path

from docgen.redaction.identity import Identity
from docgen.redaction.scanner import Leak, Scanner, scan_paths

ZOFIA = Identity({"Zofia": "Z."}, upn="A123456789012")


def test_names_and_the_upn_as_bytes_in_either_encoding_and_any_case() -> None:
    strict = Scanner(ZOFIA, strict=True)
    assert strict._bytes("x Zofia y".encode("utf-16-le"), "f.docx", "word/media/a.bin") == [
        Leak("f.docx", "word/media/a.bin", "name", "bytes", "Zofia (utf-16-le)")]
    assert strict._bytes(b"\x00ZOFIA\x00 a123456789012", "f.docx", "p") == [
        Leak("f.docx", "p", "name", "bytes", "Zofia (utf-8)"),
        Leak("f.docx", "p", "UPN", "bytes", "A123456789012 (utf-8)")]
    assert strict._bytes(b"nothing here", "f.docx", "p") == []


def test_a_upn_with_other_characters_between_is_found_only_by_a_strict_scan() -> None:
    text = "ref a_123456789012_ x"
    assert Scanner(ZOFIA).text(text, "f", "p", "text") == []
    assert Scanner(ZOFIA, strict=True).text(text, "f", "p", "text") == [
        Leak("f", "p", "UPN", "text", "(the UPN, with other characters between its characters)")]
    assert Scanner(Identity({"Zofia": "Z."}), strict=True).text(text, "f", "p", "text") == []


def test_the_context_is_twenty_characters_each_side() -> None:
    text = "a" * 29 + " Zofia " + "b" * 29
    (leak,) = Scanner(ZOFIA).text(text, "f", "", "text")
    assert leak.found == "a" * 19 + " Zofia " + "b" * 19
    (short,) = Scanner(ZOFIA).text("Zofia!", "f", "", "text")
    assert short.found == "Zofia!"


def test_a_finding_described_for_a_person() -> None:
    assert Leak("f.docx", "word/document.xml", "name", "paragraph", "Dear Zofia").describe() == (
        "f.docx word/document.xml (paragraph): name in 'Dear Zofia'")
    assert Leak("f.txt", "", "UPN", "text", "A1").describe() == "f.txt (text): UPN in 'A1'"


def test_json_keys_and_escaped_values_are_read(tmp_path: Path) -> None:
    leaks = Scanner(Identity({"Wiśniewska": "W."})).scan_bytes(
        b'{"note": "Mrs Wi\\u015bniewska", "Wi\\u015bniewska": 1}', "a.json")
    assert {leak.kind for leak in leaks} == {"name"} and len(leaks) == 2
    assert Scanner(Identity({"Wiśniewska": "W."})).scan_bytes(b"{not json Wi", "a.json") == []


def test_every_file_in_a_folder_and_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Dear Zofia", "utf-8")
    (tmp_path / "b.txt").write_text("Dear Ann", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    single = tmp_path / "c.txt"
    single.write_text("UPN A123456789012", "utf-8")
    leaks = scan_paths([tmp_path / "sub", single, tmp_path / "empty.txt"], ZOFIA)
    assert [(Path(leak.file).name, leak.kind) for leak in leaks] == [("a.txt", "name"),
                                                                       ("c.txt", "UPN")]
