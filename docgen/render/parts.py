"""The parts of a template docxtpl renders, read safely and prepared as docxtpl prepares them.

docxtpl renders the body (``<w:body>`` of the main document), every header and footer the
main document refers to, and every footnotes part; it reads each through python-docx, whose
parser drops whitespace between elements and whose serialiser writes quotes and apostrophes
as plain characters (LibreOffice saves them as ``&quot;`` and ``&apos;``, which Jinja cannot
read inside a tag). Footnotes it takes as stored. Here every part is parsed once and written
back as docxtpl would see it, then patched with docxtpl's own ``patch_xml``; only then is it
decided whether a part holds tags, because a tag Word split over runs (``{`` and ``{`` in two
runs, a spelling mark between them) is only whole after patching.

docgen also renders the tags in the document properties (core and custom), which docxtpl
leaves as typed; docgen's templates name the document and record their version there.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from docgen.errors import UnusableInput
from docgen.render.docxtpl_steps import finish_xml, patch_xml

if TYPE_CHECKING:
    from docgen.safe_open import Package

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_FOOTNOTES_TYPE = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
                   "footnotes+xml")
BODY = "word/document.xml"
CORE = "docProps/core.xml"
CUSTOM = "docProps/custom.xml"
_TAG_OPENERS = ("{{", "{%", "{#")
_SAVE_AS_DOCX = "Open it in Word and save it as a Word Document (.docx)."

# python-docx's parser settings (remove_blank_text is what changes the text docxtpl sees),
# with no entities, DTD or network, as for every file docgen opens.
_DOCX_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True,
                               load_dtd=False, huge_tree=False)
_STORED_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=False)


@dataclass
class PartSource:
    """One part as Jinja will see it: the patched text, with the XML declaration (and, for
    the body, the document around it) as plain text to copy."""

    name: str
    kind: str  # "body", "header", "footer", "footnotes", "properties"
    source: str
    tree: etree._Element | None = None  # the part as parsed (for the grid and the check)

    @property
    def tagged(self) -> bool:
        return any(opener in self.source for opener in _TAG_OPENERS)


@dataclass
class TemplatePackage:
    """What a template holds: the parts docgen renders, and every part's name and bytes."""

    path: Path
    archive: zipfile.ZipFile
    rendered: list[PartSource] = field(default_factory=list)  # those with tags
    plain: list[PartSource] = field(default_factory=list)  # those without
    untagged: dict[str, bytes] = field(default_factory=dict)  # rendered once, when prepared
    unrendered: list[str] = field(default_factory=list)  # other word/ parts: endnotes, ...
    reader: _Reader | None = None

    def unrendered_trees(self) -> dict[str, etree._Element]:
        """The other parts under word/, parsed (for the check: tags there stay as typed)."""
        assert self.reader is not None
        return {name: self.reader.parse(name, _STORED_PARSER) for name in self.unrendered}


def read_template(path: Path, data: bytes) -> TemplatePackage:
    """The template's parts, refusing what is not a Word document (exit 2, naming it)."""
    if not data:
        raise UnusableInput("this template is empty, not a Word document", file=str(path),
                            hint=_SAVE_AS_DOCX)
    from docgen.safe_open import TEMPLATE, Package

    try:
        return _Reader(path, Package(data, path, TEMPLATE)).package()
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
            zlib.error, ValueError, KeyError):
        raise UnusableInput("this template is not a Word document (.docx), or it is damaged",
                            file=str(path), hint=_SAVE_AS_DOCX) from None


class _Reader:
    """The template's parts through the hardened reader (docgen.safe_open): its limits on
    parts, bytes and tags are the template's budget."""

    def __init__(self, path: Path, package: Package):
        self.path, self.safe = path, package
        self.archive = package.archive
        self.names = set(package.names)

    def read(self, name: str) -> bytes:
        return self.safe.read(name, xml=name.endswith((".xml", ".rels")))

    def parse(self, name: str, parser: etree.XMLParser) -> etree._Element:
        try:
            root = etree.fromstring(self.read(name), parser=parser)
        except etree.XMLSyntaxError:
            raise UnusableInput(f"the template's part {name} is damaged (not well-formed XML)",
                                file=str(self.path), hint=_SAVE_AS_DOCX) from None
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise UnusableInput(f"the template's part {name} declares a DTD, which Word never "
                                "writes", file=str(self.path), hint=_SAVE_AS_DOCX)
        return root

    def package(self) -> TemplatePackage:
        found = TemplatePackage(self.path, self.archive, reader=self)
        main = self.main_part()
        body_tree = self.parse(main, _DOCX_PARSER)
        found.rendered.append(_body_source(main, body_tree))
        for kind, name in self.headers_and_footers(main):
            tree = self.parse(name, _DOCX_PARSER)
            found.rendered.append(PartSource(name, kind, _DECLARATION + patch_xml(_text(tree)),
                                             tree=tree))
        for name in self.parts_of_type(_FOOTNOTES_TYPE):
            tree = self.parse(name, _STORED_PARSER)
            found.rendered.append(PartSource(name, "footnotes",
                                             _DECLARATION + patch_xml(_text(tree)), tree=tree))
        for name in (CORE, CUSTOM):
            if name in self.names:
                tree = self.parse(name, _STORED_PARSER)
                found.rendered.append(PartSource(name, "properties",
                                                 _DECLARATION + patch_xml(_text(tree)),
                                                 tree=tree))
        processed = {part.name for part in found.rendered}
        found.plain = [part for part in found.rendered if not part.tagged]
        found.rendered = [part for part in found.rendered if part.tagged]
        for part in found.plain:
            if part.kind != "properties" and (static := _finished_if_changed(part)):
                found.untagged[part.name] = static
        rendered_names = processed | {main}
        found.unrendered = sorted(name for name in self.names - rendered_names
                                  if name.startswith("word/") and name.endswith(".xml"))
        return found

    def main_part(self) -> str:
        for rel in self.relationships("_rels/.rels"):
            if rel[0] == f"{_DOC_RELS}/officeDocument":
                return rel[1]
        if BODY in self.names:
            return BODY
        raise UnusableInput("this template has no Word document inside it", file=str(self.path),
                            hint=_SAVE_AS_DOCX)

    def headers_and_footers(self, main: str) -> list[tuple[str, str]]:
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        found, seen = [], set()
        for kind in ("header", "footer"):  # docxtpl renders every header, then every footer
            for rel_type, name in self.relationships(rels):
                if rel_type == f"{_DOC_RELS}/{kind}" and name in self.names and name not in seen:
                    seen.add(name)
                    found.append((kind, name))
        return found

    def parts_of_type(self, content_type: str) -> list[str]:
        if "[Content_Types].xml" not in self.names:
            return []
        types = self.parse("[Content_Types].xml", _STORED_PARSER)
        return [override.get("PartName", "").lstrip("/")
                for override in types.iter(f"{{{_TYPES}}}Override")
                if override.get("ContentType") == content_type
                and override.get("PartName", "").lstrip("/") in self.names]

    def relationships(self, name: str) -> list[tuple[str, str]]:
        if name not in self.names:
            return []
        source_dir = posixpath.dirname(posixpath.dirname(name))
        found = []
        for rel in self.parse(name, _STORED_PARSER).iter(f"{{{_RELS}}}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            part = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(source_dir, target)))
            found.append((rel.get("Type", ""), part))
        return found


_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
_PLACE = "docgen-body-goes-here"


def _text(tree: etree._Element) -> str:
    # pretty_print must stay off: patch_xml's patterns assume Word's one-line layout
    return etree.tostring(tree, encoding="unicode")


def _body_source(name: str, tree: etree._Element) -> PartSource:
    """docxtpl renders the ``<w:body>`` element alone and puts it back in the document; the
    rest of the part is written around it as python-docx writes it."""
    body = tree.find(f"{{{_W}}}body")
    if body is None:
        return PartSource(name, "body", "", tree=tree)
    source = patch_xml(_text(body))
    if not body.attrib:
        # Written alone, the body declares every namespace of the document again; in its
        # place they are declared already, and rendering 1.5 KB less for every document
        # shows in the time. (The grid fix, which parses the body alone, puts them back.)
        source = "<w:body>" + source[source.index(">") + 1:]
    shell = etree.fromstring(etree.tostring(tree), parser=_STORED_PARSER)
    placeholder = shell.find(f"{{{_W}}}body")
    for child in list(placeholder):
        placeholder.remove(child)
    placeholder.text = _PLACE
    written = etree.tostring(shell, encoding="unicode")
    place = written.index(_PLACE)
    start = written.rindex("<", 0, place)  # the <w:body> start tag
    end = written.index(">", place) + 1  # through </w:body>
    prefix, suffix = _DECLARATION + written[:start], written[end:]
    return PartSource(name, "body", _literal(prefix) + source + _literal(suffix), tree=body)


def _literal(text: str) -> str:
    """Text copied as it is: the document around the body holds no tags, but if its XML
    ever had braces in it, Jinja must not read them."""
    if any(opener in text for opener in _TAG_OPENERS):
        return "{% raw %}" + text + "{% endraw %}"
    return text


def _finished_if_changed(part: PartSource) -> bytes | None:
    """A part without tags still goes through docxtpl's finishing (escaped braces, tabs and
    line breaks typed into the text become Word markup); None when that changes nothing."""
    finished = finish_xml(part.source)
    if finished == part.source.encode("utf-8"):
        return None
    return finished
