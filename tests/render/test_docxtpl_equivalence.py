"""docgen's compiled renderer gives the same content as docxtpl, for every template and sample."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pytest

from docgen.documents import all_documents, provenance
from docgen.inputs import load_input
from docgen.render import render_to_bytes
from docgen.render.docxtpl_steps import render_with_docxtpl
from docgen.resources import data_dir
from docgen.validation import validate_data
from tests.docx_helpers import open_doc

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CASES = [(doc.key, pupil.name, form)
         for doc in all_documents().values() for form in doc.forms
         for pupil in sorted(p for p in SAMPLES.iterdir() if p.is_dir())
         if (pupil / f"{form}.yaml").exists()]


def _context(key: str, pupil: str, form: str) -> dict | None:
    form_input = load_input(SAMPLES / pupil / f"{form}.yaml")
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
    template = data_dir("templates") / all_documents()[key].template
    ours = _content(render_to_bytes(template, context))
    theirs = _content(render_with_docxtpl(str(template), context))
    # docxtpl escapes property values with autoescape on and then stores the escaped text
    # ("Smith &amp; Jones" in the title); docgen stores the text itself.
    theirs["properties"] = tuple(html.unescape(v or "") for v in theirs["properties"])
    assert ours == theirs


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
