"""Opening a .docx safely: each unusable file refused with its name and what to do."""

from __future__ import annotations

import dataclasses
import io
import struct
import time
import zipfile
from pathlib import Path

import pytest

from docgen.errors import UnusableInput
from docgen.forms import package
from docgen.forms.package import open_docx
from docgen.forms.text import text_of
from docgen.safe_open import FORM, Package
from tests.unit.forms.builders import IEP_BLANK, replace_part, save, zip_bomb

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(path: Path) -> str:
    with pytest.raises(UnusableInput) as caught:
        open_docx(path)
    message = caught.value.format_message()
    assert str(path) in message
    return message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "there is no such file" in refused(tmp_path / "nowhere.docx")
    assert refused(tmp_path) == (
        f"{tmp_path}: this is a folder, not a file\nGive one file, or use 'docgen batch FOLDER "
        "-o OUTPUT' to make the documents for every form in a folder.")


def test_empty_file(tmp_path: Path) -> None:
    assert "the file is empty" in refused(save(tmp_path, b""))


def test_not_a_zip(tmp_path: Path) -> None:
    message = refused(save(tmp_path, b"Minutes of the meeting"))
    assert "this is not a Word document (.docx)" in message
    assert "save it as a Word Document (.docx)" in message


def test_truncated_zip(tmp_path: Path) -> None:
    message = refused(save(tmp_path, IEP_BLANK[:3000]))
    assert "the file is damaged or incomplete" in message


@pytest.mark.parametrize("name", ["legacy.doc", "protected.docx"])
def test_ole_container(tmp_path: Path, name: str) -> None:
    """A legacy .doc and a password-protected .docx are both OLE compound files."""
    message = refused(save(tmp_path, OLE_MAGIC + b"\x00" * 4096, name))
    assert "an older Word file (.doc) or a password-protected document" in message
    assert "save it as a Word document (.docx) without a password" in message


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = zip_bomb(300)  # 300 MB of zeros, about 300 KB compressed
    assert len(bomb) < 2_000_000
    started = time.perf_counter()
    message = refused(save(tmp_path, bomb, "bomb.docx"))
    assert "zip bomb" in message and "word/document.xml would unpack to 314 MB" in message
    assert time.perf_counter() - started < 2


def test_a_header_understating_a_part_is_not_trusted(tmp_path: Path) -> None:
    """The central directory says 1 KB; inflating stops there and the check sum fails."""
    data = bytearray(zip_bomb(60))
    entry = data.rindex(b"PK\x01\x02")  # the central directory entry of word/document.xml
    assert struct.unpack("<I", data[entry + 24:entry + 28]) == (60 << 20,)
    data[entry + 24:entry + 28] = struct.pack("<I", 1024)
    started = time.perf_counter()
    message = refused(save(tmp_path, bytes(data), "liar.docx"))
    assert "the file is damaged or incomplete" in message
    assert time.perf_counter() - started < 2


def test_bounded_reader_stops_at_its_limit(tmp_path: Path) -> None:
    opened = Package(IEP_BLANK, tmp_path / "f.docx", FORM)
    with pytest.raises(UnusableInput) as caught:
        opened.read("word/document.xml", limit=1000)
    assert "the part word/document.xml unpacks to more than 1 KB, the most docgen allows " \
        "for it" in caught.value.message


def test_whole_file_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "LIMITS", dataclasses.replace(FORM, total_bytes=100_000))
    assert "it would unpack to 0 MB, more than the 0 MB" in refused(save(tmp_path, IEP_BLANK))


@pytest.mark.parametrize("part", ["word/document.xml", "docProps/custom.xml",
                                  "word/header1.xml"])
@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE x SYSTEM "http://example.invalid/evil.dtd">',
])
def test_dtd_and_entities_are_refused(tmp_path: Path, part: str, doctype: str) -> None:
    xml = zipfile.ZipFile(io.BytesIO(IEP_BLANK)).read(part).decode("utf-8")
    end = xml.index("?>") + 2
    docx = replace_part(IEP_BLANK, part, (xml[:end] + doctype + xml[end:]).encode("utf-8"))
    message = refused(save(tmp_path, docx))
    assert f"the part {part} declares a DTD or entities" in message


def test_damaged_xml(tmp_path: Path) -> None:
    docx = replace_part(IEP_BLANK, "word/document.xml", b"<w:document><w:body>")
    assert "the part word/document.xml is damaged" in refused(save(tmp_path, docx))


def test_no_document_inside(tmp_path: Path) -> None:
    docx = replace_part(IEP_BLANK, "word/document.xml", None)
    assert "this file has no Word document inside it" in refused(save(tmp_path, docx))


def test_encrypted_member(tmp_path: Path) -> None:
    data = bytearray(IEP_BLANK)
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    (flags,) = struct.unpack("<H", data[entry + 8:entry + 10])
    data[entry + 8:entry + 10] = struct.pack("<H", flags | 0x1)  # "encrypted"
    assert "this file is encrypted" in refused(save(tmp_path, bytes(data)))


def test_parts_exposed_and_macros_never_read(tmp_path: Path) -> None:
    docm = replace_part(IEP_BLANK, "word/vbaProject.bin", None)
    docm = _with_extra(docm, "word/vbaProject.bin", b"\x00not really a macro\x00")
    opened = open_docx(save(tmp_path, docm, "form.docm"))
    assert opened.document.tag.endswith("}document")
    assert [text_of(h) for h in opened.headers] == ["Confidential when completed"]
    assert opened.custom() == {"docgen.form": "iep", "docgen.form_version": "2"}
    assert opened.core_properties is not None
    assert "word/vbaProject.bin" in opened.names


def test_main_part_found_through_the_package_relationships(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(IEP_BLANK))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            name = info.filename.replace("word/document.xml", "word/main.xml")
            name = name.replace("word/_rels/document.xml.rels", "word/_rels/main.xml.rels")
            if info.filename == "_rels/.rels":
                data = data.replace(b"word/document.xml", b"word/main.xml")
            target.writestr(name, data)
    opened = open_docx(save(tmp_path, out.getvalue()))
    assert len(opened.headers) == 1 and "word/document.xml" not in opened.names


def _with_extra(docx: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO(docx)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(name, data)
    return out.getvalue()
