"""Writes output files atomically and never over an existing file without --force."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path

from docgen.errors import DocgenError, OutputExists


def write_atomic(path: Path, data: bytes, *, force: bool, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    An interrupted write (Ctrl-C, kill, full disk) leaves the old file or the new one, never
    half of one, and removes its temporary file. ``durable`` also flushes the file to disk
    before the rename (so a power cut cannot leave an empty file); a batch run turns it off
    per file and flushes everything once at the end instead.
    """
    if path.exists() and not force:
        raise OutputExists("this file already exists, so docgen did not replace it",
                           file=str(path), hint="Use --force to replace it.")
    _refuse_too_long_for_windows(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_parts(folder, path.name)
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
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _explain(exc, path) from None
        raise


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
