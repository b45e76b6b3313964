"""Reading filled forms: round trips through the filler, identification, refusals."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest

from docgen.docprops import set_custom_properties
from docgen.errors import UnusableInput
from docgen.forms.filling import fill_form
from docgen.forms.ns import NSMAP, qn
from docgen.forms.reader import LAYOUT_NOTE, read_form
from docgen.inputs import load_input
from docgen.validation import validate_data
from tests.unit.forms.builders import (
    CRISP,
    CRISP_BLANK,
    IEP,
    IEP_BLANK,
    control,
    replace_part,
    save,
    with_document,
)

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def refusal(path: Path, **kwargs: Any) -> str:
    with pytest.raises(UnusableInput) as caught:
        read_form(path, **kwargs)
    message = caught.value.format_message()
    assert str(path) in message
    return message


@pytest.mark.parametrize("split_runs", [True, False])
def test_word_round_trip(tmp_path: Path, iep_data: dict, split_runs: bool) -> None:
    filled = fill_form(IEP_BLANK, IEP, iep_data, split_runs=split_runs)
    reading = read_form(save(tmp_path, filled))
    assert (reading.form, reading.version) == ("iep", 2)
    assert reading.data == iep_data
    assert reading.notes == []


def test_libreoffice_style_round_trip(tmp_path: Path, iep_data: dict) -> None:
    """No tags, typed controls without aliases, every extra row added with Insert Row."""
    filled = fill_form(IEP_BLANK, IEP, iep_data, style="libreoffice")
    reading = read_form(save(tmp_path, filled))
    assert reading.data == iep_data
    assert reading.notes == [LAYOUT_NOTE]


@pytest.mark.parametrize("style", ["word", "libreoffice"])
def test_fixed_table_round_trip(tmp_path: Path, crisp_data: dict, style: str) -> None:
    filled = fill_form(CRISP_BLANK, CRISP, crisp_data, style=style)  # type: ignore[arg-type]
    assert read_form(save(tmp_path, filled)).data == crisp_data


@pytest.mark.parametrize("style", ["word", "libreoffice"])
@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*/*.yaml")),
                         ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_sample_reads_back(tmp_path: Path, sample: Path, style: str) -> None:
    form = load_input(sample)
    from docgen.forms.writer import write_blank_form

    filled = fill_form(write_blank_form(form.definition), form.definition, form.raw,
                       style=style)  # type: ignore[arg-type]
    reading = read_form(save(tmp_path, filled))
    assert validate_data(form.definition, reading.data).data == \
        validate_data(form.definition, form.raw).data


def test_blank_form_reads_as_empty(tmp_path: Path) -> None:
    data = read_form(save(tmp_path, IEP_BLANK)).data
    assert data["pupil"] == {} and data["views"] == {}
    assert data["plan"] == {"school_action_first": False}  # an unticked box is a "no"
    assert data["targets"] == [] and data["provision"] == []


@pytest.mark.parametrize("shown", ["Click here and type", "Click or tap here to enter text.",
                                   "  Click here and type "])
def test_placeholder_text_without_the_flag_is_empty(tmp_path: Path, shown: str) -> None:
    def unflag(root: Any) -> None:
        sdt = control(root, "pupil.surname")
        sdt.find("w:sdtPr/w:showingPlcHdr", NSMAP).getparent().remove(
            sdt.find("w:sdtPr/w:showingPlcHdr", NSMAP))
        sdt.find(".//w:t", NSMAP).text = shown

    data = read_form(save(tmp_path, with_document(IEP_BLANK, unflag))).data
    assert "surname" not in data["pupil"]


def test_rows_left_empty_are_skipped(tmp_path: Path, iep_data: dict) -> None:
    iep_data["targets"].insert(1, {})
    filled = fill_form(IEP_BLANK, IEP, iep_data)
    expected = [t for t in iep_data["targets"] if t]
    assert read_form(save(tmp_path, filled)).data["targets"] == expected


def test_identified_by_the_visible_line_when_properties_are_lost(tmp_path: Path) -> None:
    docx_bytes = replace_part(IEP_BLANK, "docProps/custom.xml", None)
    assert read_form(save(tmp_path, docx_bytes)).form == "iep"


def test_a_docgen_output_is_refused_naming_the_form(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Individual Education Plan for Siân Llŷr")
    set_custom_properties(document, {"docgen.template": "iep", "docgen.template_version": "1",
                                     "docgen.form": "iep", "docgen.form_version": "1"})
    path = tmp_path / "Llŷr-Siân-iep.docx"
    document.save(str(path))
    message = refusal(path)
    assert "this is a document docgen made (the 'iep' document), not a form" in message
    assert "the filled 'iep' form it was made from" in message
    assert "docgen form new iep" in message


def test_a_plain_document_is_not_a_form(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minutes of the staff meeting")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    message = refusal(path)
    assert "does not look like a docgen form" in message
    assert ("annual_review, crisp, ehc_request, hf_iep, hf_review, iep, iep_review, "
            "parent_meeting, sen_support") in message


def test_unknown_form_lists_the_known_ones(tmp_path: Path) -> None:
    properties = b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/' \
        b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/' \
        b'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" ' \
        b'name="docgen.form"><vt:lpwstr>wibble</vt:lpwstr></property></Properties>'
    path = save(tmp_path, replace_part(IEP_BLANK, "docProps/custom.xml", properties))
    message = refusal(path)
    assert "this is a 'wibble' form, which this docgen does not know" in message
    assert ("Known forms: annual_review, crisp, ehc_request, hf_iep, hf_review, iep, "
            "iep_review, parent_meeting, sen_support.") in message


def test_own_definitions_folder(tmp_path: Path) -> None:
    own = tmp_path / "schemas"
    (own / "fragments").mkdir(parents=True)
    bundled = Path(__file__).resolve().parents[3] / "schemas"
    shutil.copy(bundled / "crisp.yaml", own)
    for fragment in (bundled / "fragments").glob("*.yaml"):
        shutil.copy(fragment, own / "fragments")
    assert read_form(save(tmp_path, CRISP_BLANK), definitions_dir=own).form == "crisp"
    message = refusal(save(tmp_path, IEP_BLANK, "iep.docx"), definitions_dir=own)
    assert "Known forms: crisp." in message


def test_newer_version_refused(tmp_path: Path) -> None:
    def newer(root: Any) -> None:
        for t in root.iterfind(".//w:t", NSMAP):
            if t.text == "Form: iep · version 2":
                t.text = "Form: iep · version 9"

    docx_bytes = replace_part(with_document(IEP_BLANK, newer), "docProps/custom.xml", None)
    assert "this is version 9 of the 'iep' form" in refusal(save(tmp_path, docx_bytes))


def test_tags_lost_found_by_labels_even_restyled(tmp_path: Path, iep_data: dict) -> None:
    """A maintainer re-typed some labels with a colon and odd spacing, and Word lost tags."""
    def untag_and_restyle(root: Any) -> None:
        for tag in root.xpath("//w:sdtPr/w:tag", namespaces=NSMAP):
            tag.getparent().remove(tag)
        for t in root.iterfind(".//w:t", NSMAP):
            if t.text == "Surname":
                t.text = "  SURNAME: "

    filled = with_document(fill_form(IEP_BLANK, IEP, iep_data), untag_and_restyle)
    reading = read_form(save(tmp_path, filled))
    assert reading.data == iep_data
    assert reading.notes == [LAYOUT_NOTE]


def test_a_field_removed_from_the_form_is_noted(tmp_path: Path, iep_data: dict) -> None:
    def remove_row(root: Any) -> None:
        row = control(root, "pupil.known_as").xpath("ancestor::w:tr[1]", namespaces=NSMAP)[0]
        row.getparent().remove(row)

    filled = with_document(fill_form(IEP_BLANK, IEP, iep_data), remove_row)
    reading = read_form(save(tmp_path, filled))
    assert "known_as" not in reading.data["pupil"]
    assert reading.notes == ["“Known as” (About the pupil) is not in the form any more, so it "
                             "was read as empty."]


def test_fixed_row_under_an_older_wording_is_read_by_its_number(tmp_path: Path,
                                                                 crisp_data: dict) -> None:
    """A form saved by LibreOffice (no tags) is read by its row labels. A thread renamed to
    the seed's wording ('2. Curriculum Plans', once '2. Curriculum plans') is still thread 2;
    a label that names no row is not read as one."""
    crisp_data["crisp_threads"][1:1] = [{"thread": "2", "band": "3"},
                                        {"thread": "3", "band": "2"}]
    filled = fill_form(CRISP_BLANK, CRISP, crisp_data, style="libreoffice")

    def older(root: Any) -> None:
        for text in root.iter(qn("w:t")):
            if text.text == "2. Curriculum Plans":
                text.text = "2. Curriculum plans"
            elif text.text == "3. Organisation of teaching group":
                text.text = "Three. Organisation"

    reading = read_form(save(tmp_path, with_document(filled, older)))
    threads = [row["thread"] for row in reading.data["crisp_threads"]]
    expected = [row["thread"] for row in crisp_data["crisp_threads"]]
    assert threads == [t for t in expected if t != "3"]
