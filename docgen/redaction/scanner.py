"""The leak scanner: opens every part of every file it is given (Word packages, embedded
Office files, JSON manifests, any text) and reports each place the pupil's or family's names,
the UPN or the date of birth still appear.

Names are found as whole words however they were typed (docgen.redaction.fold), in every
text node and in every paragraph's text joined both with and without spaces between its
pieces (so a name Word split across runs is found, and so are two names in adjacent runs),
in the attributes that hold free text, and in the text of entities a DTD declares (never
expanded): docgen runs this on every redacted copy before writing it. ``strict`` also reads
every attribute, each part's whole text joined both ways (names split across paragraphs or
cells), the UPN with anything between its characters, and the names' and UPN's bytes in
parts that are not XML (pictures' metadata, embedded objects): the test suite and
``tools/leak_scan.py`` use it.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from docgen.redaction.finder import Finder
from docgen.redaction.fold import fold_only
from docgen.redaction.identity import Identity
from docgen.redaction.package import ID_ATTRIBUTES, PARAGRAPHS, free_text, mentions
from docgen.safe_open import SAFE_PARSER

_XML = (".xml", ".rels", ".vml")
_OFFICE = (".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm")


@dataclass(frozen=True)
class Leak:
    file: str
    part: str  # the part of a package ('' for a plain file)
    kind: str  # "name", "UPN", "date of birth"
    where: str  # "text", "paragraph", "attribute w:name", "bytes"
    found: str  # the text found, with a little context

    def describe(self) -> str:
        part = f" {self.part}" if self.part else ""
        return f"{self.file}{part} ({self.where}): {self.kind} in {self.found!r}"


class Scanner:
    def __init__(self, identity: Identity, *, strict: bool = False) -> None:
        self.identity, self.strict = identity, strict
        self.finder = Finder(identity)
        self.upn = re.sub(r"[^0-9a-z]", "", fold_only(identity.upn)) if identity.upn else None

    def scan_file(self, path: Path) -> list[Leak]:
        from docgen.safe_open import EVIDENCE, read_file

        if path.stat().st_size == 0:
            return []  # nothing in it to leak
        return self.scan_bytes(read_file(path, EVIDENCE.file_bytes, "file to scan"), str(path))

    def scan_bytes(self, data: bytes, file: str, part: str = "") -> list[Leak]:
        if zipfile.is_zipfile(io.BytesIO(data)):
            return self._package(data, file, part)
        if part.lower().endswith(_XML) or data.lstrip()[:1] == b"<":
            return self._xml(data, file, part)
        text = data.decode("utf-8", errors="replace")
        if file.endswith(".json"):
            text = _json_text(text)
        leaks = self.text(text, file, part, "text")
        if self.strict and not leaks and part:
            leaks = self._bytes(data, file, part)
        return leaks

    def _package(self, data: bytes, file: str, prefix: str) -> list[Leak]:
        leaks: list[Leak] = []
        archive = zipfile.ZipFile(io.BytesIO(data))
        for info in archive.infolist():
            name = f"{prefix}/{info.filename}" if prefix else info.filename
            part = archive.read(info)
            if info.filename.lower().endswith(_XML):
                leaks += self._xml(part, file, name)
            elif info.filename.lower().endswith(_OFFICE) and zipfile.is_zipfile(
                    io.BytesIO(part)):
                leaks += self._package(part, file, name)
            elif self.strict:
                leaks += self._bytes(part, file, name)
        return leaks

    def _xml(self, data: bytes, file: str, part: str) -> list[Leak]:
        try:
            root = etree.fromstring(data, parser=SAFE_PARSER)
        except etree.XMLSyntaxError:
            return self._bytes(data, file, part) if self.strict else []
        if not mentions(root, data, self.finder, thorough=self.strict) \
                and not self._upn_anywhere(root):
            return []
        leaks = self._entities(root, file, part)
        for paragraph in root.iter(*PARAGRAPHS):
            leaks += self.text(" ".join(paragraph.itertext()), file, part, "paragraph")
            leaks += self.text("".join(paragraph.itertext()), file, part, "paragraph")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for text in (element.text, element.tail):
                if text and text.strip():
                    leaks += self.text(text, file, part, "text")
            for name, value in element.attrib.items():
                if self.strict or _free_text(element, name):
                    leaks += self.text(value, file, part,
                                       f"attribute {etree.QName(name).localname}")
        if self.strict:
            for joiner in ("", " "):
                leaks += self.text(joiner.join(root.itertext()), file, part,
                                   "all the part's text")
        return _unique(leaks)

    def _entities(self, root: etree._Element, file: str, part: str) -> list[Leak]:
        """Entities a DTD declares: never expanded (SAFE_PARSER), so their text is read here
        (Word never writes a DTD, but a file handed to the scanner may hold one)."""
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is None:
            return []
        return [leak for entity in dtd.iterentities() if entity.content
                for leak in self.text(entity.content, file, part, f"entity {entity.name}")]

    def text(self, text: str, file: str, part: str, where: str) -> list[Leak]:
        leaks = [Leak(file, part, span.kind, where, _context(text, span.start, span.end))
                 for span in self.finder.spans(text)]
        if self.strict and not leaks and self.upn:
            compact = re.sub(r"[^0-9a-z]", "", fold_only(text))
            if self.upn in compact:
                leaks.append(Leak(file, part, "UPN", where, "(the UPN, with other characters "
                                                            "between its characters)"))
        return leaks

    def _upn_anywhere(self, root: etree._Element) -> bool:
        """The UPN with anything between its characters (strict only)."""
        if not (self.strict and self.upn):
            return False
        return self.upn in re.sub(r"[^0-9a-z]", "", fold_only("".join(root.itertext())))

    def _bytes(self, data: bytes, file: str, part: str) -> list[Leak]:
        """Names and the UPN as bytes (UTF-8 or UTF-16) in a part that is not text."""
        lowered = data.lower()
        leaks = []
        needles = [*self.identity.names, *([self.identity.upn] if self.identity.upn else [])]
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le"):
                if needle.lower().encode(encoding) in lowered:
                    leaks.append(Leak(file, part, "UPN" if needle == self.identity.upn
                                      else "name", "bytes", f"{needle} ({encoding})"))
        return leaks


def _free_text(element: etree._Element, name: str) -> bool:
    local = etree.QName(element).localname
    attribute = etree.QName(name).localname
    return (free_text(local, attribute) or (local, attribute) in ID_ATTRIBUTES
            or (local == "Relationship" and attribute == "Target"))


def _json_text(text: str) -> str:
    """Every key and value of a JSON file, one per line (escapes such as \\u015b decoded)."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    lines: list[str] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            lines.extend(str(key) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif item is not None:
            lines.append(str(item))
    return "\n".join(lines)


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 20):end + 20]


def _unique(leaks: list[Leak]) -> list[Leak]:
    return list(dict.fromkeys(leaks))


def scan_paths(paths: list[Path], identity: Identity, *, strict: bool = False) -> list[Leak]:
    """Every file given, and every file in every folder given."""
    scanner = Scanner(identity, strict=strict)
    leaks: list[Leak] = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            leaks += scanner.scan_file(file)
    return leaks
