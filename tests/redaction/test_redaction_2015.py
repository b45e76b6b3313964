"""The SEND Code 2015 framework's redacted copies: the same guarantees as Birmingham's. The
family is found in the 2015 forms' own fields (the parents field, a parent meeting's "Who
came", an annual review's attendees, the pupil among them), every document of every 2015 form
is redacted, and so are the EHC needs assessment request pack and its manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.packs import check_case
from docgen.packs.case import case_identity
from docgen.pipeline import check
from docgen.redaction import identity_of
from docgen.redaction.scanner import scan_paths
from tests.docx_helpers import all_text
from tests.redaction.builders import SECRETS_2015, family_case_2015

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("attended", "family", "staff"), [
    ("Ms Brennan and Mr Doyle (Leo's parents), Mr Ashworth (class teacher), Ms Nair (SENCo)",
     {"Brennan", "Doyle"}, {"Ashworth", "Nair"}),
    ("Mr Karim Nasser (Amira’s dad); Mrs Okoro (teaching assistant)",
     {"Karim", "Nasser"}, {"Okoro"}),
    ("Mum (Layla Haddad)\nMiss Kent (class teacher)", {"Layla", "Haddad"}, {"Kent"}),
    ("Mrs Rahman (her grandmother), Mr Hall (educational psychologist)", {"Rahman"}, {"Hall"}),
])
def test_who_came_to_a_parent_meeting_names_the_family(attended: str, family: set[str],
                                                       staff: set[str]) -> None:
    names = set(identity_of({"meeting": {"attended": attended}}).names)
    assert family <= names
    assert not staff & names


def test_an_annual_review_attendee_who_is_the_pupil_is_the_pupil() -> None:
    identity = identity_of({"pupil": {"forename": "Callum", "surname": "Price"},
                            "attendees": [{"name": "Cal Price", "role": "pupil"},
                                          {"name": "Ms Price", "role": "parent"},
                                          {"name": "Mr Ben Ellis", "role": "careers adviser"},
                                          {"name": "Mr Gareth Lloyd",
                                           "role": "Pupil and School Support teacher"}]})
    assert {"Callum", "Price", "Cal"} <= set(identity.names)
    assert not {"Ben", "Ellis", "Gareth", "Lloyd"} & set(identity.names)


def test_a_redacted_2015_pack_and_its_manifest_leak_nothing(tmp_path: Path) -> None:
    case = family_case_2015(tmp_path / "case")
    out = tmp_path / "pack-redacted.docx"
    result = run("pack", str(case), "-o", str(out), "--redact")
    assert result.exit_code == 0, result.output
    identity = case_identity(check_case(case).case)
    assert {"Amira", "Haddad", "Layla", "Karim", "Nasser"} <= set(identity.names)
    manifest = out.with_suffix(".manifest.json")
    leaks = scan_paths([out, manifest], identity, strict=True)
    assert leaks == [], "\n".join(leak.describe() for leak in leaks)
    text = all_text(out.read_bytes())
    assert "Mrs L. H. and Mr K. N. (A.’s parents), Miss Kent (class teacher)" in text
    assert "and Mrs H. and MR N. agree." in text
    assert "Assessment of A. H." in text
    assert "Mum (L.) and Dad (K. N.) came to every session" in text
    assert "Date of birth: [date of birth removed] ([date of birth removed]). UPN [UPN " \
           "removed]." in text
    document = json.loads(manifest.read_text("utf-8"))
    assert "case_folder" not in document
    assert document["checklist"][0]["item"].startswith("The school's request")
    plain = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(plain)).exit_code == 0
    plain_text = all_text(plain.read_bytes())
    assert all(secret in plain_text for secret in SECRETS_2015[:5])  # the scan can fail
    assert len(scan_paths([plain, plain.with_suffix(".manifest.json")], identity,
                          strict=True)) > 10


def test_every_2015_document_made_with_redact_leaks_nothing(tmp_path: Path) -> None:
    """Each 2015 form of the family's case, and the other 2015 samples: every document
    (plans, one-page profiles, letters, meeting and review records, the request)."""
    case = family_case_2015(tmp_path / "case")
    forms = sorted(case.glob("*.yaml"))
    forms = [f for f in forms if f.name != "case.yaml"]
    forms += sorted((ROOT / "samples" / "send2015").glob("*/*.yaml"))
    made: set[str] = set()
    for number, form in enumerate(forms):
        out = tmp_path / f"out-{number}"
        result = run("make", str(form), "-o", str(out), "--redact")
        assert result.exit_code == 0, result.output
        identity = identity_of(check(form).result.data)
        leaks = scan_paths([out], identity, strict=True)
        assert leaks == [], "\n".join(leak.describe() for leak in leaks)
        made |= {p.name.split("-", 2)[2] for p in out.glob("*.docx")}
    assert made == {
        "letter-annual-review-invitation-redacted.docx", "annual-review-record-redacted.docx",
        "annual-review-report-redacted.docx", "ehc-request-redacted.docx",
        "letter-ehc-request-redacted.docx", "letter-sen-support-redacted.docx",
        "one-page-profile-redacted.docx", "parent-meeting-record-redacted.docx",
        "sen-support-plan-redacted.docx"}
