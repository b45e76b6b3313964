"""Opens a form (.docx or .docm) through docgen's hardened reader (docgen.safe_open) and
parses the parts a form can have: the main document, its headers, the properties."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.docprops import read_custom_properties
from docgen.errors import UnusableInput
from docgen.safe_open import FORM, SAFE_PARSER, Limits, Package, open_package, refuse

__all__ = ["SAFE_PARSER", "DocxPackage", "open_docx"]

_SAVE_AS_DOCX = "Open it in Word or LibreOffice and save it as a Word Document (.docx)."
_MAIN = "word/document.xml"
_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT = f"{_RELS_NS}/officeDocument"
_HEADER = f"{_RELS_NS}/header"
_CUSTOM = f"{_RELS_NS}/custom-properties"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
MAX_HEADERS = 30  # three per section (first page, odd, even) in ten sections
LIMITS: Limits = FORM


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
    package = open_package(path, LIMITS)
    package_rels = package.relationships("")
    main = _first(package_rels, _OFFICE_DOCUMENT) or _MAIN
    if not package.has(main):
        raise UnusableInput("this file has no Word document inside it", file=str(path),
                            hint=_SAVE_AS_DOCX)
    document = package.xml(main)
    header_names = [n for n in package.relationships(main).get(_HEADER, []) if package.has(n)]
    if len(header_names) > MAX_HEADERS:
        raise refuse(path, f"it has {len(header_names)} headers, more than the {MAX_HEADERS} "
                           "docgen reads in a form", LIMITS)
    return DocxPackage(
        path=path, document=document,
        headers=[package.small_xml(name) for name in header_names],
        custom_properties=_optional(package, _first(package_rels, _CUSTOM)
                                    or "docProps/custom.xml"),
        core_properties=_optional(package, _first(package_rels, _CORE) or "docProps/core.xml"),
        names=package.names,
    )


def _optional(package: Package, name: str) -> etree._Element | None:
    return package.small_xml(name) if package.has(name) else None


def _first(relationships: dict[str, list[str]], kind: str) -> str | None:
    return next(iter(relationships.get(kind, [])), None)

