"""The one way docgen opens a file: forms, data files, case.yaml, evidence, templates and
uploads all come through here, with budgets in size, XML tags and time.

An Office file (a zip of parts) is checked before anything is inflated: its size on disk, the
number of parts, and the size each part and all of them claim; each part is then inflated
through a counter that stops at the limit whatever the zip's directory claims, each XML part
is parsed once, without DTDs, entities or network access, and only after its tags are counted
(a part of millions of empty paragraphs is refused in milliseconds, before it is parsed).
Memory stays within the budget: at most the file, the parts read, and about 150 bytes per
XML tag parsed. A file that takes longer than its time budget is refused as well.
"""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.errors import UnusableInput

if TYPE_CHECKING:  # lxml is imported when XML is first parsed: reading a YAML file needs none
    from lxml import etree

MB = 1_000_000
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


def __getattr__(name: str) -> Any:
    if name == "SAFE_PARSER":
        return safe_parser()
    raise AttributeError(f"module 'docgen.safe_open' has no attribute {name!r}")


@dataclass(frozen=True)
class Limits:
    """What docgen reads of one Office file at most (the README's safety section)."""

    what: str  # "form", "document", "template": how messages name the file
    hint: str  # what to do when it is refused
    kind: str = "a Word document (.docx)"  # what the file must be
    file_bytes: int = 50 * MB  # on disk
    part_bytes: int = 50 * MB  # any one part, inflated
    total_bytes: int = 200 * MB  # every part together, inflated
    parts: int = 2_000
    tags: int = 1_000_000  # XML tags parsed, over the whole file
    small_part_bytes: int = 1 * MB  # headers, footers, properties, relationships
    same_target: int = 100  # relationships from one part to one other part
    seconds: float = 30.0


FORM = Limits("form", "Use the form as saved by Word or LibreOffice.")
EVIDENCE = Limits("document", "Save it again from Word or LibreOffice as a Word document "
                              "(.docx), or take it out of the case folder.", file_bytes=100 * MB)
TEMPLATE = Limits("template", "Open it in Word and save it again as a Word document (.docx).",
                  tags=2_000_000)


def _unusable(path: Path | str, message: str, hint: str) -> UnusableInput:
    return UnusableInput(message, file=str(path), hint=hint)


def refuse(path: Path | str, why: str, limits: Limits) -> UnusableInput:
    return _unusable(path, f"docgen refused to open this file because {why} (it may be a "
                           "'zip bomb' or a file made to use up the computer's memory)",
                     limits.hint)


def read_file(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a file no larger than ``limit``; a clear message when it is not there,
    is a folder, is empty or is too large."""
    path = Path(path)
    if path.is_dir():
        raise _unusable(path, "this is a folder, not a file",
                        "Give one file, or use 'docgen batch FOLDER -o OUTPUT' to make the "
                        "documents for every form in a folder.")
    if not path.is_file():
        raise _unusable(path, "there is no such file", "Check the name and the folder.")
    size = path.stat().st_size
    if size > limit:
        raise _unusable(path, f"the file is {size / MB:.1f} MB, larger than the "
                              f"{limit // MB} MB docgen reads for a {what}",
                        "Check that this is the right file.")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if not data:
        raise _unusable(path, "the file is empty",
                        "Save it again, then use the saved file.")
    if len(data) > limit:  # it grew while being read
        raise _unusable(path, f"the file is larger than the {limit // MB} MB docgen reads "
                              f"for a {what}", "Check that this is the right file.")
    return data


def read_text(path: Path, limit: int, what: str = "data file") -> str:
    """A UTF-8 text file (a byte order mark, as Windows tools write, is allowed)."""
    data = read_file(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _unusable(path, "the file is not UTF-8 text", "Save it as UTF-8 text.") from None


def check_template(path: Path) -> bytes:
    """A template's bytes, checked as any file docgen opens (size, parts, XML, a Word
    document); TemplateProblem naming the template when it cannot be used."""
    from docgen.errors import TemplateProblem

    try:
        data = read_file(path, TEMPLATE.file_bytes, TEMPLATE.what)
        package = Package(data, path, TEMPLATE)
        package.check_every_part()
        package.check_word_document()
    except UnusableInput as exc:
        raise TemplateProblem(
            f"this template cannot be used as a Word document: {exc.message}",
            file=str(path), hint="Open it in Word and save it again as a Word document "
                                 "(.docx), or take it out of the templates folder to use the "
                                 "bundled one.") from None
    return data


def open_package(path: Path, limits: Limits) -> Package:
    """An Office file from disk, checked as a whole before any part is read."""
    return Package(read_file(path, limits.file_bytes, limits.what), path, limits)


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
        return _unusable(self.path, "the file is damaged or incomplete (perhaps a download or "
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
                raise _unusable(self.path, "this file is encrypted, so docgen cannot read it",
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
            raise _unusable(self.path, "this is not a Word document (.docx)", self.limits.hint)

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
        raise _unusable(path, f"the part {name} is damaged (not well-formed XML)",
                        hint) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise _unusable(path, f"the part {name} declares a DTD or entities, which Word never "
                              "writes; docgen does not read such files because they can be "
                              "used to attack a computer", hint)
    return root


def _check_magic(data: bytes, path: Path | str, limits: Limits) -> None:
    if data.startswith(_OLE_MAGIC) and limits.kind.startswith("a Word"):
        raise _unusable(path, f"this is an older Word file (.doc) or a password-protected "
                              f"document, which docgen cannot read as a {limits.what}",
                        "Open it in Word or LibreOffice and save it as a Word document "
                        "(.docx) without a password.")
    if not data.startswith(_ZIP_MAGIC):
        raise _unusable(path, f"this is not {limits.kind}",
                        "Open it in Word or LibreOffice and save it as a Word Document "
                        "(.docx)." if limits.kind.startswith("a Word") else limits.hint)


def _mb(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit // 1000} KB"

