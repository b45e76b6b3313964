"""The hardened reader's Package at its edges: each budget's refusal in full (which part, which
limit, what it is for), parts read across several chunks, the clock at its deadline, and the
package's own XML (content types, relationships) read only in its own namespace."""

from __future__ import annotations

import dataclasses

import pytest

from docgen.errors import UnusableInput
from docgen.safe_open import EVIDENCE, Limits, Package
from docgen.safe_open import package as package_module
from tests.unit.forms.test_safe_package import BOMB, HEADER, NOT_WORD, RELS_NS, opened, refusal

TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                   "officeDocument")
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCUMENT = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
REFUSED = "f.docx: docgen refused to open this file because "


def word(main: str = "word/document.xml", overrides: str | None = None,
         types_ns: str = TYPES_NS) -> dict[str, bytes]:
    """The least a Word document holds: its package relationship to the main part, the main
    part, and the content type that says it is a Word document."""
    if overrides is None:
        overrides = f'<Override PartName="/{main}" ContentType="{WORD_MAIN}"/>'
    return {
        "[Content_Types].xml": (f'<Types xmlns="{types_ns}"><Default Extension="xml" '
                                f'ContentType="application/xml"/>{overrides}</Types>').encode(),
        "_rels/.rels": (f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
                        f'Type="{OFFICE_DOCUMENT}" Target="{main}"/></Relationships>').encode(),
        main: DOCUMENT}


def spread_tags(tags: int, gap: int) -> bytes:
    """An XML part of ``tags`` + 1 tags with ``gap`` spaces after each: across chunks."""
    return b"<a>" + (b"<b/>" + b" " * gap) * tags + b"</a>"


# --- which part is the Word document ------------------------------------------------------
@pytest.mark.parametrize("main", ["word/document.xml", "X/document.xml", "document.xml",
                                  "XML/main.xml"])
def test_the_main_part_may_live_in_any_folder(main: str) -> None:
    opened(word(main)).check_word_document()


@pytest.mark.parametrize("main", ["word/document.xml", "XXXX"])
def test_an_override_without_a_part_name_declares_no_part(main: str) -> None:
    nameless = f'<Override ContentType="{WORD_MAIN}"/>'
    opened(word(main, nameless + f'<Override PartName="/{main}" ContentType="{WORD_MAIN}"/>')
           ).check_word_document()
    assert refusal(opened(word(main, nameless)).check_word_document) == NOT_WORD


def test_a_main_part_declared_without_a_content_type_is_not_a_word_document() -> None:
    parts = word(overrides='<Override PartName="/word/document.xml"/>')
    assert refusal(opened(parts).check_word_document) == NOT_WORD


def test_content_types_outside_their_namespace_declare_nothing() -> None:
    parts = word(types_ns="urn:not-the-content-types")
    assert refusal(opened(parts).check_word_document) == NOT_WORD
    parts = word(overrides=f'<o:Override xmlns:o="urn:other" PartName="/word/document.xml" '
                           f'ContentType="{WORD_MAIN}"/>')
    assert refusal(opened(parts).check_word_document) == NOT_WORD


def test_relationships_outside_their_namespace_are_not_followed() -> None:
    parts = word()
    parts["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{RELS_NS}"><o:Relationship xmlns:o="urn:other" Id="r1" '
        f'Type="{HEADER}" Target="header1.xml"/></Relationships>').encode()
    assert opened(parts).relationships("word/document.xml") == {}


# --- the clock ----------------------------------------------------------------------------
def test_the_time_budget_ends_after_its_last_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(package_module.time, "monotonic", lambda: clock[0])
    package = opened(word(), seconds=30)
    clock[0] = 1030.0
    package.check_time()  # the 30th second is still inside the budget
    clock[0] = 1030.5
    with pytest.raises(UnusableInput) as caught:
        package.check_time()
    assert caught.value.file == "f.docx" and caught.value.hint == EVIDENCE.hint
    assert caught.value.format_message() == (
        f"{REFUSED}reading it took longer than the 30 seconds docgen allows for one file "
        f"{BOMB}\n{EVIDENCE.hint}")


# --- bytes: the part's own limit, what the part is for, the whole file ---------------------
def test_a_part_over_the_limit_asked_for_names_what_it_is_for() -> None:
    parts = {"word/header1.xml": spread_tags(10, 300)}  # about 3 KB
    too_big = (f"{REFUSED}the part word/header1.xml unpacks to more than 2 KB, the most "
               "docgen allows for {} " + f"{BOMB}\n{EVIDENCE.hint}")
    assert refusal(lambda: opened(parts).read("word/header1.xml", 2000, "a header",
                                              xml=True)) == too_big.format("a header")
    assert refusal(lambda: opened(parts).xml("word/header1.xml", 2000, "a header")
                   ) == too_big.format("a header")
    assert refusal(lambda: opened(parts).xml("word/header1.xml", 2000)) == too_big.format("it")
    assert refusal(lambda: opened(parts, small_part_bytes=2000).small_xml("word/header1.xml")
                   ) == too_big.format("a header or property part of a document")
    assert opened(parts).xml("word/header1.xml", 4000, "a header").tag == "a"


def test_inflating_a_part_names_it_as_it_unless_told_what_it_is_for() -> None:
    package = opened({"evidence/report.pdf": b"x" * 3000})
    assert refusal(lambda: list(package.inflate("evidence/report.pdf", 2000))) == (
        f"{REFUSED}the part evidence/report.pdf unpacks to more than 2 KB, the most docgen "
        f"allows for it {BOMB}\n{EVIDENCE.hint}")
    assert b"".join(opened({"a.bin": b"x" * 3000}).inflate("a.bin")) == b"x" * 3000


def test_a_part_read_again_counts_against_the_whole_file_again() -> None:
    package = opened({"word/media/image1.png": b"\x89PNG" + b"x" * 600_000},
                     total_bytes=1_000_000)
    package.read("word/media/image1.png")
    with pytest.raises(UnusableInput) as caught:
        package.read("word/media/image1.png")
    assert caught.value.file == "f.docx"
    assert caught.value.format_message() == (
        f"{REFUSED}its parts unpack to more than the 1 MB docgen allows for one file {BOMB}\n"
        f"{EVIDENCE.hint}")


def test_parts_over_several_chunks_are_read_whole() -> None:
    xml = spread_tags(1500, 2000)  # 3 MB: three chunks of 1 MiB
    binary = bytes(range(256)) * 12_000
    package = opened({"word/document.xml": xml, "word/media/image1.png": binary})
    assert package.read("word/document.xml", xml=True) == xml
    assert package.read("word/media/image1.png") == binary
    assert len(package.xml("word/document.xml")) == 1500


def test_tags_are_counted_over_every_chunk_as_the_part_inflates() -> None:
    """About 500 tags in each 1 MiB chunk, 1,502 in all: the budget of 1,000 is passed in
    the third chunk, before the part is whole in memory (so the count is not yet known)."""
    parts = {"word/document.xml": spread_tags(1500, 2000)}
    assert refusal(lambda: opened(parts, tags=1000).xml("word/document.xml")) == (
        f"{REFUSED}the part word/document.xml holds more than the 1,000 XML tags docgen "
        f"reads in one document {BOMB}\n{EVIDENCE.hint}")


# --- every part checked (evidence and templates) ------------------------------------------
def test_every_xml_part_is_parsed_by_its_name_without_a_declaration() -> None:
    parts = word()
    parts["word/settings.xml"] = b"<w:settings><broken"
    assert refusal(opened(parts).check_every_part) == (
        "f.docx: the part word/settings.xml is damaged (not well-formed XML)\n"
        + EVIDENCE.hint)


def test_every_xml_part_has_its_tags_counted_as_it_inflates() -> None:
    parts = {"word/document.xml": spread_tags(9, 0)}  # 11 tags
    opened(parts, tags=11).check_every_part()
    assert refusal(opened(parts, tags=10).check_every_part) == (
        f"{REFUSED}the part word/document.xml holds more than the 10 XML tags docgen reads "
        f"in one document {BOMB}\n{EVIDENCE.hint}")


# --- not an Office file at all ------------------------------------------------------------
def test_a_file_that_is_not_the_zip_asked_for_gets_its_own_hint() -> None:
    limits = Limits("upload", "Choose the case folder's .zip file again.",
                    kind="a .zip file")
    with pytest.raises(UnusableInput) as caught:
        Package(b"%PDF-1.7 not a zip", "case.zip", limits)
    assert caught.value.format_message() == (
        "case.zip: this is not a .zip file\nChoose the case folder's .zip file again.")
    word_limits = dataclasses.replace(limits, kind="a Word document (.docx)")
    with pytest.raises(UnusableInput) as caught:
        Package(b"%PDF-1.7 not a zip", "form.docx", word_limits)
    assert caught.value.format_message() == (
        "form.docx: this is not a Word document (.docx)\nOpen it in Word or LibreOffice and "
        "save it as a Word Document (.docx).")
