"""Layout that survives printing, and the house style's accessibility, in every document."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from docgen import house_style, letterhead
from docgen.definitions import load_definition
from docgen.forms.writer import write_blank_form
from tests.docx_helpers import all_text, open_doc, table_rows
from tests.templates.letter_helpers import render


def _contrast(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)  # against white


def test_every_row_of_every_table_is_kept_whole(rendered: dict) -> None:
    for name, document in rendered.items():
        for table in open_doc(document.data).tables:
            for row in table.rows:
                tr_pr = row._tr.trPr
                assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None, name


def test_label_value_tables_have_row_headers_not_an_item_details_row(rendered: dict) -> None:
    for name, document in rendered.items():
        doc = open_doc(document.data)
        for table in doc.tables:
            assert [c.text for c in table.rows[0].cells][:2] != ["Item", "Details"], name
    about = table_rows(rendered[("tomos-llyr-evans", "iep:iep")].data, "About the pupil")
    assert about[0][0] == "Name"


def test_no_page_is_started_by_an_empty_break_paragraph(rendered: dict) -> None:
    for name, document in rendered.items():
        for paragraph in open_doc(document.data).paragraphs:
            breaks = paragraph._p.findall(".//" + qn("w:br"))
            assert paragraph.text.strip() or not any(
                b.get(qn("w:type")) == "page" for b in breaks), name


def test_a_paragraph_after_a_table_has_space_before_it(rendered: dict) -> None:
    body = open_doc(rendered[("tomos-llyr-evans", "iep:iep")].data).element.body
    after = [t.getnext() for t in body.iterchildren(qn("w:tbl"))]
    plain = [p for p in after if p is not None and p.tag == qn("w:p")
             and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is None]
    assert plain
    for p in plain:
        assert int(p.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:before"))) >= 120


def test_narrow_columns_fit_their_headers(rendered: dict) -> None:
    document = open_doc(rendered[("tomos-llyr-evans", "provision_plan:hf_review")].data)
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Band")
    assert table.columns[1].width >= Cm(1.6)  # "Band" never "Ban/d"
    agenda = open_doc(rendered[("zofia-wisniewska", "review_agenda:hf_iep")].data)
    assert not [t for t in agenda.tables if t.rows[0].cells[0].text == "No."]  # a numbered list


def test_wide_tables_use_11_point_text(rendered: dict) -> None:
    document = open_doc(rendered[("tomos-llyr-evans", "iep:iep")].data)
    targets = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    sizes = {r.font.size for cell in targets.rows[1].cells for p in cell.paragraphs
             for r in p.runs}
    assert sizes == {house_style.TABLE_TEXT_SIZE}


def test_numbered_questions_are_a_real_list_that_restarts(rendered: dict) -> None:
    document = open_doc(rendered[("zofia-wisniewska", "review_agenda:hf_iep")].data)
    items = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert not any(p.text[:2] in ("1.", "• ") for p in items)
    lists = {p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
             for p in items}
    assert len(lists) == 3  # the review questions, the agenda, the reminder: each from 1


def test_text_colours_pass_aa_contrast() -> None:
    assert _contrast(str(house_style.SUBTITLE_COLOUR)) >= 4.5
    assert _contrast(str(house_style.HEADING_COLOUR)) >= 4.5


def test_the_role_table_on_the_form_gives_the_room_to_what_they_will_do() -> None:
    document = open_doc(write_blank_form(load_definition("hf_iep")))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "What they will do")
    assert [c.text for c in table.rows[0].cells] == ["Who", "What they will do", "Q1", "Q2",
                                                     "Q3", "Q4"]
    assert [round(c.width.cm, 1) for c in table.columns] == [3.8, 8.0, 1.3, 1.3, 1.3, 1.3]
    text = all_text(write_blank_form(load_definition("hf_iep")))
    assert ("Q1: Key question 1. Is the CRISP Assessment fully supported by all possible "
            "evidence?") in text


@pytest.fixture
def local_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A maintainer's own authority settings, in their --templates folder."""
    settings = tmp_path / "own" / "birmingham" / "settings"
    settings.mkdir(parents=True)
    (settings / "authority.yaml").write_text(
        "name: Blackburn with Darwen\n"
        "parent_advice: the local Parent Partnership Service\n"
        "parent_advice_telephone: 01254 000000\n"
        "iep_optional_at_school_action: true\n", encoding="utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    return settings


def test_the_leaflet_keeps_what_the_blackburn_leaflet_tells_parents(rendered: dict) -> None:
    text = all_text(rendered[("tomos-llyr-evans", "leaflet:iep")].data)
    # reviews "at least two per year and ideally termly, or possibly more frequent"
    assert ("The Code of Practice says this should happen at least twice a year, and ideally "
            "every term. Some children may need reviews more often.") in text
    # "Assessment may be ongoing by the class or subject teacher or ... more detailed tests"
    assert ("assess your child's learning as it goes on in class, and sometimes with more "
            "detailed tests") in text
    # the statement funding paragraph, and the commitment whichever way help is paid for
    assert "When a child has a statement, the school gets extra money for that child's needs." \
        in text
    assert "the school is committed to meeting your child's needs" in text
    assert "once a term" not in text.lower()  # said by neither seed
    assert "advises its schools" not in text  # Blackburn's local advice: off by default
    assert "The SENCo can give you their telephone number and address." in text


def test_the_leaflet_gives_local_advice_and_contacts_from_the_settings(local_advice) -> None:
    text = all_text(render("tomos-llyr-evans", "iep", "leaflet"))
    assert ("Blackburn with Darwen advises its schools that a child at School Action may not "
            "need an IEP when the school keeps a good provision map.") in text
    assert "Telephone: 01254 000000" in text
    assert "The SENCo can give you" not in text


def test_a_leaflet_from_the_placeholder_settings_warns() -> None:
    (warning,) = letterhead.settings_warnings(leaflet=True)
    assert warning.startswith("The leaflet gives no telephone, email or website for the local "
                              "Parent Partnership Service (the bundled placeholder): set them in ")
