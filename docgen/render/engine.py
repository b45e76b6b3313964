"""Compiles a docxtpl template once per process and renders it many times.

docxtpl reloads the .docx, re-patches and re-compiles every tagged part on every render; here
each template is prepared once (keyed by the SHA-256 of its bytes): the parts that carry Jinja
tags are patched with docxtpl's own preprocessing and compiled in docgen's sandboxed,
autoescaping environment, and every other part is kept as it is. The rendered parts go through
the same post-processing docxtpl applies, so the output has the same content.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError
from lxml import etree

from docgen.errors import TemplateProblem
from docgen.render.docxtpl_steps import (
    finish_xml,
    fix_docpr_ids,
    fix_tables,
    patch_xml,
)
from docgen.render.environment import make_environment
from docgen.render.zipcopy import PackageLayout

_TAGGED = re.compile(r"\{[{%#]")
_COLUMN_LOOP = re.compile(r"\{%-?\s*tc\s")
_BODY = "word/document.xml"
_CORE = "docProps/core.xml"
_CUSTOM = "docProps/custom.xml"  # which template, form and docgen made the document
_HEADER_FOOTER = re.compile(r"^word/(header|footer)\d*\.xml$|^word/footnotes\.xml$")


@dataclass(frozen=True)
class CompiledPart:
    name: str
    template: Template
    is_body: bool
    column_loops: bool = False  # {%tc %}: cells may be added, so the grid must be fixed
    drawings: bool = False  # wp:docPr ids must stay unique when loops copy drawings


class CompiledTemplate:
    """A template ready to render: compiled parts plus the untouched parts' stored bytes."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        self.digest = hashlib.sha256(data).hexdigest()
        package = zipfile.ZipFile(io.BytesIO(data))
        self.parts: dict[str, CompiledPart] = {}
        env = make_environment()
        for info in package.infolist():
            if info.filename == _BODY or _HEADER_FOOTER.match(info.filename):
                xml = package.read(info).decode("utf-8")
                if _TAGGED.search(xml):
                    self._compile(env, info.filename, patch_xml(xml),
                                  is_body=info.filename == _BODY,
                                  column_loops=bool(_COLUMN_LOOP.search(xml)),
                                  drawings="wp:docPr" in xml)
            elif info.filename in (_CORE, _CUSTOM):
                xml = package.read(info).decode("utf-8")
                if _TAGGED.search(xml):
                    self._compile(env, info.filename, xml, is_body=False)
        self.layout = PackageLayout(package, self.parts)

    def _compile(self, env: Any, name: str, source: str, *, is_body: bool,
                 column_loops: bool = False, drawings: bool = False) -> None:
        try:
            template = env.from_string(source)
        except TemplateSyntaxError:
            # docxtpl puts each paragraph on its own line so that an error's line number
            # points at a paragraph; only worth doing when there is an error to locate.
            lined = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
            try:
                env.from_string(lined)
            except TemplateSyntaxError as exc:
                raise TemplateProblem(
                    f"the template has a tag error in {_part_label(name)}: {exc.message}",
                    file=str(self.path),
                    hint=f"Near the text: {_nearby_text(lined, exc.lineno)!r}. Run "
                         "'docgen templates check' to see every problem.",
                ) from None
            raise
        self.parts[name] = CompiledPart(name, template, is_body, column_loops, drawings)

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The .docx bytes for one context."""
        changed: dict[str, bytes] = {}
        for name, part in self.parts.items():
            try:
                xml = part.template.render(context)
            except SecurityError as exc:
                raise TemplateProblem(
                    f"the template tried something unsafe in {_part_label(name)}: {exc}",
                    file=str(self.path),
                    hint="Templates may only show data; ask the maintainer to remove that tag.",
                ) from None
            except UndefinedError as exc:
                raise TemplateProblem(
                    f"the template uses a name docgen does not provide in {_part_label(name)}: "
                    f"{exc.message}",
                    file=str(self.path),
                    hint="Check the spelling with 'docgen templates vars' and "
                         "'docgen templates check'.",
                ) from None
            except TemplateError as exc:
                raise TemplateProblem(f"the template failed in {_part_label(name)}: {exc}",
                                      file=str(self.path)) from None
            data = finish_xml(xml)
            # docxtpl re-parses the whole body after every render to fix table grids and
            # drawing ids; that only changes anything when the template has column loops or
            # drawings, so other templates skip the parse.
            if part.is_body and (part.column_loops or part.drawings):
                tree = fix_tables(data)
                fix_docpr_ids(tree)
                data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            changed[name] = data
        return self.layout.write(changed)


def _part_label(name: str) -> str:
    if name == _BODY:
        return "the body"
    if name == _CORE:
        return "the document properties"
    return "the " + name.removeprefix("word/").removesuffix(".xml").rstrip("0123456789")


def _nearby_text(source: str, lineno: int | None) -> str:
    lines = source.splitlines()
    start = max((lineno or 1) - 2, 0)
    text = " ".join(re.sub(r"<[^>]+>", "", line) for line in lines[start:start + 3])
    return " ".join(text.split())[:120]


_CACHE: dict[str, CompiledTemplate] = {}
# The file's identity when it was last hashed: (path) -> ((inode, size, mtime), digest).
_SEEN: dict[Path, tuple[tuple[int, int, int], str]] = {}
_LOCK = threading.Lock()


def prepare(path: Path) -> CompiledTemplate:
    """The compiled template for this file's current content (compiled once per process).

    Templates are cached by the SHA-256 of their bytes. Reading and hashing the file again
    for every document was a tenth of a document's time, so a file whose inode, size and
    modification time are those it had when hashed is taken to hold the same bytes: saving
    a template (Word writes a new file) changes them all.
    """
    stat = path.stat()
    identity = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    with _LOCK:
        seen = _SEEN.get(path)
        if seen is not None and seen[0] == identity and seen[1] in _CACHE:
            return _CACHE[seen[1]]
    from docgen.safe_open import check_template

    data = check_template(path)  # once per template file: the hardened reader's checks
    digest = hashlib.sha256(data).hexdigest()
    with _LOCK:
        compiled = _CACHE.get(digest)
        if compiled is None:
            compiled = _CACHE[digest] = CompiledTemplate(path, data)
        _SEEN[path] = (identity, digest)
    return compiled


def render_to_bytes(path: Path, context: Mapping[str, Any]) -> bytes:
    return prepare(path).render(context)
