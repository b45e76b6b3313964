"""The installed command, run as a user would: `docgen demo` on the bundled samples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from docgen.frameworks import BIRMINGHAM
from tests.docx_helpers import all_text, table_rows


def test_demo_writes_every_document_for_every_pupil(tmp_path: Path) -> None:
    # Run from an empty folder, so the installed package (not this checkout) is used.
    result = subprocess.run([sys.executable, "-m", "docgen", "demo", "-o", "out"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "blank-forms").glob("*.docx")) == [
        "crisp-form.docx", "hf_iep-form.docx", "hf_review-form.docx", "iep-form.docx",
        "iep_review-form.docx"]
    for folder in BIRMINGHAM.sample_pupils():
        data = yaml.safe_load((folder / "iep.yaml").read_text("utf-8"))
        pupil = data["pupil"]
        (iep,) = [p for p in (out / folder.name).glob("*-iep.docx")
                  if "-hf-" not in p.name and "-from-" not in p.name]
        content = iep.read_bytes()
        text = all_text(content)
        assert f"{pupil['forename']}" in text and pupil["surname"] in text
        rows = table_rows(content, "Targets")
        assert [r[1] for r in rows[1:]] == [t["what"] for t in data["targets"]]
        assert "The indicative minimum at School Action Plus is 50 minutes a week." in text
        # every form makes a document: the CRISP form its record, the IEP review its record
        assert len(list((out / folder.name).glob("*-crisp-record.docx"))) == 1
        assert len(list((out / folder.name).glob("*-iep-review-record.docx"))) == 1
        documents = [p for p in (out / folder.name).glob("*.docx")
                     if not p.name.endswith("-form-filled.docx")]
        assert len(documents) >= 10, documents  # IEP, High Focus, review, parents' letters
    assert f"Wrote {Path('out') / 'blank-forms' / 'iep-form.docx'}" in result.stdout
    _every_2015_document(out / "send2015")


def _every_2015_document(out: Path) -> None:
    """The SEND Code of Practice 2015 framework's own folder: its blank forms, and every
    document for each of its three sample pupils, the request pack included."""
    assert sorted(p.name for p in (out / "blank-forms").glob("*.docx")) == [
        "annual_review-form.docx", "ehc_request-form.docx", "parent_meeting-form.docx",
        "sen_support-form.docx"]
    made = {folder.name: sorted(p.name for p in folder.glob("*.docx")
                                if not p.name.endswith("-form-filled.docx"))
            for folder in out.iterdir() if folder.name != "blank-forms"}
    assert made == {
        "leo-brennan": ["Brennan-Leo-letter-sen-support.docx",
                        "Brennan-Leo-one-page-profile.docx",
                        "Brennan-Leo-parent-meeting-record.docx",
                        "Brennan-Leo-sen-support-plan.docx"],
        "amira-haddad": ["Haddad-Amira-ehc-request.docx", "Haddad-Amira-letter-ehc-request.docx",
                         "Haddad-Amira-one-page-profile.docx",
                         "Haddad-Amira-parent-meeting-record.docx",
                         "Haddad-Amira-sen-support-plan.docx",
                         "ehc-needs-assessment-request-pack.docx"],
        "callum-price": ["Price-Callum-annual-review-record.docx",
                         "Price-Callum-annual-review-report.docx",
                         "Price-Callum-letter-annual-review-invitation.docx"],
    }
    pack = all_text((out / "amira-haddad" / "ehc-needs-assessment-request-pack.docx")
                    .read_bytes())
    # every pack's sections open under "N. Title", numbered as in its contents
    assert "5. Individual provision map" in pack
