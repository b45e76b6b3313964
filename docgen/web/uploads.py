"""Uploaded files on their way to the library: names made safe (keeping letters of every
script, so case.yaml's names still match), one .zip of a case folder unpacked within the same
budget as a form, file by file to disk."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from docgen.errors import UnusableInput
from docgen.safe_open import FORM, MB, Package

ZIP_UPLOAD = replace(FORM, what="zip file", kind="a .zip file", parts=500,
                     hint="Make the .zip again from the case folder (in Windows: right-click "
                          "the folder, then Send to, Compressed (zipped) folder).")
MAX_NAME_CHARS = 120
_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name safe on every system: the last part of whatever path was sent, in NFC,
    without control characters or characters Windows forbids, no leading dots, no reserved
    device names, at most MAX_NAME_CHARS characters, its extension kept."""
    base = PureWindowsPath(PurePosixPath(name).name).name
    text = unicodedata.normalize("NFC", base)
    text = "".join("-" if ch in _FORBIDDEN or not ch.isprintable() else ch for ch in text)
    text = text.strip(" .")
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    suffix = suffix[:10]
    stem = stem[:MAX_NAME_CHARS - len(suffix) - 1].strip(" .")
    if not stem:
        stem = fallback
    elif stem.split(".")[0].upper() in _RESERVED:  # CON.docx opens the console on Windows
        stem = f"{fallback}-{stem}"
    return f"{stem}.{suffix}" if suffix else stem


def save_uploads(files: list[Any], folder: Path, limit_bytes: int) -> None:
    """Save uploaded case files (or one .zip of the folder) flat into ``folder``."""
    for upload in files:
        name = safe_name(upload.filename or "")
        if name.lower().endswith(".zip"):
            unpack_zip(upload.stream.read(limit_bytes + 1), upload.filename or name, folder)
        else:
            target = folder / name
            if target.exists():
                raise UnusableInput(f"two of the files are called {name}",
                                    file=upload.filename, hint="Upload each file once.")
            upload.save(target)


def unpack_zip(data: bytes, shown_name: str, folder: Path) -> None:
    """Every file in the .zip (its folders flattened) into ``folder``, within ZIP_UPLOAD's
    budget: refused before anything is inflated when its directory claims too much, and
    stopped as soon as the bytes inflated pass it."""
    package = Package(data, shown_name, ZIP_UPLOAD)
    seen: set[str] = set()
    for entry in package.names:
        if entry.endswith("/") or _skipped(entry):
            continue
        name = safe_name(entry)
        if name.casefold() in seen:
            raise UnusableInput(f"the .zip holds two files called {name}", file=shown_name,
                                hint="Keep one file of each name in the case folder.")
        seen.add(name.casefold())
        package.copy_to(entry, folder / name)


def _skipped(entry: str) -> bool:
    """What an archiver adds beside the files (macOS resource forks, hidden files). A '..'
    is a climb, not a hidden file: like every folder it is flattened away, and the file kept."""
    parts = PurePosixPath(entry).parts
    return any(part == "__MACOSX" or (part.startswith(".") and part not in (".", ".."))
               for part in parts)


__all__ = ["MB", "ZIP_UPLOAD", "safe_name", "save_uploads", "unpack_zip"]
