"""The 2015 Code's documents: what each says, and plain English for parents' documents.

The generic checks (package, ECMA-376 schema, styles, A4, header rows, properties) run on
these documents in test_every_document.py, as on Birmingham's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import textstat

from docgen.render.pdf import to_pdf
from tests.docx_helpers import all_text, open_doc, reading_order_text, table_rows

PARENT_DOCS = [("leo-brennan", "letter_sen_support:sen_support"),
               ("leo-brennan", "parent_meeting_record:parent_meeting"),
               ("amira-haddad", "parent_meeting_record:parent_meeting"),
               ("amira-haddad", "letter_ehc_request:ehc_request"),
               ("callum-price", "letter_annual_review_invitation:annual_review")]
# Spelled out the first time a parents' document uses them.
ABBREVIATIONS = (("SENCo", "special educational needs coordinator"),
                 ("EHC", "education, health and care"),
                 ("SENDIASS", "SEND Information, Advice and Support Service"))


def _text(rendered: dict, pupil: str, key: str) -> str:
    return all_text(rendered[(pupil, key)].data)


def _sentences(text: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?:])\s+|\n", text)
    return [p for p in pieces if len(p.split()) > 1]


def test_every_2015_document_is_made_for_the_samples(rendered: dict) -> None:
    made = {(pupil, key.split(":")[0]) for pupil, key in rendered
            if pupil in ("leo-brennan", "amira-haddad", "callum-price")}
    assert made == {
        ("leo-brennan", "sen_support_plan"), ("leo-brennan", "one_page_profile"),
        ("leo-brennan", "letter_sen_support"), ("leo-brennan", "parent_meeting_record"),
        ("amira-haddad", "sen_support_plan"), ("amira-haddad", "one_page_profile"),
        ("amira-haddad", "parent_meeting_record"), ("amira-haddad", "ehc_request"),
        ("amira-haddad", "letter_ehc_request"),
        ("callum-price", "letter_annual_review_invitation"),
        ("callum-price", "annual_review_record"), ("callum-price", "annual_review_report")}


@pytest.mark.parametrize(("pupil", "key"), PARENT_DOCS)
def test_parent_documents_are_plain_english(rendered: dict, pupil: str, key: str) -> None:
    text = _text(rendered, pupil, key)
    assert textstat.flesch_reading_ease(text) >= 60
    assert textstat.avg_sentence_length(text) <= 20
    longest = max(_sentences(text), key=lambda s: len(s.split()))
    assert len(longest.split()) <= 30, longest


@pytest.mark.parametrize(("pupil", "key"), PARENT_DOCS)
def test_parent_documents_spell_out_abbreviations_first(rendered: dict, pupil: str,
                                                        key: str) -> None:
    text = reading_order_text(rendered[(pupil, key)].data)
    for short, meaning in ABBREVIATIONS:
        first = re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text)
        if first:
            before = text[:first.start()].lower()
            # "special educational needs coordinator (SENCo)", or inside brackets already
            # "Mr Osei (special educational needs coordinator, SENCo)"
            assert before.endswith((f"{meaning.lower()} (", f"({meaning.lower()}, ")), \
                (short, before[-80:])


@pytest.mark.parametrize(("pupil", "key"), PARENT_DOCS)
def test_parent_documents_are_accessible(rendered: dict, pupil: str, key: str) -> None:
    document = open_doc(rendered[(pupil, key)].data)
    levels = [0]
    for paragraph in document.paragraphs:
        assert paragraph.text.strip(), "empty paragraph for spacing"
        assert paragraph.alignment in (None, 0)
        name = paragraph.style.name
        if name.startswith("Heading "):
            level = int(name.split()[1])
            assert level <= levels[-1] + 1, paragraph.text
            levels.append(level)
        elif name == "Title":
            levels.append(0)
    for run in (r for p in document.paragraphs for r in p.runs):
        assert run.font.size is None or run.font.size.pt >= 12


def test_sen_support_letter_says_provision_is_being_made(rendered: dict) -> None:
    """Children and Families Act 2014, s.68(2): the school "must inform the child's parent ...
    that special educational provision is being made for the child"."""
    text = _text(rendered, "leo-brennan", "letter_sen_support:sen_support")
    assert "Dear Ms Brennan and Mr Doyle," in text
    assert "The law calls this special educational provision." in text
    assert "(Children and Families Act 2014, section 68)" in text
    assert ("Phonics catch-up programme in a small group, with letter tiles and reading books "
            "matched to the sounds taught: with Mrs Okoro, teaching assistant, 4 times a week, "
            "20 minutes each time.") in text
    assert "We will look at the plan again with you on 11 December 2026." in text
    assert "at least three times a year" in text
    assert ("amira-haddad", "letter_sen_support:sen_support") not in rendered  # plan 4


def test_sen_support_plan(rendered: dict) -> None:
    data = rendered[("amira-haddad", "sen_support_plan:sen_support")].data
    text = all_text(data)
    assert "ASD: Autistic spectrum disorder" in text
    assert "SLCN: Speech, language and communication needs" in text
    assert "paragraphs 6.44 to 6.56" in text
    assert [r[0] for r in table_rows(data, "Needs in the broad areas of need")[1:]] == [
        "Communication and interaction", "Cognition and learning",
        "Social, emotional and mental health", "Sensory and/or physical needs"]
    provision = table_rows(data, "Provision")
    assert provision[0] == ["What", "Who", "How often and for how long", "From and to",
                            "Expected impact"]
    assert provision[1][2] == "3 a week, 30 minutes each, group of 1"
    assert provision[1][3] == "14 September 2026 to 27 November 2026"
    assert "Amira has about 751 minutes of extra adult time a week." in text
    assert table_rows(data, "Progress towards the outcomes")[1][2] == "Some progress"
    assert "The plan was reviewed on 27 November 2026." in text
    leo = all_text(rendered[("leo-brennan", "sen_support_plan:sen_support")].data)
    assert "This plan will be reviewed on 11 December 2026 with Leo and the parents." in leo
    assert "Progress towards the outcomes" not in leo


def test_one_page_profile(rendered: dict) -> None:
    text = _text(rendered, "leo-brennan", "one_page_profile:sen_support")
    for heading in ("What people like and admire about me", "What is important to me",
                    "How best to support me"):
        assert heading in text
    assert "My dog, Bramble." in text and "Give me a bit more time to read things." in text


def test_parent_meeting_record(rendered: dict) -> None:
    """CoP 6.65: a record of the outcomes, actions and support agreed, shared with the
    parents and staff."""
    data = rendered[("leo-brennan", "parent_meeting_record:parent_meeting")].data
    text = all_text(data)
    assert "We met on 21 September 2026." in text
    assert [r[0] for r in table_rows(data, "Who will do what")[1:]] == [
        "School", "Parents or carers", "Pupil"]
    assert "Our next meeting is on 11 December 2026." in text
    assert table_rows(data, "Our other meetings this year")[1:] == [
        ["18 January 2027", "Spring term plan"], ["26 April 2027", "Summer term plan"]]


def test_ehc_request_and_letter_carry_the_clock(rendered: dict) -> None:
    """Regs 5, 10(1) and 13(2): 6, 16 and 20 weeks from the day the authority receives the
    request (7 December 2026)."""
    request = rendered[("amira-haddad", "ehc_request:ehc_request")].data
    assert table_rows(request, "Dates the local authority must keep")[1:] == [
        ["Decide whether to carry out an EHC needs assessment (6 weeks; SEND Regulations 2014, "
         "regulation 5)", "18 January 2027"],
        ["After the assessment, say if it will not issue an EHC plan (16 weeks; regulation "
         "10(1))", "29 March 2027"],
        ["Issue the final EHC plan (20 weeks; regulation 13(2))", "26 April 2027"]]
    assert "(Children and Families Act 2014, section 36)" in all_text(request)
    letter = _text(rendered, "amira-haddad", "letter_ehc_request:ehc_request")
    assert "By 18 January 2027: it tells you if it will carry out the assessment." in letter
    assert "By 29 March 2027: if it decides not to write a plan, it tells you." in letter
    assert "By 26 April 2027: it sends you the final plan." in letter


def test_annual_review_invitation(rendered: dict) -> None:
    """Reg 20(3) and (4): two weeks' notice; advice circulated two weeks before."""
    text = _text(rendered, "callum-price", "letter_annual_review_invitation:annual_review")
    assert "29 October 2026" in text  # the day it was sent
    assert "Please send us your advice and information about Cal by 12 November 2026." in text
    assert "We will send everyone's advice to everyone invited by 19 November 2026." in text
    assert "Dr Nina Cole (community paediatrician)" in text
    assert "getting ready for adult life" in text
    assert "The local authority must send the updated plan by 31 March 2027" in text


def test_annual_review_record_and_report(rendered: dict) -> None:
    record = rendered[("callum-price", "annual_review_record:annual_review")].data
    dates = dict(table_rows(record, "Dates"))  # row headers, no header row (issue 15)
    assert dates["Invitations and requests for advice sent (at least two weeks before)"] == \
        "By 19 November 2026; sent 29 October 2026"
    assert dates["Review report to the local authority and everyone invited"] == \
        "By 17 December 2026; sent 10 December 2026"
    assert [r[0] for r in table_rows(record, "Preparing for adulthood")[1:]] == [
        "Higher education and/or employment", "Independent living",
        "Participating in society: friends, relationships and the community",
        "Being as healthy as possible in adult life"]
    report = rendered[("callum-price", "annual_review_report:annual_review")].data
    text = all_text(report)
    assert ("Cal moves from secondary school to a post-16 institution. The amended EHC plan "
            "must be issued by 31 March 2027 (SEND Regulations 2014, regulation 18).") in text
    assert "The school recommends to the local authority: amend the EHC plan." in text
    assert table_rows(report, "Recommended amendments")[1][0] == "I: placement"
    assert "Ms Price would like the plan to name a key worker" in text
    assert "by 17 December 2026 (SEND Code of Practice 9.176)" in text


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and pdftotext are needed for the PDF test; CI "
                           "installs them")
def test_sen_support_letter_fits_one_page_as_pdf(rendered: dict, tmp_path: Path) -> None:
    document = rendered[("leo-brennan", "letter_sen_support:sen_support")]
    path = tmp_path / document.file_name
    path.write_bytes(document.data)
    pdf = to_pdf(path, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info), info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "We are giving Leo extra help" in text
