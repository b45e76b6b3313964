"""Renders compiled templates: each compiled once, kept in memory and on disk, used many times.

docxtpl reloads the .docx, re-patches and re-compiles every tagged part on every render; here
each template is compiled once (docgen.render.compiler) and kept by the SHA-256 of its bytes:
in this process, and in the user's cache folder (docgen.render.template_cache) so the next run
starts with it compiled. The parts that carry Jinja tags were patched with docxtpl's own
preprocessing and compiled in docgen's sandboxed, autoescaping environment, and every other
part is kept as it is. The rendered parts go through the same post-processing docxtpl
applies, so the output has the same content.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any

from jinja2 import Template, TemplateError, UndefinedError
from jinja2.sandbox import SecurityError

from docgen.errors import TemplateProblem
from docgen.render import limits
from docgen.render.docxtpl_steps import finish_encoded
from docgen.render.environment import escape_output, make_environment
from docgen.render.zipcopy import PackageLayout

_PARAGRAPH = re.compile(r"<w:p([ >])")
CHECK_HINT = "Run 'docgen templates check' on it to see every problem and where it is."


@dataclass(frozen=True)
class CompiledPart:
    name: str
    template: Template
    code: CodeType  # what Jinja compiled, kept on disk with the flags below
    lined: str  # the source with each paragraph on its own line, to say where a problem is
    fix_grid: bool = False  # cells may be added or removed, so the grid must be fixed
    drawings: bool = False  # wp:docPr ids must stay unique when loops copy drawings
    counts_output: bool = False  # escapes count the text written against the limits

    @classmethod
    def from_code(cls, env: Any, name: str, code: CodeType, lined: str, *,
                  counts_output: bool = False, fix_grid: bool = False,
                  drawings: bool = False) -> CompiledPart:
        template = env.template_from_code(code)
        if counts_output:
            template.root_render_func.__globals__["escape"] = _counted_escape
        return cls(name, template, code, lined, fix_grid, drawings, counts_output)


def lined_source(source: str) -> str:
    """docxtpl's own layout for compiling: each paragraph on a line of its own."""
    return _PARAGRAPH.sub(r"\n<w:p\1", source)


class CompiledTemplate:
    """A template ready to render: compiled parts plus the untouched parts' stored bytes."""

    parts: dict[str, CompiledPart]
    static: dict[str, bytes]  # parts without tags that docxtpl's finishing still changes
    layout: PackageLayout

    def __init__(self, path: Path, data: bytes):
        """The template in these bytes compiled (refused with the place when it cannot be)."""
        from docgen.render.compiler import compile_template

        self.path = path
        self.digest = hashlib.sha256(data).hexdigest()
        self.parts, self.static, self.layout = compile_template(path, data)

    @classmethod
    def restored(cls, path: Path, digest: str, parts: dict[str, CompiledPart],
                 static: dict[str, bytes], layout: PackageLayout) -> CompiledTemplate:
        """A template compiled in an earlier run (docgen.render.template_cache)."""
        template = cls.__new__(cls)
        template.path, template.digest = path, digest
        template.parts, template.static, template.layout = parts, static, layout
        return template

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The .docx bytes for one context."""
        changed = dict(self.static)
        budget = limits.start_budget()
        try:
            for name, part in self.parts.items():
                changed[name] = self._render_part(part, context)
        finally:
            limits.end_budget(budget)
        return self.layout.write(changed)

    def _render_part(self, part: CompiledPart, context: Mapping[str, Any]) -> bytes:
        name = part.name
        try:
            data = _render_encoded(part.template, context)
        except SecurityError as exc:
            raise TemplateProblem(
                f"the template tried something unsafe in {part_label(name)}: {exc}",
                file=str(self.path),
                hint="Templates may only show data; ask the maintainer to remove that tag.",
            ) from None
        except UndefinedError as exc:
            raise TemplateProblem(
                f"the template uses a name docgen does not provide in {part_label(name)}: "
                f"{exc.message}",
                file=str(self.path),
                hint="Check the spelling with 'docgen templates vars' and "
                     "'docgen templates check'.",
            ) from None
        except limits.LimitExceeded as exc:
            raise problem(self.path, name, part.lined, _template_line(exc.__traceback__),
                           f"asks for more than one document may take: {exc.message}",
                           hint="Ask the maintainer to change that tag.") from None
        except RecursionError:
            raise TemplateProblem(f"the template calls itself without end in "
                                  f"{part_label(name)}", file=str(self.path),
                                  hint="Ask the maintainer to change that macro.") from None
        except TemplateError as exc:
            raise TemplateProblem(f"the template failed in {part_label(name)}: {exc}",
                                  file=str(self.path)) from None
        data = finish_encoded(data)
        # docxtpl re-parses the whole body after every render to fix table grids and
        # drawing ids; that only changes anything when the template can add or remove cells
        # or has drawings, so other templates skip the parse.
        if part.fix_grid or part.drawings:
            from lxml import etree

            from docgen.render.docxtpl_steps import fix_docpr_ids, fix_tables

            tree = fix_tables(data)
            fix_docpr_ids(tree)
            data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                  standalone=True)
        return data


_counted_escape = limits.counting(escape_output)


def _render_encoded(template: Template, context: Mapping[str, Any]) -> bytes:
    """``template.render(context)`` as UTF-8, each piece Jinja yields encoded on its own:
    joined first, one non-ASCII letter (a Welsh name) makes the whole part text that Python
    encodes a character at a time, while the template's own ASCII pieces encode as copies
    (the IEP's body: 12 µs joined then encoded, 4.5 µs this way). Errors are reported as
    ``Template.render`` reports them (Jinja's traceback names the template's line)."""
    rendered = template.root_render_func(template.new_context(dict(context)))
    try:
        return b"".join(map(str.encode, rendered))
    except Exception:
        template.environment.handle_exception()
        raise  # handle_exception always raises; this keeps type checkers sure of it


def _template_line(traceback: TracebackType | None) -> int | None:
    """The template line an error was raised on (Jinja rewrites tracebacks to name it)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def problem(path: Path, name: str, lined: str, lineno: int | None, message: str,
             hint: str = CHECK_HINT) -> TemplateProblem:
    return TemplateProblem(f"a tag in {part_label(name)} {message}", file=str(path),
                           hint=f"Near the text: {_nearby_text(lined, lineno)!r}. {hint}")


def part_label(name: str) -> str:
    from docgen.render.parts import BODY, CORE, CUSTOM

    if name == BODY:
        return "the body"
    if name in (CORE, CUSTOM):
        return "the document properties"
    return "the " + name.removeprefix("word/").removesuffix(".xml").rstrip("0123456789")


def _nearby_text(source: str, lineno: int | None) -> str:
    """The text of the paragraph on that line (the lined source has one per line), or of
    the lines around it when that one has none."""
    lines = source.splitlines()
    index = min(max((lineno or 1) - 1, 0), max(len(lines) - 1, 0))
    for window in (lines[index:index + 1], lines[max(index - 1, 0):index + 2]):
        text = " ".join(" ".join(re.sub(r"<[^>]+>", "", line) for line in window).split())
        if text:
            return text[:120]
    return ""


_CACHE: dict[str, CompiledTemplate] = {}
# The file's identity when it was last hashed: (path) -> ((inode, size, mtime), digest).
_SEEN: dict[Path, tuple[tuple[int, int, int], str]] = {}
_LOCK = threading.Lock()
_ENV: list[Any] = []  # the one environment compiled code is loaded into, made on first use


def environment() -> Any:
    with _LOCK:
        if not _ENV:
            _ENV.append(make_environment())
        return _ENV[0]


def prepare(path: Path) -> CompiledTemplate:
    """The compiled template for this file's current content.

    Templates are kept by the SHA-256 of their bytes: in this process, then in the user's
    cache folder, and compiled only when neither has them. Reading and hashing the file again
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
    from docgen.render import template_cache
    from docgen.safe_open.files import check_template, read_template_file

    data = read_template_file(path)
    digest = hashlib.sha256(data).hexdigest()
    with _LOCK:
        compiled = _CACHE.get(digest)
    if compiled is None:
        # A template compiled before passed the hardened reader's checks of these very bytes
        # (the cache holds only templates that compiled, under this docgen's version).
        compiled = template_cache.load(path, digest, environment())
        if compiled is None:
            check_template(path, data)
            compiled = CompiledTemplate(path, data)
            template_cache.store(compiled)
    with _LOCK:
        compiled = _CACHE.setdefault(digest, compiled)
        _SEEN[path] = (identity, digest)
    return compiled


def render_to_bytes(path: Path, context: Mapping[str, Any]) -> bytes:
    return prepare(path).render(context)


def __getattr__(name: str) -> Any:
    # Compiling lives in docgen.render.compiler, imported only when a template is compiled;
    # these names stay importable from here for the code that used them from the engine.
    if name in ("compile_part", "parse_part"):
        from docgen.render import compiler

        return getattr(compiler, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
