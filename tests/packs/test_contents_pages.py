"""The pack's page furniture on its own, without rendering a whole pack: each section's
bookmarked opening heading, a merged document losing its Title, a landscape document keeping
its pages, the sections settling under the cover's headers and footers, the contents' page
numbers as fields, and a CSV's dates and unreadable bytes."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docgen import house_style
from docgen import print_layout as layout
from docgen.errors import UnusableInput
from docgen.packs.contents import (
    csv_document,
    keeping_its_pages,
    number_the_contents,
    section_opening,
    settle_sections,
    without_title,
)
from tests.docx_helpers import open_doc, saved


def child_tags(element) -> list[str]:
    return [child.tag.split("}")[1] for child in element]


# ---- each section's opening heading ------------------------------------------------------

def test_a_section_opens_on_a_new_page_under_its_numbered_bookmarked_heading() -> None:
    document = section_opening(3, "Views of the pupil")
    (heading,) = document.paragraphs  # the heading alone: nothing before or after it
    assert (heading.text, heading.style.name) == ("3. Views of the pupil", "Heading 1")
    assert heading.paragraph_format.page_break_before is True
    assert heading.paragraph_format.keep_with_next is True
    start = heading._p.find(qn("w:bookmarkStart"))
    end = heading._p.find(qn("w:bookmarkEnd"))
    assert start.get(qn("w:name")) == "docgen_section_3"
    assert start.get(qn("w:id")) == end.get(qn("w:id")) == "1003"
    assert document.core_properties.title == "Views of the pupil"


def test_each_section_has_its_own_bookmark() -> None:
    ids = {section_opening(n, "Report").paragraphs[0]._p.find(qn("w:bookmarkStart"))
           .get(qn("w:id")) for n in (1, 2, 12)}
    assert ids == {"1001", "1002", "1012"}


# ---- a document of docgen's merged without its Title -------------------------------------

def test_a_merged_document_loses_only_its_opening_title() -> None:
    document = house_style.new_document("IEP")
    document.add_paragraph("Individual Education Plan", "Title")
    document.add_paragraph("Pupil: A B")
    document.add_paragraph("Appendix", "Title")  # a later Title stays
    merged = without_title(saved(document))
    assert [(p.text, p.style.name) for p in merged.paragraphs] == [
        ("Pupil: A B", "Normal"), ("Appendix", "Title")]


def test_a_document_that_does_not_open_with_a_title_keeps_every_paragraph() -> None:
    document = house_style.new_document("Report")
    document.add_paragraph("Speech and language report")
    document.add_paragraph("Summary", "Title")
    assert [p.text for p in without_title(saved(document)).paragraphs] == [
        "Speech and language report", "Summary"]


# ---- a document whose last pages are landscape keeps them --------------------------------

def two_section_document():
    """A portrait page, then landscape targets (as an IEP), with its own header and footer."""
    document = house_style.new_document("IEP")
    document.add_paragraph("Portrait page")
    document.sections[0].header.paragraphs[0].text = "Confidential"
    house_style.add_page_number_footer(document)
    layout.new_section(document, landscape=True)
    document.add_paragraph("Landscape targets")
    document.sections[-1].different_first_page_header_footer = True
    return document


def test_landscape_last_pages_are_closed_in_a_paragraph_that_takes_no_room() -> None:
    document = two_section_document()
    body = document.element.body
    before = len(list(body))
    kept = keeping_its_pages(document)
    assert kept is document
    closing = body[-2]  # just before the body's own section properties
    assert len(list(body)) == before + 1 and closing.tag == qn("w:p")
    properties = closing.find(qn("w:pPr"))
    assert child_tags(properties) == ["spacing", "rPr", "sectPr"]
    spacing = properties.find(qn("w:spacing"))
    assert (spacing.get(qn("w:before")), spacing.get(qn("w:after"))) == ("0", "0")
    sizes = properties.find(qn("w:rPr"))
    assert [(tag, size.get(qn("w:val"))) for tag, size in zip(
        child_tags(sizes), sizes, strict=True)] == [("sz", "2"), ("szCs", "2")]
    section = properties.find(qn("w:sectPr"))
    # the landscape page size is kept; headers, footers and a first page of its own are not
    page = section.find(qn("w:pgSz"))
    assert page.get(qn("w:orient")) == "landscape"
    assert int(page.get(qn("w:w"))) > int(page.get(qn("w:h")))
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        assert section.find(qn(tag)) is None, tag
    assert body.find(qn("w:sectPr")).find(qn("w:titlePg")) is not None  # the original kept


def test_a_document_of_one_section_is_merged_as_it_is() -> None:
    document = house_style.new_document("Report")
    document.add_paragraph("One page")
    before = saved(document)
    assert saved(keeping_its_pages(document)) == before


# ---- sections settling under the cover's page furniture ---------------------------------

def inner_section(width: int, height: int, left: int, landscape: bool = False):
    """A paragraph closing a merged document's pages (as keeping_its_pages leaves it)."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    section = OxmlElement("w:sectPr")
    size = OxmlElement("w:pgSz")
    size.set(qn("w:w"), str(width))
    size.set(qn("w:h"), str(height))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    margins = OxmlElement("w:pgMar")
    for side, value in (("top", 1134), ("right", 1134), ("bottom", 1134), ("left", left),
                        ("header", 720), ("footer", 720), ("gutter", 0)):
        margins.set(qn(f"w:{side}"), str(value))
    section.extend([size, margins])
    properties.append(section)
    paragraph.append(properties)
    return paragraph


def pack_with_inner_sections():
    """A cover (its own first page, header and footer, in the body's section properties)
    after which two merged documents closed their own pages: the first landscape, the
    second portrait with a narrow left margin."""
    document = house_style.new_document("Pack")
    document.add_paragraph("Covering letter")
    document.sections[0].header.paragraphs[0].text = "Confidential"
    house_style.add_page_number_footer(document)
    document.sections[0].different_first_page_header_footer = True
    final = document.element.body.find(qn("w:sectPr"))
    final.addprevious(inner_section(16838, 11906, 1134, landscape=True))
    final.addprevious(inner_section(11906, 16838, 720))
    return document


def section_properties(document) -> list:
    body = document.element.body
    inner = [p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") for p in body.iterchildren(qn("w:p"))]
    return [*(s for s in inner if s is not None), body.find(qn("w:sectPr"))]


def test_the_first_section_keeps_the_covers_furniture_and_the_later_ones_share_it() -> None:
    document = pack_with_inner_sections()
    cover_tags = child_tags(document.element.body.find(qn("w:sectPr")))
    assert {"headerReference", "footerReference", "titlePg"} <= set(cover_tags)
    settle_sections(document)
    first, portrait, last = section_properties(document)
    assert child_tags(first) == cover_tags  # the covering letter: footer, its own first page
    for later in (portrait, last):
        assert child_tags(later) == [t for t in cover_tags if t not in {
            "headerReference", "footerReference", "titlePg"}]
    reopened = open_doc(saved(document))
    assert [s.orientation for s in reopened.sections] == [
        WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT]
    assert [s.page_width.twips for s in reopened.sections] == [16838, 11906, 11906]
    assert [s.left_margin.twips for s in reopened.sections] == [1134, 720, 1134]
    assert [s.different_first_page_header_footer for s in reopened.sections] == [
        True, False, False]


def test_a_pack_of_one_section_is_left_as_it_is() -> None:
    document = house_style.new_document("Pack")
    document.add_paragraph("Covering letter")
    document.sections[0].different_first_page_header_footer = True
    before = saved(document)
    settle_sections(document)
    assert saved(document) == before


def test_a_pack_without_final_section_properties_is_left_as_it_is() -> None:
    document = pack_with_inner_sections()
    body = document.element.body
    body.remove(body.find(qn("w:sectPr")))
    before = saved(document)
    settle_sections(document)
    assert saved(document) == before


def test_a_section_without_its_own_page_size_takes_the_covers() -> None:
    document = pack_with_inner_sections()
    first = section_properties(document)[0]
    for tag in ("w:pgSz", "w:pgMar"):
        first.remove(first.find(qn(tag)))
    settle_sections(document)
    settled = section_properties(document)[0]
    assert settled.find(qn("w:pgSz")).get(qn("w:w")) == "11906"
    assert settled.find(qn("w:pgMar")).get(qn("w:left")) == "1134"


# ---- the contents' page numbers ----------------------------------------------------------

def cover_with_contents(settings_before: str | None = "compat"):
    document = house_style.new_document("Pack")
    document.add_table(rows=1, cols=2)  # a layout table without a caption comes first
    other = house_style.add_table(document, ["No.", "Item"], caption="Where each item is")
    other.add_row().cells[0].text = "1"
    table = house_style.add_table(document, ["No.", "Section", "Page"], caption="Contents")
    for number, title in (("1", "High Focus IEP"), ("", "Sent with this pack"),
                          ("2.", "Attendance record")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = number, title, "99"
    settings = document.settings.element
    for child in list(settings):
        if settings_before is None or child.tag == qn("w:updateFields"):
            settings.remove(child)
    return document


def field_code(cell) -> tuple[str, str]:
    """A cell's field instruction and the text it shows until the field is updated."""
    instruction = "".join(t.text for t in cell._tc.iter(qn("w:instrText")))
    shown = "".join(t.text for t in cell._tc.iter(qn("w:t")))
    return instruction, shown


def test_each_contents_row_gets_a_page_field_to_its_sections_bookmark() -> None:
    document = cover_with_contents()
    number_the_contents(document)
    table = document.tables[2]
    # a row without a section number (a note) keeps its text; the rows after it are numbered
    assert [field_code(row.cells[2]) for row in table.rows[1:]] == [
        (" PAGEREF docgen_section_1 \\h ", ""), ("", "99"),
        (" PAGEREF docgen_section_2 \\h ", "")]
    assert [row.cells[1].text for row in table.rows] == [
        "Section", "High Focus IEP", "Sent with this pack", "Attendance record"]
    assert table.rows[0].cells[2].text == "Page"  # the header row is not a section
    assert document.tables[1].rows[1].cells[-1].text == ""  # another table is left alone


def test_word_is_asked_to_update_the_fields_in_schema_order() -> None:
    document = cover_with_contents()
    number_the_contents(document)
    settings = document.settings.element
    (update,) = settings.findall(qn("w:updateFields"))
    assert update.get(qn("w:val")) == "true"
    assert update.getnext().tag == qn("w:compat")  # the first of the later settings
    number_the_contents(document)  # asked once, however often it runs
    assert len(settings.findall(qn("w:updateFields"))) == 1


def test_settings_without_later_elements_end_with_the_update() -> None:
    document = cover_with_contents(settings_before=None)
    settings = document.settings.element
    settings.append(OxmlElement("w:zoom"))
    number_the_contents(document)
    assert child_tags(settings) == ["zoom", "updateFields"]


def test_a_cover_without_contents_is_left_as_it_is() -> None:
    document = house_style.new_document("Letter")
    house_style.add_table(document, ["No.", "Section", "Page"], caption="Where each item is")
    number_the_contents(document)
    assert document.settings.element.find(qn("w:updateFields")) is None


# ---- a CSV of evidence -------------------------------------------------------------------

def csv_cells(data: bytes) -> list[list[str]]:
    (table,) = open_doc(data).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_only_a_whole_iso_date_is_written_out() -> None:
    data = csv_document(b"when\n2026-09-08\n20260908\n2026-09-08T10:00\n2026-13-01\n", "Tests")
    assert csv_cells(data) == [["When"], ["8 September 2026"], ["20260908"],
                               ["2026-09-08T10:00"], ["2026-13-01"]]


def test_bytes_that_are_not_utf8_become_a_replacement_character_not_a_failure() -> None:
    assert csv_cells(csv_document(b"name\nJos\xe9\n", "Names")) == [["Name"], ["Jos\ufffd"]]


def test_the_csv_table_is_captioned_and_its_rows_do_not_split_across_pages() -> None:
    document = open_doc(csv_document(b"a,b\n1,2\n3,4\n", "Reading tests"))
    (table,) = document.tables
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == "Reading tests"
    assert document.core_properties.title == "Reading tests"
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_a_csv_refused_without_its_file_name_is_called_the_csv_file() -> None:
    with pytest.raises(UnusableInput) as caught:
        csv_document(b"x" * 1_000_001, "Scores")
    assert caught.value.format_message().startswith(
        "the CSV file: this CSV file is larger than 1 MB")


def test_an_empty_csv_document_is_titled_too() -> None:
    assert open_doc(csv_document(b"", "Scores")).core_properties.title == "Scores"

