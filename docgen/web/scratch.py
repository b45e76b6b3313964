"""The page's own temporary folder: uploads live there only while a request is answered, and
whatever a server that died mid-request left there is removed when the next one starts.

Each running server holds a lock on a file in its folder (``flock`` on POSIX, ``msvcrt``
locking on Windows), released by the system however the server ends; a folder whose lock can
be taken belongs to no running server and is removed.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import IO

_LOCK_NAME = ".lock"
_UNLOCKED_GRACE = 60  # seconds a new folder may take to get its lock
_state: dict[str, object] = {}
_guard = threading.Lock()


def run_folder() -> Path:
    """This process's scratch folder, made (and older servers' leftovers removed) on first
    use; removed when the process exits."""
    with _guard:
        folder = _state.get("folder")
        if isinstance(folder, Path) and folder.is_dir():
            return folder
        root = _root()
        remove_leftovers(root)
        folder = Path(tempfile.mkdtemp(prefix="run-", dir=root))
        _state["folder"], _state["lock"] = folder, _hold_lock(folder)
        atexit.register(_remove, folder)
        return folder


def _root() -> Path:
    """``docgen-web-USER`` in the system's temporary folder, private to this user; a fresh
    private folder instead if that name is taken by someone else or is a link."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    root = Path(tempfile.gettempdir()) / f"docgen-web-{user}"
    with contextlib.suppress(FileExistsError):
        root.mkdir(mode=0o700)
    info = root.lstat()
    if root.is_symlink() or not root.is_dir() or (
            hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return Path(tempfile.mkdtemp(prefix="docgen-web-"))
    return root


def remove_leftovers(root: Path) -> list[Path]:
    """Remove the run folders under ``root`` that no running server holds."""
    removed = []
    for folder in root.iterdir() if root.is_dir() else []:
        if folder.is_dir() and not folder.is_symlink() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    try:
        handle = (folder / _LOCK_NAME).open("r+b")
    except FileNotFoundError:  # being made this moment, or made by a server killed then
        return _age(folder) > _UNLOCKED_GRACE
    except OSError:
        return False
    with handle:
        try:
            _lock(handle)
        except OSError:
            return False  # a running server holds it
        _unlock(handle)
        return True


def _age(folder: Path) -> float:
    import time

    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return 0.0


def _hold_lock(folder: Path) -> IO[bytes]:
    handle = (folder / _LOCK_NAME).open("a+b")
    _lock(handle)
    return handle  # kept open (and locked) for the life of the process


def _lock(handle: IO[bytes]) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: IO[bytes]) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _remove(folder: Path) -> None:
    lock = _state.pop("lock", None)
    if lock is not None:
        with contextlib.suppress(OSError):
            lock.close()  # type: ignore[attr-defined]
    shutil.rmtree(folder, ignore_errors=True)
    _state.pop("folder", None)


def request_folder(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A folder for one request's uploads, removed when the request is answered (and by the
    next server's start if this one dies first)."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=run_folder())
