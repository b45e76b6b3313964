"""What a batch run reads: the inputs under a folder (forms, data files, case folders), the
files each of them reads, and their content digests."""

from __future__ import annotations

import hashlib
import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
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
    return [root / name for name in discover_names(root, outputs=outputs)]


def discover_names(root: Path, *, outputs: Path | None = None) -> Names:
    """``discover``'s inputs as names relative to ``root`` (POSIX; "." for ``root`` itself
    as a case folder), in the same order: case folders, then files, each sorted as paths
    sort. Found with os.scandir as plain strings and kept in one buffer: a ``Path`` for every
    input and folder of a 20,000-input register costs megabytes at once (and pathlib interns
    every folder name it parses in a table that never shrinks), and 20,000 strings of their
    own over twice what the buffer does."""
    skip = _inside(outputs, root) if outputs is not None else None
    found = _Found(os.path.normcase(skip.as_posix()) if skip is not None else None)
    found.walk(os.fspath(root))
    found.cases.extend(found.files)
    return found.cases


_HIDDEN = (".", "~$")
_FOLDER, _FILE = "\0d", "\0f"  # a folder's entries as name + kind: sorted as the names sort


class _Found:
    """A walk of the register, depth first with each folder's entries sorted by name (so
    the names come out in the order sorting their paths gives), that never descends into
    hidden folders, symbolic links to folders (as os.walk), case folders or the outputs.
    Iterative: a deep tree cannot exhaust Python's recursion limit."""

    def __init__(self, skip: str | None):
        self.skip = skip
        self.cases = Names()
        self.files = Names()

    def walk(self, root: str) -> None:
        listing = self._open(root, "")
        stack = [listing] if listing else []
        while stack:
            folder, relative, entries = stack[-1]
            for entry in entries:
                name = f"{relative}/{entry[:-2]}" if relative else entry[:-2]
                if entry.endswith(_FILE):
                    self.files.append(name)
                elif os.path.normcase(name) != self.skip and (
                        listing := self._open(os.path.join(folder, entry[:-2]), name)):
                    stack.append(listing)
                    break
            else:
                stack.pop()

    def _open(self, path: str, relative: str) -> tuple[str, str, Iterator[str]] | None:
        """The folder's entries to walk (inputs and folders to enter, each as name + kind),
        or None when it is a case folder (then noted) or cannot be listed (passed over, as
        os.walk does)."""
        entries: list[str] = []
        case = False
        try:
            with os.scandir(path) as listing:
                for entry in listing:
                    folder = _is_folder(entry)
                    case = case or (entry.name == CASE_MANIFEST and not folder)
                    if entry.name.startswith(_HIDDEN):
                        continue
                    if folder:
                        if not entry.is_symlink():  # as os.walk: listed, not entered
                            entries.append(entry.name + _FOLDER)
                    elif _has_input_suffix(entry.name) and _is_file(entry):
                        entries.append(entry.name + _FILE)
        except OSError:
            return None
        if case:
            self.cases.append(relative or ".")
            return None
        entries.sort(key=os.path.normcase)  # as paths compare: case-insensitively on Windows
        return path, relative, iter(entries)


class Names(Sequence[str]):
    """A list of names (a run's inputs) kept in one buffer, UTF-8 (with any character a
    file name may hold), and given back as strings one at a time: 20,000 names take under
    half of what 20,000 strings in a list do, and leave no small objects behind to keep
    the heap's pages in use."""

    def __init__(self, names: Iterable[str] = ()):
        self._data = bytearray()
        self._ends = array("Q")
        self.extend(names)

    def append(self, name: str) -> None:
        self._data += name.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def extend(self, names: Iterable[str]) -> None:
        for name in names:
            self.append(name)

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index):  # type: ignore[override] - int -> str, slice -> list
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("name index out of range")
        start = self._ends[index - 1] if index else 0
        return self._data[start:self._ends[index]].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield self._data[start:end].decode("utf-8", "surrogatepass")
            start = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str) or not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment] - mutable, as a list

    def __repr__(self) -> str:
        return f"Names({list(self)!r})"


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _inside(folder: Path, root: Path) -> Path | None:
    """``folder`` relative to ``root`` if it is inside it (``-o`` may be written either way)."""
    try:
        return folder.resolve().relative_to(root.resolve())
    except ValueError:
        return None


_INPUT_SUFFIXES = WORD_SUFFIXES | DATA_SUFFIXES


def _has_input_suffix(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in _INPUT_SUFFIXES


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
    return [Path(path) for path in input_files(Path(), map(os.fspath, inputs))]


def input_files(root: Path, names: Iterable[str]) -> Iterator[str]:
    """``files_read`` for inputs given by name, one path (a string) at a time: a run never
    holds a ``Path`` for each of its files at once."""
    base = os.fspath(root)
    for name in names:
        path = os.path.join(base, name)
        if os.path.isdir(path):
            yield from map(os.fspath, _case_files(Path(path)))
        else:
            yield path


def _case_files(case: Path) -> list[Path]:
    return sorted(p for p in case.rglob("*") if p.is_file()
                  and p.name not in (PACK, PACK_MANIFEST) and not is_temporary(p.name))
