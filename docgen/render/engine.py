"""Compiles a docxtpl template once per process and renders it many times.

docxtpl reloads the .docx, re-patches and re-compiles every tagged part on every render; here
each template is prepared once (keyed by the SHA-256 of its bytes): the parts that carry Jinja
tags are patched with docxtpl's own preprocessing and compiled in docgen's sandboxed,
autoescaping environment, and every other part is kept as it is. The rendered parts go through
the same post-processing docxtpl applies, so the output has the same content.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.sandbox import SecurityError
from lxml import etree

from docgen.errors import TemplateProblem
from docgen.render import limits
from docgen.render.docxtpl_steps import finish_xml, fix_docpr_ids, fix_tables
from docgen.render.environment import escape_output, make_environment
from docgen.render.features import RICH_TAGS, findings, prepare_for_render, rich_tag_message
from docgen.render.grids import grid_may_change
from docgen.render.parts import BODY, CORE, CUSTOM, PartSource, read_template
from docgen.render.tags import TagChecker, paragraphs, properties
from docgen.render.zipcopy import PackageLayout

_PARAGRAPH = re.compile(r"<w:p([ >])")
_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


@dataclass(frozen=True)
class CompiledPart:
    name: str
    template: Template
    lined: str  # the source with each paragraph on its own line, to say where a problem is
    fix_grid: bool = False  # cells may be added or removed, so the grid must be fixed
    drawings: bool = False  # wp:docPr ids must stay unique when loops copy drawings


def lined_source(source: str) -> str:
    """docxtpl's own layout for compiling: each paragraph on a line of its own."""
    return _PARAGRAPH.sub(r"\n<w:p\1", source)


def parse_part(env: Any, part: PartSource, path: Path) -> tuple[nodes.Template, str]:
    """The part's parsed source (docxtpl's), refused with the place when Jinja cannot read
    it, when it uses a tag docgen does not render as docxtpl does, or asks for too much."""
    _refuse_rich_tags(part, path)
    _refuse_misplaced_tags(part, path)
    lined = lined_source(part.source)
    try:
        tree = env.parse(lined)
    except TemplateSyntaxError as exc:
        raise _problem(path, part.name, lined, exc.lineno,
                       f"cannot be read: {exc.message}") from None
    found = findings(tree, env)
    if found:
        raise _problem(path, part.name, lined, found[0].lineno,
                       f"cannot be rendered: {found[0].message}")
    return tree, lined


def _refuse_rich_tags(part: PartSource, path: Path) -> None:
    if part.tree is None or "{{" not in part.source:
        return
    for paragraph in part.tree.iter(_P):
        text = "".join(t.text or "" for t in paragraph.iter(_T))  # runs joined, as docxtpl
        for opener in RICH_TAGS:
            if opener in text:
                raise TemplateProblem(
                    f"a tag in {_part_label(part.name)} cannot be rendered: "
                    f"{rich_tag_message(opener)}", file=str(path),
                    hint=f"Near the text: {' '.join(text.split())[:120]!r}. {_CHECK_HINT}")


def _refuse_misplaced_tags(part: PartSource, path: Path) -> None:
    """The rules of tags and blocks ``templates check`` applies (a tag split over paragraphs,
    a block over table rows not marked tr...), so make never renders what the check refuses."""
    if part.tree is None:
        return
    paras = properties(part.tree) if part.kind == "properties" else paragraphs(part.tree)
    errors = [found for found in TagChecker(_part_label(part.name)).run(list(paras))
              if found.severity == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TemplateProblem(
            f"a tag in {_part_label(part.name)} cannot be rendered: {errors[0].message}{more}",
            file=str(path),
            hint=f"Near the text: {errors[0].text!r} ({errors[0].where}). {_CHECK_HINT}")


_CHECK_HINT = "Run 'docgen templates check' on it to see every problem and where it is."


def compile_part(env: Any, part: PartSource, path: Path) -> CompiledPart:
    """One part compiled for rendering, or refused (TemplateProblem) with the place."""
    tree, lined = parse_part(env, part, path)
    counts_output = prepare_for_render(tree)
    try:
        template = env.from_string(tree)
    except TemplateError as exc:
        raise _problem(path, part.name, lined, getattr(exc, "lineno", None),
                       f"cannot be rendered: {exc.message}") from None
    if counts_output:
        template.root_render_func.__globals__["escape"] = _counted_escape
    is_body = part.kind == "body"
    return CompiledPart(
        part.name, template, lined,
        fix_grid=is_body and part.tree is not None
        and grid_may_change(part.tree, part.source, str(path)),
        drawings=is_body and "wp:docPr" in part.source)


class CompiledTemplate:
    """A template ready to render: compiled parts plus the untouched parts' stored bytes."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        self.digest = hashlib.sha256(data).hexdigest()
        package = read_template(path, data)
        self.parts: dict[str, CompiledPart] = {}
        self.static = package.untagged
        env = make_environment()
        for part in package.rendered:
            self.parts[part.name] = compile_part(env, part, path)
        self.layout = PackageLayout(package.archive, [*self.parts, *self.static])

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
        except limits.LimitExceeded as exc:
            raise _problem(self.path, name, part.lined, _template_line(exc.__traceback__),
                           f"asks for more than one document may take: {exc.message}",
                           hint="Ask the maintainer to change that tag.") from None
        except RecursionError:
            raise TemplateProblem(f"the template calls itself without end in "
                                  f"{_part_label(name)}", file=str(self.path),
                                  hint="Ask the maintainer to change that macro.") from None
        except TemplateError as exc:
            raise TemplateProblem(f"the template failed in {_part_label(name)}: {exc}",
                                  file=str(self.path)) from None
        data = finish_xml(xml)
        # docxtpl re-parses the whole body after every render to fix table grids and
        # drawing ids; that only changes anything when the template can add or remove cells
        # or has drawings, so other templates skip the parse.
        if part.fix_grid or part.drawings:
            tree = fix_tables(data)
            fix_docpr_ids(tree)
            data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                  standalone=True)
        return data


def _counted_escape(value: Any) -> Any:
    return limits.spend_output(escape_output(value))


def _template_line(traceback: TracebackType | None) -> int | None:
    """The template line an error was raised on (Jinja rewrites tracebacks to name it)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def _problem(path: Path, name: str, lined: str, lineno: int | None, message: str,
             hint: str = _CHECK_HINT) -> TemplateProblem:
    return TemplateProblem(f"a tag in {_part_label(name)} {message}", file=str(path),
                           hint=f"Near the text: {_nearby_text(lined, lineno)!r}. {hint}")


def _part_label(name: str) -> str:
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
