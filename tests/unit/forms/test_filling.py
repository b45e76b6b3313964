"""The filler writes what Word and LibreOffice write: checked on the XML it produces."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from docgen.forms.filling import fill_form
from docgen.forms.ns import NSMAP, W14, qn
from docgen.forms.text import text_of
from tests.unit.forms.builders import IEP, IEP_BLANK, control, document_xml


def _table(root: etree._Element, caption: str) -> list[etree._Element]:
    (table,) = root.xpath("//w:tbl[w:tblPr/w:tblCaption/@w:val=$c]", namespaces=NSMAP,
                          c=caption)
    return table.findall(qn("w:tr"))


def test_word_splits_typed_text_with_marks_and_bookmarks(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data))
    sdt = control(root, "pupil.surname")
    content = [etree.QName(c).localname for c in sdt.find(qn("w:sdtContent"))]
    assert content == ["r", "proofErr", "r", "proofErr", "bookmarkStart", "bookmarkEnd", "r"]
    assert sdt.find("w:sdtPr/w:showingPlcHdr", NSMAP) is None
    assert text_of(sdt) == "Llŷr-Zażółć"
    names = root.xpath("//w:bookmarkStart/@w:name", namespaces=NSMAP)
    assert len(names) == len(set(names)) > 10


def test_word_multi_line_becomes_paragraphs_inside_the_control(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data))
    sdt = control(root, "plan.concerns")
    assert sdt.getparent().tag == qn("w:tc")
    assert [text_of(p) for p in sdt.iterfind("w:sdtContent/w:p", NSMAP)] == \
        iep_data["plan"]["concerns"].split("\n")


def test_word_date_drop_down_and_check_box(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data))
    date = control(root, "pupil.date_of_birth")
    assert date.find("w:sdtPr/w:date", NSMAP).get(qn("w:fullDate")) == "2016-02-29T00:00:00Z"
    assert text_of(date) == "29/02/2016"
    year = control(root, "pupil.year_group")
    assert text_of(year) == "Year 5"
    assert year.find("w:sdtPr/w:dropDownList", NSMAP).get(qn("w:lastValue")) == "5"
    box = control(root, "plan.school_action_first")
    assert box.find("w:sdtPr/w14:checkbox/w14:checked", NSMAP).get(f"{{{W14}}}val") == "1"
    assert text_of(box) == "☒"


def test_word_rows_added_with_tab_then_the_last_by_hand(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data))
    _header, *rows = _table(root, "Targets")
    assert len(rows) == 4
    for row in rows[:3]:  # Tab in the last cell: the row copied with its controls
        assert row.xpath(".//w:tag/@w:val", namespaces=NSMAP) == \
            [f"targets.{f.key}" for f in IEP.section("targets").fields]
    assert rows[3].find(".//w:sdt", NSMAP) is None  # Insert Row: no controls
    assert [text_of(tc) for tc in rows[3].findall(qn("w:tc"))] == \
        list(iep_data["targets"][3].values())
    ids = Counter(root.xpath("//w:sdtPr/w:id/@w:val", namespaces=NSMAP))
    assert max(ids.values()) == 1


def test_two_rows_are_both_added_with_tab(iep_data: dict) -> None:
    iep_data["provision"] = iep_data["provision"][:2]
    rows = _table(document_xml(fill_form(IEP_BLANK, IEP, iep_data)), "Provision")[1:]
    assert [len(r.findall(".//w:sdt", NSMAP)) for r in rows] == [6, 6]


def test_libreoffice_keeps_no_tags_and_adds_rows_without_controls(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data, style="libreoffice"))
    assert root.xpath("//w:sdtPr/w:tag", namespaces=NSMAP) == []
    assert root.xpath("//w:proofErr", namespaces=NSMAP) == []
    rows = _table(root, "Targets")[1:]
    assert [len(r.findall(".//w:sdt", NSMAP)) for r in rows] == [5, 0, 0, 0]
    box = root.xpath("//w:sdt[w:sdtPr/w14:checkbox]", namespaces=NSMAP)[0]
    wrapper = box.getparent().getparent().getparent()
    assert wrapper.tag == qn("w:sdt")
    assert wrapper.find("w:sdtPr/w:alias", NSMAP).get(qn("w:val")) == \
        "Provision was made at School Action first"


def test_libreoffice_enter_ends_the_control_with_its_paragraph(iep_data: dict) -> None:
    root = document_xml(fill_form(IEP_BLANK, IEP, iep_data, style="libreoffice"))
    (label,) = root.xpath("//w:tc[w:p//w:t='Areas of concern']", namespaces=NSMAP)
    cell = label.getnext()
    first, second = cell.findall(qn("w:p"))
    assert text_of(first.find(qn("w:sdt"))) == "Reading well below age-related expectations."
    assert first.find(qn("w:sdt")).find("w:sdtPr/w:showingPlcHdr", NSMAP) is None
    assert second.find(qn("w:sdt")) is None and text_of(second) == \
        "Slow recall of number facts."


@pytest.mark.parametrize("style", ["word", "libreoffice"])
def test_filled_forms_are_valid_open_xml(tmp_path: Path, iep_data: dict, style: str) -> None:
    path = tmp_path / "filled.docx"
    path.write_bytes(fill_form(IEP_BLANK, IEP, iep_data, style=style))  # type: ignore[arg-type]
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, result.errors
