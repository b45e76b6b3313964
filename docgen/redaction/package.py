"""Redacts a whole Word package: every XML part (body, headers, footers, footnotes, comments,
text boxes, charts, core, app and custom properties), and in each the text as a reader sees it
— a paragraph's runs joined, tabs and breaks as spaces, field codes joined on their own, then
each run on its own (names in adjacent runs, as a tracked change leaves them) —
plus the attributes that carry free text (bookmark names and the links to them, content
control titles and tags, alt text, authors, document variables, form-field names and help)
and the addresses of external links. Embedded Office files are redacted the same way."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from docgen.redaction.finder import Finder
from docgen.redaction.fold import fold_only
from docgen.safe_open import SAFE_PARSER

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PARAGRAPHS = {f"{{{W}}}p", f"{{{A}}}p", f"{{{M}}}oMathPara"}
_VISIBLE = {f"{{{W}}}t", f"{{{W}}}delText", f"{{{A}}}t", f"{{{M}}}t"}
_FIELD = {f"{{{W}}}instrText", f"{{{W}}}delInstrText"}
_SEPARATORS = {f"{{{W}}}tab": " ", f"{{{W}}}br": " ", f"{{{W}}}cr": " ",
               f"{{{W}}}noBreakHyphen": "-", f"{{{A}}}br": " ", f"{{{W}}}ptab": " "}
# Attributes (by local name) whose value is free text a person typed or Word copied from it;
# (element local name, attribute local name) for w:val, which is free text only on these.
TEXT_ATTRIBUTES = {"descr", "title", "alt", "author", "initials", "instr", "tooltip",
                   "displayText", "userId", "docLocation"}
TEXT_PAIRS = {("listItem", "value"), ("docPr", "name"), ("cNvPr", "name"),
              ("caption", "name"), ("permStart", "ed")}
ID_ATTRIBUTES = {("bookmarkStart", "name"), ("hyperlink", "anchor"), ("tag", "val"),
                 ("docVar", "name"), ("name", "val")}
VAL_TEXT = {"alias", "docVar", "statusText", "helpText", "default", "listEntry", "tblCaption",
            "tblDescription", "lvlText"}
_OFFICE_FILES = (".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm")
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def redact_package(data: bytes, finder: Finder) -> bytes:
    """The package with every part redacted (parts that are not XML or Office files are
    copied: docgen.redaction.scanner reports what they still hold)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            lower = info.filename.lower()
            if lower.endswith(_XML_SUFFIXES):
                part = redact_xml(part, finder, every_attribute=_custom_data(lower))
            elif lower.endswith(_OFFICE_FILES) and zipfile.is_zipfile(io.BytesIO(part)):
                part = redact_package(part, finder)
            target.writestr(info, part)
    return out.getvalue()


def redact_xml(data: bytes, finder: Finder, *, every_attribute: bool = False) -> bytes:
    """One XML part redacted; ``every_attribute`` for parts outside Office's vocabulary
    (custom XML data), whose attributes may hold anything."""
    root = etree.fromstring(data, parser=SAFE_PARSER)
    if not mentions(root, data, finder):
        return data  # most parts (styles, numbering, settings) name no one: left as they are
    for paragraph in root.iter(*PARAGRAPHS):
        visible, fields = _pieces(paragraph)
        _rewrite(visible, finder)
        _rewrite(fields, finder)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        # runs too, each on its own: names in adjacent runs join into no word ("Zofia"
        # deleted and "Zosia" inserted in a tracked change), but the leak scanner reads them
        if element.text:
            element.text = finder.redact(element.text)
        if element.tail and element.tail.strip():
            element.tail = finder.redact(element.tail)
        _redact_attributes(element, finder, every_attribute)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          standalone=root.getroottree().docinfo.standalone)


def mentions(root: etree._Element, data: bytes, finder: Finder, *, thorough: bool = False
             ) -> bool:
    """Whether anything in the part may need redacting, tested generously and at C speed:
    its text run together (so a name Word split across runs is whole) and its raw XML (so
    attribute values count; in parts over RAW_SEARCH_BYTES, such as a template's 350 KB of
    styles, the names only). False means nothing in the part is touched."""
    text = fold_only(etree.tostring(root, method="text", encoding="unicode"))
    if finder.could_match(text):
        return True
    raw = fold_only(data.decode("utf-8", "replace"))
    if len(data) > RAW_SEARCH_BYTES and not thorough:
        return finder.names_in(raw)
    return finder.could_match(raw)


RAW_SEARCH_BYTES = 256_000


Piece = tuple[etree._Element | None, str]


def _pieces(paragraph: etree._Element) -> tuple[list[Piece], list[Piece]]:
    """The paragraph's text pieces in order (None for a tab or break, read as a space) and
    its field codes, leaving out paragraphs nested in it (text boxes have their own)."""
    visible: list[Piece] = []
    fields: list[Piece] = []
    pending = list(reversed(paragraph))
    while pending:
        element = pending.pop()
        if element.tag in PARAGRAPHS:
            continue
        if element.tag in _VISIBLE:
            visible.append((element, element.text or ""))
        elif element.tag in _FIELD:
            fields.append((element, element.text or ""))
        elif element.tag in _SEPARATORS:
            visible.append((None, _SEPARATORS[element.tag]))
        pending.extend(reversed(element))
    return visible, fields


def _rewrite(pieces: list[Piece], finder: Finder) -> None:
    """Replace each span found in the joined text: the replacement goes into the first
    piece the span touches, and the span's other characters leave their pieces."""
    joined = "".join(text for _, text in pieces)
    spans = finder.spans(joined)
    if not spans:
        return
    owner: list[tuple[int, int]] = []  # (piece, offset in it) of each joined character
    for number, (_, text) in enumerate(pieces):
        owner.extend((number, offset) for offset in range(len(text)))
    kept: list[list[str]] = [list(text) for _, text in pieces]
    for span in spans:
        placed = False
        for number, offset in owner[span.start:span.end]:
            if not placed and pieces[number][0] is not None:
                kept[number][offset] = span.replacement
                placed = True
            else:
                kept[number][offset] = ""
    for (element, _), chars in zip(pieces, kept, strict=True):
        if element is not None:
            element.text = "".join(chars)
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _custom_data(name: str) -> bool:
    return name.startswith("customxml/item") and "props" not in name


def free_text(local: str, attribute: str) -> bool:
    """Whether an attribute (by local names) holds text a person typed."""
    return (attribute in TEXT_ATTRIBUTES or (local, attribute) in TEXT_PAIRS
            or (attribute == "val" and local in VAL_TEXT))


def _redact_attributes(element: etree._Element, finder: Finder, every: bool) -> None:
    local = etree.QName(element).localname
    for name, value in element.attrib.items():
        attribute = etree.QName(name).localname
        if (local, attribute) in ID_ATTRIBUTES:
            element.set(name, finder.redact(value, dots=False))
        elif every or free_text(local, attribute):
            element.set(name, finder.redact(value))
        elif local == "Relationship" and attribute == "Target" \
                and element.get("TargetMode") == "External":
            element.set(name, finder.redact(value, dots=False))
