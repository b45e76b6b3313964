"""The installed command, run as a user would: `docgen demo` on the bundled samples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from tests.docx_helpers import all_text, table_rows

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_demo_writes_every_document_for_every_pupil(tmp_path: Path) -> None:
    # Run from an empty folder, so the installed package (not this checkout) is used.
    result = subprocess.run([sys.executable, "-m", "docgen", "demo", "-o", "out"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "blank-forms").iterdir()) == [
        "crisp-form.docx", "hf_iep-form.docx", "hf_review-form.docx", "iep-form.docx"]
    for folder in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        data = yaml.safe_load((folder / "iep.yaml").read_text("utf-8"))
        pupil = data["pupil"]
        (iep,) = [p for p in (out / folder.name).glob("*-iep.docx")
                  if "-hf-" not in p.name and "-from-" not in p.name]
        content = iep.read_bytes()
        text = all_text(content)
        assert f"{pupil['forename']}" in text and pupil["surname"] in text
        rows = table_rows(content, "Targets")
        assert [r[1] for r in rows[1:]] == [t["what"] for t in data["targets"]]
        assert "The indicative minimum at School Action Plus is 50 minutes per week." in text
        documents = [p for p in (out / folder.name).glob("*.docx")
                     if not p.name.endswith("-form-filled.docx")]
        assert len(documents) >= 10, documents  # IEP, High Focus, review, parents' letters
    assert f"Wrote {Path('out') / 'blank-forms' / 'iep-form.docx'}" in result.stdout
