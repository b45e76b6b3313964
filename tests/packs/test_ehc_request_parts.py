"""The 2015 Code's request pack, step by step: the evidence profiles a maintainer may replace,
each item of the checklist with the files that meet it, the profile a case chooses, the
sections and their order, and what the pack refuses."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from docgen.errors import InvalidInput, TemplateProblem
from docgen.packs import ehc_request
from docgen.packs.ehc_request import build_pack, check_case, sections_for, settings, skeleton
from docgen.packs.manifest import manifest as pack_manifest
from tests.docx_helpers import all_text, paragraphs

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "send2015" / "amira-haddad"
CASE = SAMPLE / "case"
PLANS = ["sen_support-2.yaml", "sen_support-3.yaml", "sen_support-4.yaml"]


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(CASE, folder)
    return folder


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def own_profiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    folder = tmp_path / "own" / "send2015" / "settings"
    folder.mkdir(parents=True)
    (folder / ehc_request.PROFILES).write_text(text, "utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    return folder / ehc_request.PROFILES


def items(check) -> list[tuple[str, bool, list[str]]]:
    return [(i.name.split(",")[0].split(" - ")[0], i.present, [p.name for p in i.sources])
            for i in check.items]


# ---- the evidence profiles -----------------------------------------------------------------

def test_the_bundled_kinds_and_the_codes_own_profile() -> None:
    kinds, profiles = settings()
    assert kinds == {
        "attainment": "Attainment and progress data",
        "health": "Health and development evidence from clinicians",
        "specialist": "Advice from a specialist (educational psychologist, therapist, "
                      "advisory teacher)",
        "attendance": "Attendance record", "pupil_views": "The pupil's views",
        "parents_views": "The parents' views", "report": "Other report"}
    assert list(profiles) == ["default"]


@pytest.mark.parametrize(("text", "refusal"), [
    # kinds that are not a mapping
    ("evidence_kinds: [attainment]\nprofiles: {}\n", "cannot be used"),
    ("profiles: {default: [\n", "cannot be read"),  # not YAML
    ("# nothing yet\n", "cannot be used"),  # empty: no default profile
])
def test_profiles_docgen_cannot_use_are_refused_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, refusal: str) -> None:
    path = own_profiles(tmp_path, monkeypatch, text)
    with pytest.raises(TemplateProblem) as caught:
        settings()
    assert caught.value.file == str(path)
    assert caught.value.message.startswith(f"the EHC request evidence profiles {refusal}: ")


# ---- each item and the files that meet it --------------------------------------------------

def test_each_item_with_the_files_that_meet_it() -> None:
    check = check_case(CASE)
    assert items(check) == [
        ("The school's request", True, ["ehc_request.yaml"]),
        ("Evidence of attainment (or developmental milestones) and the rate of progress", True,
         ["attainment.docx"]),
        ("The action already taken", True, PLANS),
        ("Evidence that progress came only from support over and above the usual", True,
         ["ehc_request.yaml"]),
        ("Physical", True, ["paediatrician-letter.docx"]),
        ("The parents' views", True, ["ehc_request.yaml"]),
        ("The pupil's views", True, ["ehc_request.yaml"])]
    assert check.review.path.name == "ehc_request.yaml" and check.window_start is None
    assert [(f.path.name, f.date) for f in check.included_forms] == [
        ("sen_support-2.yaml", dt.date(2026, 1, 5)), ("sen_support-3.yaml", dt.date(2026, 4, 20)),
        ("sen_support-4.yaml", dt.date(2026, 9, 7)),
        ("parent_meeting-2026-11-27.yaml", dt.date(2026, 11, 27)),
        ("ehc_request.yaml", dt.date(2026, 12, 7))]


def test_a_plan_whose_review_is_not_held_is_not_a_source(case: Path) -> None:
    edit(case / "sen_support-3.yaml", lambda data: data.update(review={}))
    check = check_case(case)
    assert items(check)[2] == ("The action already taken", True,
                               ["sen_support-2.yaml", "sen_support-4.yaml"])
    assert check.missing == []
    edit(case / "sen_support-4.yaml", lambda data: data["review"].update(held=None))
    (action,) = [i for i in check_case(case).items if i.name.startswith("The action")]
    assert (action.present, [p.name for p in action.sources]) == (False, ["sen_support-2.yaml"])


def test_evidence_listed_but_not_in_the_folder_meets_nothing(case: Path) -> None:
    (case / "paediatrician-letter.docx").unlink()
    check = check_case(case)
    health = check.items[4]
    assert (health.present, health.sources) == (False, [])
    assert check.items[-1].name == (
        "Letter from the community paediatrician (paediatrician-letter.docx)")
    assert check.missing[-2:] == [
        "Physical, emotional and social development and health, with evidence from clinicians "
        "and other health professionals: add the health professionals' reports or letters and "
        "list each in case.yaml with kind health",
        "Letter from the community paediatrician (paediatrician-letter.docx): case.yaml lists "
        "paediatrician-letter.docx, which is not in the folder"]


def test_without_a_request_form_nothing_is_met_from_it(case: Path) -> None:
    (case / "ehc_request.yaml").unlink()
    check = check_case(case)
    assert check.review is None and check.profile.key == "default"
    assert items(check) == [
        ("The school's request", False, []),
        ("Evidence of attainment (or developmental milestones) and the rate of progress", True,
         ["attainment.docx"]),
        ("The action already taken", True, PLANS),
        ("Evidence that progress came only from support over and above the usual", False, []),
        ("Physical", True, ["paediatrician-letter.docx"]),
        ("The parents' views", False, []), ("The pupil's views", False, [])]


# ---- the profile a case chooses ------------------------------------------------------------

NORTHMOOR = """evidence_kinds: {attainment: Attainment, health: Health, specialist: Specialist,
  attendance: Attendance}
profiles:
  default:
    title: The Code
    items:
      - {key: request, name: The request, forms: {type: ehc_request, at_least: 1}, add: add it}
  northmoor:
    title: Northmoor's list
    authorities: [Northmoor Borough Council]
    items:
      - {key: request, name: The request, forms: {type: ehc_request, at_least: 1}, add: add it}
      - {key: ep, name: Psychologist, evidence: [specialist], add: add the advice}
"""


def test_the_latest_request_names_the_authority_whose_list_is_used(
        case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_profiles(tmp_path, monkeypatch, NORTHMOOR)
    earlier = case / "ehc_request-earlier.yaml"
    shutil.copy(case / "ehc_request.yaml", earlier)

    def elsewhere(data: dict) -> None:
        data["request"].update(authority="Southdale Council", received=dt.date(2026, 6, 1))

    edit(earlier, elsewhere)
    check = check_case(case)
    assert check.profile.key == "northmoor" and check.review.path.name == "ehc_request.yaml"
    assert items(check) == [("The request", True, ["ehc_request-earlier.yaml",
                                                   "ehc_request.yaml"]),
                            ("Psychologist", True, ["salt-report.docx"])]
    edit(earlier, lambda data: data["request"].update(received=dt.date(2027, 1, 4)))
    assert check_case(case).profile.key == "default"  # the later request's authority


def test_a_profile_case_yaml_names_that_does_not_exist(case: Path) -> None:
    manifest = case / "case.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "profile: leeds\n", "utf-8")
    with pytest.raises(InvalidInput) as caught:
        check_case(case)
    assert caught.value.format_message() == (
        f"{manifest}: case.yaml: there is no profile 'leeds' (known: default)")


# ---- the sections and their order ----------------------------------------------------------

def test_the_request_each_plan_the_map_the_meetings_then_the_evidence() -> None:
    sections, enclosures = sections_for(check_case(CASE))
    assert [(s.title, s.source.name if s.source else None, s.ours) for s in sections] == [
        ("The school's request", "ehc_request.yaml", True),
        ("SEN Support plan 2 from 5 January 2026", "sen_support-2.yaml", True),
        ("SEN Support plan 3 from 20 April 2026", "sen_support-3.yaml", True),
        ("SEN Support plan 4 from 7 September 2026", "sen_support-4.yaml", True),
        ("Individual provision map", None, True),
        ("Meeting with parents on 27 November 2026", "parent_meeting-2026-11-27.yaml", True),
        ("Attainment and progress since September 2025 (27 November 2026)",
         "attainment.docx", False),
        ("Letter from the community paediatrician (19 March 2026)",
         "paediatrician-letter.docx", False),
        ("Speech and language therapy report (24 June 2026)", "salt-report.docx", False),
        ("Attendance and time out of class (27 November 2026)", "attendance.csv", False)]
    assert enclosures == []
    assert [paragraphs(s.data)[:2] for s in sections[:6]] == [
        ["Request for an EHC needs assessment", "Amira Haddad · to Northmoor Borough Council"],
        ["SEN Support plan", "Amira Haddad · plan 2 · 5 January 2026 to 27 March 2026"],
        ["SEN Support plan", "Amira Haddad · plan 3 · 20 April 2026 to 17 July 2026"],
        ["SEN Support plan", "Amira Haddad · plan 4 · 7 September 2026 to 27 November 2026"],
        ["Individual provision map", "Amira Haddad · St Anne's Church of England Primary School"],
        ["Our meeting about Amira", "Amira Haddad · St Anne's Church of England Primary School"]]


def test_without_plans_there_is_no_provision_map(case: Path) -> None:
    for name in PLANS:
        (case / name).unlink()
    titles = [s.title for s in sections_for(check_case(case))[0]]
    assert titles[:2] == ["The school's request", "Meeting with parents on 27 November 2026"]
    assert "Individual provision map" not in titles


# ---- what the pack refuses -----------------------------------------------------------------

def test_a_pack_with_something_missing_is_refused_listing_it(case: Path) -> None:
    (case / "attainment.docx").unlink()
    with pytest.raises(InvalidInput) as caught:
        build_pack(case)
    assert caught.value.format_message() == (
        f"{case}: the pack cannot be made; missing:\n"
        "  - Evidence of attainment (or developmental milestones) and the rate of progress: add "
        "the attainment and progress data and list it in case.yaml with kind attainment\n"
        "  - Attainment and progress since September 2025 (attainment.docx): case.yaml lists "
        "attainment.docx, which is not in the folder\n"
        "Add each item (or use --draft to see the pack with the gaps marked).")


def test_a_draft_needs_the_request_form(case: Path) -> None:
    (case / "ehc_request.yaml").unlink()
    with pytest.raises(InvalidInput) as caught:
        build_pack(case, draft=True)
    assert caught.value.format_message() == (
        f"{case}: the case folder has no request form (ehc_request)\n"
        "Add the filled request form.")


def test_a_redacted_pack_gives_the_pupil_as_initials() -> None:
    text = all_text(build_pack(CASE, redacted=True))
    for secret in ("Amira", "Haddad", "M330205126002"):
        assert secret not in text, secret
    assert "1. The school's request" in text


def test_a_draft_marks_the_gap_where_the_evidence_would_be(case: Path) -> None:
    (case / "attainment.docx").unlink()
    text = all_text(build_pack(case, draft=True))
    assert ("7. Attainment and progress since September 2025 (27 November 2026)\n"
            "MISSING: this item is not in the case folder yet.") in text
    assert "DRAFT: this pack is incomplete." in text


def test_a_new_case_folder_names_the_pupil() -> None:
    text = skeleton("Amira Haddad")
    assert text.startswith("# The case folder for Amira Haddad's request for an EHC needs "
                           "assessment")
    raw = yaml.safe_load(text)
    assert raw["framework"] == "send2015" and raw["pupil"] == {"name": "Amira Haddad"}


def test_a_pack_of_a_folder_alone_is_the_full_pack_with_names() -> None:
    text = all_text(build_pack(CASE))
    assert "Amira Haddad · to Northmoor Borough Council" in text
    assert "DRAFT" not in text


def test_a_redacted_draft_marks_its_gaps(case: Path) -> None:
    (case / "attainment.docx").unlink()
    text = all_text(build_pack(case, draft=True, redacted=True))
    assert "DRAFT: this pack is incomplete." in text
    assert "Amira" not in text


def test_evidence_that_cannot_be_merged_is_listed_as_sent_with_the_pack(case: Path) -> None:
    (case / "hearing.pdf").write_bytes(b"%PDF-1.4 a hearing test")
    manifest = case / "case.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "  - {kind: health, title: Hearing test, "
                        "date: 2026-11-03, file: hearing.pdf}\n", "utf-8")
    text = all_text(build_pack(case))
    assert "Hearing test (3 November 2026)" in text
    assert "Sent with this pack as separate files: Hearing test (3 November 2026)." in text


def test_the_manifest_records_a_listed_file_that_is_absent_as_not_present(case: Path) -> None:
    (case / "salt-report.docx").unlink()
    document = json.loads(pack_manifest(check_case(case), case / "pack.docx", b"pack"))
    assert document["checklist"][-1] == {
        "item": "Speech and language therapy report (salt-report.docx)", "present": False,
        "source": ""}
