"""Writes output files atomically, never over an existing file without --force, and never
over a file the command read (an input), with or without --force."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from docgen.errors import DocgenError, OutputExists


def write_atomic(path: Path, data: bytes, *, force: bool, durable: bool = True,
                 inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    An interrupted write (Ctrl-C, kill, full disk) leaves the old file or the new one, never
    half of one, and removes its temporary file. ``durable`` also flushes the file to disk
    before the rename (so a power cut cannot leave an empty file); a batch run turns it off
    per file and flushes everything once at the end instead. ``inputs`` are the files the
    command read: ``path`` is never one of them, even with ``force``.
    """
    refuse_inputs(path, inputs)
    if path.is_dir():
        raise OutputExists("this is a folder, so docgen cannot write a file under this name",
                           file=str(path), hint="Give the name of the file to write, for "
                                                f"example {path / 'document.docx'}.")
    if path.exists() and not force:
        raise OutputExists("this file already exists, so docgen did not replace it",
                           file=str(path), hint="Use --force to replace it.")
    _refuse_too_long_for_windows(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_parts(folder, path.name)
    except OSError as exc:
        raise _explain(exc, path) from None
    temp = write_temporary(path, data, durable=durable)
    try:
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _explain(exc, path) from None
        raise


def require_folder(path: Path) -> None:
    """OutputExists if ``path`` (given with -o as the folder for the documents) is a file."""
    if path.exists() and not path.is_dir():
        raise OutputExists("this is a file, not a folder, so docgen cannot put documents in "
                           "it", file=str(path),
                           hint="Give a folder with -o (docgen makes it if it is not there).")


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """OutputExists if ``path`` is (the same file as) one of ``inputs``: the form, data file
    or evidence a command read is the only copy of what someone wrote."""
    if not path.exists():
        return
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(path, source):
                raise OutputExists(
                    "this is the file docgen is reading, so docgen will not write over it, "
                    "even with --force", file=str(path),
                    hint="Choose another folder (or file name) for what docgen makes.")


def write_temporary(path: Path, data: bytes, *, durable: bool = False) -> Path:
    """``data`` in a new temporary file beside ``path`` (``.NAME.xxxxxxxx.part``), not yet
    renamed: a batch run decides where each document goes once every input's names are
    known. The caller renames or removes it."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=folder, prefix=f".{path.name}.", suffix=".part", delete=False
        )
    except OSError as exc:
        raise _explain(exc, path) from None
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _explain(exc, path) from None
        raise
    return temp


def is_temporary(name: str) -> bool:
    """A temporary file docgen writes (``.NAME.xxxxxxxx.part``), which a run killed outright
    may leave behind."""
    if not (name.startswith(".") and name.endswith(".part")):
        return False
    stem, _, random = name[1:-len(".part")].rpartition(".")
    return bool(stem) and len(random) == 8  # tempfile's eight random characters


# The temporary file beside the target: '.' + NAME + '.' + 8 random characters + '.part'.
PART_OVERHEAD = 15


def _refuse_too_long_for_windows(path: Path) -> None:
    """Windows (without long-path support) and Word cannot open a file whose full path is
    over 259 characters: refuse before writing one that nobody could open."""
    from docgen.filenames import WINDOWS_MAX_PATH, too_long_for_windows

    if sys.platform != "win32":
        return
    full = os.path.abspath(path)
    if too_long_for_windows(full, PART_OVERHEAD):
        raise DocgenError(
            f"this file's full path is {len(full)} characters long: Windows and Word open "
            f"at most {WINDOWS_MAX_PATH - PART_OVERHEAD} here, so docgen did not write it",
            file=full, hint="Choose a folder nearer the top of the drive (for example "
            "C:\\SEN), or a shorter folder name, with -o.")


def _remove_stale_parts(folder: Path, name: str) -> None:
    """A run killed outright (SIGKILL, power cut) cannot tidy up; the next write of the same
    file removes what it left. Only docgen's own '.NAME.*.part' files match."""
    prefix = f".{name}."
    # os.scandir and plain string tests, not glob: glob compiles a pattern for every name,
    # which was a tenth of a batch run's time.
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        stale = [entry.path for entry in entries
                 if entry.name.startswith(prefix) and entry.name.endswith(".part")
                 and len(entry.name) >= len(prefix) + len(".part")]
    for path in stale:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _explain(exc: OSError, path: Path) -> DocgenError:
    if sys.platform == "win32" and exc.errno == errno.EACCES and path.exists():
        # Windows refuses to replace a file another program holds open, as Word does.
        return DocgenError("docgen could not replace this file: it is probably open in Word "
                           "or another program", file=str(path),
                           hint="Close it there and try again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DocgenError("docgen may not write in this folder", file=str(path),
                           hint="Choose another folder with -o, or ask for write access.")
    if exc.errno == errno.ENOSPC:
        return DocgenError("the disk is full, so the file was not written", file=str(path),
                           hint="Free some space and run docgen again.")
    return DocgenError(f"the file could not be written: {exc.strerror or exc}", file=str(path))
