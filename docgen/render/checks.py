"""Independent checks of a generated .docx: the package holds together, and (in tests) OOXML."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from docgen.forms.ns import qn
from docgen.forms.package import SAFE_PARSER

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def package_problems(docx: bytes | Path) -> list[str]:
    """What is wrong with the package: unparsable parts, dangling relationships, parts without
    a content type, empty tables, python-docx's stale stylesWithEffects, no en-GB default."""
    data = docx.read_bytes() if isinstance(docx, Path) else docx
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return ["not a zip package"]
    names = set(archive.namelist())
    problems: list[str] = []
    parsed: dict[str, etree._Element] = {}
    for name in sorted(names):
        if name.endswith((".xml", ".rels")):
            try:
                parsed[name] = etree.fromstring(archive.read(name), parser=SAFE_PARSER)
            except etree.XMLSyntaxError as exc:
                problems.append(f"{name}: not well-formed XML ({exc})")
    problems += _relationship_problems(parsed, names)
    problems += _content_type_problems(parsed.get("[Content_Types].xml"), names)
    if "word/stylesWithEffects.xml" in names:
        problems.append("word/stylesWithEffects.xml is present (python-docx's stale copy)")
    document = parsed.get("word/document.xml")
    if document is not None:
        for number, table in enumerate(document.iter(qn("w:tbl")), start=1):
            if table.find(qn("w:tr")) is None:
                problems.append(f"table {number} has no rows")
    styles = parsed.get("word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", _W) if styles is not None \
        else None
    if lang is None or lang.get(qn("w:val")) != "en-GB":
        problems.append("the document's default language is not en-GB")
    return problems


_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _relationship_problems(parsed: dict[str, etree._Element], names: set[str]) -> list[str]:
    problems = []
    for name, root in parsed.items():
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(source_dir, target)))
            if resolved not in names:
                problems.append(f"{name}: relationship {rel.get('Id')} points to missing "
                                f"part {resolved}")
    return problems


def _content_type_problems(types: etree._Element | None, names: set[str]) -> list[str]:
    if types is None:
        return ["[Content_Types].xml is missing"]
    defaults = {d.get("Extension", "").lower() for d in types.iter(f"{{{_CT_NS}}}Default")}
    overrides = {o.get("PartName", "").lstrip("/") for o in types.iter(f"{{{_CT_NS}}}Override")}
    return [f"{name} has no content type" for name in sorted(names)
            if not name.endswith("/") and name != "[Content_Types].xml"
            and name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults]


def ooxml_problems(path: Path) -> list[str]:
    """Errors from openxml-audit, an independent ECMA-376 validator (a test extra)."""
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator().validate(str(path))
    return [str(e) for e in result.errors]
