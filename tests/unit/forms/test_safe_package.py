"""The hardened reader's Package: a Word document told from other zips, relationships read as
Word writes them, every part checked, the tag budget at its edge, a part copied to disk."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from docgen.errors import UnusableInput
from docgen.safe_open import EVIDENCE, Package
from tests.unit.forms.builders import IEP_BLANK

NOT_WORD = ("f.docx: this is not a Word document (.docx)\nSave it again from Word or "
            "LibreOffice as a Word document (.docx), or take it out of the case folder.")
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
BOMB = "(it may be a 'zip bomb' or a file made to use up the computer's memory)"


def parts_of(data: bytes) -> dict[str, bytes]:
    source = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: source.read(info) for info in source.infolist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def opened(parts: dict[str, bytes], **limits: int) -> Package:
    return Package(zipped(parts), "f.docx", dataclasses.replace(EVIDENCE, **limits))


def refusal(call) -> str:
    with pytest.raises(UnusableInput) as caught:
        call()
    return caught.value.format_message()


def test_a_word_document_passes_and_the_same_zip_without_its_types_does_not() -> None:
    parts = parts_of(IEP_BLANK)
    opened(parts).check_word_document()
    del parts["[Content_Types].xml"]
    assert refusal(opened(parts).check_word_document) == NOT_WORD


def test_a_workbook_s_main_part_is_not_a_word_document() -> None:
    parts = parts_of(IEP_BLANK)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
    assert refusal(opened(parts).check_word_document) == NOT_WORD


def test_a_package_that_names_no_main_part_or_a_missing_one() -> None:
    parts = parts_of(IEP_BLANK)
    parts["_rels/.rels"] = f'<Relationships xmlns="{RELS_NS}"/>'.encode()
    assert refusal(opened(parts).check_word_document) == NOT_WORD
    parts = parts_of(IEP_BLANK)
    del parts["word/document.xml"]
    assert refusal(opened(parts).check_word_document) == NOT_WORD


def test_relationships_as_word_writes_them() -> None:
    parts = parts_of(IEP_BLANK)
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{RELS_NS}">'
        f'<Relationship Id="r1" Type="{HEADER}" Target="header1.xml"/>'
        f'<Relationship Id="r2" Type="{HEADER}" Target="header1.xml"/>'
        f'<Relationship Id="r3" Type="{HEADER}" Target="https://example.org/h.xml" '
        'TargetMode="External"/>'
        f'<Relationship Id="r4" Type="{HEADER}"/>'
        '<Relationship Id="r5" Target="/word/footer1.xml"/></Relationships>').encode()
    assert opened(parts).relationships("word/document.xml") == {
        HEADER: ["word/header1.xml"], "": ["word/footer1.xml"]}
    assert opened(parts).relationships("word/styles.xml") == {}


def test_one_part_named_too_often_is_refused() -> None:
    parts = parts_of(IEP_BLANK)
    rels = "".join(f'<Relationship Id="r{n}" Type="{HEADER}" Target="header1.xml"/>'
                   for n in range(4))
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{RELS_NS}">{rels}</Relationships>').encode()
    assert opened(parts, same_target=4).relationships("word/document.xml") == {
        HEADER: ["word/header1.xml"]}
    assert refusal(lambda: opened(parts, same_target=3).relationships("word/document.xml")) == (
        "f.docx: docgen refused to open this file because word/_rels/document.xml.rels names "
        f"the part word/header1.xml more than 3 times {BOMB}\n" + EVIDENCE.hint)


def test_every_part_is_checked_xml_by_its_name_or_its_declaration() -> None:
    parts = parts_of(IEP_BLANK)
    parts["word/extra.rels"] = b"<broken"
    assert refusal(opened(parts).check_every_part) == (
        "f.docx: the part word/extra.rels is damaged (not well-formed XML)\n" + EVIDENCE.hint)
    parts = parts_of(IEP_BLANK)
    parts["customXml/item1.bin"] = b"  <?xml version='1.0'?><broken"
    assert refusal(opened(parts).check_every_part) == (
        "f.docx: the part customXml/item1.bin is damaged (not well-formed XML)\n"
        + EVIDENCE.hint)
    parts = parts_of(IEP_BLANK)
    parts["word/media/image1.png"] = b"\x89PNG <broken"
    opened(parts).check_every_part()  # not XML: inflated within the budget, not parsed


def test_the_tag_budget_at_its_edge() -> None:
    document = b"<a>" + b"<b/>" * 9 + b"</a>"  # 11 tags
    parts = {"word/document.xml": document}
    package = opened(parts, tags=11)
    assert package.xml("word/document.xml").tag == "a"
    assert package.tags_left == 0
    assert package.xml("word/document.xml") is package.xml("word/document.xml")  # parsed once
    assert refusal(lambda: opened(parts, tags=10).xml("word/document.xml")) == (
        "f.docx: docgen refused to open this file because the part word/document.xml holds "
        f"more than the 10 XML tags docgen reads in one document {BOMB}\n" + EVIDENCE.hint)
    assert refusal(lambda: opened(parts, tags=10).parse("word/document.xml", document)) == (
        "f.docx: docgen refused to open this file because the part word/document.xml holds "
        f"11 XML tags, more than the 10 docgen reads in one document {BOMB}\n"
        + EVIDENCE.hint)
    assert opened(parts, tags=10).read("word/document.xml") == document  # not XML: no count


def test_a_part_copied_to_disk_whole_and_never_over_a_file(tmp_path: Path) -> None:
    data = b"x" * 3_000_000
    package = opened({"evidence/report.pdf": data})
    target = tmp_path / "report.pdf"
    package.copy_to("evidence/report.pdf", target)
    assert target.read_bytes() == data
    with pytest.raises(FileExistsError):
        package.copy_to("evidence/report.pdf", target)
    assert target.read_bytes() == data
