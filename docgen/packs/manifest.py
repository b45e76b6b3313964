"""The JSON manifest beside a pack: every item, its source file and SHA-256."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from docgen import __version__
from docgen.packs.checklist import CaseCheck


def sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


MERGED_SUFFIXES = (".docx", ".csv")


def manifest(check: CaseCheck, pack: Path, pack_bytes: bytes, *, redacted: bool = False
             ) -> bytes:
    """The manifest's JSON. Beside a redacted pack it is redacted too: names as initials in
    every file name, title and checklist line, and no case folder path (a folder is often
    named after the pupil)."""
    folder = check.case.folder
    files = []
    for form in check.included_forms:
        files.append({"file": form.path.name, "kind": f"{form.form} form",
                      "date": form.date.isoformat(), "sha256": sha256(form.path),
                      "in_pack": "rendered"})
    for item in check.case.evidence:
        entry = {"file": item.file.name, "kind": item.kind, "title": item.title,
                 "date": item.date.isoformat() if item.date else None}
        if item.data is not None:  # the bytes read and checked, not the file read again
            entry["sha256"] = hashlib.sha256(item.data).hexdigest()
            # a Word document is merged, a CSV merged as a table, anything else enclosed
            entry["in_pack"] = ("merged" if item.file.suffix.lower() in MERGED_SUFFIXES
                                else "enclosed")
        else:
            entry["in_pack"] = "missing"
        files.append(entry)
    document = {
        "pack": {"file": pack.name, "sha256": hashlib.sha256(pack_bytes).hexdigest()},
        "case_folder": str(folder),
        "made": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "docgen_version": __version__,
        "checklist": [{"item": i.name, "present": i.present, "source": i.source}
                      for i in check.items],
        "files": files,
    }
    if redacted:
        document = _redacted(document, check)
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _redacted(document: dict, check: CaseCheck) -> dict:
    from docgen.packs.case import case_identity
    from docgen.redaction import Finder

    finder = Finder(case_identity(check.case))
    document.pop("case_folder")

    def scrub(value: object) -> object:
        if isinstance(value, str):
            return finder.redact(value)
        if isinstance(value, dict):
            return {key: scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [scrub(item) for item in value]
        return value

    return scrub(document)  # type: ignore[return-value]
