"""Opens a .docx safely: refuses what is not a Word document, zip bombs and XML with a DTD."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.docprops import read_custom_properties
from docgen.errors import UnusableInput
from docgen.forms.ns import NSMAP

MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_PARTS = 2_000
_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_SAVE_AS_DOCX = "Open it in Word or LibreOffice and save it as a Word Document (.docx)."
_MAIN = "word/document.xml"
_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT = f"{_RELS_NS}/officeDocument"
_HEADER = f"{_RELS_NS}/header"
_CUSTOM = f"{_RELS_NS}/custom-properties"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

# No entities, no DTD, no network, no huge text nodes: a part cannot expand or reach out.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False, remove_blank_text=False)


@dataclass
class DocxPackage:
    """The parts of a .docx that docgen reads, parsed (macros and media are never read)."""

    path: Path
    document: etree._Element
    headers: list[etree._Element] = field(default_factory=list)
    custom_properties: etree._Element | None = None
    core_properties: etree._Element | None = None
    names: list[str] = field(default_factory=list)

    def custom(self) -> dict[str, str]:
        """The custom document properties, name → text (empty when there are none)."""
        if self.custom_properties is None:
            return {}
        return read_custom_properties(self.custom_properties)


def open_docx(path: Path) -> DocxPackage:
    """Read the main document, headers and properties of a Word file (.docx or .docm)."""
    path = Path(path)
    head = _head(path)
    if head.startswith(_OLE_MAGIC):
        raise UnusableInput(
            "this is an older Word file (.doc) or a password-protected document, which docgen "
            "cannot read", file=str(path),
            hint="Open it in Word or LibreOffice and save it as a Word document (.docx) "
                 "without a password.",
        )
    if not head.startswith(_ZIP_MAGIC):
        raise UnusableInput("this is not a Word document (.docx)", file=str(path),
                            hint=_SAVE_AS_DOCX)
    try:
        with zipfile.ZipFile(path) as archive:
            return _Reader(archive, path).package()
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
            zlib.error, OSError, ValueError):
        # a damaged archive fails in many ways inside zipfile (bad CRC, bad seek offsets,
        # broken deflate streams, unsupported compression); the file itself was readable
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


class _Reader:
    """Reads parts through one budget, so the whole file can never inflate past the limit."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path = archive, path
        self.budget = MAX_TOTAL_BYTES
        self.infos = {info.filename: info for info in _checked_infos(archive, path)}

    def package(self) -> DocxPackage:
        package_rels = self.relationships("_rels/.rels")
        main = _first(package_rels, _OFFICE_DOCUMENT) or _MAIN
        if main not in self.infos:
            raise UnusableInput("this file has no Word document inside it", file=str(self.path),
                                hint=_SAVE_AS_DOCX)
        document = self.parse(main)
        main_rels = self.relationships(posixpath.join(posixpath.dirname(main), "_rels",
                                                      posixpath.basename(main) + ".rels"))
        headers = [self.parse(name) for name in main_rels.get(_HEADER, [])
                   if name in self.infos]
        return DocxPackage(
            path=self.path, document=document, headers=headers,
            custom_properties=self.optional(_first(package_rels, _CUSTOM)
                                            or "docProps/custom.xml"),
            core_properties=self.optional(_first(package_rels, _CORE) or "docProps/core.xml"),
            names=list(self.infos),
        )

    def optional(self, name: str) -> etree._Element | None:
        return self.parse(name) if name in self.infos else None

    def parse(self, name: str) -> etree._Element:
        return parse_safely(self.read(name), name, self.path)

    def read(self, name: str) -> bytes:
        data = read_bounded(self.archive, self.infos[name], self.path,
                            min(MAX_PART_BYTES, self.budget))
        self.budget -= len(data)
        return data

    def relationships(self, name: str) -> dict[str, list[str]]:
        """Relationship type → part names (resolved from the source part's folder)."""
        if name not in self.infos:
            return {}
        source_dir = posixpath.dirname(posixpath.dirname(name))
        found: dict[str, list[str]] = {}
        for rel in self.parse(name).iterfind("rel:Relationship", NSMAP):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(source_dir, target)))
            found.setdefault(rel.get("Type", ""), []).append(part)
        return found


def _first(relationships: dict[str, list[str]], kind: str) -> str | None:
    return next(iter(relationships.get(kind, [])), None)


def _checked_infos(archive: zipfile.ZipFile, path: Path) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise _unsafe(path, f"it holds {len(infos)} parts")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnusableInput(
                "this file is encrypted, so docgen cannot read it", file=str(path),
                hint="Open it in Word or LibreOffice and save it as a Word document (.docx) "
                     "without a password.")
        if info.file_size > MAX_PART_BYTES:
            raise _unsafe(path, f"the part {info.filename} would unpack to "
                                f"{info.file_size // 1_000_000} MB")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _unsafe(path, f"it would unpack to {total // 1_000_000} MB")
    return infos


def _unsafe(path: Path, why: str) -> UnusableInput:
    return UnusableInput(f"docgen refused to open this file because {why}, far more than a "
                         "form needs (it may be a 'zip bomb')", file=str(path),
                         hint="Use the form as saved by Word or LibreOffice.")


def read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo | str, path: Path,
                 limit: int = MAX_PART_BYTES) -> bytes:
    """A part's bytes, inflating at most ``limit`` bytes whatever its header claims."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                name = info.filename if isinstance(info, zipfile.ZipInfo) else info
                raise _unsafe(path, f"the part {name} unpacks to more than "
                                    f"{limit // 1_000_000} MB")
            chunks.append(chunk)
    return b"".join(chunks)


def parse_safely(data: bytes, name: str, path: Path) -> etree._Element:
    """Parse one part; refuse it if it is not well-formed or declares a DTD or entities."""
    try:
        root = etree.fromstring(data, parser=SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise UnusableInput(f"the part {name} is damaged (not well-formed XML)", file=str(path),
                            hint=_SAVE_AS_DOCX) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise UnusableInput(
            f"the part {name} declares a DTD or entities, which Word never writes; docgen "
            "does not read such files because they can be used to attack a computer",
            file=str(path), hint=_SAVE_AS_DOCX,
        )
    return root
