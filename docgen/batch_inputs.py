"""What a batch run reads: the inputs under a folder (forms, data files, case folders), the
files each of them reads, and their content digests."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from docgen.inputs import DATA_SUFFIXES, WORD_SUFFIXES
from docgen.render.write import is_temporary

CASE_MANIFEST = "case.yaml"
# What a batch run makes of a case folder (in the case's own folder of the output).
PACK = "statutory-request-pack.docx"
PACK_MANIFEST = "statutory-request-pack.manifest.json"


def discover(root: Path, *, outputs: Path | None = None) -> list[Path]:
    """Forms and data files under ``root``, and case folders (a folder with case.yaml, made
    into a request pack as a whole); not hidden files or folders, nor Word's lock files, nor
    the ``outputs`` folder when it is inside ``root`` (its documents are not inputs)."""
    skip = _inside(outputs, root) if outputs is not None else None
    cases: list[Path] = []
    files: list[Path] = []
    # os.walk prunes hidden folders and case folders without visiting what is inside them
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        if CASE_MANIFEST in names:
            cases.append(here)
            subfolders.clear()
            continue
        subfolders[:] = [d for d in subfolders if not d.startswith(_HIDDEN)
                         and (here / d).relative_to(root) != skip]
        files.extend(here / name for name in names
                     if not name.startswith(_HIDDEN) and _is_input(here / name))
    return sorted(cases) + sorted(files)


_HIDDEN = (".", "~$")


def _inside(folder: Path, root: Path) -> Path | None:
    """``folder`` relative to ``root`` if it is inside it (``-o`` may be written either way)."""
    try:
        return folder.resolve().relative_to(root.resolve())
    except ValueError:
        return None


_INPUT_SUFFIXES = WORD_SUFFIXES | DATA_SUFFIXES


def _is_input(path: Path) -> bool:
    return path.suffix.lower() in _INPUT_SUFFIXES and path.is_file()


def digest_of(path: Path) -> str:
    if path.is_dir():  # a case folder: every file in it counts, but the pack made into it
        digest = hashlib.sha256()
        for item in _case_files(path):
            digest.update(item.name.encode())
            digest.update(_file_digest(item))
        return digest.hexdigest()
    return _file_digest(path).hex()


def _file_digest(path: Path) -> bytes:
    """A file's SHA-256, read in chunks (an input far over docgen's limits is refused by the
    reader, not held in memory here)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").digest()


def templates_fingerprint() -> str:
    """One digest of every template in use (bundled, or a maintainer's own, which win): a
    document is out of date when its template changed, not only when its input did."""
    from docgen.documents import all_documents, template_file

    digest = hashlib.sha256()
    for path in sorted({template_file(document) for document in all_documents().values()}):
        digest.update(path.name.encode())
        if path.is_file():
            digest.update(_file_digest(path))  # streamed, as inputs are
    return digest.hexdigest()


def files_read(inputs: list[Path]) -> list[Path]:
    """Every file a run reads: the inputs, and everything inside each case folder but the
    pack a run into the register made there."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(_case_files(path))
        else:
            found.append(path)
    return found


def _case_files(case: Path) -> list[Path]:
    return sorted(p for p in case.rglob("*") if p.is_file()
                  and p.name not in (PACK, PACK_MANIFEST) and not is_temporary(p.name))
