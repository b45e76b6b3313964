"""Grouping pupils, the providers found through the framework registry, small helpers."""

from __future__ import annotations

import datetime as dt

from docgen.caseload.build import assemble
from docgen.caseload.docx_kit import xml_text
from docgen.caseload.grouping import group_pupils, normal_upn
from docgen.caseload.ics import escape, fold
from docgen.caseload.model import FormFacts, Identity, NotUsed
from docgen.caseload.providers import provider_of
from docgen.frameworks import BIRMINGHAM, SEND_2015, all_frameworks

D = dt.date
ANN = Identity("Ann", "Able", D(2018, 1, 5), "K330200116007", "3")


def form(identity: Identity, source: str) -> FormFacts:
    return FormFacts(source, "crisp", "birmingham", identity, {})


def test_every_framework_registers_a_deadlines_provider() -> None:
    assert BIRMINGHAM.deadlines == "docgen.caseload.birmingham:PROVIDER"
    assert SEND_2015.deadlines == "docgen.caseload.send2015:PROVIDER"
    for framework in all_frameworks():
        provider = provider_of(framework.key)
        assert provider is not None
        assert provider.extract("a form it does not know", {}) is None


def test_upns_are_compared_without_spaces_or_case() -> None:
    assert normal_upn(" k330 2001 16007 ") == "K330200116007"
    pupils = group_pupils([form(ANN, "a.yaml"),
                           form(Identity("ANN", "able", D(2018, 1, 5), "k330 200116007", "3"),
                                "b.yaml")])
    assert len(pupils) == 1 and len(pupils[0].forms) == 2


def test_one_name_and_birthday_under_two_upns_is_flagged_not_merged() -> None:
    other = Identity("Ann", "Able", D(2018, 1, 5), "N330200117012", "3")
    caseload = assemble([form(ANN, "a.yaml"), form(other, "b.yaml")], D(2026, 11, 30))
    assert len(caseload.pupils) == 2
    for pupil in caseload.pupils:
        assert pupil.status is not None
        assert "The same name and date of birth appear under another UPN: check the UPN on " \
               "each form" in pupil.status.checks


def test_a_form_with_errors_shows_in_its_pupils_row() -> None:
    broken = NotUsed("ann-iep.yaml", "the form has 1 problem to put right (The plan)",
                     Identity("Ann", "Able", D(2018, 1, 5), "", "3"))
    caseload = assemble([form(ANN, "a.yaml"), broken], D(2026, 11, 30))
    assert caseload.pupils[0].status.checks == [
        "ann-iep.yaml not used: the form has 1 problem to put right (The plan)"]
    assert caseload.not_used == [broken]


def test_calendar_text_is_escaped_and_folded_by_octets() -> None:
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    line = "SUMMARY:" + "ŷ" * 60  # 2 octets each
    folded = fold(line).split("\r\n ")
    assert "".join(folded) == line
    assert all(len(part.encode()) <= 75 for part in folded)
    assert fold("SHORT:x") == "SHORT:x"


def test_text_xml_cannot_hold_is_dropped() -> None:
    assert xml_text("a\x01b\tc\x0bd") == "ab\tcd"


def test_a_copy_of_a_form_in_another_folder_counts_once() -> None:
    original = FormFacts("Year 3/ann/crisp.yaml", "crisp", "birmingham", ANN,
                         {"kind": "crisp", "bands": {1: 3}, "crisp_date": D(2026, 9, 1)},
                         [("CRISP assessment", "Agreed by")])
    copy = FormFacts("backup/crisp.yaml", "crisp", "birmingham", ANN, dict(original.facts),
                     list(original.warnings))
    caseload = assemble([original, copy], D(2026, 11, 30))
    pupil = caseload.pupils[0]
    assert [f.source for f in pupil.forms] == ["Year 3/ann/crisp.yaml"]
    assert pupil.status.checks == [
        "CRISP Assessment Record form: 1 warning: CRISP assessment (Agreed by)",
        "backup/crisp.yaml is a copy of Year 3/ann/crisp.yaml: counted once"]


def test_an_unexpected_error_reading_one_file_is_listed(tmp_path, monkeypatch) -> None:
    from docgen.caseload import birmingham
    from docgen.caseload.reading import read_one
    from tests.caseload.registers import school_register

    register = school_register(tmp_path / "register")

    def broken(data: object) -> dict:
        raise KeyError("plan")

    monkeypatch.setitem(birmingham.EXTRACTORS, "iep", broken)
    result = read_one(register, "ben.yaml")
    assert result == NotUsed("ben.yaml", "docgen met a problem it did not expect reading this "
                             "file (KeyError); please report it")
