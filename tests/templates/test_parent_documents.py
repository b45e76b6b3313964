"""Parent documents: plain English, accessible, and saying what the guidance requires."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import textstat
from docx.oxml.ns import qn

from docgen.families.parents import ABBREVIATIONS
from docgen.render.pdf import to_pdf
from tests.docx_helpers import all_text, open_doc, table_rows

PUPILS = ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman")
LETTERS = ("letter_high_focus:hf_iep", "letter_review_invitation:hf_iep",
           "letter_review_outcome:hf_review")
PARENT_DOCS = (*LETTERS, "leaflet:iep")


def _sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?:])\s+|\n", text)
    return [p for p in pieces if len(p.split()) > 1]


@pytest.mark.parametrize("pupil", PUPILS)
@pytest.mark.parametrize("key", PARENT_DOCS)
def test_plain_english(rendered: dict, pupil: str, key: str) -> None:
    text = all_text(rendered[(pupil, key)].data)
    minimum = 70 if key.startswith("leaflet") else 60
    assert textstat.flesch_reading_ease(text) >= minimum
    assert textstat.avg_sentence_length(text) <= 20
    longest = max(_sentences(text), key=lambda s: len(s.split()))
    assert len(longest.split()) <= 30, longest


@pytest.mark.parametrize("pupil", PUPILS)
@pytest.mark.parametrize("key", PARENT_DOCS)
def test_abbreviations_spelled_out_on_first_use(rendered: dict, pupil: str, key: str) -> None:
    text = all_text(rendered[(pupil, key)].data)
    for short, meaning in ABBREVIATIONS:
        first = re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text)
        if first:
            before = text[:first.start()].lower()
            # "special educational needs coordinator (SENCo)", or inside brackets already
            # "Mr Asante (special educational needs coordinator, SENCo)"
            assert before.endswith((f"{meaning.lower()} (", f"({meaning.lower()}, ")), \
                (short, before[-80:])


@pytest.mark.parametrize("pupil", PUPILS)
@pytest.mark.parametrize("key", PARENT_DOCS)
def test_accessible(rendered: dict, pupil: str, key: str) -> None:
    document = open_doc(rendered[(pupil, key)].data)
    levels = [0]
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        assert paragraph.text.strip() or _only_break(paragraph) or _picture(paragraph), \
            "empty paragraph for spacing"
        assert paragraph.alignment in (None, 0), "left aligned"
        if name == "Title":
            levels.append(0)
        elif name.startswith("Heading "):
            level = int(name.split()[1])
            assert level <= levels[-1] + 1, f"heading level skipped at {paragraph.text!r}"
            levels.append(level)
    normal = document.styles["Normal"]
    assert normal.font.size.pt >= 12 and normal.font.name == "Arial"
    for run in (r for p in document.paragraphs for r in p.runs):
        assert run.font.size is None or run.font.size.pt >= 12
    assert document.core_properties.title and document.core_properties.language == "en-GB"
    for shape in document.inline_shapes:  # the school's logo: alt text from the settings
        assert shape._inline.docPr.get("descr"), "an image without alt text"


def _picture(paragraph) -> bool:
    return bool(paragraph._p.findall(".//" + qn("w:drawing")))


def _only_break(paragraph) -> bool:
    return "w:br" in paragraph._p.xml and 'w:type="page"' in paragraph._p.xml


@pytest.mark.parametrize("pupil", PUPILS)
def test_high_focus_letter_says_what_the_guidance_requires(rendered: dict, pupil: str) -> None:
    """Parents 'should know from the outset that the result of is likely to be that their child
    will continue receiving School Action Plus rather than go forward for Statutory Assessment'
    and 'be assured that their legal rights are in no way affected'."""
    text = all_text(rendered[(pupil, "letter_high_focus:hf_iep")].data)
    assert "will carry on at School Action Plus, rather than go forward for a statutory " \
           "assessment" in text
    assert "Your legal rights are not affected in any way." in text
    assert "delegated funding" in text


def test_invitation_has_date_place_agenda_and_company(rendered: dict) -> None:
    text = all_text(rendered[("zofia-wisniewska", "letter_review_invitation:hf_iep")].data)
    assert "19 January 2026" in text and "9.15am" in text and "meeting room 2" in text
    # the meeting in plain words: the professional agenda stays in the agenda document
    assert "your views, and Zosia's views" in text
    assert "Arrangements for formulating" not in text and "Views of parents" not in text
    assert "You may bring a friend, a relative or someone who helps you." in text
    # the form says an interpreter is needed: the letter says one is booked
    assert "We have booked a Polish interpreter for the meeting." in text
    assert "if you would like an interpreter" not in text
    other = all_text(rendered[("tomos-llyr-evans", "letter_review_invitation:hf_iep")].data)
    assert "Please also tell us if you would like an interpreter." in other


def test_outcome_letter_for_a_statutory_request(rendered: dict) -> None:
    text = all_text(rendered[("zofia-wisniewska", "letter_review_outcome:hf_review")].data)
    assert "We will ask the local authority to carry out a statutory assessment" in text
    assert "What a statutory assessment means" in text
    assert "We will send them all with the request." in text
    # the reservation is the parent's own, so it is told to her as hers
    assert "You agree with the request, but have reservations about Band 5" in text
    other = all_text(rendered[("tomos-llyr-evans", "letter_review_outcome:hf_review")].data)
    assert "What a statutory assessment means" not in other


def test_leaflet_uses_school_and_child_details(rendered: dict) -> None:
    text = all_text(rendered[("tomos-llyr-evans", "leaflet:iep")].data)
    assert "At Oakfield Community Primary School the SENCo is Mrs Bethan Howells." in text
    assert "Tom gets help at School Action Plus. The next review of Tom's plan is on " \
           "14 July 2025." in text


def test_contact_attempts_record(rendered: dict) -> None:
    """One record per pupil, a log read down: Date | Method | By whom | Outcome, with the
    pupil's date of birth, UPN and name in Latin letters."""
    document = rendered[("aisha-rahman", "contact_attempts:hf_iep")].data
    rows = table_rows(document, "Attempts made")
    assert rows[0] == ["Date", "Method", "By whom", "Outcome"]
    assert rows[1] == ["2 September 2025", "Letter sent home", "Ms Priya Sharma (SENCo)",
                       "No reply"]
    assert [r[0] for r in rows[1:]] == ["2 September 2025", "8 September 2025",
                                        "16 September 2025", "25 September 2025"]
    about = dict(table_rows(document, "About this record"))
    assert about["Date of birth"] == "30 May 2013" and about["Unique Pupil Number (UPN)"]
    assert about["Pupil"] == "عائشہ (Aisha) Rahman"
    assert about["Date of this record"] == "25 September 2025"  # not before the last attempt
    records = [key for (pupil, key) in rendered if key.startswith("contact_attempts")]
    assert records == ["contact_attempts:hf_iep"]  # not two identical files


def test_output_names_say_what_each_document_is(rendered: dict) -> None:
    names = {d.file_name for (pupil, _), d in rendered.items() if pupil == "zofia-wisniewska"}
    assert "Wiśniewska-Zofia-letter-review-invitation.docx" in names
    assert "Wiśniewska-Zofia-leaflet.docx" in names
    assert "Wiśniewska-Zofia-proposed-provision-plan.docx" in names


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (libreoffice-writer-nogui) and pdftotext "
                           "(poppler-utils) are needed for the PDF test; CI installs them")
def test_letter_as_pdf(rendered: dict, tmp_path: Path) -> None:
    document = rendered[("zofia-wisniewska", "letter_review_invitation:hf_iep")]
    docx_path = tmp_path / document.file_name
    docx_path.write_bytes(document.data)
    pdf = to_pdf(docx_path, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Please come to Zosia's review meeting" in text
    assert "Dear Mrs Wiśniewska," in text


def test_pdf_without_libreoffice_says_how_to_install_it(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from docgen.cli import main

    monkeypatch.setattr("docgen.render.pdf.soffice_path", lambda: None)
    result = CliRunner().invoke(main, ["make", "samples/tomos-llyr-evans/iep.yaml", "-o",
                                       str(tmp_path), "--only", "iep", "--pdf"])
    assert result.exit_code == 2
    assert "LibreOffice is not installed, so no PDF was made" in result.stderr
    assert "sudo apt-get install libreoffice-writer-nogui" in result.stderr
    assert (tmp_path / "Llŷr-Evans-Tomos-iep.docx").is_file()  # the Word document was made


def test_generic_leaflet_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import main

    out = tmp_path / "leaflet.docx"
    result = CliRunner().invoke(main, ["leaflet", "--school", "Hillside Primary", "--senco",
                                       "Ms Adebayo", "-o", str(out)])
    assert result.exit_code == 0
    text = all_text(out.read_bytes())
    assert "At Hillside Primary the SENCo is Ms Adebayo." in text and "Your child" not in text
