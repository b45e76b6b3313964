"""Forms saved by LibreOffice (the real program): they still read back to the same data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from docgen.forms.filling import fill_form
from docgen.forms.reader import LAYOUT_NOTE, FormReading, read_form
from tests.unit.forms.builders import (
    CRISP,
    CRISP_BLANK,
    CRISP_DATA,
    IEP,
    IEP_BLANK,
    IEP_DATA,
    NSMAP,
    document_xml,
)

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui); "
           "these tests save forms with it")

INPUTS = {
    "iep-word.docx": fill_form(IEP_BLANK, IEP, IEP_DATA),
    "iep-libreoffice.docx": fill_form(IEP_BLANK, IEP, IEP_DATA, style="libreoffice"),
    "crisp-word.docx": fill_form(CRISP_BLANK, CRISP, CRISP_DATA),
    "iep-blank.docx": IEP_BLANK,
}


def soffice(folder: Path, target: str, names: list[str]) -> Path:
    """Convert files with a throwaway profile; LibreOffice exits 0 even when it fails."""
    out = folder / target
    out.mkdir()
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", target, "--outdir", str(out), *(str(folder / n) for n in names)],
        capture_output=True, timeout=300, check=False)
    return out


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("libreoffice")
    for name, data in INPUTS.items():
        (folder / name).write_bytes(data)
    return soffice(folder, "docx", list(INPUTS))


def _read(saved: Path, name: str) -> FormReading:
    path = saved / name
    assert path.is_file(), f"LibreOffice did not write {name}"
    return read_form(path)


def test_word_filled_form_saved_by_libreoffice(saved: Path) -> None:
    reading = _read(saved, "iep-word.docx")
    assert reading.data == IEP_DATA
    assert LAYOUT_NOTE in reading.notes
    root = document_xml((saved / "iep-word.docx").read_bytes())
    assert root.xpath("//w:sdtPr/w:tag", namespaces=NSMAP) == []  # why the layout is needed


def test_form_filled_in_libreoffice_and_saved(saved: Path) -> None:
    assert _read(saved, "iep-libreoffice.docx").data == IEP_DATA


def test_fixed_table_saved_by_libreoffice(saved: Path) -> None:
    assert _read(saved, "crisp-word.docx").data == CRISP_DATA


def test_blank_form_saved_by_libreoffice_is_still_empty(saved: Path) -> None:
    reading = _read(saved, "iep-blank.docx")
    assert reading.form == "iep"
    assert reading.data == {"pupil": {}, "plan": {"school_action_first": False},
                            "targets": [], "provision": [], "views": {},
                            "contact_log": []}


def test_blank_form_opens_and_prints(tmp_path: Path) -> None:
    (tmp_path / "iep.docx").write_bytes(IEP_BLANK)
    pdf = soffice(tmp_path, "pdf", ["iep.docx"]) / "iep.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
