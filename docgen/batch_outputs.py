"""Where a batch run's documents go: every input's documents survive, none is written over an
input, and none replaces a document someone edited, without --force.

Workers write each document to a temporary file beside its place. The parent then places the
inputs one by one in the order of their names, so what happens is the same whatever order the
workers finished in:

- a name another input owns (it made that file in an earlier run, or claimed it earlier in
  this run) or that is an input itself gets a name made from this input's file name
  (``Evans-Tomos-iep-from-iep-autumn.docx``), and the index keeps it, so re-runs give the
  same names;
- a file already there that this input did not make (or made, and someone has changed
  since) is only replaced with --force; without it the input fails and says why, and none of
  its documents is placed (an input's documents are placed all together or not at all).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from docgen.documents import slug
from docgen.render.write import is_temporary


@dataclass
class Planned:
    """One document a worker made: where it should go and where it waits."""

    name: str  # relative to the output folder, e.g. "pupil/Evans-Tomos-iep.docx"
    temporary: str  # absolute path of the temporary file
    sha256: str


@dataclass
class Placer:
    """Decides every document's final name, for one run."""

    out_dir: Path
    force: bool
    inputs: list[str]  # every input of the run (relative), each may own names
    previous: dict[str, dict]  # the index of the last run: input -> its entry
    reserved: Identities = field(default_factory=lambda: Identities())  # every input's
    claimed: Claims = field(default_factory=lambda: Claims())  # names -> input

    def __post_init__(self) -> None:
        live = set(self.inputs) if self.previous else set()
        for source, entry in self.previous.items():
            if source in live:
                for name in entry.get("outputs", []):
                    self.claimed.claim(_key(name), source, replace=False)

    def reserve(self, paths: Iterable[Path | str]) -> None:
        """Files the run reads: never written over, with or without --force."""
        for path in paths:
            with contextlib.suppress(OSError):
                self.reserved.add(_identity(os.stat(path)))

    def close(self) -> None:
        """Let the run's bookkeeping go now, with the temporary file SQLite may have
        spilled it to."""
        self.reserved.close()
        self.claimed.close()

    def keep(self, source: str, names: list[str]) -> None:
        """An input skipped as unchanged still owns its documents."""
        for name in names:
            self.claimed.claim(_key(name), source)

    def place(self, source: str, planned: list[Planned]
              ) -> tuple[list[tuple[Planned, str]], str]:
        """Rename each temporary file to its final name; return each document with its name
        and, when nothing could be placed, why (the temporary files are then removed)."""
        final: list[tuple[Planned, str]] = []
        for document in planned:
            name = self._free_name(source, document.name, [n for _, n in final])
            if name is None:
                return self._give_up(planned, f"{document.name}: another input's document, "
                                              "or an input, already has this name")
            problem = self._blocked(source, name)
            if problem:
                return self._give_up(planned, problem)
            final.append((document, name))
        for document, name in final:
            # Names as strings, not Paths, in what is done for every document: pathlib
            # interns each part of every path it parses, which a run of 20,000 inputs keeps.
            os.replace(document.temporary, os.path.join(self.out_dir, name))
            self.claimed.claim(_key(name), source)
        return final, ""

    def _free_name(self, source: str, name: str, taken: list[str]) -> str | None:
        """The document's own name, or one made from the input's file name when that one
        belongs to another input (or is an input)."""
        stem, suffix = _split(name)
        own = Path(source)
        for candidate in (name, f"{stem}-from-{slug(own.stem)}{suffix}",
                          f"{stem}-from-{slug(own.name)}{suffix}"):
            if (self.claimed.free_for(_key(candidate), source) and candidate not in taken
                    and not self._is_input(candidate)):
                return candidate
        return None

    def _is_input(self, name: str) -> bool:
        try:
            info = os.stat(os.path.join(self.out_dir, name))
        except OSError:
            return False
        return _identity(info) in self.reserved

    def _blocked(self, source: str, name: str) -> str:
        """Why an existing file may not be replaced ('' when it may)."""
        target = self.out_dir / name
        if self.force or not target.exists():
            return ""
        made = self.previous.get(source, {}).get("made", {})
        if name in made:
            if made[name] == _sha256(target):
                return ""
            return (f"{target}: this document was changed after docgen made it, so docgen did "
                    "not replace it. Use --force to replace it, or move your copy elsewhere.")
        if name in self.previous.get(source, {}).get("outputs", []):
            return ""  # made by an earlier docgen that did not record what it wrote
        return (f"{target}: this file already exists and docgen did not make it from this "
                "input, so docgen did not replace it. Use --force to replace it, or move it "
                "elsewhere.")

    def _give_up(self, planned: list[Planned], why: str
                 ) -> tuple[list[tuple[Planned, str]], str]:
        for document in planned:
            with contextlib.suppress(OSError):
                os.unlink(document.temporary)
        return [], why


def _identity(info: os.stat_result) -> int:
    """A file's device and inode as one number."""
    return info.st_dev << 64 | info.st_ino


class _Table:
    """A private temporary SQLite database: its memory is bounded by its page cache (what is
    over spills to a temporary file SQLite deletes itself), so a run of 20,000 inputs keeps
    its bookkeeping in about as little memory as a run of 100. Only digests and numbers go
    in it, never a name."""

    def __init__(self, create: str):
        import sqlite3

        self.db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA cache_size = -512")  # KB
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(create)

    def close(self) -> None:
        self.db.close()


class Identities(_Table):
    """A set of files' identities (``_identity``)."""

    def __init__(self) -> None:
        super().__init__("CREATE TABLE reserved (id BLOB PRIMARY KEY) WITHOUT ROWID")

    def add(self, identity: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO reserved VALUES (?)", (_bytes(identity),))

    def __contains__(self, identity: int) -> bool:
        return self.db.execute("SELECT 1 FROM reserved WHERE id = ?",
                               (_bytes(identity),)).fetchone() is not None


def _bytes(identity: int) -> bytes:
    return identity.to_bytes((identity.bit_length() + 8) // 8, "big")


class Claims(_Table):
    """Which input owns each document name (by ``_key``); the owner is kept as a digest of
    its name."""

    def __init__(self) -> None:
        super().__init__("CREATE TABLE claims (name BLOB PRIMARY KEY, owner BLOB) WITHOUT ROWID")

    def free_for(self, key: bytes, source: str) -> bool:
        """True when no input but ``source`` owns the name."""
        row = self.db.execute("SELECT owner FROM claims WHERE name = ?", (key,)).fetchone()
        return row is None or row[0] == _owner(source)

    def claim(self, key: bytes, source: str, *, replace: bool = True) -> None:
        verb = "REPLACE" if replace else "IGNORE"  # IGNORE: the first owner keeps it
        self.db.execute(f"INSERT OR {verb} INTO claims VALUES (?, ?)", (key, _owner(source)))


def _owner(source: str) -> bytes:
    """An input's name as a digest, exactly (inputs whose names differ only in case are two
    inputs where the file system tells them apart)."""
    return _digest(source)


def _key(name: str) -> bytes:
    """Names compared as Windows and macOS compare them (case-insensitively), so two
    documents can never meet in one file there either; kept as a digest of the folded name
    (a third of the name's own size: a run keeps one for every document)."""
    return _digest(name.replace("\\", "/").casefold())


def _digest(name: str) -> bytes:
    """A name as 16 bytes; a name Python could not decode (a folder's or a file's, on Linux)
    is kept as its escapes, so it is told apart from every other name."""
    return hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _split(name: str) -> tuple[str, str]:
    path = Path(name)
    suffixes = ".manifest.json" if name.endswith(".manifest.json") else path.suffix
    return name[: len(name) - len(suffixes)], suffixes


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def remove_leftovers(out_dir: Path) -> None:
    """Temporary files a killed run left in the output folder (docgen's own names only)."""
    for folder, _, names in os.walk(out_dir):
        for name in names:
            if is_temporary(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))
