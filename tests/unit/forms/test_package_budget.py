"""The inflation budget holds however often a part is referenced: the whole file's budget
counts what is inflated, so one part named by many relationships cannot multiply it."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.errors import UnusableInput
from docgen.forms import package
from docgen.forms.ns import W
from docgen.safe_open.limits import FORM
from tests.unit.forms.builders import IEP_BLANK, replace_part, save

BUDGET = 1_000_000  # the whole file's budget in these tests (the real one is 200 MB)
HEADER_BYTES = 150_000
RELS = "word/_rels/document.xml.rels"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


def header_part(size: int) -> bytes:
    """A well-formed header of exactly ``size`` bytes."""
    start = f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>'.encode()
    end = b"</w:t></w:r></w:p></w:hdr>"
    return start + b"x" * (size - len(start) - len(end)) + end


def one_header_many_times(references: int) -> bytes:
    """The blank IEP form whose header part is named by ``references`` relationships."""
    rels = etree.fromstring(zipfile.ZipFile(io.BytesIO(IEP_BLANK)).read(RELS))
    (existing,) = [r for r in rels if r.get("Type") == HEADER_TYPE]
    for number in range(references - 1):
        etree.SubElement(rels, f"{{{PACKAGE_RELS}}}Relationship", Id=f"rIdX{number}",
                         Type=HEADER_TYPE, Target=existing.get("Target"))
    docx = replace_part(IEP_BLANK, RELS, etree.tostring(rels, xml_declaration=True,
                                                        encoding="UTF-8", standalone=True))
    return replace_part(docx, "word/" + existing.get("Target"), header_part(HEADER_BYTES))


@pytest.fixture
def inflated(monkeypatch: pytest.MonkeyPatch, zip_reads: list[int]) -> list[int]:
    """Every byte docgen inflates from any zip member, with the form's whole-file budget
    set to BUDGET."""
    monkeypatch.setattr(package, "LIMITS", dataclasses.replace(FORM, total_bytes=BUDGET))
    return zip_reads


def test_the_file_as_built_passes_the_declared_size_check() -> None:
    docx = one_header_many_times(12)
    declared = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(docx)).infolist())
    assert declared < BUDGET  # so only the inflation budget can stop it
    assert 12 * HEADER_BYTES > BUDGET + HEADER_BYTES


def test_a_part_named_twelve_times_is_not_inflated_twelve_times(tmp_path: Path,
                                                                 inflated: list[int]) -> None:
    """12 references to a 150 KB header: 1.8 MB if each were inflated, past the 1 MB budget
    (and within twice it). docgen refuses, naming the file, or reads the part once; either
    way it never inflates more than the budget and the part it was reading."""
    path = save(tmp_path, one_header_many_times(12), "many-headers.docx")
    inflated.clear()  # building the file read the blank form's parts
    try:
        package.open_docx(path)
    except UnusableInput as exc:
        message = exc.format_message()
        assert str(path) in message and "zip bomb" in message
    assert sum(inflated) <= BUDGET + HEADER_BYTES


def test_a_part_named_a_few_times_within_the_budget_opens(tmp_path: Path,
                                                          inflated: list[int]) -> None:
    """Three references (450 KB) stay within the budget: a Word file with a header on the
    first page, even and odd pages names the same part three times."""
    path = save(tmp_path, one_header_many_times(3), "three-headers.docx")
    inflated.clear()
    opened = package.open_docx(path)
    assert opened.headers and all(h.tag == f"{{{W}}}hdr" for h in opened.headers)
    assert sum(inflated) <= BUDGET
