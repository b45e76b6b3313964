"""What the leak scanner reads in each kind of part, and what it reports for each finding:
the file, the part (inside embedded files too), where in the part, and the text around it.
Every expected list is whole, so a finding reported in the wrong place, twice or not at all
fails."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.redaction.identity import Identity
from docgen.redaction.package import RAW_SEARCH_BYTES
from docgen.redaction.scanner import Leak, Scanner, scan_paths

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
FAMILY = Identity({"Zofia": "Z.", "Nowak": "N."}, upn="A123456789012")
NO_UPN = Identity({"Zofia": "Z."})
UPN_NOTE = "(the UPN, with other characters between its characters)"


def package(*parts: tuple[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return buffer.getvalue()


def document(body: str) -> bytes:
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def leak(where: str, found: str, kind: str = "name", part: str = "word/document.xml",
         file: str = "f.docx") -> Leak:
    return Leak(file, part, kind, where, found)


def test_a_paragraph_is_read_with_its_runs_joined_both_ways_and_each_run_alone() -> None:
    """Two names in adjacent runs are found with a space between the runs; a name Word split
    across runs without one; every paragraph is reported, and each text node on its own."""
    xml = document(f"<w:p>{run('Zofia')}{run('Nowak')}</w:p>"
                   f"<w:p>{run('Dear Zo')}{run('fia')}</w:p>")
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("paragraph", "Zofia Nowak"), leak("paragraph", "Dear Zofia"),
        leak("text", "Zofia"), leak("text", "Nowak")]


def test_a_strict_scan_also_reads_the_part_s_whole_text_both_ways() -> None:
    """Names split across paragraphs or cells, and names in adjacent ones."""
    xml = document(f"<w:p>{run('Zo')}</w:p><w:p>{run('fia')}</w:p>"
                   f"<w:p>{run(' and Nowak')}</w:p>")
    everything = "all the part's text"
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("paragraph", " and Nowak"), leak("text", " and Nowak")]
    assert Scanner(FAMILY, strict=True).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("paragraph", " and Nowak"), leak("text", " and Nowak"),
        leak(everything, "Zofia and Nowak"), leak(everything, "Zo fia  and Nowak")]


def test_comments_in_a_part_do_not_stop_the_scan_and_tails_are_read() -> None:
    xml = f'<w:document xmlns:w="{W}"><!-- made by hand --><w:body><w:x/>Dear Zofia' \
          f'</w:body></w:document>'.encode()
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("text", "Dear Zofia")]


def test_only_attributes_that_hold_typed_text_are_read_unless_the_scan_is_strict() -> None:
    xml = (f'<w:document xmlns:w="{W}" xmlns:wp="urn:wp"><w:body>'
           '<wp:docPr name="Zofia" descr="Photo of Nowak"/><w:alias w:val="Zofia"/>'
           '<w:bookmarkStart w:name="Nowak"/><w:pStyle w:val="Nowak"/>'
           '<w:rFonts w:ascii="Nowak"/></w:body></w:document>').encode()
    typed = [leak("attribute name", "Zofia"), leak("attribute descr", "Photo of Nowak"),
             leak("attribute val", "Zofia"), leak("attribute name", "Nowak")]
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == typed
    assert Scanner(FAMILY, strict=True).scan_bytes(xml, "f.docx", "word/document.xml") == [
        *typed, leak("attribute val", "Nowak"), leak("attribute ascii", "Nowak")]


def test_a_relationship_s_target_is_read_and_its_other_attributes_are_not() -> None:
    rels = (f'<Relationships xmlns="{RELS}"><Relationship Id="Zofia" Type="urn:Nowak" '
            'Target="media/Zofia.png"/></Relationships>').encode()
    assert Scanner(FAMILY).scan_bytes(rels, "f.docx", "word/_rels/document.xml.rels") == [
        leak("attribute Target", "media/Zofia.png", part="word/_rels/document.xml.rels")]


def test_a_part_is_xml_by_its_name_or_by_its_first_character() -> None:
    """XML is read as XML (its text, not its tags), whatever the case of its name, with a
    byte order mark, or with blank lines before its first tag; any other text as text."""
    xml = b'\xef\xbb\xbf<a><b x="1">Dear Zofia</b></a>'
    as_xml = [leak("text", "Dear Zofia", part="customXml/ITEM1.XML")]
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "customXml/ITEM1.XML") == as_xml
    assert Scanner(FAMILY).scan_bytes(b'\n\n  <b x="1">Dear Zofia</b>', "page.htm") == [
        leak("text", "Dear Zofia", part="", file="page.htm")]
    assert Scanner(FAMILY).scan_bytes(b"Dear Zofia <3", "notes.txt") == [
        leak("text", "Dear Zofia <3", part="", file="notes.txt")]


def test_text_that_is_not_utf8_is_still_read() -> None:
    assert Scanner(FAMILY).scan_bytes(b"\xff\xfe Dear Zofia", "notes.txt") == [
        leak("text", "\ufffd\ufffd Dear Zofia", part="", file="notes.txt")]


def test_a_strict_scan_reads_a_part_s_bytes_when_its_text_shows_nothing() -> None:
    """A name written in UTF-16 is not text a UTF-8 reading finds: a strict scan finds its
    bytes; a name found as text is reported once, not again as bytes; a file on its own
    (not a part of a package) is text only."""
    utf16 = "x Zofia y".encode("utf-16-le")
    assert Scanner(FAMILY, strict=True).scan_bytes(utf16, "f.docx", "word/media/a.bin") == [
        leak("bytes", "Zofia (utf-16-le)", part="word/media/a.bin")]
    assert Scanner(FAMILY).scan_bytes(utf16, "f.docx", "word/media/a.bin") == []
    assert Scanner(FAMILY, strict=True).scan_bytes(utf16, "notes.txt") == []
    assert Scanner(FAMILY, strict=True).scan_bytes(b"Dear Zofia", "f.docx", "a.bin") == [
        leak("text", "Dear Zofia", part="a.bin")]


def test_a_part_that_is_not_well_formed_xml_is_read_as_bytes_by_a_strict_scan() -> None:
    broken = b"<w:p>Dear Zofia"
    assert Scanner(FAMILY).scan_bytes(broken, "f.docx", "word/document.xml") == []
    assert Scanner(FAMILY, strict=True).scan_bytes(broken, "f.docx", "word/document.xml") == [
        leak("bytes", "Zofia (utf-8)")]


def test_a_name_declared_in_an_entity_is_reported_and_never_expanded() -> None:
    """Word never writes a DTD, but a file handed to the scanner may: the entity's text is
    a finding, and the entity is not expanded (the parser that reads untrusted XML)."""
    xml = (b'<!DOCTYPE a [<!ENTITY who "Dear Zofia"><!ENTITY file SYSTEM "notes.txt">'
           b'<!ENTITY ann "Ann">]><a>&who; &ann;</a>')
    assert Scanner(FAMILY, strict=True).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("entity who", "Dear Zofia")]


def test_every_part_of_a_package_and_of_the_office_files_embedded_in_it() -> None:
    inner = package(("word/document.xml", document(f"<w:p>{run('Nowak')}</w:p>")))
    outer = package(("word/document.xml", document(f"<w:p>{run('Zofia')}</w:p>")),
                    ("word/embeddings/Report.DOCX", inner),
                    ("word/media/notes.bin", package(("a.xml", b"<a>Zofia</a>"))),
                    ("word/embeddings/broken.docx", b"not a zip: Nowak"))
    inside = "word/embeddings/Report.DOCX/word/document.xml"
    found = [leak("paragraph", "Zofia"), leak("text", "Zofia"),
             leak("paragraph", "Nowak", part=inside), leak("text", "Nowak", part=inside)]
    assert Scanner(FAMILY).scan_bytes(outer, "f.docx") == found
    assert Scanner(FAMILY).scan_bytes(inner, "mail.eml", "attachments/Report.docx") == [
        leak("paragraph", "Nowak", part="attachments/Report.docx/word/document.xml",
             file="mail.eml"),
        leak("text", "Nowak", part="attachments/Report.docx/word/document.xml",
             file="mail.eml")]
    everything = "all the part's text"
    assert Scanner(FAMILY, strict=True).scan_bytes(outer, "f.docx") == [
        *found[:2], leak(everything, "Zofia"), *found[2:], leak(everything, "Nowak", part=inside),
        leak("bytes", "Nowak (utf-8)", part="word/embeddings/broken.docx")]


def test_a_strict_scan_without_a_upn_reads_parts_that_name_no_one() -> None:
    parts = package(("word/document.xml", document(f"<w:p>{run('Dear Ann')}</w:p>")),
                    ("word/media/a.bin", b"\x00Ann\x00"))
    assert Scanner(NO_UPN, strict=True).scan_bytes(parts, "f.docx") == []


def test_a_upn_with_other_characters_between_is_found_in_a_part_only_by_a_strict_scan(
        ) -> None:
    xml = document(f"<w:p>{run('ref a_123456789012_ x')}</w:p>")
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == []
    assert Scanner(FAMILY, strict=True).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("paragraph", UPN_NOTE, "UPN"), leak("text", UPN_NOTE, "UPN"),
        leak("all the part's text", UPN_NOTE, "UPN")]
    split = document(f"<w:p>{run('ref a_1234')}{run('56789012_ x')}</w:p>")
    assert Scanner(FAMILY, strict=True).scan_bytes(split, "f.docx", "word/document.xml") == [
        leak("paragraph", UPN_NOTE, "UPN"), leak("all the part's text", UPN_NOTE, "UPN")]


def test_the_upn_as_the_form_wrote_it_is_compared_without_its_spaces_and_dashes() -> None:
    scanner = Scanner(Identity(upn="A 1234-5678.9012"), strict=True)
    assert scanner.text("ref a_123456789012_ x", "f", "p", "text") == [
        Leak("f", "p", "UPN", "text", UPN_NOTE)]
    assert scanner.text("ref b_123456789012_ x", "f", "p", "text") == []  # another pupil's


def test_a_large_part_with_a_upn_only_in_an_attribute_is_read_by_a_strict_scan() -> None:
    """Large parts are first searched for the names only; a strict scan searches them for
    everything."""
    padding = "<w:p/>" * (RAW_SEARCH_BYTES // 6)
    xml = document(f'{padding}<w:tag w:val="A123456789012"/>')
    assert Scanner(FAMILY).scan_bytes(xml, "f.docx", "word/document.xml") == []
    assert Scanner(FAMILY, strict=True).scan_bytes(xml, "f.docx", "word/document.xml") == [
        leak("attribute val", "A123456789012", "UPN")]


def test_json_values_in_lists_and_mappings_are_read_and_empty_ones_skipped() -> None:
    data = b'{"files": [{"title": "Views of Mrs Nowak", "pages": 2, "note": null}]}'
    assert Scanner(FAMILY).scan_bytes(data, "pack.manifest.json") == [
        leak("text", "note\n2\nViews of Mrs Nowak", part="", file="pack.manifest.json")]


def test_a_file_too_large_to_read_is_refused_naming_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(101 * 1024 * 1024)  # sparse: no disk space used
    with pytest.raises(DocgenError) as caught:
        Scanner(FAMILY).scan_file(huge)
    assert "larger than the 100 MB docgen reads for a file to scan" in str(caught.value)
    assert os.fspath(huge) in caught.value.format_message()


def test_scanning_paths_strictly_or_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ref a_123456789012_ x", "utf-8")
    assert scan_paths([tmp_path], FAMILY) == []
    assert scan_paths([tmp_path], FAMILY, strict=True) == [
        Leak(str(tmp_path / "a.txt"), "", "UPN", "text", UPN_NOTE)]
