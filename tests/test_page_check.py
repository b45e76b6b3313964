"""The page check: every demo document printed through LibreOffice and read as a reader would.

The rules are tested on small made-up pages (each must be able to fail); then the whole demo
is printed and must pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.page_check import (
    Line,
    Printed,
    broken_header_words,
    check,
    contents_pages,
    contents_rows,
    engineering_text,
    near_empty_pages,
    run,
    signature_block,
)

HEAD = "Tomos Llŷr-Evans · Confidential"
FOOT = "Page 2 of 3"
BODY = "The review looked at the evidence for each thread of concern and agreed the bands."


def _doc(pages: list[str], kind: str = "review_record", lines=None, header_words=()) -> Printed:
    return Printed("x.docx", kind, pages, lines or [[] for _ in pages], set(header_words))


def test_a_page_with_only_header_footer_and_a_row_is_near_empty() -> None:
    page = f"{HEAD}\nNo   Item\n10   New review date\n{FOOT}"
    (finding,) = near_empty_pages(_doc([BODY * 3, page]))
    assert finding.page == 2 and "almost no body text" in finding.problem
    assert list(near_empty_pages(_doc([BODY * 3]))) == []


def test_a_header_word_broken_across_lines_is_found() -> None:
    lines = [[Line("Thread Ban Provision", 0, 10), Line("d", 10, 20)]]
    (finding,) = broken_header_words(_doc([BODY], lines=lines, header_words={"Band"}))
    assert "'Band' is broken across lines" in finding.problem
    whole = [[Line("Thread Band Provision", 0, 10)]]
    assert list(broken_header_words(_doc([BODY], lines=whole, header_words={"Band"}))) == []


@pytest.mark.parametrize("leak", ["{{ pupil.name }}", "{%p if x %}", "value null here",
                                  "schemas/settings/delegation.yaml", "hf_iep.yaml",
                                  "see salt-report.docx", "reading-tests.csv"])
def test_engineering_text_is_found(leak: str) -> None:
    (finding, *_) = engineering_text(_doc([f"{BODY} {leak}"]))
    assert "engineering text" in finding.problem


def test_plain_text_with_emails_and_dates_is_not_engineering() -> None:
    page = f"{BODY} office@greenhill.example.sch.uk, www.greenhill.example.sch.uk, 8.9.2026"
    assert list(engineering_text(_doc([page]))) == []


def _letter(gap: float, before: int = 5) -> Printed:
    lines = [Line(f"body line {n}", n * 14, n * 14 + 12) for n in range(before)]
    top = before * 14
    lines += [Line("Yours sincerely,", top, top + 12),
              Line("Mr Kwame Asante", top + 12 + gap, top + 24 + gap),
              Line("Special educational needs coordinator (SENCo)", top + 26 + gap, top + 38 + gap)]
    return _doc([BODY * 3], kind="letter_review_outcome", lines=[lines])


def test_a_letter_needs_space_to_sign_and_company_on_its_page() -> None:
    assert list(signature_block(_letter(gap=50))) == []
    (no_space,) = signature_block(_letter(gap=2))
    assert no_space.problem == "no space to sign under the sign-off"
    (alone,) = signature_block(_letter(gap=50, before=0))
    assert alone.problem == "the sign-off is alone on its page"
    (missing,) = signature_block(_doc([BODY], kind="letter_high_focus", lines=[[]]))
    assert missing.problem == "a letter without a signature block"
    assert list(signature_block(_doc([BODY], kind="hf_iep"))) == []  # not a letter


def test_pack_contents_need_page_numbers_that_are_right() -> None:
    cover = "Contents\nNo.   Section                         Page\n1     High Focus IEP      2\n"
    right = _doc([cover, "1. High Focus IEP\n" + BODY], kind="pack")
    assert list(contents_pages(right)) == []
    wrong = _doc([cover, BODY, "1. High Focus IEP"], kind="pack")
    (finding,) = contents_pages(wrong)
    assert "is on page 2, but it is not" in finding.problem
    (none,) = contents_pages(_doc(["Contents\n1   High Focus IEP\n", BODY], kind="pack"))
    assert none.problem == "the contents have no page numbers"


def test_reader_text_rules() -> None:
    page = ("The parents have no role because: none. Health: None identified: fine. "
            "IEP from 08 September 2026. Total 63.3 minutes a week. Attendance 95.8%. 9.15am.")
    problems = [f.problem for f in check(_doc([page * 3]))]
    assert "a system sentence: 'no role because:'" in problems
    assert "a system sentence: 'h: None identified: '" in problems
    assert "a date not written as 8 September 2026: '08 September 2026'" in problems
    assert "a number of minutes that is not whole: '63.3'" in problems
    assert not [p for p in problems if "95.8" in p or "9.15" in p]


def test_code_paragraphs_and_money_are_not_minutes() -> None:
    page = ("This plan follows the SEND Code of Practice (paragraphs 6.44 to 6.56). Needs in "
            "the four areas (SEND Code of Practice 6.28 to 6.35); the evidence in SEND Code of "
            "Practice 0 to 25 (2015), paragraph 9.14; CoP 6.65. Cost £1,234.50, £85.31. "
            "Shared by the group: 33.3 minutes a week.")
    problems = [f.problem for f in check(_doc([page * 2]))]
    assert problems == ["a number of minutes that is not whole: '33.3'"] * 2


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler print the pages")
def test_every_demo_document_passes_the_page_check(tmp_path: Path) -> None:
    """Both frameworks' demo documents, every one of them, with nothing let through."""
    printed, findings = run(tmp_path)
    kinds = {doc.kind for doc in printed}
    assert {"letter_high_focus", "letter_review_invitation", "letter_review_outcome", "pack",
            "leaflet", "review_agenda", "contact_attempts", "form-hf_iep", "crisp_record",
            "iep_review_record"} <= kinds  # Birmingham
    assert {"letter_sen_support", "letter_ehc_request", "letter_annual_review_invitation",
            "ehc_request_pack", "sen_support_plan", "one_page_profile",
            "parent_meeting_record", "ehc_request", "annual_review_record",
            "annual_review_report", "form-sen_support", "form-annual_review"} <= kinds  # 2015
    assert [str(f) for f in findings] == []
    for kind in ("pack", "ehc_request_pack"):  # the pack rules ran on both packs, and passed
        pack = next(doc for doc in printed if doc.kind == kind)
        assert contents_rows(pack.pages) and list(signature_block(pack)) == []


def test_the_gallery_lists_each_framework_under_its_own_heading(tmp_path: Path) -> None:
    from tools.page_check import _gallery_readme

    _gallery_readme(tmp_path, [("Following the Code (Birmingham)", tmp_path / "iep.png"),
                               ("SEND Code of Practice 2015", tmp_path / "sen-support-plan.png")])
    text = (tmp_path / "README.md").read_text("utf-8")
    birmingham = text.index("## Following the Code (Birmingham)")
    send2015 = text.index("## SEND Code of Practice 2015")
    assert birmingham < text.index("| iep | ![iep](iep.png) |") < send2015
    assert send2015 < text.index("| sen-support-plan | ![sen-support-plan](sen-support-plan.png) |")
