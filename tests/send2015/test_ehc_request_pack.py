"""The school's request for an EHC needs assessment: the pack is refused with what to add when
the CoP 9.14 evidence is missing, built when it is complete, and carries the statutory clock."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from docgen.errors import InvalidInput
from docgen.packs import build_pack, check_case
from docgen.render.checks import ooxml_problems, package_problems
from tests.docx_helpers import all_text
from tests.send2015.conftest import SAMPLES

CASE = SAMPLES / "amira-haddad" / "case"


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(CASE, folder)
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _drop_evidence(case: Path, kind: str) -> None:
    manifest = case / "case.yaml"
    raw = yaml.safe_load(manifest.read_text("utf-8"))
    raw["evidence"] = [e for e in raw["evidence"] if e["kind"] != kind]
    manifest.write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")


def test_the_sample_case_meets_the_default_profile() -> None:
    """CoP 9.14: the evidence the local authority "should pay particular attention to"."""
    check = check_case(CASE)
    assert check.missing == []
    assert check.profile.title == "SEND Code of Practice 0 to 25 (2015), paragraph 9.14"
    assert [i.name for i in check.items] == [
        "The school's request, with the nature, extent and context of the needs",
        "Evidence of attainment (or developmental milestones) and the rate of progress",
        "The action already taken - SEN Support plans and their reviews, at least the last "
        "two cycles",
        "Evidence that progress came only from support over and above the usual - the "
        "individual provision map",
        "Physical, emotional and social development and health, with evidence from "
        "clinicians and other health professionals",
        "The parents' views", "The pupil's views"]


def test_missing_health_evidence_is_refused_with_what_to_add(case: Path,
                                                              tmp_path: Path) -> None:
    """CoP 9.14: "evidence of the child or young person's physical, emotional and social
    development and health needs, drawing on relevant evidence from clinicians and other
    health professionals"."""
    _drop_evidence(case, "health")
    out = tmp_path / "pack.docx"
    result = run("pack", str(case), "-o", str(out))
    assert result.exit_code == 1
    assert "the pack cannot be made; missing:" in result.output
    assert ("Physical, emotional and social development and health, with evidence from "
            "clinicians and other health professionals: add the health professionals' reports "
            "or letters and list each in case.yaml with kind health") in result.output
    assert not out.exists() and not out.with_suffix(".manifest.json").exists()


def test_one_reviewed_plan_is_not_enough(case: Path) -> None:
    """CoP 9.14: "evidence of the action already being taken"; the default profile asks for
    the SEN Support plans and reviews of at least the last two cycles."""
    (case / "sen_support-2.yaml").unlink()
    (case / "sen_support-3.yaml").unlink()
    with pytest.raises(InvalidInput) as refused:
        build_pack(case)
    assert ("The action already taken - SEN Support plans and their reviews, at least the "
            "last two cycles: add the SEN Support plans (sen_support forms) of at least the "
            "last two cycles, each with its review filled in") in refused.value.message


def test_a_plan_without_its_review_does_not_count(case: Path) -> None:
    plan = case / "sen_support-3.yaml"
    data = yaml.safe_load(plan.read_text("utf-8"))
    data["review"] = {}
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (case / "sen_support-2.yaml").unlink()
    assert [m.split(":")[0] for m in check_case(case).missing] == [
        "The action already taken - SEN Support plans and their reviews, at least the last "
        "two cycles"]


def test_missing_attainment_and_a_listed_file_that_is_absent(case: Path) -> None:
    """CoP 9.14: "evidence of the child or young person's academic attainment (or
    developmental milestones in younger children) and rate of progress"."""
    (case / "attainment.docx").unlink()
    missing = check_case(case).missing
    assert missing[0].startswith("Evidence of attainment (or developmental milestones) and "
                                 "the rate of progress: add the attainment")
    assert missing[-1] == ("Attainment and progress since September 2025 (attainment.docx): "
                           "case.yaml lists attainment.docx, which is not in the folder")


def test_the_complete_pack(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    result = run("pack", str(case), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert package_problems(data) == [] and ooxml_problems(out) == []
    text = all_text(data)
    # a covering letter from the school to the authority named in the request
    assert ("The SEND Assessment Team\nNorthmoor Borough Council\nOur reference: "
            "SEN/AH/EHCR/2026-12\n7 December 2026\nDear Sir or Madam,") in text
    assert ("St Anne's Church of England Primary School asks Northmoor Borough Council to carry "
            "out an education, health and care (EHC) needs assessment of Amira Haddad, born 17 "
            "May 2016, Year 5, Unique Pupil Number M330205126002 (Children and Families Act "
            "2014, section 36).") in text
    assert "Mr and Mrs Haddad know of this request and agree with it." in text
    assert "Yours faithfully," in text
    assert "Mrs Helen Carter\nHead teacher" in text
    # the sections open under the headings the contents number, the dates the law sets
    for heading in ("Contents", "Where each item is", "Dates the local authority must keep",
                    "1. The school's request",
                    "2. SEN Support plan 2 from 5 January 2026",
                    "4. SEN Support plan 4 from 7 September 2026",
                    "5. Individual provision map",
                    "6. Meeting with parents on 27 November 2026",
                    "7. Attainment and progress since September 2025 (27 November 2026)",
                    "8. Letter from the community paediatrician (19 March 2026)",
                    "10. Attendance and time out of class (27 November 2026)"):
        assert heading in text, heading
    # the statutory clock, from the day the authority receives the request
    assert "The local authority receives the request on 7 December 2026." in text
    for when in ("18 January 2027", "29 March 2027", "26 April 2027"):
        assert when in text
    # the provision map adds up the adult time of every plan and costs it
    assert "hours of adult time for this pupil" in text
    # no file names, sources or status columns: where each item is, by section
    for leak in ("Files listed but not merged", "attendance.csv", "ehc_request.yaml",
                 "Status", "Present"):
        assert leak not in text, leak
    assert ("The action already taken - SEN Support plans and their reviews, at least the "
            "last two cycles\nSections 2, 3 and 4") in text
    source = docx.Document(str(case / "paediatrician-letter.docx"))
    for paragraph in source.paragraphs:
        assert paragraph.text in text
    manifest = json.loads(out.with_suffix(".manifest.json").read_text("utf-8"))
    assert {f["file"] for f in manifest["files"]} >= {"ehc_request.yaml", "sen_support-2.yaml",
                                                       "attainment.docx", "attendance.csv"}


def test_the_contents_give_each_section_its_page(tmp_path: Path) -> None:
    """The same contents as Birmingham's pack: a PAGEREF field to the bookmark on each
    section's heading, fields updated when Word opens the pack; no source or status column."""
    from docx.oxml.ns import qn

    out = tmp_path / "pack.docx"
    assert run("pack", str(CASE), "-o", str(out)).exit_code == 0
    document = docx.Document(str(out))
    contents = next(t for t in document.tables if t.rows[0].cells[1].text == "Section")
    assert [c.text for c in contents.rows[0].cells] == ["No.", "Section", "Page"]
    marks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    rows = contents.rows[1:]
    assert len(rows) == 10
    for number, row in enumerate(rows, start=1):
        (instruction,) = [t.text.strip() for t in row.cells[2]._tc.iter(qn("w:instrText"))]
        assert instruction == f"PAGEREF docgen_section_{number} \\h"
        assert f"docgen_section_{number}" in marks
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    where = next(t for t in document.tables if t.rows[0].cells[0].text == "Item")
    assert [c.text for c in where.rows[0].cells] == ["Item", "In this pack"]


def test_a_draft_marks_the_gaps(case: Path, tmp_path: Path) -> None:
    _drop_evidence(case, "attainment")
    (case / "attainment.docx").unlink()
    out = tmp_path / "draft.docx"
    result = run("pack", str(case), "-o", str(out), "--draft")
    assert result.exit_code == 0, result.output
    text = all_text(out.read_bytes())
    assert "DRAFT: this pack is incomplete." in text and "MISSING" in text


def test_an_authoritys_own_list_is_a_settings_file(case: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An authority's profile, in a maintainer's folder, chosen by the authority named in the
    request form: here Northmoor also asks for an educational psychologist's advice."""
    from docgen.packs import ehc_request

    own = tmp_path / "own" / "send2015" / "settings"
    own.mkdir(parents=True)
    bundled = yaml.safe_load((ehc_request.SEND_2015.settings_dir() / ehc_request.PROFILES)
                             .read_text("utf-8"))
    bundled["profiles"]["northmoor"] = {
        "title": "Northmoor Borough Council's checklist",
        "authorities": ["Northmoor Borough Council"],
        "items": [*copy.deepcopy(bundled["profiles"]["default"]["items"]),
                  {"key": "ep", "name": "Advice from an educational psychologist",
                   "evidence": ["specialist"], "add": "add the psychologist's advice"}]}
    (own / ehc_request.PROFILES).write_text(yaml.safe_dump(bundled), "utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    check = check_case(case)
    assert check.profile.key == "northmoor" and check.missing == []
    _drop_evidence(case, "specialist")
    (case / "salt-report.docx").unlink()
    assert check_case(case).missing == ["Advice from an educational psychologist: add the "
                                        "psychologist's advice"]
    (case / "case.yaml").write_text((case / "case.yaml").read_text("utf-8")
                                    + "profile: default\n", "utf-8")
    assert check_case(case).missing == []


def test_a_broken_profile_file_names_the_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own" / "send2015" / "settings"
    own.mkdir(parents=True)
    (own / "ehc_request_profiles.yaml").write_text(
        "evidence_kinds: {attainment: Attainment}\nprofiles:\n  default:\n    items:\n"
        "      - {name: Data, evidence: [grades], add: add it}\n", "utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    result = run("pack", str(CASE), "-o", str(tmp_path / "p.docx"))
    assert result.exit_code != 0
    assert "ehc_request_profiles.yaml" in result.output
    assert "profile 'default', item 1: evidence kinds must be some of attainment" in \
        result.output


def test_case_init_from_a_request_writes_the_2015_skeleton(tmp_path: Path) -> None:
    folder = tmp_path / "new-case"
    result = run("case", "init", str(folder), "--from",
                 str(SAMPLES / "amira-haddad" / "ehc_request.yaml"))
    assert result.exit_code == 0, result.output
    raw = yaml.safe_load((folder / "case.yaml").read_text("utf-8"))
    assert raw["framework"] == "send2015" and raw["pupil"]["name"] == "Amira Haddad"
    assert [e["kind"] for e in raw["evidence"]] == ["attainment", "health"]


def test_an_unknown_framework_in_case_yaml_is_refused(case: Path, tmp_path: Path) -> None:
    manifest = case / "case.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("framework: send2015",
                                                            "framework: wales"), "utf-8")
    result = run("pack", str(case), "-o", str(tmp_path / "p.docx"))
    assert result.exit_code == 2
    assert "case.yaml names the framework 'wales', which makes no packs" in result.output
    assert "Use one of: birmingham, send2015" in result.output


def test_a_birmingham_form_in_a_2015_case_is_named(case: Path) -> None:
    shutil.copy(Path(__file__).resolve().parents[2] / "samples" / "tomos-llyr-evans" /
                "iep.yaml", case / "iep.yaml")
    assert "iep.yaml: 'iep' forms are not part of this kind of request pack; move it out " \
           "of the folder" in check_case(case).missing


def test_a_redacted_pack_and_review_carry_no_names(tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    assert run("pack", str(CASE), "-o", str(out), "--redact").exit_code == 0
    text = all_text(out.read_bytes())
    assert "1. The school's request" in text
    for secret in ("Amira", "Haddad", "M330205126002", "17 May 2016"):
        assert secret not in text, secret
    assert run("make", str(SAMPLES / "callum-price" / "annual_review.yaml"), "-o",
               str(tmp_path), "--redact").exit_code == 0
    report = all_text((tmp_path / "P-C-annual-review-report-redacted.docx").read_bytes())
    assert "C. moves from secondary school to a post-16 institution." in report
    for secret in ("Callum", "Cal ", "Price", "C330207826003"):
        assert secret not in report, secret
