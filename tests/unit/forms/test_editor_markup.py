"""What real editors write inside a control or a table, built as small inline XML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from docgen.forms.filling import fill_form
from docgen.forms.ns import NSMAP, qn
from docgen.forms.reader import read_form
from tests.unit.forms.builders import (
    IEP,
    IEP_BLANK,
    control,
    fragment,
    save,
    type_into,
    with_document,
)

DATE = 'w:author="Mrs Llŷr" w:date="2026-09-01T10:00:00Z"'


def read(tmp_path: Path, docx: bytes) -> dict[str, Any]:
    return read_form(save(tmp_path, docx)).data


def test_runs_split_by_proofing_marks_bookmarks_smart_tags_links_and_fields(
        tmp_path: Path) -> None:
    inner = (
        '<w:r><w:t>Si</w:t></w:r><w:proofErr w:type="spellStart"/>'
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
        '<w:r><w:t>ân</w:t></w:r></w:smartTag><w:proofErr w:type="spellEnd"/>'
        '<w:bookmarkStart w:id="90" w:name="_GoBack"/><w:r><w:t xml:space="preserve"> </w:t>'
        '</w:r><w:bookmarkEnd w:id="90"/><w:hyperlink w:anchor="top"><w:r><w:t>Ll</w:t></w:r>'
        '</w:hyperlink><w:customXml w:element="surname"><w:r><w:t>ŷr</w:t></w:r></w:customXml>'
        '<w:fldSimple w:instr=" QUOTE &quot;-&quot; "><w:r><w:t>-</w:t></w:r></w:fldSimple>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' QUOTE "Evans" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>Evans</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert read(tmp_path, type_into(IEP_BLANK, "pupil.surname", inner))["pupil"] == \
        {"surname": "Siân Llŷr-Evans"}


def test_nested_controls_count_unless_showing_their_placeholder(tmp_path: Path) -> None:
    inner = ('<w:r><w:t xml:space="preserve">Zażółć </w:t></w:r><w:sdt><w:sdtPr>'
             '<w:alias w:val="Inner"/></w:sdtPr><w:sdtContent><w:r><w:t>Gęślą</w:t></w:r>'
             '</w:sdtContent></w:sdt><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>'
             '<w:sdtContent><w:r><w:t xml:space="preserve"> Choose an item.</w:t></w:r>'
             '</w:sdtContent></w:sdt>')
    assert read(tmp_path, type_into(IEP_BLANK, "pupil.known_as", inner))["pupil"] == \
        {"known_as": "Zażółć Gęślą"}


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    inner = (f'<w:r><w:t>Ll</w:t></w:r><w:del w:id="1" {DATE}><w:r><w:delText>ewe'
             f'</w:delText></w:r></w:del><w:ins w:id="2" {DATE}><w:r><w:t>ŷr</w:t></w:r>'
             f'</w:ins><w:moveFrom w:id="3" {DATE}><w:r><w:t> (moved)</w:t></w:r></w:moveFrom>'
             f'<w:moveTo w:id="4" {DATE}><w:r><w:t>-Evans</w:t></w:r></w:moveTo>')
    assert read(tmp_path, type_into(IEP_BLANK, "pupil.surname", inner))["pupil"] == \
        {"surname": "Llŷr-Evans"}


def test_a_deleted_paragraph_mark_joins_the_paragraphs(tmp_path: Path,
                                                      iep_data: dict) -> None:
    iep_data["plan"]["concerns"] = "Reading \nand spelling\nMaths"
    filled = fill_form(IEP_BLANK, IEP, iep_data)  # Word: one paragraph per line

    def delete_first_mark(root: etree._Element) -> None:
        first = control(root, "plan.concerns").find("w:sdtContent/w:p", NSMAP)
        p_pr = first.find(qn("w:pPr"))
        if p_pr is None:
            p_pr = etree.SubElement(first, qn("w:pPr"))
            first.insert(0, p_pr)
        p_pr.extend(fragment(f'<w:rPr><w:del w:id="7" {DATE}/></w:rPr>'))

    data = read(tmp_path, with_document(filled, delete_first_mark))
    assert data["plan"]["concerns"] == "Reading and spelling\nMaths"


def test_breaks_tabs_and_page_breaks(tmp_path: Path) -> None:
    inner = ('<w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:tab/><w:t>three</w:t>'
             '<w:cr/><w:t>four</w:t><w:br w:type="page"/></w:r>')
    assert read(tmp_path, type_into(IEP_BLANK, "views.parents", inner))["views"] == \
        {"parents": "one\ntwo\tthree\nfour"}


def test_text_kept_exactly_as_typed(tmp_path: Path) -> None:
    inner = '<w:r><w:t xml:space="preserve">  Siân  &amp; {{ 7*7 }} &lt;Y5&gt; </w:t></w:r>'
    assert read(tmp_path, type_into(IEP_BLANK, "pupil.known_as", inner))["pupil"] == \
        {"known_as": "  Siân  & {{ 7*7 }} <Y5> "}


def test_tracked_row_deletion_and_insertion(tmp_path: Path, iep_data: dict) -> None:
    filled = fill_form(IEP_BLANK, IEP, iep_data)

    def track(root: etree._Element) -> None:
        (table,) = root.xpath("//w:tbl[w:tblPr/w:tblCaption/@w:val='Targets']",
                              namespaces=NSMAP)
        rows = table.findall(qn("w:tr"))
        for row, mark in ((rows[2], "del"), (rows[3], "ins")):
            tr_pr = row.find(qn("w:trPr"))
            if tr_pr is None:
                tr_pr = etree.Element(qn("w:trPr"))
                row.insert(0, tr_pr)
            tr_pr.extend(fragment(f'<w:{mark} w:id="8" {DATE}/>'))

    data = read(tmp_path, with_document(filled, track))
    expected = iep_data["targets"]
    assert data["targets"] == [expected[0], expected[2], expected[3]]


def test_libreoffice_echoes_of_right_to_left_text_are_read_once(tmp_path: Path,
                                                                  iep_data: dict) -> None:
    """LibreOffice 7.4 writes an untagged control holding right-to-left text several times."""
    filled = fill_form(IEP_BLANK, IEP, iep_data)
    urdu = "مجھے اپنا چارٹ دیکھنا پسند ہے"

    def echo(root: etree._Element) -> None:
        for tag in root.xpath("//w:sdtPr/w:tag", namespaces=NSMAP):
            tag.getparent().remove(tag)
        sdt = root.xpath("//w:sdt[w:sdtPr/w:alias/@w:val=\"The pupil's views\"]",
                         namespaces=NSMAP)[0]
        cell = sdt.getparent()
        first, second = sdt.findall("w:sdtContent/w:p", NSMAP)
        sdt.addprevious(first)
        sdt.addprevious(second)
        cell.remove(sdt)
        for child in list(first):
            first.remove(child)
        for copy in (urdu, urdu + urdu, urdu):
            first.extend(fragment(
                f'<w:sdt><w:sdtPr><w:id w:val="{len(copy)}"/><w:alias w:val="The pupil&apos;s '
                f'views"/></w:sdtPr><w:sdtContent><w:r><w:t>{copy}</w:t></w:r></w:sdtContent>'
                '</w:sdt>'))

    data = read(tmp_path, with_document(filled, echo))
    assert data["views"]["pupil"] == f"{urdu}\nI like it when my chart goes up."
