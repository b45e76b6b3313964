"""docgen's compiled renderer gives the same content as docxtpl, for every template and sample."""

from __future__ import annotations

import html
import io
import zipfile

import pytest
from lxml import etree

from docgen.documents import all_documents, provenance, template_file
from docgen.frameworks import all_frameworks
from docgen.inputs import load_input
from docgen.render import render_to_bytes
from docgen.render.docxtpl_steps import render_with_docxtpl
from docgen.resources import data_dir
from docgen.validation import validate_data
from tests.docx_helpers import open_doc

FOLDERS = {p.name: p for f in all_frameworks() for p in f.sample_pupils()}
CASES = [(doc.key, pupil, form)
         for doc in all_documents().values() for form in doc.forms
         for pupil in sorted(FOLDERS)
         if (FOLDERS[pupil] / f"{form}.yaml").exists()]


def _context(key: str, pupil: str, form: str) -> dict | None:
    form_input = load_input(FOLDERS[pupil] / f"{form}.yaml")
    data = validate_data(form_input.definition, form_input.raw).data
    document = all_documents()[key]
    if not document.applies(data):
        return None
    return {**document.build(form_input.definition, data),
            "provenance": provenance(form, form_input.definition.version)}


def _content(data: bytes) -> dict:
    doc = open_doc(data)
    section = doc.sections[0]
    props = doc.core_properties
    return {
        "body": [p.text for p in doc.paragraphs],
        "styles": [p.style.name for p in doc.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables],
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "properties": (props.title, props.subject, props.author, props.language),
    }


# Only the combinations docgen really makes (the Provision Plan only after some outcomes).
MADE = [case for case in CASES if _context(*case) is not None]


@pytest.mark.parametrize(("key", "pupil", "form"), MADE)
def test_same_content_as_docxtpl(key: str, pupil: str, form: str) -> None:
    context = _context(key, pupil, form)
    assert context is not None
    template = template_file(all_documents()[key])
    ours = _content(render_to_bytes(template, context))
    theirs = _content(render_with_docxtpl(str(template), context))
    # docxtpl escapes property values with autoescape on and then stores the escaped text
    # ("Smith &amp; Jones" in the title); docgen stores the text itself.
    theirs["properties"] = tuple(html.unescape(v or "") for v in theirs["properties"])
    assert ours == theirs


# Everything a user can type that docxtpl treats specially: markup characters, its escaped
# braces, line breaks and tabs, and letters outside ASCII. (Control characters such as the
# bell and form feed are refused by validation, so no context holds them.)
HOSTILE = " & <b>\"q\" 'a' {_{ y }_} {_% z %_} Llŷr عائشہ\nsecond\tline"


def _hostile(value: object) -> object:
    if isinstance(value, str):
        return value + HOSTILE
    if isinstance(value, dict):
        return {key: _hostile(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_hostile(item) for item in value]
    return value


def _canonical_parts(data: bytes) -> dict[str, bytes]:
    """Each XML part but the properties, canonicalised: docgen writes its own bytes (no
    pretty-printing, its own declaration) where docxtpl has python-docx serialise a tree."""
    package = zipfile.ZipFile(io.BytesIO(data))
    return {name: etree.tostring(etree.fromstring(package.read(name)), method="c14n")
            for name in package.namelist()
            if name.endswith((".xml", ".rels")) and not name.startswith("docProps/")}


@pytest.mark.parametrize(("key", "pupil", "form"), MADE)
def test_same_xml_as_docxtpl_with_hostile_text(key: str, pupil: str, form: str) -> None:
    """Part for part (the body, headers, footers, styles...), docgen's XML is docxtpl's, with
    every value of the sample carrying text that escaping and line breaks must get right.
    The properties are left out: docxtpl renders only some core properties, through
    python-docx, and not the custom ones that say which template made the document."""
    context = _context(key, pupil, form)
    assert context is not None
    context = _hostile(context)
    template = template_file(all_documents()[key])
    ours = _canonical_parts(render_to_bytes(template, context))
    theirs = _canonical_parts(render_with_docxtpl(str(template), context))
    assert ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
    assert "Llŷr عائشہ".encode() in ours["word/document.xml"]


def test_unchanged_parts_are_copied_compressed_as_stored() -> None:
    template = data_dir("templates") / "iep.docx"
    context = _context("iep", "tomos-llyr-evans", "iep")
    assert context is not None
    ours = zipfile.ZipFile(io.BytesIO(render_to_bytes(template, context)))
    source = zipfile.ZipFile(template)
    rendered = {"word/document.xml", "word/header1.xml", "docProps/core.xml",
                "docProps/custom.xml"}
    for info in source.infolist():
        copy = ours.getinfo(info.filename)
        if info.filename not in rendered:
            assert (copy.CRC, copy.compress_size) == (info.CRC, info.compress_size)
    assert [i.filename for i in ours.infolist()] == [i.filename for i in source.infolist()]
    assert ours.testzip() is None
