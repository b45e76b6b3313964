"""What every framework's pack opens with, without rendering it: the covering letter to the
authority's team, signed by the head teacher and the SENCo, the contents, and where in the
pack each item the guidance asks for is."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.frameworks import SEND_2015
from docgen.packs.case import Case
from docgen.packs.checklist import CaseCheck, Item
from docgen.packs.cover import MISSING, Section, checklist_rows, opening_pages
from docgen.packs.ehc_request import check_case

AMIRA = Path(__file__).resolve().parents[2] / "samples" / "send2015" / "amira-haddad" / "case"


def test_the_covering_letter_goes_to_the_authoritys_team_and_is_signed_by_both() -> None:
    check = check_case(AMIRA)
    data = check.review.checked.data
    sections = [Section("The school's request", check.review.path, b"docx", True),
                Section("Speech report (24 June 2026)", AMIRA / "salt-report.docx", None)]
    context = {"pupil": "kept"}
    returned = opening_pages(context, data, check, framework=SEND_2015, code="EHCR",
                             authority_name="Northmoor Borough Council", sections=sections,
                             enclosures=["Hearing test (3 November 2026)"], draft=True)
    assert returned is context and context["pupil"] == "kept"
    letter = context["letter"]
    assert letter["recipient"] == ["The SEND Assessment Team", "Northmoor Borough Council"]
    assert letter["salutation"] == "Sir or Madam"
    assert letter["reference"] == "SEN/AH/EHCR/2026-12"
    assert letter["signatory"] == "Mrs Joanne Whitfield"
    assert letter["school"]["name"] == "St Anne's Church of England Primary School"
    assert context["head_teacher"] == "Mrs Helen Carter"
    assert context["framework"] == "send2015"
    assert context["authority"]["statutory_team"] == "The SEND Assessment Team"
    assert context["authority"]["parent_advice"].endswith("(SENDIASS)")
    assert context["draft"] is True
    assert context["sections"] == [
        {"number": "1", "title": "The school's request", "missing": False},
        {"number": "2", "title": "Speech report (24 June 2026)", "missing": True}]
    assert context["checklist"][0] == {
        "item": "The school's request, with the nature, extent and context of the needs",
        "where": "Section 1"}
    assert context["enclosures"] == ["Hearing test (3 November 2026)"]


def test_an_authority_not_yet_named_leaves_the_team_alone_on_the_address() -> None:
    check = check_case(AMIRA)
    context = opening_pages({}, check.review.checked.data, check, framework=SEND_2015,
                            code="EHCR", authority_name="", sections=[], enclosures=[],
                            draft=False)
    assert context["letter"]["recipient"] == ["The SEND Assessment Team"]
    assert (context["draft"], context["sections"], context["enclosures"]) == (False, [], [])


def test_each_item_says_which_sections_hold_it(tmp_path: Path) -> None:
    a, b, c, d = (tmp_path / name for name in ("a.yaml", "b.yaml", "c.docx", "d.pdf"))
    sections = [Section("A", a, b"x", True), Section("B", b, b"x", True),
                Section("Map", None, b"x", True), Section("C", c, None),
                Section("B again", b, b"x", True)]
    items = [Item("One section", True, [a]), Item("Two sections", True, [a, b]),
             Item("Three sections", True, [b, a]),
             Item("A gap in a draft", True, [c]), Item("Sent separately", True, [d]),
             Item("Nothing from a file", True, []), Item("Not there", False, [a])]
    check = CaseCheck(Case(tmp_path), items, None, None, [])
    assert checklist_rows(check, sections) == [
        {"item": "One section", "where": "Section 1"},
        {"item": "Two sections", "where": "Sections 1, 2 and 5"},
        {"item": "Three sections", "where": "Sections 1, 2 and 5"},
        {"item": "A gap in a draft", "where": "Sent with this pack"},
        {"item": "Sent separately", "where": "Sent with this pack"},
        {"item": "Nothing from a file", "where": "Sent with this pack"},
        {"item": "Not there", "where": MISSING}]
    assert MISSING == "MISSING"


def test_two_sections_are_joined_with_and(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    check = CaseCheck(Case(tmp_path), [Item("Reviews", True, [a, b])], None, None, [])
    rows = checklist_rows(check, [Section("A", a, b"x"), Section("B", b, b"x")])
    assert rows == [{"item": "Reviews", "where": "Sections 1 and 2"}]


def test_the_letter_is_addressed_to_the_team_at_the_authoritys_own_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own" / "send2015" / "settings"
    own.mkdir(parents=True)
    (own / "authority.yaml").write_text(
        "statutory_team: The EHC Assessment Team\n"
        "statutory_team_address: [County Hall, Market Street, Northmoor NM1 1AA]\n", "utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    check = check_case(AMIRA)
    context = opening_pages({}, check.review.checked.data, check, framework=SEND_2015,
                            code="EHCR", authority_name="Northmoor Borough Council",
                            sections=[], enclosures=[], draft=False)
    assert context["letter"]["recipient"] == [
        "The EHC Assessment Team", "Northmoor Borough Council", "County Hall",
        "Market Street", "Northmoor NM1 1AA"]


def test_the_letterhead_is_the_frameworks_school() -> None:
    check = check_case(AMIRA)
    context = opening_pages({}, check.review.checked.data, check, framework=SEND_2015,
                            code="EHCR", authority_name="", sections=[], enclosures=[],
                            draft=False)
    assert context["letter"]["school"] == {
        "name": "St Anne's Church of England Primary School",
        "address": "Church Street, Northmoor, NM2 7SA",
        "contact": "Telephone 0121 496 0404 · office@stannes.example.sch.uk",
        "head_teacher": "Mrs Helen Carter", "has_logo": False}
