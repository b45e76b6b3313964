"""Every refusal of the safe opener with its whole message, and each limit at its edge."""

from __future__ import annotations

import dataclasses
import io
import struct
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.errors import UnusableInput
from docgen.forms import package
from docgen.forms.package import open_docx
from docgen.safe_open.limits import FORM, MB
from docgen.safe_open.package import Package
from tests.unit.forms.builders import IEP_BLANK, replace_part, save

SAVE_AS = "Open it in Word or LibreOffice and save it as a Word Document (.docx)."
BOMB_HINT = "Use the form as saved by Word or LibreOffice."
BOMB = "(it may be a 'zip bomb' or a file made to use up the computer's memory)"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CUSTOM = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          "custom-properties")
CORE = ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
        "core-properties")
HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


def refusal(path: Path) -> str:
    with pytest.raises(UnusableInput) as caught:
        open_docx(path)
    return caught.value.format_message()


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def parts_of(docx: bytes) -> dict[str, bytes]:
    source = zipfile.ZipFile(io.BytesIO(docx))
    return {info.filename: source.read(info) for info in source.infolist()}


def edit_rels(docx: bytes, name: str, change) -> bytes:
    rels = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))
    change(rels)
    return replace_part(docx, name, etree.tostring(rels, xml_declaration=True,
                                                   encoding="UTF-8", standalone=True))


class TestMessages:
    def test_encrypted_part(self, tmp_path: Path) -> None:
        data = bytearray(IEP_BLANK)
        entry = data.index(b"PK\x01\x02")
        (flags,) = struct.unpack("<H", data[entry + 8:entry + 10])
        data[entry + 8:entry + 10] = struct.pack("<H", flags | 0x1)
        path = save(tmp_path, bytes(data))
        assert refusal(path) == (
            f"{path}: this file is encrypted, so docgen cannot read it\n"
            "Open it in Word or LibreOffice and save it as a Word document (.docx) without a "
            "password.")

    def test_no_word_document_inside(self, tmp_path: Path) -> None:
        path = save(tmp_path, replace_part(IEP_BLANK, "word/document.xml", None))
        assert refusal(path) == f"{path}: this file has no Word document inside it\n{SAVE_AS}"

    def test_damaged_part(self, tmp_path: Path) -> None:
        path = save(tmp_path, replace_part(IEP_BLANK, "word/document.xml", b"<w:document>"))
        assert refusal(path) == (
            f"{path}: the part word/document.xml is damaged (not well-formed XML)\n{BOMB_HINT}")

    def test_dtd(self, tmp_path: Path) -> None:
        path = save(tmp_path, replace_part(IEP_BLANK, "word/document.xml",
                                           b"<!DOCTYPE x><x/>"))
        assert refusal(path) == (
            f"{path}: the part word/document.xml declares a DTD or entities, which Word never "
            "writes; docgen does not read such files because they can be used to attack a "
            f"computer\n{BOMB_HINT}")

    def test_a_billion_laughs_is_refused_naming_the_part(self, tmp_path: Path) -> None:
        """10^9 'ha's if expanded: libxml2's amplification cap stops the parse at once (the
        message then says the part is damaged rather than that it declares entities)."""
        entities = '<!ENTITY a "ha">' + "".join(
            f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9))
        xml = f"<!DOCTYPE x [{entities}]><x>&j;</x>".encode()
        path = save(tmp_path, replace_part(IEP_BLANK, "word/document.xml", xml))
        message = refusal(path)
        assert message.startswith(f"{path}: the part word/document.xml ")

    def test_a_text_node_over_ten_megabytes_is_refused(self, tmp_path: Path) -> None:
        """libxml2's limit on one text node stays on (lxml's huge_tree is off)."""
        xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
               b'main"><w:body><w:p><w:r><w:t>' + b"x" * 10_500_000
               + b"</w:t></w:r></w:p></w:body></w:document>")
        path = save(tmp_path, replace_part(IEP_BLANK, "word/document.xml", xml))
        assert refusal(path).startswith(f"{path}: the part word/document.xml ")

    def test_too_many_parts(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        count = len(zipfile.ZipFile(io.BytesIO(IEP_BLANK)).infolist())
        path = save(tmp_path, IEP_BLANK)
        limit(monkeypatch, parts=count)
        assert open_docx(path).document is not None  # exactly the limit opens
        limit(monkeypatch, parts=count - 1)
        assert refusal(path) == (
            f"{path}: docgen refused to open this file because it holds {count} parts, more "
            f"than the {count - 1} docgen reads {BOMB}\n" + BOMB_HINT)

    def test_a_part_too_large_when_unpacked(self, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
        size = zipfile.ZipFile(io.BytesIO(IEP_BLANK)).getinfo("word/styles.xml").file_size
        path = save(tmp_path, IEP_BLANK)
        limit(monkeypatch, part_bytes=size)
        assert open_docx(path).document is not None
        limit(monkeypatch, part_bytes=size - 1)
        assert refusal(path) == (
            f"{path}: docgen refused to open this file because the part word/styles.xml would "
            "unpack to 0 MB, more than the 0 MB docgen allows for one part "
            f"{BOMB}\n" + BOMB_HINT)

    def test_the_whole_file_too_large_when_unpacked(self, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
        total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(IEP_BLANK)).infolist())
        path = save(tmp_path, IEP_BLANK)
        limit(monkeypatch, total_bytes=total)
        assert open_docx(path).document is not None
        limit(monkeypatch, total_bytes=total - 1)
        assert refusal(path) == (
            f"{path}: docgen refused to open this file because it would unpack to "
            f"{total // MB} MB, more than the {(total - 1) // MB} MB docgen allows for one file "
            f"{BOMB}\n" + BOMB_HINT)

    def test_the_real_limits(self) -> None:
        assert package.LIMITS is FORM
        assert (FORM.file_bytes, FORM.part_bytes, FORM.total_bytes) == (50 * MB, 50 * MB,
                                                                        200 * MB)
        assert (FORM.parts, FORM.tags, FORM.small_part_bytes, FORM.same_target,
                FORM.seconds) == (2_000, 1_000_000, 1 * MB, 100, 30.0)
        assert MB == 1_000_000


def limit(monkeypatch: pytest.MonkeyPatch, **limits: int) -> None:
    """The form's limits with some changed, for a small file to reach them."""
    monkeypatch.setattr(package, "LIMITS", dataclasses.replace(FORM, **limits))


class TestBoundedReading:
    """Package.read: at most the part's limit and what is left of the whole file's budget."""

    @staticmethod
    def opened(tmp_path: Path, size: int, **limits: int) -> Package:
        data = zipped({"word/big.xml": b"x" * size})
        return Package(data, tmp_path / "f.docx", dataclasses.replace(FORM, **limits))

    def test_a_part_of_exactly_the_limit_is_read(self, tmp_path: Path) -> None:
        opened = self.opened(tmp_path, MB)
        assert len(opened.read("word/big.xml", limit=MB)) == MB

    def test_one_byte_more_is_refused_naming_the_part_and_the_limit(self, tmp_path: Path
                                                                    ) -> None:
        opened = self.opened(tmp_path, MB + 1)
        with pytest.raises(UnusableInput) as caught:
            opened.read("word/big.xml", limit=MB, role="a header")
        assert caught.value.message == (
            "docgen refused to open this file because the part word/big.xml unpacks to more "
            f"than 1 MB, the most docgen allows for a header {BOMB}")
        assert caught.value.file == str(tmp_path / "f.docx")

    def test_the_whole_files_budget_counts_every_read(self, tmp_path: Path) -> None:
        """A part read twice costs twice: 2 x 500 KB is exactly the 1 MB budget, a third read
        is refused however small each part is."""
        opened = self.opened(tmp_path, 500_000, total_bytes=MB)
        assert len(opened.read("word/big.xml")) == 500_000
        assert len(opened.read("word/big.xml")) == 500_000
        assert opened.bytes_left == 0
        with pytest.raises(UnusableInput) as caught:
            opened.read("word/big.xml")
        assert caught.value.message == (
            "docgen refused to open this file because its parts unpack to more than the 1 MB "
            f"docgen allows for one file {BOMB}")

    def test_inflating_stops_at_the_limit_not_at_the_end(self, tmp_path: Path,
                                                         zip_reads: list[int]) -> None:
        """A 20 MB part read with a 1.5 MB limit: at most one 1 MiB chunk past the limit."""
        opened = self.opened(tmp_path, 20 * MB)
        zip_reads.clear()  # opening read the package's own parts
        with pytest.raises(UnusableInput):
            opened.read("word/big.xml", limit=1_500_000)
        assert 1_500_000 < sum(zip_reads) <= 1_500_000 + (1 << 20)


class TestRelationships:
    def test_custom_and_core_properties_found_where_the_relationships_say(
            self, tmp_path: Path) -> None:
        parts = parts_of(IEP_BLANK)
        parts["docProps/own-custom.xml"] = parts.pop("docProps/custom.xml")
        parts["docProps/own-core.xml"] = parts.pop("docProps/core.xml")
        docx = zipped(parts)

        def move(rels: etree._Element) -> None:
            for rel in rels:
                if rel.get("Type") in (CUSTOM, CORE):
                    rel.set("Target", rel.get("Target").replace("docProps/", "docProps/own-"))

        opened = open_docx(save(tmp_path, edit_rels(docx, "_rels/.rels", move)))
        assert opened.custom() == {"docgen.form": "iep", "docgen.form_version": "2"}
        assert opened.core_properties is not None

    def test_properties_at_their_usual_place_are_read_without_relationships(
            self, tmp_path: Path) -> None:
        def drop(rels: etree._Element) -> None:
            for rel in list(rels):
                if rel.get("Type") in (CUSTOM, CORE):
                    rels.remove(rel)

        opened = open_docx(save(tmp_path, edit_rels(IEP_BLANK, "_rels/.rels", drop)))
        assert opened.custom() == {"docgen.form": "iep", "docgen.form_version": "2"}
        assert opened.core_properties is not None

    def test_a_relationship_without_a_target_is_passed_over(self, tmp_path: Path) -> None:
        def untarget(rels: etree._Element) -> None:
            for rel in rels:
                if rel.get("Type").endswith("/officeDocument"):
                    del rel.attrib["Target"]

        opened = open_docx(save(tmp_path, edit_rels(IEP_BLANK, "_rels/.rels", untarget)))
        assert opened.document.tag.endswith("}document")  # found at word/document.xml

    def test_an_external_link_is_never_read_as_a_part(self, tmp_path: Path) -> None:
        rels_name = "word/_rels/document.xml.rels"

        def add_external(rels: etree._Element) -> None:
            (header,) = [r for r in rels if r.get("Type") == HEADER]
            external = etree.Element(f"{{{RELS}}}Relationship", Id="rIdExternal", Type=HEADER,
                                     Target=header.get("Target"), TargetMode="External")
            rels.insert(0, external)  # before the real one, which must still be read

        opened = open_docx(save(tmp_path, edit_rels(IEP_BLANK, rels_name, add_external)))
        assert len(opened.headers) == 1


    def test_an_absolute_target_is_found_from_the_package_root(self, tmp_path: Path) -> None:
        def absolute(rels: etree._Element) -> None:
            for rel in rels:
                if rel.get("Type").endswith("/officeDocument"):
                    rel.set("Target", "/word/document.xml")

        opened = open_docx(save(tmp_path, edit_rels(IEP_BLANK, "_rels/.rels", absolute)))
        assert opened.document.tag.endswith("}document") and len(opened.headers) == 1

    def test_an_absolute_target_keeps_its_whole_name(self, tmp_path: Path) -> None:
        parts = parts_of(IEP_BLANK)
        parts["Xheader.xml"] = parts.pop("word/header1.xml")

        def absolute(rels: etree._Element) -> None:
            for rel in rels:
                if rel.get("Type") == HEADER:
                    rel.set("Target", "/Xheader.xml")

        docx = edit_rels(zipped(parts), "word/_rels/document.xml.rels", absolute)
        assert len(open_docx(save(tmp_path, docx)).headers) == 1


class TestOpening:
    """What is refused before the archive is even read, each message whole."""

    def test_no_such_file(self, tmp_path: Path) -> None:
        path = tmp_path / "nowhere.docx"
        assert refusal(path) == (f"{path}: there is no such file\n"
                                 "Check the name and the folder.")

    def test_an_empty_file(self, tmp_path: Path) -> None:
        path = save(tmp_path, b"")
        assert refusal(path) == (f"{path}: the file is empty\n"
                                 "Save it again, then use the saved file.")

    def test_an_older_word_file(self, tmp_path: Path) -> None:
        path = save(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old.doc")
        assert refusal(path) == (
            f"{path}: this is an older Word file (.doc) or a password-protected document, "
            "which docgen cannot read as a form\nOpen it in Word or LibreOffice and save it "
            "as a Word document (.docx) without a password.")

    def test_not_a_word_document(self, tmp_path: Path) -> None:
        path = save(tmp_path, b"%PDF-1.4 a scanned form")
        assert refusal(path) == f"{path}: this is not a Word document (.docx)\n{SAVE_AS}"

    def test_a_copy_cut_short(self, tmp_path: Path) -> None:
        path = save(tmp_path, IEP_BLANK[:3000])
        assert refusal(path) == (
            f"{path}: the file is damaged or incomplete (perhaps a download or copy was cut "
            "short)\nCopy it again from where it came from.")


class TestSizesInMegabytes:
    """Sizes in messages are in megabytes of 1,000,000 bytes, rounded down."""

    def test_a_part_of_one_megabyte(self, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
        parts = parts_of(IEP_BLANK)
        parts["word/media/image1.png"] = b"\0" * 1_000_000
        path = save(tmp_path, zipped(parts))
        limit(monkeypatch, part_bytes=999_999)
        assert "the part word/media/image1.png would unpack to 1 MB," in refusal(path)

    def test_a_file_of_two_megabytes(self, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
        parts = parts_of(IEP_BLANK)
        rest = sum(len(data) for data in parts.values())
        parts["word/media/image1.png"] = b"\0" * (2_000_000 - rest)
        path = save(tmp_path, zipped(parts))
        limit(monkeypatch, total_bytes=1_999_999)
        assert "because it would unpack to 2 MB," in refusal(path)
