"""An Office file's parts, read within one budget: parts, bytes counted as they inflate,
XML tags counted before parsing, each part parsed once, a time limit."""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import UnusableInput
from docgen.safe_open.limits import MB, Limits, refuse, unusable

if TYPE_CHECKING:  # lxml is imported when XML is first parsed: reading a YAML file needs none
    from lxml import etree

_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTENT_TYPES = "[Content_Types].xml"
_OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "officeDocument")
_WORD_MAIN_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.",
                    "application/vnd.ms-word.")


@cache
def safe_parser() -> etree.XMLParser:
    """No entities, no DTD, no network, no huge text nodes: a part cannot expand or reach
    out."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_blank_text=False)


class Package:
    """An Office file's parts, read within one budget (bytes, tags, time)."""

    def __init__(self, data: bytes, path: Path | str, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.deadline = time.monotonic() + limits.seconds
        self.bytes_left = limits.total_bytes
        self.tags_left = limits.tags
        self._parsed: dict[str, etree._Element] = {}
        _check_magic(data, path, limits)
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))  # shares the bytes, no copy
            self.infos = {info.filename: info for info in self._checked_infos()}
        except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
                zlib.error, ValueError, OSError):
            raise self.damaged() from None

    @property
    def names(self) -> list[str]:
        return list(self.infos)

    def damaged(self) -> UnusableInput:
        return unusable(self.path, "the file is damaged or incomplete (perhaps a download or "
                                    "copy was cut short)", "Copy it again from where it came "
                                                           "from.")

    def _checked_infos(self) -> list[zipfile.ZipInfo]:
        infos = self.archive.infolist()
        if len(infos) > self.limits.parts:
            raise refuse(self.path, f"it holds {len(infos)} parts, more than the "
                                    f"{self.limits.parts} docgen reads", self.limits)
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise unusable(self.path, "this file is encrypted, so docgen cannot read it",
                                "Open it in Word or LibreOffice and save it as a Word "
                                "document (.docx) without a password.")
            if info.file_size > self.limits.part_bytes:
                raise refuse(self.path, f"the part {info.filename} would unpack to "
                                        f"{info.file_size // MB} MB, more than the "
                                        f"{self.limits.part_bytes // MB} MB docgen allows for "
                                        "one part", self.limits)
            total += info.file_size
        if total > self.limits.total_bytes:
            raise refuse(self.path, f"it would unpack to {total // MB} MB, more than the "
                                    f"{self.limits.total_bytes // MB} MB docgen allows for "
                                    "one file", self.limits)
        return infos

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str, limit: int | None = None, role: str = "it", *,
             xml: bool = False) -> bytes:
        """A part's bytes, inflating at most ``limit`` (the part limit) and what is left of
        the whole file's budget, whatever the zip's directory claims; ``role`` names what
        the part is for in the message. For an ``xml`` part the tags are counted as it
        inflates, so a part of millions of tags stops long before it is all in memory."""
        if not xml:
            return b"".join(self.inflate(name, limit, role))
        chunks, tags = [], 0
        for chunk in self.inflate(name, limit, role):
            tags += chunk.count(b"<")
            if tags > self.tags_left:
                raise self._too_many_tags(name)
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_many_tags(self, name: str, counted: int | None = None) -> UnusableInput:
        limit = f"{self.limits.tags:,}"
        why = (f"the part {name} holds {counted:,} XML tags, more than the {limit} docgen "
               f"reads in one {self.limits.what}" if counted is not None else
               f"the part {name} holds more than the {limit} XML tags docgen reads in one "
               f"{self.limits.what}")
        return refuse(self.path, why, self.limits)

    def copy_to(self, name: str, target: Path) -> None:
        """A part written to ``target`` as it inflates (never whole in memory), within the
        same budget (an uploaded .zip of a case folder)."""
        with target.open("xb") as handle:
            for chunk in self.inflate(name):
                handle.write(chunk)

    def inflate(self, name: str, limit: int | None = None, role: str = "it"
                ) -> Iterator[bytes]:
        limit = min(limit or self.limits.part_bytes, self.limits.part_bytes)
        size = 0
        try:
            with self.archive.open(self.infos[name]) as handle:
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise refuse(self.path, f"the part {name} unpacks to more than "
                                                f"{_mb(limit)}, the most docgen allows for "
                                                f"{role}", self.limits)
                    if size > self.bytes_left:
                        raise refuse(self.path, "its parts unpack to more than the "
                                                f"{self.limits.total_bytes // MB} MB docgen "
                                                "allows for one file", self.limits)
                    self.check_time()
                    yield chunk
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError, OSError,
                NotImplementedError):
            raise self.damaged() from None
        finally:
            self.bytes_left -= size

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise refuse(self.path, "reading it took longer than the "
                                    f"{self.limits.seconds:g} seconds docgen allows for one "
                                    "file", self.limits)

    def xml(self, name: str, limit: int | None = None, role: str = "it") -> etree._Element:
        """A part parsed (once: a part named by many relationships costs nothing more)."""
        if name not in self._parsed:
            self._parsed[name] = self.parse(name, self.read(name, limit, role, xml=True))
        return self._parsed[name]

    def small_xml(self, name: str) -> etree._Element:
        """A header, footer, properties or relationships part: small in every real file."""
        return self.xml(name, self.limits.small_part_bytes,
                        f"a header or property part of a {self.limits.what}")

    def parse(self, name: str, data: bytes) -> etree._Element:
        """Parse one part's bytes within the tag budget; DTDs and entities refused."""
        tags = data.count(b"<")  # every element needs one: counted at memchr speed
        if tags > self.tags_left:
            raise self._too_many_tags(name, tags)
        self.tags_left -= tags
        self.check_time()
        root = parse_xml(data, name, self.path, self.limits.hint)
        self.check_time()
        return root

    def relationships(self, source: str) -> dict[str, list[str]]:
        """Relationship type → the internal parts ``source`` relates to, each once, resolved
        from its folder; refused when one part is named far more often than Word does."""
        name = posixpath.join(posixpath.dirname(source), "_rels",
                              posixpath.basename(source) + ".rels")
        if not self.has(name):
            return {}
        found: dict[str, list[str]] = {}
        counts: dict[str, int] = {}
        for rel in self.small_xml(name).iter(_RELS_NS):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = resolve(posixpath.dirname(source), target)
            counts[part] = counts.get(part, 0) + 1
            if counts[part] > self.limits.same_target:
                raise refuse(self.path, f"{name} names the part {part} more than "
                                        f"{self.limits.same_target} times", self.limits)
            kinds = found.setdefault(rel.get("Type", ""), [])
            if part not in kinds:
                kinds.append(part)
        return found

    def check_word_document(self) -> None:
        """Refuse a zip that is not a Word document (a workbook renamed .docx, say): the
        package names its main part, which is there, with a Word document's content type."""
        main = next(iter(self.relationships("").get(_OFFICE_DOCUMENT, [])), None)
        types = self.small_xml(_CONTENT_TYPES) if self.has(_CONTENT_TYPES) else None
        declared = {el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
                    for el in types.iter(f"{_TYPES_NS}Override")} if types is not None else {}
        if main is None or not self.has(main) or not declared.get(main, "").startswith(
                _WORD_MAIN_TYPES):
            raise unusable(self.path, "this is not a Word document (.docx)", self.limits.hint)

    def check_every_part(self) -> None:
        """Inflate every part within the budget and parse every XML one (each once, none
        kept): for files handed whole to another library (evidence, templates)."""
        for name in self.infos:
            is_xml = name.endswith((".xml", ".rels"))
            data = self.read(name, xml=is_xml)
            if is_xml or data.lstrip()[:5] == b"<?xml":
                self.parse(name, data)


def resolve(folder: str, target: str) -> str:
    """A relationship's target as a part name (absolute, or relative to the source's
    folder)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def parse_xml(data: bytes, name: str, path: Path | str, hint: str) -> etree._Element:
    """Parse one part; refuse it if it is not well-formed or declares a DTD or entities."""
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError:
        raise unusable(path, f"the part {name} is damaged (not well-formed XML)",
                        hint) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise unusable(path, f"the part {name} declares a DTD or entities, which Word never "
                              "writes; docgen does not read such files because they can be "
                              "used to attack a computer", hint)
    return root


def _check_magic(data: bytes, path: Path | str, limits: Limits) -> None:
    if data.startswith(_OLE_MAGIC) and limits.kind.startswith("a Word"):
        raise unusable(path, f"this is an older Word file (.doc) or a password-protected "
                              f"document, which docgen cannot read as a {limits.what}",
                        "Open it in Word or LibreOffice and save it as a Word document "
                        "(.docx) without a password.")
    if not data.startswith(_ZIP_MAGIC):
        raise unusable(path, f"this is not {limits.kind}",
                        "Open it in Word or LibreOffice and save it as a Word Document "
                        "(.docx)." if limits.kind.startswith("a Word") else limits.hint)


def _mb(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit // 1000} KB"
