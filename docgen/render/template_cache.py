"""Compiled templates kept on disk between runs, in the user's cache folder.

Compiling a template (docxtpl's preprocessing, docgen's checks, Jinja) costs more than the
rest of a ``docgen make`` run and needs python-docx and docxtpl imported. A run that finds the
template compiled already loads Jinja's code for it from one file instead.

A cached file is used only when everything the compiled code depends on is what this run
would compile it with: the template's SHA-256, docgen's version and the source of its
renderer, Python's bytecode format and the installed Jinja, MarkupSafe, docxtpl, python-docx
and lxml (the ``key``). Anything else (another version, a truncated or corrupt file, one
written by another program) is a miss: the template is compiled again and the file
rewritten. The folder is only a cache: deleting it is always safe; a folder docgen may not
write in only means every run compiles. ``DOCGEN_CACHE_DIR`` moves it, and
``DOCGEN_NO_CACHE=1`` turns it off.

The file holds code that Python runs, as Python's own ``__pycache__`` files do, so it is
written only in the user's own folder (made readable by the user alone) and read through the
hardened reader (docgen.safe_open) within a size limit.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from docgen.errors import DocgenError, UnusableInput

if TYPE_CHECKING:
    from docgen.render.engine import CompiledTemplate

ENV_DIR = "DOCGEN_CACHE_DIR"
ENV_OFF = "DOCGEN_NO_CACHE"
_HEADER = b"docgen compiled template\n"
_FORMAT = 1  # the layout of the file below; changing it makes every old file a miss
_SUFFIX = ".compiled"
_LARGEST = 60_000_000  # a template is at most 50 MB; its compiled form is not much more
_KEPT = 200  # files kept; the oldest written go first (templates edited many times)
# docgen's own modules whose code decides what a compiled template is.
_SOURCES = ("render", "forms/ns.py", "forms/text.py", "__init__.py")
# Installed packages the compiled code or the compile itself depends on: a file each whose
# size and time change when another version is installed.
_PACKAGES = ("jinja2", "markupsafe", "docxtpl", "docx", "lxml")


def cache_dir(environ: dict[str, str] | None = None, platform: str | None = None,
              home: Path | None = None) -> Path | None:
    """Where compiled templates are kept, or None when the cache is turned off."""
    environ = dict(os.environ) if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get(ENV_OFF, "").strip() not in ("", "0"):
        return None
    if environ.get(ENV_DIR):
        return Path(environ[ENV_DIR])
    home = Path.home() if home is None else home
    if platform == "win32":
        base = environ.get("LOCALAPPDATA")
        root = Path(base) if base else home / "AppData" / "Local"
        return root / "docgen" / "Cache" / "templates"
    if platform == "darwin":
        return home / "Library" / "Caches" / "docgen" / "templates"
    base = environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else home / ".cache"  # XDG: relative is invalid
    return root / "docgen" / "templates"


def cache_file(folder: Path, digest: str) -> Path:
    return folder / f"{digest}{_SUFFIX}"


def load(path: Path, digest: str, env: Any) -> CompiledTemplate | None:
    """The compiled template for the template with this SHA-256, if the cache holds one
    this run may use; None otherwise (a miss, whatever the reason)."""
    folder = cache_dir()
    if folder is None:
        return None
    fields = _read(cache_file(folder, digest))
    if fields is None or fields[1] != key() or fields[2] != digest:
        return None
    return _rebuild(path, digest, env, fields)


def store(compiled: CompiledTemplate) -> None:
    """Keep ``compiled`` for later runs; quietly nothing when the folder cannot be written
    (the next run compiles again)."""
    folder = cache_dir()
    if folder is None:
        return
    payload = marshal.dumps((_FORMAT, key(), compiled.digest, _parts(compiled),
                             compiled.static, compiled.layout.state()))
    data = _HEADER + hashlib.sha256(payload).digest() + payload
    with contextlib.suppress(OSError, DocgenError):
        _write(cache_file(folder, compiled.digest), data)
        _prune(folder)


@cache
def key() -> str:
    """What a compiled template depends on besides the template itself."""
    import importlib.util

    import docgen

    digest = hashlib.sha256()
    for item in (_FORMAT, docgen.__version__, sys.version, importlib.util.MAGIC_NUMBER.hex()):
        digest.update(f"{item}\n".encode())
    package = Path(docgen.__file__).parent
    for source in _SOURCES:
        place = package / source
        for file in sorted(place.glob("*.py")) if place.is_dir() else [place]:
            digest.update(file.name.encode() + b"\n" + file.read_bytes())
    for name in _PACKAGES:
        digest.update(_installed(name).encode())
    return digest.hexdigest()


def _installed(name: str) -> str:
    """The package's place, size and time, found without importing it (importing docxtpl
    is what a cached template saves)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return f"{name}: none\n"
    status = os.stat(spec.origin)
    return f"{name}: {spec.origin} {status.st_size} {status.st_mtime_ns}\n"


def _parts(compiled: CompiledTemplate) -> tuple:
    return tuple((part.name, part.code, part.lined, part.fix_grid, part.drawings,
                  part.counts_output) for part in compiled.parts.values())


def _read(file: Path) -> tuple | None:
    """The file's fields, or None when it is not there, not whole or not docgen's."""
    from docgen.safe_open.files import read_file

    try:
        data = read_file(file, _LARGEST, "compiled template")
    except (UnusableInput, OSError):
        return None
    start = len(_HEADER) + 32
    if not data.startswith(_HEADER) or len(data) <= start:
        return None
    payload = data[start:]
    if hashlib.sha256(payload).digest() != data[len(_HEADER):start]:
        return None  # truncated or changed since it was written
    try:
        fields = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not (isinstance(fields, tuple) and len(fields) == 6 and fields[0] == _FORMAT):
        return None
    return fields


def _rebuild(path: Path, digest: str, env: Any, fields: tuple) -> CompiledTemplate | None:
    from docgen.render.engine import CompiledPart, CompiledTemplate
    from docgen.render.zipcopy import PackageLayout

    _, _, _, parts, static, layout = fields
    if not (_well_formed(parts) and _is_dict_of(static, bytes) and isinstance(layout, tuple)
            and len(layout) == 2 and isinstance(layout[0], list)
            and _is_dict_of(layout[1], tuple)):
        return None  # of this docgen's key, but not what it writes: a miss like any other
    compiled = {
        name: CompiledPart.from_code(env, name, code, lined, fix_grid=fix_grid,
                                     drawings=drawings, counts_output=counts_output)
        for name, code, lined, fix_grid, drawings, counts_output in parts}
    return CompiledTemplate.restored(path, digest, compiled, static,
                                     PackageLayout.from_state(layout))


def _well_formed(parts: Any) -> bool:
    return isinstance(parts, tuple) and all(
        isinstance(part, tuple) and len(part) == 6 and isinstance(part[0], str)
        and isinstance(part[1], CodeType) and isinstance(part[2], str)
        and all(isinstance(flag, bool) for flag in part[3:]) for part in parts)


def _is_dict_of(value: Any, kind: type) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, kind) for k, v in value.items())


def _write(file: Path, data: bytes) -> None:
    from docgen.render.write import write_temporary

    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = write_temporary(file, data)
    try:
        os.replace(temp, file)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _prune(folder: Path) -> None:
    """Keep the newest ``_KEPT`` files: each edit of a template leaves its old compile."""
    with os.scandir(folder) as entries:
        files = [entry for entry in entries if entry.name.endswith(_SUFFIX)]
    if len(files) <= _KEPT:
        return
    files.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in files[:-_KEPT]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
