"""Rendering one template both ways (docgen, docxtpl 0.20) and comparing every part."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from docgen.maintenance.template_check import check_template
from docgen.render.docxtpl_steps import render_with_docxtpl
from docgen.render.engine import CompiledTemplate

# docxtpl renders some core properties itself (through python-docx) and docgen the whole
# properties parts; the guide says so, and the properties are compared on their own.
_SKIPPED = ("docProps/",)


def canonical_parts(data: bytes) -> dict[str, bytes]:
    """Every XML part in canonical form (C14N): the same content however it is written.
    python-docx writes the package's plumbing ([Content_Types].xml, relationships) anew
    when docxtpl saves, in its own order; those compare as what they say: each part's
    content type, and each relationship."""
    package = zipfile.ZipFile(io.BytesIO(data))
    parser = etree.XMLParser(remove_blank_text=False)
    parts = {}
    for name in package.namelist():
        if not name.endswith((".xml", ".rels")) or name.startswith(_SKIPPED):
            continue
        root = etree.fromstring(package.read(name), parser)
        if name == "[Content_Types].xml":
            parts[name] = repr(_content_types(root, package.namelist())).encode()
        elif name.endswith(".rels"):
            parts[name] = repr(sorted(tuple(sorted(r.attrib.items())) for r in root)).encode()
        else:
            parts[name] = etree.tostring(root, method="c14n")
    return parts


def _content_types(root: etree._Element, names: list[str]) -> dict[str, str]:
    defaults = {d.get("Extension", "").lower(): d.get("ContentType")
                for d in root if d.tag.endswith("Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType")
                 for o in root if o.tag.endswith("Override")}
    return {name: overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
            for name in sorted(names) if name != "[Content_Types].xml"}


def render_both(template: bytes, context: dict, tmp_path: Path) -> tuple[dict, dict]:
    path = tmp_path / "template.docx"
    path.write_bytes(template)
    ours = canonical_parts(CompiledTemplate(path, template).render(context))
    theirs = canonical_parts(render_with_docxtpl(str(path), context))
    return ours, theirs


def assert_same_as_docxtpl(template: bytes, context: dict, tmp_path: Path) -> dict:
    ours, theirs = render_both(template, context, tmp_path)
    assert ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
    return ours


def check_messages(template: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "checked.docx"
    path.write_bytes(template)
    return [p.format() for p in check_template(path, None) if p.severity == "error"]
