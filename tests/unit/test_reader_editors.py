"""The reader against what real editors write inside a control, built as small inline XML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.definitions import load_definition
from docgen.errors import UnusableInput
from docgen.forms.filling import fill_form
from docgen.forms.reader import read_form
from docgen.forms.text import text_of
from docgen.forms.writer import write_blank_form

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IEP = load_definition("iep")


def xml(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:sdtContent xmlns:w="{W}">{inner}</w:sdtContent>')


def test_runs_split_with_proofing_marks_bookmarks_and_smart_tags() -> None:
    content = xml('<w:r><w:t>Siân </w:t></w:r><w:proofErr w:type="spellStart"/>'
                  '<w:bookmarkStart w:id="1" w:name="x"/><w:smartTag w:element="place">'
                  '<w:r><w:t>Ll</w:t></w:r></w:smartTag><w:bookmarkEnd w:id="1"/>'
                  '<w:hyperlink><w:r><w:t>ŷr</w:t></w:r></w:hyperlink>'
                  '<w:customXml><w:r><w:t xml:space="preserve"> Evans</w:t></w:r></w:customXml>')
    assert text_of(content) == "Siân Llŷr Evans"


def test_tracked_changes_read_as_accepted() -> None:
    content = xml('<w:r><w:t>Reads </w:t></w:r><w:del w:id="1" w:author="A"><w:r>'
                  '<w:delText>20</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r>'
                  '<w:t>40</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>gone</w:t></w:r>'
                  '</w:moveFrom><w:r><w:t> words</w:t></w:r>')
    assert text_of(content) == "Reads 40 words"


def test_breaks_tabs_and_paragraphs() -> None:
    content = xml('<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:tab/><w:t>x</w:t></w:r>'
                  '</w:p><w:p><w:r><w:t>three</w:t><w:br w:type="page"/></w:r></w:p>')
    assert text_of(content) == "one\ntwo\tx\nthree"


def _with_document(docx: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                    if info.filename == "word/document.xml" else source.read(info))
            target.writestr(info, data)
    return out.getvalue()


def test_placeholder_still_showing_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    path.write_bytes(write_blank_form(IEP))
    data = read_form(path).data
    assert data["pupil"] == {} and data["targets"] == []


def test_placeholder_text_without_the_flag_is_still_empty(tmp_path: Path) -> None:
    """LibreOffice 7.4 turns an unfilled placeholder into ordinary text."""
    def unflag(root: etree._Element) -> None:
        for flag in root.iter(f"{{{W}}}showingPlcHdr"):
            flag.getparent().remove(flag)

    path = tmp_path / "unflagged.docx"
    path.write_bytes(_with_document(write_blank_form(IEP), unflag))
    assert read_form(path).data["pupil"] == {}


def test_rows_added_by_hand_and_with_tab(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load(Path("samples/tomos-llyr-evans/iep.yaml").read_text("utf-8"))
    data.pop("form")
    path = tmp_path / "filled.docx"
    path.write_bytes(fill_form(write_blank_form(IEP), IEP, data))
    table = next(t for t in etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
                 .iter(f"{{{W}}}tbl")
                 if "Targets" in etree.tostring(t, encoding="unicode")
                 and "How often" in etree.tostring(t, encoding="unicode"))
    rows = table.findall(f"{{{W}}}tr")
    assert len(rows) == 4
    assert rows[3].find(f".//{{{W}}}sdt") is None  # the last row, added by hand
    assert rows[2].find(f".//{{{W}}}sdt") is not None  # a row Word copied with Tab
    assert [t["what"] for t in read_form(path).data["targets"]] == \
        [t["what"] for t in data["targets"]]


def test_form_identified_by_its_visible_line_when_properties_are_gone(tmp_path: Path) -> None:
    docx = write_blank_form(IEP)
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "docProps/custom.xml":
                target.writestr(info, source.read(info))
    path = tmp_path / "no-props.docx"
    path.write_bytes(out.getvalue())
    assert read_form(path).form == "iep"


def test_document_without_body_is_refused(tmp_path: Path) -> None:
    def drop_body(root: etree._Element) -> None:
        root.remove(root.find(f"{{{W}}}body"))

    path = tmp_path / "nobody.docx"
    path.write_bytes(_with_document(write_blank_form(IEP), drop_body))
    with pytest.raises(UnusableInput):
        read_form(path)
