"""Opens a .docx safely: refuses what is not a Word document, bombs, and XML with entities."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.errors import UnusableInput

MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SAVE_AS_DOCX = "Open it in Word or LibreOffice and save it as a Word Document (.docx)."

# No entities, no DTD, no network: a part cannot expand or reach out while being read.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False, remove_blank_text=False)


@dataclass
class DocxPackage:
    """The parts of a .docx that docgen reads, parsed."""

    path: Path
    document: etree._Element
    custom_properties: etree._Element | None = None
    core_properties: etree._Element | None = None
    names: list[str] = field(default_factory=list)


def open_docx(path: Path) -> DocxPackage:
    """Read the document, core and custom properties parts of a Word file, safely."""
    head = _head(path)
    if head.startswith(_OLE_MAGIC):
        raise UnusableInput(
            "this is an older Word file (.doc) or a password-protected document, which docgen "
            "cannot read", file=str(path),
            hint=f"Remove any password, then save it as a Word Document (.docx). {_SAVE_AS_DOCX}",
        )
    if not head.startswith(_ZIP_MAGIC):
        raise UnusableInput("this is not a Word document (.docx)", file=str(path),
                            hint=_SAVE_AS_DOCX)
    try:
        with zipfile.ZipFile(path) as archive:
            names = _check_sizes(archive, path)
            if "word/document.xml" not in names:
                raise UnusableInput("this file has no Word document inside it", file=str(path),
                                    hint=_SAVE_AS_DOCX)
            return DocxPackage(
                path=path,
                document=_parse(archive, "word/document.xml", path),
                custom_properties=_parse_optional(archive, "docProps/custom.xml", names, path),
                core_properties=_parse_optional(archive, "docProps/core.xml", names, path),
                names=names,
            )
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
            zlib.error, OSError, ValueError):
        # a damaged archive fails in many ways inside zipfile (bad CRC, bad seek offsets,
        # broken deflate streams); the file itself was readable (see _head)
        raise UnusableInput("the file is damaged or incomplete (perhaps a download or copy "
                            "was cut short)", file=str(path),
                            hint="Copy it again from where it came from.") from None


def _head(path: Path) -> bytes:
    if not path.is_file():
        raise UnusableInput("there is no such file", file=str(path),
                            hint="Check the name and the folder.")
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise UnusableInput("the file is empty", file=str(path),
                            hint="Save the form again in Word, then use the saved file.")
    return head


def _check_sizes(archive: zipfile.ZipFile, path: Path) -> list[str]:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise _unsafe(path, f"it holds {len(infos)} parts")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise _unsafe(path, f"the part {info.filename} would unpack to "
                                f"{info.file_size // 1_000_000} MB")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _unsafe(path, f"it would unpack to {total // 1_000_000} MB")
    return [i.filename for i in infos]


def _unsafe(path: Path, why: str) -> UnusableInput:
    return UnusableInput(f"docgen refused to open this file because {why}, far more than a "
                         "form needs (it may be a 'zip bomb')", file=str(path),
                         hint="Use the form as saved by Word or LibreOffice.")


def read_bounded(archive: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """A part's bytes, refusing to inflate more than the limit whatever its header claims."""
    with archive.open(name) as handle:
        data = handle.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise _unsafe(path, f"the part {name} unpacks to more than "
                            f"{MAX_PART_BYTES // 1_000_000} MB")
    return data


def parse_safely(data: bytes, name: str, path: Path) -> etree._Element:
    try:
        root = etree.fromstring(data, parser=SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise UnusableInput(f"the part {name} is damaged (not well-formed XML)", file=str(path),
                            hint=_SAVE_AS_DOCX) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnusableInput(
            f"the part {name} declares a DTD or entities, which Word never writes; docgen "
            "does not read such files because they can be used to attack a computer",
            file=str(path), hint=_SAVE_AS_DOCX,
        )
    return root


def _parse(archive: zipfile.ZipFile, name: str, path: Path) -> etree._Element:
    return parse_safely(read_bounded(archive, name, path), name, path)


def _parse_optional(archive: zipfile.ZipFile, name: str, names: list[str], path: Path
                    ) -> etree._Element | None:
    return _parse(archive, name, path) if name in names else None
