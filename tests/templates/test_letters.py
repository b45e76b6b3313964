"""Letters are school letters, written to the parents as "you", true to the form."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.oxml.ns import qn

from docgen import letterhead
from docgen.families.wording import for_parents
from tests.docx_helpers import all_text, open_doc, paragraphs
from tests.templates.letter_helpers import (
    assert_sign_off_kept_with_the_letter,
    render,
    sign_off_block,
    warnings_of,
)

LETTERS = (("letter_high_focus", "hf_iep"), ("letter_review_invitation", "hf_iep"),
           ("letter_review_outcome", "hf_review"))
PUPILS = ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman")


@pytest.mark.parametrize(("key", "form"), LETTERS)
def test_a_letter_has_letterhead_address_reference_date_and_sign_off(key: str, form: str
                                                                     ) -> None:
    text = [t for t in paragraphs(render("zofia-wisniewska", form, key)) if t]  # not the logo
    assert text[:4] == ["Greenhill Junior & Infant School", "12 Green Lane, Birmingham, B12 3CD",
                        "Telephone 0121 496 0202 · office@greenhill.example.sch.uk · "
                        "www.greenhill.example.sch.uk", "Head teacher: Mrs Ruth Adeyemi"]
    start = text.index("Mrs Wiśniewska")
    assert text[start:start + 4] == ["Mrs Wiśniewska", "Flat 4, 9 Elm Court", "Birmingham",
                                     "B12 4EF"]
    assert text[start + 4].startswith("Our reference: SEN/ZW/HF")
    assert text[start + 6] == "Dear Mrs Wiśniewska,"
    sign_off = sign_off_block(open_doc(render("zofia-wisniewska", form, key))).text
    assert sign_off.startswith("Yours sincerely,\n\n\n\n")  # three blank lines to sign in
    assert sign_off.endswith("Mr Kwame Asante\nSpecial educational needs coordinator (SENCo)")


def test_the_sign_off_never_splits_and_stays_with_the_letter() -> None:
    document = open_doc(render("aisha-rahman", "hf_review", "letter_review_outcome"))
    assert_sign_off_kept_with_the_letter(document)


def test_pages_after_the_first_are_numbered_under_a_running_head() -> None:
    section = open_doc(render("zofia-wisniewska", "hf_review", "letter_review_outcome")).sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text.startswith("Mrs Wiśniewska · 19 January 2026 · Page ")
    instructions = [t.text.strip() for t in section.header._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]


def test_the_logo_comes_from_the_settings_with_its_alt_text() -> None:
    document = open_doc(render("zofia-wisniewska", "hf_iep", "letter_high_focus"))
    (logo,) = document.inline_shapes
    assert logo._inline.docPr.get("descr") == ("Greenhill Junior & Infant School logo, a green "
                                               "hill under a rising sun")
    assert not open_doc(render("tomos-llyr-evans", "hf_iep", "letter_high_focus")).inline_shapes


def test_date_of_writing_defaults_to_the_review_and_can_be_set() -> None:
    text = paragraphs(render("zofia-wisniewska", "hf_review", "letter_review_outcome"))
    assert "19 January 2026" in text  # the review's date, never the day docgen ran

    def later(raw: dict) -> None:
        raw["letters"] = {"date": "2026-01-21"}

    text = paragraphs(render("zofia-wisniewska", "hf_review", "letter_review_outcome", later))
    assert "21 January 2026" in text
    note = paragraphs(render("zofia-wisniewska", "hf_review", "outcome_note", later))
    assert "Date: 21 January 2026" in note


def test_a_letter_dated_before_the_review_it_reports_is_warned() -> None:
    def early(raw: dict) -> None:
        raw["letters"] = {"date": "2026-01-11"}

    assert ('Letters and notes, "Date of writing": The outcome letter and note report the '
            "review of 19 January 2026 but would be dated 11 January 2026. Date them on or "
            "after the review.") in warnings_of("zofia-wisniewska", "hf_review", early)

    def after_meeting(raw: dict) -> None:
        raw["letters"] = {"date": "2026-02-02"}

    assert any("after the review meeting of 19 January 2026" in w
               for w in warnings_of("zofia-wisniewska", "hf_iep", after_meeting))


def test_parents_own_tasks_are_asked_of_them_in_the_second_person() -> None:
    text = all_text(render("zofia-wisniewska", "hf_iep", "letter_high_focus"))
    assert ("We would like you to:\npractise the topic words at home in English and Polish "
            "and note which she knows\ntell us how Zosia uses Polish at home") in text
    assert "practises" not in text and "tells the school" not in text


@pytest.mark.parametrize(("staff", "parents"), [
    ("practises the topic words and notes which she knows",
     "practise the topic words and note which she knows"),
    ("Reads with him and keeps spellings and words", "read with him and keep spellings and words"),
    ("tries the card at home", "try the card at home"),
    ("watches the video", "watch the video"),
    ("Agree to practise key words", "agree to practise key words"),
])
def test_staff_wording_turned_to_the_parents(staff: str, parents: str) -> None:
    assert for_parents(staff) == parents


def test_parents_the_school_could_not_reach() -> None:
    for key, form in LETTERS:
        text = all_text(render("aisha-rahman", form, key))
        assert "We have tried to contact you, but we have not been able to talk with you yet." \
            in text, key
        assert "Thank you" not in text, key
    outcome = all_text(render("aisha-rahman", "hf_review", "letter_review_outcome"))
    assert ("We would like to visit you at home to talk about Aisha. Ms Priya Sharma will "
            "contact you by 13 February 2026 to arrange a time that suits you.") in outcome
    assert "the parents" not in outcome and "arrange a home visit" not in outcome


def test_parents_who_came_are_thanked_and_absent_ones_are_not() -> None:
    text = all_text(render("tomos-llyr-evans", "hf_review", "letter_review_outcome"))
    assert "Thank you for coming to Tom's review on 8 December 2025." in text

    def absent(raw: dict) -> None:
        raw["attendees"] = [a for a in raw["attendees"] if a["role"] != "Parents"]
        raw["apologies"].append({"name": "Mr and Mrs Llŷr-Evans", "role": "Parents"})

    text = all_text(render("tomos-llyr-evans", "hf_review", "letter_review_outcome", absent))
    assert "You were not able to come to Tom's review on 8 December 2025" in text
    assert "Thank you" not in text


def test_the_outcome_note_is_for_the_professionals_only() -> None:
    text = paragraphs(render("aisha-rahman", "hf_review", "outcome_note"))
    assert "To: Dr Samuel Okoye" in text  # the parents get the outcome letter instead


def test_reservations_are_attributed_to_who_made_them() -> None:
    own = all_text(render("zofia-wisniewska", "hf_review", "letter_review_outcome"))
    assert "You agree with the request, but have reservations about Band 5" in own

    def psychologist(raw: dict) -> None:
        raw["reservations"] = [{"who": "Dr Helen Marsh", "role": "Educational psychologist",
                                "about": "The evidence for Band 5 on thread 8.",
                                "sent_with_request": True}]

    text = all_text(render("zofia-wisniewska", "hf_review", "letter_review_outcome",
                           psychologist))
    assert ("Dr Helen Marsh, the educational psychologist, has a reservation about this: the "
            "evidence for Band 5 on thread 8.") in text
    assert "You agree" not in text and "concerns you raised" not in text


def test_why_a_high_focus_period_says_only_what_the_form_says() -> None:
    text = all_text(render("zofia-wisniewska", "hf_iep", "letter_high_focus"))
    assert "progress has not been as good as we hoped" in text
    assert ("Our check of Zosia's needs shows a high level of need in understanding language "
            "and using language.") in text

    def against(raw: dict) -> None:
        raw["high_focus"]["progress_satisfactory"] = True
        raw["high_focus"]["provision_made"] = False
        for row in raw["crisp_threads"]:
            if row.get("band") and int(row["band"]) > 3:
                row["band"] = 3

    text = all_text(render("zofia-wisniewska", "hf_iep", "letter_high_focus", against))
    assert "progress has not been as good" not in text
    assert "We have already given the help" not in text
    assert "shows a high level of need" not in text
    assert "Zosia has made some progress with the help so far" in text
    assert "is still being put in place" in text
    assert "does not show a high level of need in any area yet" in text


def test_the_commitment_whichever_way_the_help_is_paid_for() -> None:
    """Parents should 'understand the commitment to meet their child's needs whether carried
    out through delegated provision or Statement'."""
    text = all_text(render("tomos-llyr-evans", "hf_iep", "letter_high_focus"))
    assert ("Whether the help is paid for from the school's own budget or through a statement, "
            "we are committed to meeting Tom's needs.") in text


def test_a_school_missing_from_the_settings_is_warned_not_printed() -> None:
    pupil = {"school": "Elm Tree School", "dfe_number": "330/9999"}
    assert letterhead.settings_warnings(pupil)[0].startswith(
        "The letters for Elm Tree School have no letterhead address: add the school "
        "(DfE number 330/9999) to ")
    assert letterhead.school_for(pupil).context()["address"] == ""


def test_a_name_in_another_script_is_also_given_in_latin_letters() -> None:
    text = paragraphs(render("aisha-rahman", "hf_review", "review_record"))
    assert "عائشہ (Aisha) Rahman" in text[1]

    def no_latin(raw: dict) -> None:
        raw["pupil"].pop("forename_latin")

    assert ('About the pupil, "Forename in Latin letters": The forename is written in another '
            "script: give it in Latin letters too, so that professionals can read and match "
            "it.") in warnings_of("aisha-rahman", "hf_review", no_latin)


def test_reference_uses_latin_initials() -> None:
    pupil = {"forename": "عائشہ", "forename_latin": "Aisha", "surname": "Rahman"}
    assert letterhead.reference(pupil, "HFR", dt.date(2027, 2, 1)) == "SEN/AR/HFR/2027-02"


def test_a_redacted_letter_has_no_address_and_latin_name_as_initials() -> None:
    from docgen.privacy import redact

    pupil = {"forename": "عائشہ", "forename_latin": "Aisha", "surname": "Rahman",
             "parents": "Mr and Mrs Rahman", "parents_address": "27 Station Road\nBirmingham",
             "upn": "E330200214033", "date_of_birth": dt.date(2013, 5, 30)}
    out = redact({"pupil": pupil, "views": {"pupil": "Aisha likes the club."}})
    assert out["pupil"]["parents_address"] is None
    assert out["views"]["pupil"] == "A. likes the club."
