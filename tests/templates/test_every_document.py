"""Every template renders with every sample and passes the output checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from docgen.documents import all_documents
from docgen.pipeline import Rendered
from docgen.render.checks import ooxml_problems, package_problems
from tests.docx_helpers import header_rows_marked, open_doc, styles_used


def test_every_document_type_is_made_for_some_sample(rendered: dict) -> None:
    made = {key.split(":")[0] for _, key in rendered}
    assert made == set(all_documents()), set(all_documents()) - made


def test_every_sample_gets_its_iep_and_high_focus_documents(rendered: dict) -> None:
    for pupil in ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman"):
        for key in ("iep:iep", "hf_iep:hf_iep", "review_agenda:hf_iep",
                    "review_record:hf_review", "leaflet:iep", "letter_high_focus:hf_iep",
                    "letter_review_invitation:hf_iep", "letter_review_outcome:hf_review"):
            assert (pupil, key) in rendered, (pupil, key)


def _each(rendered: dict) -> list[tuple[str, Rendered]]:
    return [(f"{pupil}/{key}", doc) for (pupil, key), doc in sorted(rendered.items())]


def test_packages_hold_together(rendered: dict) -> None:
    for name, document in _each(rendered):
        assert package_problems(document.data) == [], name


def test_ooxml_schema_valid(rendered: dict, tmp_path: Path) -> None:
    for name, document in _each(rendered):
        path = tmp_path / document.file_name
        path.write_bytes(document.data)
        assert ooxml_problems(path) == [], name


def test_real_styles_and_marked_header_rows(rendered: dict) -> None:
    for name, document in _each(rendered):
        styles = styles_used(document.data)
        assert "Heading 1" in styles or "Title" in styles, name
        assert header_rows_marked(document.data), name
        assert "" not in [s.strip() for s in styles], name


def test_properties_and_confidential_header(rendered: dict) -> None:
    for name, document in _each(rendered):
        doc = open_doc(document.data)
        props = doc.core_properties
        assert props.language == "en-GB", name
        assert props.title and "{{" not in props.title, name
        assert "{{" not in (props.author or "") and props.author, name
        header = doc.sections[0].header.paragraphs[0].text
        assert "{{" not in header
        if document.key.startswith("letter_"):
            # a letter: the letterhead on page 1, then "Mrs Khan · 8 September 2026 · Page 2
            # of 2" on the pages after it; no "Confidential" stamp above the school's name
            assert doc.sections[0].different_first_page_header_footer, name
            assert not doc.sections[0].first_page_header.paragraphs[0].text, name
            assert re.fullmatch(r".+ · \d{1,2} \w+ \d{4} · Page \d+ of \d+", header), name
        elif document.key != "leaflet":
            assert header.endswith("· Confidential"), name


def test_no_template_tags_survive(rendered: dict) -> None:
    from tests.docx_helpers import all_text

    for name, document in _each(rendered):
        text = all_text(document.data)
        assert "{%" not in text and "{{" not in text, name


@pytest.mark.parametrize("pupil", ["tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman"])
def test_footer_has_page_numbers(rendered: dict, pupil: str) -> None:
    doc = open_doc(rendered[(pupil, "iep:iep")].data)
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_a4_pages_and_tables_as_wide_as_the_text(rendered: dict) -> None:
    """UK schools print on A4: a Letter page shrinks or clips, and narrow tables wrap words.
    A section may turn the A4 page to landscape for wide tables (an IEP's targets): each
    table is as wide as the text of the page it is on."""
    for name, document in _each(rendered):
        doc = open_doc(document.data)
        for section in doc.sections:
            short, long = sorted((section.page_width, section.page_height))
            assert abs(short - Cm(21)) < Cm(0.01) and abs(long - Cm(29.7)) < Cm(0.01), name
            assert (section.page_width > section.page_height) == \
                (section.orientation == WD_ORIENT.LANDSCAPE), name
        for table, section in _tables_with_their_section(doc):
            text_width = section.page_width - section.left_margin - section.right_margin
            grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
            total = sum(int(col.get(qn("w:w"))) for col in grid)
            assert abs(total * 635 - text_width) < Cm(0.1), (name, total)


def _tables_with_their_section(doc) -> list:
    """Each body table with the section it is in (a section ends at the paragraph holding its
    properties; the last one at the body's own)."""
    from docx.section import Section
    from docx.table import Table

    found, waiting = [], []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            waiting.append(Table(child, doc))
        elif child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            properties = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            found += [(t, Section(properties, doc.part)) for t in waiting]
            waiting = []
    found += [(t, doc.sections[-1]) for t in waiting]
    return found


def test_number_columns_are_narrow(rendered: dict) -> None:
    doc = open_doc(rendered[("tomos-llyr-evans", "iep:iep")].data)
    targets = next(t for t in doc.tables if t.rows[0].cells[0].text == "No.")
    number, what = targets.columns[0].width, targets.columns[1].width
    assert Cm(1) < number < what / 2


def _word_settings(data: bytes) -> str:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()


def test_word_opens_them_in_its_current_mode_and_spell_checks_them(rendered: dict) -> None:
    """Not "[Compatibility Mode]" (Word 2010's mode 14), and not marked already spell-checked."""
    from docgen.definitions import available_forms, load_definition
    from docgen.forms.writer import write_blank_form

    blank_forms = [(f"form {name}", write_blank_form(load_definition(name)))
                   for name in available_forms()]
    for name, data in [(n, d.data) for n, d in _each(rendered)] + blank_forms:
        settings = _word_settings(data)
        assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" ' \
               'w:val="15"' in settings, name
        assert "proofState" not in settings, name
