"""The blank form: valid Open XML, one control per field with the right type, tag and alias."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from docgen.definitions import available_forms, load_definition
from docgen.docprops import read_custom_properties
from docgen.forms.ns import MC, NSMAP, PLACEHOLDER_STYLE, W14, qn
from docgen.forms.text import text_of
from docgen.forms.writer import CONFIDENTIAL, write_blank_form
from tests.unit.forms.builders import CRISP, CRISP_BLANK, IEP, IEP_BLANK, document_xml, save


def _part(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))


def _tags(docx: bytes) -> Counter[str]:
    return Counter(document_xml(docx).xpath("//w:sdt/w:sdtPr/w:tag/@w:val", namespaces=NSMAP))


@pytest.mark.parametrize("blank", [IEP_BLANK, CRISP_BLANK], ids=["iep", "crisp"])
def test_blank_form_passes_openxml_audit(tmp_path: Path, blank: bytes) -> None:
    result = OpenXmlValidator().validate(str(save(tmp_path, blank)))
    assert result.is_valid, result.errors


@pytest.mark.parametrize("name", ["hf_iep", "hf_review"])
def test_other_blank_forms_pass_openxml_audit(tmp_path: Path, name: str) -> None:
    blank = write_blank_form(load_definition(name))
    result = OpenXmlValidator().validate(str(save(tmp_path, blank)))
    assert result.is_valid, result.errors


@pytest.mark.parametrize("name", available_forms())
def test_every_tag_once(name: str) -> None:
    """Single and fixed-table fields once; table columns once, in the one template row."""
    definition = load_definition(name)
    assert _tags(write_blank_form(definition)) == Counter(list(definition.tags()))


@pytest.mark.parametrize("name", available_forms())
def test_each_control_has_its_fields_type_label_and_placeholder(name: str) -> None:
    definition = load_definition(name)
    root = document_xml(write_blank_form(definition))
    for tag, (_, field) in definition.tags().items():
        (sdt,) = root.xpath("//w:sdt[w:sdtPr/w:tag/@w:val=$t]", namespaces=NSMAP, t=tag)
        pr = sdt.find(qn("w:sdtPr"))
        assert pr.find(qn("w:alias")).get(qn("w:val")) == field.label
        kinds = {etree.QName(child).localname for child in pr} & {
            "date", "dropDownList", "checkbox", "text"}
        expected = {"date": {"date"}, "choice": {"dropDownList"}, "bool": {"checkbox"}}
        assert kinds == expected.get(field.type, set()), tag  # text: a rich-text control
        assert sdt.getparent().tag == qn("w:p"), "controls sit in the cell's paragraph"
        if field.type == "bool":
            assert pr.find(qn("w:showingPlcHdr")) is None
            assert text_of(sdt) == "☐"
            continue
        assert pr.find(qn("w:showingPlcHdr")) is not None
        assert text_of(sdt) == field.placeholder
        styles = sdt.xpath("w:sdtContent/w:r/w:rPr/w:rStyle/@w:val", namespaces=NSMAP)
        assert styles == [PLACEHOLDER_STYLE]
        assert pr.find(qn("w:rPr")) is None, "typed text must not take the grey style"


def test_drop_down_items_are_the_schema_choices() -> None:
    root = document_xml(IEP_BLANK)
    for tag, (_, field) in IEP.tags().items():
        if field.type != "choice":
            continue
        items = root.xpath("//w:sdt[w:sdtPr/w:tag/@w:val=$t]/w:sdtPr/w:dropDownList/w:listItem",
                           namespaces=NSMAP, t=tag)
        assert [(i.get(qn("w:value")), i.get(qn("w:displayText"))) for i in items] == \
            list(field.choices)


def test_date_picker_settings() -> None:
    (date,) = document_xml(IEP_BLANK).xpath(
        "//w:sdt[w:sdtPr/w:tag/@w:val='pupil.date_of_birth']/w:sdtPr/w:date",
        namespaces=NSMAP)
    assert [(etree.QName(c).localname, c.get(qn("w:val"))) for c in date] == [
        ("dateFormat", "dd/MM/yyyy"), ("lid", "en-GB"), ("storeMappedDataAs", "dateTime"),
        ("calendar", "gregorian")]
    assert date.get(qn("w:fullDate")) is None


def test_check_box_states_and_namespace_declared_ignorable() -> None:
    root = document_xml(IEP_BLANK)
    (box,) = root.xpath("//w14:checkbox", namespaces=NSMAP)
    states = {etree.QName(c).localname: (c.get(f"{{{W14}}}val"), c.get(f"{{{W14}}}font"))
              for c in box}
    assert states == {"checked": ("0", None), "checkedState": ("2612", "MS Gothic"),
                      "uncheckedState": ("2610", "MS Gothic")}
    assert root.nsmap["w14"] == W14
    assert "w14" in root.get(f"{{{MC}}}Ignorable").split()


def test_visible_text_title_intro_form_line_and_headings() -> None:
    paragraphs = [text_of(p) for p in document_xml(IEP_BLANK).iterfind("w:body/w:p", NSMAP)]
    assert paragraphs[:3] == [IEP.title, IEP.intro, "Form: iep · version 2"]
    for section in IEP.sections:
        assert section.heading in paragraphs


def test_group_rows_label_with_help_shaded_beside_the_control() -> None:
    root = document_xml(IEP_BLANK)
    sdt = root.xpath("//w:sdt[w:sdtPr/w:tag/@w:val='pupil.known_as']", namespaces=NSMAP)[0]
    label_cell, value_cell = sdt.xpath("ancestor::w:tr[1]/w:tc", namespaces=NSMAP)
    label, help_text = label_cell.findall(qn("w:p"))
    field = IEP.section("pupil").field("known_as")
    assert (text_of(label), text_of(help_text)) == (field.label, field.help)
    assert help_text.find("w:pPr/w:pStyle", NSMAP).get(qn("w:val")) == "FormHelp"
    assert label_cell.find("w:tcPr/w:shd", NSMAP).get(qn("w:fill")) == "F2F2F2"
    assert value_cell.find("w:tcPr/w:shd", NSMAP) is None


def test_tables_have_header_rows_and_captions() -> None:
    root = document_xml(IEP_BLANK)
    captions = root.xpath("//w:tblPr/w:tblCaption/@w:val", namespaces=NSMAP)
    assert captions == [s.heading for s in IEP.sections]
    targets = root.xpath("//w:tbl[w:tblPr/w:tblCaption/@w:val='Targets']", namespaces=NSMAP)[0]
    header, template = targets.findall(qn("w:tr"))
    assert header.find("w:trPr/w:tblHeader", NSMAP) is not None
    assert [text_of(tc) for tc in header.findall(qn("w:tc"))] == \
        [f.label for f in IEP.section("targets").fields]
    assert template.xpath(".//w:tag/@w:val", namespaces=NSMAP) == \
        [f"targets.{f.key}" for f in IEP.section("targets").fields]


def test_fixed_table_one_row_per_item_with_its_label() -> None:
    section = CRISP.section("crisp_threads")
    table = document_xml(CRISP_BLANK).xpath(
        "//w:tbl[w:tblPr/w:tblCaption/@w:val=$c]", namespaces=NSMAP, c=section.heading)[0]
    header, *rows = table.findall(qn("w:tr"))
    assert text_of(header.find(qn("w:tc"))) == section.row_label
    assert [text_of(r.find(qn("w:tc"))) for r in rows] == [row.label for row in section.rows]
    assert rows[0].xpath(".//w:tag/@w:val", namespaces=NSMAP) == \
        [f"crisp_threads.{section.rows[0].key}.{f.key}" for f in section.fields]


def test_properties_header_footer_language_and_page() -> None:
    props = read_custom_properties(_part(IEP_BLANK, "docProps/custom.xml"))
    assert props == {"docgen.form": "iep", "docgen.form_version": "2"}
    assert text_of(_part(IEP_BLANK, "word/header1.xml")) == CONFIDENTIAL
    footer = _part(IEP_BLANK, "word/footer1.xml")
    assert [i.strip() for i in footer.xpath("//w:instrText/text()", namespaces=NSMAP)] == \
        ["PAGE", "NUMPAGES"]
    styles = _part(IEP_BLANK, "word/styles.xml")
    assert styles.xpath("w:docDefaults//w:lang/@w:val", namespaces=NSMAP) == ["en-GB"]
    placeholder = styles.xpath("w:style[@w:styleId='PlaceholderText']", namespaces=NSMAP)[0]
    assert placeholder.get(qn("w:type")) == "character"
    assert placeholder.xpath("w:rPr/w:color/@w:val", namespaces=NSMAP) == ["595959"]
    size = document_xml(IEP_BLANK).find("w:body/w:sectPr/w:pgSz", NSMAP)
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")  # A4


def test_control_ids_are_unique_and_the_output_repeatable() -> None:
    ids = document_xml(IEP_BLANK).xpath("//w:sdtPr/w:id/@w:val", namespaces=NSMAP)
    assert len(ids) == len(set(ids))
    assert document_xml(write_blank_form(IEP)).xpath("//w:sdtPr/w:id/@w:val",
                                                    namespaces=NSMAP) == ids


def test_blank_high_focus_iep_form_shows_table_3_and_whom_to_consider() -> None:
    """'Table 3: Possible roles at High Focus School Action Plus ...' as a worked example beside
    the role table, and 'The plan to find answers to them should involve all the appropriate
    parties including (as appropriate)' — the list, before the table is filled in."""
    from docgen.domain.questions import CONTRIBUTORS_TO_CONSIDER, TABLE_3
    from docgen.forms.examples import TABLE_3_TITLE
    from tests.docx_helpers import paragraphs, table_rows

    blank = write_blank_form(load_definition("hf_iep"))
    rows = table_rows(blank, TABLE_3_TITLE)
    assert rows[0] == ["Who", "What", "To help answer ‘Key’ Question(s)"]
    assert len(rows) - 1 == sum(len(role.activities) for role in TABLE_3) == 14
    assert rows[1] == ["Pupil", TABLE_3[0].activities[0].what, "2,4"]
    assert rows[2][0] == "" and rows[2][2] == "1,3"
    text = paragraphs(blank)
    at = text.index("Who to consider (as appropriate):")
    assert text[at + 1:at + 1 + len(CONTRIBUTORS_TO_CONSIDER)] == list(CONTRIBUTORS_TO_CONSIDER)
    assert text.index("Worked example from the guidance") > at
    # the example has no controls: nothing in it is read back as an answer
    table = next(t for t in docx.Document(io.BytesIO(blank)).tables
                 if len(t.columns) == 3 and t.rows[0].cells[2].text.startswith("To help"))
    assert table._tbl.find(".//" + qn("w:sdt")) is None


def test_parts_of_a_long_section_are_rows_across_the_table() -> None:
    from tests.docx_helpers import open_doc

    blank = write_blank_form(load_definition("hf_review"))
    table = next(t for t in open_doc(blank).tables
                 if len(t.rows) > 1 and t.rows[1].cells[0].text == "The meeting")
    parts = [row for row in table.rows
             if len({id(c._tc) for c in row.cells}) == 1]  # one merged cell
    assert [row.cells[0].text for row in parts][:3] == [
        "The meeting",
        "Review question 1 (agenda item 4: the current CRISP assessment, with its bands in the "
        "table below)",
        "Review question 2 (agenda item 5: progress made against current provision)"]
    assert "The decision" in [row.cells[0].text for row in parts]
