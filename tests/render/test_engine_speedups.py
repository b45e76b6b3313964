"""The renderer's short cuts change nothing a template can see."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docgen.render import render_to_bytes
from docgen.render.engine import prepare
from docgen.render.environment import make_environment
from docgen.render.zipcopy import STORE_BELOW, PackageLayout
from docgen.resources import data_dir
from tests.docx_helpers import open_doc

SOURCES = [
    "{{ row.name }}",
    "{{ row.items is defined }} {{ row.get('name') }} {{ row.keys()|list|length }}",
    "{% for k, v in row.items() %}{{ k }}={{ v }};{% endfor %}",
    "{{ row.nested.deeper }} {{ rows[1].name }} {{ rows|length }}",
    "{% set x %}{{ row.name }}{% endset %}[{{ x }}] {{ row.name ~ '&' }} {{ row.name|e }}",
    "{% macro m(v) %}<{{ v }}>{% endmacro %}{{ m(row.name) }} {{ range(2)|list }}",
    "{{ number }} {{ row.name|upper }} {{ none_value }}",
]
CONTEXT = {"row": {"name": "Smith & <Jones> \"Bo\" 'Li' Llŷr", "nested": {"deeper": "a<b"}},
           "rows": [{"name": "one"}, {"name": "two & three"}], "number": 7, "none_value": None}


@pytest.mark.parametrize("source", SOURCES)
def test_same_output_as_jinjas_own_sandbox(source: str) -> None:
    ours = make_environment().from_string(source).render(CONTEXT)
    plain = ImmutableSandboxedEnvironment(autoescape=True).from_string(source).render(CONTEXT)
    assert ours == plain
    assert "&" not in ours.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "") \
        .replace("&#34;", "").replace("&#39;", "")


def test_a_missing_key_is_still_an_error_naming_it() -> None:
    with pytest.raises(UndefinedError, match="surname"):
        make_environment().from_string("{{ row.surname }}").render(CONTEXT)


def test_the_sandbox_still_refuses_internals() -> None:
    from jinja2.exceptions import SecurityError

    for source in ("{{ row.update({'a': 1}) }}", "{{ row.__class__ }}", "{{ row.pop('name') }}"):
        with pytest.raises(SecurityError):
            make_environment().from_string(source).render(CONTEXT)


def _context() -> dict:
    from tests.render.test_docxtpl_equivalence import _context as sample_context

    context = sample_context("iep", "tomos-llyr-evans", "iep")
    assert context is not None
    return context


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "iep.docx"
    shutil.copy(data_dir("templates") / "iep.docx", template)
    first = prepare(template)
    assert prepare(template) is first
    # The same bytes written again (a new modification time) hash the same: same compiled.
    template.write_bytes(template.read_bytes())
    os.utime(template, ns=(1, 1))
    assert prepare(template) is first
    # New content of the same size, even with the old modification time: compiled anew.
    data = bytearray(template.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        body = package.read("word/document.xml").replace(b"Individual Education Plan",
                                                          b"Individual Education PLAN")
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["word/document.xml"] = body
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    template.unlink()  # a new file, as Word saves one
    template.write_bytes(rebuilt.getvalue())
    assert prepare(template) is not first
    text = "\n".join(p.text for p in open_doc(render_to_bytes(template, _context())).paragraphs)
    assert "Individual Education PLAN" in text


def test_small_parts_are_stored_and_large_ones_deflated() -> None:
    template = data_dir("templates") / "iep.docx"
    output = zipfile.ZipFile(io.BytesIO(render_to_bytes(template, _context())))
    assert output.testzip() is None
    for name in ("word/document.xml", "docProps/core.xml", "word/header1.xml"):
        info = output.getinfo(name)
        expected = zipfile.ZIP_STORED if info.file_size < STORE_BELOW else zipfile.ZIP_DEFLATED
        assert info.compress_type == expected, name
    assert output.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED


def test_layout_writes_a_package_zipfile_reads_back(tmp_path: Path) -> None:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        package.writestr("word/document.xml", b"<old/>")
        package.writestr("word/media/image1.png", os.urandom(5000), zipfile.ZIP_STORED)
    layout = PackageLayout(zipfile.ZipFile(source), ["word/document.xml"])
    big = b"<w:document>" + b"x" * 10_000 + "Llŷr".encode() + b"</w:document>"
    for body in (b"<new/>", big):
        written = zipfile.ZipFile(io.BytesIO(layout.write({"word/document.xml": body})))
        assert written.testzip() is None
        assert written.namelist() == ["[Content_Types].xml", "word/document.xml",
                                      "word/media/image1.png"]
        assert written.read("word/document.xml") == body
        assert written.read("word/media/image1.png") == zipfile.ZipFile(source).read(
            "word/media/image1.png")
