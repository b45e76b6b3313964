"""PDF copies through LibreOffice, when it is installed (headless, one profile per call)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from docgen.errors import DocgenError, MissingTool
from docgen.render.soffice import find_soffice, install_hint, user_installation

TIMEOUT_SECONDS = 180


def soffice_path() -> str | None:
    return find_soffice()


def to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert one .docx to PDF in ``out_dir``; return the PDF's path."""
    program = soffice_path()
    if program is None:
        raise MissingTool("LibreOffice is not installed, so no PDF was made",
                          hint=f"{install_hint()} The Word documents were made anyway.")
    target = out_dir / f"{docx.stem}.pdf"
    # A fresh profile per call: parallel conversions never share LibreOffice's lock files.
    with tempfile.TemporaryDirectory(prefix="docgen-lo-") as profile, \
            tempfile.TemporaryDirectory(prefix="docgen-pdf-", dir=out_dir) as staging:
        try:
            subprocess.run(
                [program, user_installation(Path(profile)), "--headless",
                 "--convert-to", "pdf", "--outdir", staging, str(docx)],
                check=False, capture_output=True, timeout=TIMEOUT_SECONDS,
                # no console window flashing up from the windowed app on Windows
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except subprocess.TimeoutExpired:
            raise DocgenError("LibreOffice took too long to make the PDF",
                              file=str(docx)) from None
        made = Path(staging) / f"{docx.stem}.pdf"
        # LibreOffice exits 0 even when the conversion fails: the file is the only proof.
        if not made.is_file() or made.stat().st_size == 0:
            raise DocgenError("LibreOffice could not make a PDF of this document",
                              file=str(docx), hint="Open it in Word or LibreOffice and save "
                              "it as PDF by hand.")
        made.replace(target)
    return target
