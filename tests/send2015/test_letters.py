"""The 2015 Code's letters are school letters, as Birmingham's are: letterhead from this
framework's settings, the recipient's address, a reference, the date of writing, a salutation,
the sign-off with space to sign kept with the letter, pages after the first numbered."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

from tests.docx_helpers import open_doc, paragraphs, reading_order_text
from tests.templates.letter_helpers import (
    assert_sign_off_kept_with_the_letter,
    render,
    sign_off_block,
)

LETTERS = (("leo-brennan", "sen_support", "letter_sen_support"),
           ("amira-haddad", "ehc_request", "letter_ehc_request"),
           ("callum-price", "annual_review", "letter_annual_review_invitation"))


def _lines(data: bytes) -> list[str]:
    return [t for t in paragraphs(data) if t]


@pytest.mark.parametrize(("pupil", "form", "key"), LETTERS)
def test_every_2015_letter_is_a_school_letter(pupil: str, form: str, key: str) -> None:
    data = render(pupil, form, key)
    document = open_doc(data)
    lines = _lines(data)
    assert document.paragraphs[0].style.name == "Letterhead"
    assert ", Northmoor, NM" in lines[1]  # the school's address, from send2015's schools.yaml
    assert lines[2].startswith("Telephone 0121 496 0")
    assert lines[3].startswith("Head teacher: ")
    reference = next(line for line in lines if line.startswith("Our reference: SEN/"))
    assert re.fullmatch(r"Our reference: SEN/[A-Z]{2}/[A-Z]+/\d{4}-\d{2}", reference)
    date = lines[lines.index(reference) + 1]
    assert re.fullmatch(r"\d{1,2} \w+ \d{4}", date)
    assert lines[lines.index(reference) + 2].startswith("Dear ")
    sign_off = sign_off_block(document).text
    assert sign_off.startswith("Yours sincerely,\n\n\n\n")
    assert sign_off.endswith("\nSpecial educational needs coordinator (SENCo)")
    assert_sign_off_kept_with_the_letter(document)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text
    assert re.fullmatch(r".+ · \d{1,2} \w+ \d{4} · Page \d+ of \d+",
                        section.header.paragraphs[0].text)
    instructions = [t.text.strip() for t in section.header._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_the_sen_support_letter_heads_and_addresses_itself() -> None:
    lines = _lines(render("leo-brennan", "sen_support", "letter_sen_support"))
    assert lines[:4] == ["Brook Lane Primary School", "18 Brook Lane, Northmoor, NM4 2BL",
                         "Telephone 0121 496 0303 · office@brooklane.example.sch.uk",
                         "Head teacher: Mr Simon Hale"]
    start = lines.index("Ms Brennan and Mr Doyle")
    assert lines[start:start + 7] == [
        "Ms Brennan and Mr Doyle", "7 Willow Close", "Northmoor", "NM4 3WC",
        "Our reference: SEN/LB/SS/2026-09", "21 September 2026",
        "Dear Ms Brennan and Mr Doyle,"]
    document = open_doc(render("leo-brennan", "sen_support", "letter_sen_support"))
    assert document.sections[0].header.paragraphs[0].text.startswith(
        "Ms Brennan and Mr Doyle · 21 September 2026 · Page ")


def test_the_date_of_writing_is_the_forms_when_it_gives_one() -> None:
    def later(raw: dict) -> None:
        raw["letters"] = {"date": "2026-09-23"}

    assert "23 September 2026" in _lines(render("leo-brennan", "sen_support",
                                                "letter_sen_support", later))
    # else the day the authority receives the request, never the day docgen ran
    assert "7 December 2026" in _lines(render("amira-haddad", "ehc_request",
                                              "letter_ehc_request"))


def test_the_invitation_is_one_letter_to_everyone_invited() -> None:
    """Reg 20(3): at least two weeks' notice; dated the day the invitations went, else the
    last day they may go."""
    lines = _lines(render("callum-price", "annual_review", "letter_annual_review_invitation"))
    start = lines.index("Everyone invited to Cal's annual review")
    assert lines[start + 1:start + 4] == ["Our reference: SEN/CP/AR/2026-10", "29 October 2026",
                                          "Dear Ms Price and colleagues,"]

    def not_sent(raw: dict) -> None:
        raw["meeting"].pop("invitations_sent")

    lines = _lines(render("callum-price", "annual_review", "letter_annual_review_invitation",
                          not_sent))
    assert "19 November 2026" in lines  # two weeks before the meeting of 3 December


def test_an_interpreter_the_form_names_is_booked() -> None:
    def arabic(raw: dict) -> None:
        raw["pupil"]["interpreter"] = "Arabic"

    text = "\n".join(_lines(render("amira-haddad", "ehc_request", "letter_ehc_request",
                                   arabic)))
    assert ("We will book an Arabic interpreter for every meeting about Amira, and we can give "
            "you this letter in Arabic.") in text


def test_abbreviations_are_explained_in_the_sentence_not_in_a_list() -> None:
    text = reading_order_text(render("leo-brennan", "parent_meeting", "parent_meeting_record"))
    assert "Some words in this record are shortened" not in text
    # the first use is the row header of "About the pupil", which starts with a capital
    assert "Special educational needs coordinator (SENCo)\nMs Priya Nair" in text
    assert "Leo will start special educational needs support (SEN Support) this term" in text
    letter = "\n".join(_lines(render("leo-brennan", "sen_support", "letter_sen_support")))
    assert ("Leo has special educational needs. Leo is now on special educational needs "
            "support (SEN Support).") in letter  # the name, not "special educational needs
    # (SEN) Support"
    assert "Our reference: SEN/LB/SS/2026-09" in letter  # a code is not an abbreviation
