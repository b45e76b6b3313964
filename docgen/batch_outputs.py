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
    reserved: set[int] = field(default_factory=set)  # _identity() of every input
    claimed: dict[bytes, str] = field(default_factory=dict)  # _key(name) -> input

    def __post_init__(self) -> None:
        live = set(self.inputs)
        for source, entry in self.previous.items():
            if source in live:
                for name in entry.get("outputs", []):
                    self.claimed.setdefault(_key(name), source)

    def reserve(self, paths: list[Path]) -> None:
        """Files the run reads: never written over, with or without --force."""
        for path in paths:
            with contextlib.suppress(OSError):
                info = path.stat()
                self.reserved.add(_identity(info))

    def keep(self, source: str, names: list[str]) -> None:
        """An input skipped as unchanged still owns its documents."""
        for name in names:
            self.claimed[_key(name)] = source

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
            self.claimed[_key(name)] = source
        return final, ""

    def _free_name(self, source: str, name: str, taken: list[str]) -> str | None:
        """The document's own name, or one made from the input's file name when that one
        belongs to another input (or is an input)."""
        stem, suffix = _split(name)
        own = Path(source)
        for candidate in (name, f"{stem}-from-{slug(own.stem)}{suffix}",
                          f"{stem}-from-{slug(own.name)}{suffix}"):
            owner = self.claimed.get(_key(candidate), source)
            if owner == source and candidate not in taken and not self._is_input(candidate):
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
    """A file's device and inode as one number (a set of them costs a third of tuples)."""
    return info.st_dev << 64 | info.st_ino


def _key(name: str) -> bytes:
    """Names compared as Windows and macOS compare them (case-insensitively), so two
    documents can never meet in one file there either; kept as a 16-byte digest of the
    folded name (a third of the name's own size: a run keeps one for every document)."""
    folded = name.replace("\\", "/").casefold()
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()


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
