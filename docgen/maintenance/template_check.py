"""Checks a template and reports every problem at once, located as its author sees it.

Each tagged part (body, headers, footers) is read paragraph by paragraph: where it is (part,
paragraph number, or table, row and cell) and its visible text. Tags are checked in that text:
tags Word split across paragraphs, unbalanced blocks, loops over table rows not marked ``tr``,
expressions Jinja cannot parse. Then the whole part is parsed as docgen renders it and every
variable path is compared with what the document type provides; attribute names starting with
an underscore (a way out of the sandbox) are refused.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from docgen.forms.ns import qn
from docgen.forms.package import SAFE_PARSER
from docgen.forms.text import text_of
from docgen.maintenance.variables import known_paths, required_paths
from docgen.render.environment import make_environment

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_BLOCK = re.compile(r"^\{%-?\s*(?:(p|tr|tc|r)\s+)?(\w+)")
_OPENERS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


@dataclass(frozen=True)
class Located:
    """One problem, where the author will find it."""

    severity: str
    message: str
    part: str  # "body", "header1", …
    where: str  # "paragraph 12" or "table 2, row 3, cell 1"
    text: str  # the paragraph's visible text (shortened)
    paragraph: int | None = None  # index among the part's paragraphs (for comments)

    def format(self) -> str:
        return f"{self.severity}: {self.part}, {self.where} (near “{self.text}”): {self.message}"


@dataclass
class _Paragraph:
    index: int
    where: str
    text: str
    row: tuple[int, int] | None  # (table, row) when inside a table


def paragraphs(root: etree._Element) -> Iterator[_Paragraph]:
    tables: dict[etree._Element, int] = {}
    for index, p in enumerate(root.iter(qn("w:p"))):
        cell = next(p.iterancestors(qn("w:tc")), None)
        if cell is None:
            yield _Paragraph(index, f"paragraph {index + 1}", text_of(p), None)
            continue
        row = cell.getparent()
        table = row.getparent()
        number = tables.setdefault(table, len(tables) + 1)
        row_no = table.findall(qn("w:tr")).index(row) + 1
        cell_no = row.findall(qn("w:tc")).index(cell) + 1
        yield _Paragraph(index, f"table {number}, row {row_no}, cell {cell_no}", text_of(p),
                         (number, row_no))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


# Derived names that show form fields: a template showing full_name shows the names.
SHOWS = {"pupil.full_name": ("pupil.forename", "pupil.surname"),
         "pupil.first_name": ("pupil.forename", "pupil.known_as"),
         "answers[].answer": tuple(f"review.q{n}_answer" for n in range(1, 5)),
         **{f"plan_rows[].{k}": (f"provision_plan[].{k}",)
            for k in ("what", "who", "how_often", "adult_minutes")},
         "plan_rows[].label": ("provision_plan[].thread",),
         "outcome.title": ("review.decision",), "outcome.reason": ("review.decision_reasons",),
         "crisp_summary.agreed_by": ("crisp.agreed_by",),
         "crisp_summary.kind_sentence": ("crisp.kind",)}


def check_template(path: Path, document_key: str | None,
                   used: set[str] | None = None) -> list[Located]:
    """Every problem in one template; ``used`` collects the variable paths it shows."""
    archive = zipfile.ZipFile(path)
    problems: list[Located] = []
    used = used if used is not None else set()
    known = known_paths(document_key) if document_key else None
    for name in archive.namelist():
        match = _PART.match(name)
        if not match:
            continue
        part = "body" if match.group(1) == "document" else match.group(1)
        root = etree.fromstring(archive.read(name), parser=SAFE_PARSER)
        problems += _TagChecker(part, known, used).run(list(paragraphs(root)))
    for path_used in list(used):
        used.update(SHOWS.get(path_used, ()))
    return problems


def unshown_required_fields(document_keys: list[str], used: dict[str, set[str]]
                            ) -> list[str]:
    """Required form fields that no template of the form shows (warnings)."""
    from docgen.documents import all_documents

    by_form: dict[str, set[str]] = {}
    for key in document_keys:
        for form in all_documents()[key].forms:
            by_form.setdefault(form, set()).update(used.get(key, set()))
    warnings = []
    for key in document_keys:
        for variable in required_paths(key):
            form_used = set().union(*(by_form[f] for f in all_documents()[key].forms))
            if variable.path not in form_used:
                warnings.append(f"the required field “{variable.label}” ({variable.path}) "
                                f"is shown by no template of its form")
    return sorted(set(warnings))


class _TagChecker:
    """Walks one part's paragraphs in order, keeping the open blocks and loop variables."""

    def __init__(self, part: str, known: frozenset[str] | None, used: set[str]):
        self.part, self.known, self.used = part, known, used
        self.env = make_environment()
        self.out: list[Located] = []
        self.stack: list[tuple[str, _Paragraph, str | None]] = []
        self.scopes: list[dict[str, str | None]] = [{}]

    def run(self, paras: list[_Paragraph]) -> list[Located]:
        for para in paras:
            remainder = _TAG.sub("", para.text)
            if "{{" in remainder or "{%" in remainder:
                self.error(para, "a tag starts here but does not end in the same paragraph; "
                                 "keep each tag on one line")
            elif "}}" in remainder or "%}" in remainder:
                self.error(para, "a tag ends here but did not start in this paragraph")
            for tag in _TAG.findall(para.text):
                self.tag(para, tag)
        for opener, para, _ in self.stack:
            self.error(para, f"{{% {opener} %}} is never closed with "
                             f"{{% {_OPENERS[opener]} %}}")
        return self.out

    def error(self, para: _Paragraph, message: str) -> None:
        self.out.append(_at(para, self.part, message))

    def tag(self, para: _Paragraph, tag: str) -> None:
        if tag.startswith("{{"):
            self.expression(para, tag, tag)
            return
        block = _BLOCK.match(tag)
        if not block:
            self.error(para, f"{tag} is not a tag docgen knows")
            return
        kind, word = block.group(1), block.group(2)
        plain = tag if kind is None else tag.replace(f"{kind} ", "", 1)
        if word in _OPENERS:
            closing = "{% " + _OPENERS[word] + " %}"
            tree = self.expression(para, tag, plain + closing)
            self.stack.append((word, para, kind))
            scope = dict(self.scopes[-1])
            if word == "for" and tree is not None:
                loop = next(tree.find_all(nodes.For))
                iterable = _path_of(loop.iter, scope)
                for target in loop.target.find_all(nodes.Name) if not isinstance(
                        loop.target, nodes.Name) else [loop.target]:
                    scope[target.name] = (f"{iterable[0]}[]" if iterable and not iterable[1]
                                          else None)
                scope["loop"] = None
            self.scopes.append(scope)
        elif word in ("elif", "else"):
            if word == "elif":
                self.expression(para, tag, "{% if " + plain.split("elif", 1)[1].rstrip("%}")
                                + "%}{% endif %}")
        elif word in _CLOSERS:
            if not self.stack or self.stack[-1][0] != _CLOSERS[word]:
                self.error(para, f"{tag} has no matching {{% {_CLOSERS[word]} %}} before it")
                return
            opener, start, opener_kind = self.stack.pop()
            self.scopes.pop()
            if (opener == "for" and opener_kind is None and start.row and para.row
                    and start.row != para.row):
                self.error(start, "this loop starts in one table row and ends in another: "
                                  "write {%tr for … %} and {%tr endfor %} so each item gets "
                                  "its own row")
        elif word.startswith("end") and self.stack:
            # a misspelt closer: say so once, and close the block so nothing else cascades
            opener = self.stack.pop()[0]
            self.scopes.pop()
            prefix = f"{kind} " if kind else ""
            self.error(para, f"{tag} is not a tag docgen knows; did you mean "
                             f"{{%{prefix}{_OPENERS[opener]} %}}?")
        elif word in ("set", "raw", "endraw", "include", "import", "extends", "block",
                      "call", "filter", "break", "continue"):
            self.expression(para, tag, plain)
        else:
            self.error(para, f"{tag} is not a tag docgen knows")

    def expression(self, para: _Paragraph, tag: str, source: str) -> nodes.Template | None:
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError as exc:
            self.error(para, f"{tag} cannot be read: {exc.message}")
            return None
        for path, unsafe in _paths_in(tree, self.scopes[-1]):
            self.used.add(path)
            if unsafe:
                self.error(para, f"“{path}” reaches into Python's internals, which templates "
                                 "may not do")
            elif self.known is not None and path not in self.known:
                self.error(para, f"“{path}” is not a variable this document has (see "
                                 "docgen templates vars)")
        return tree


def _paths_in(tree: nodes.Template, scope: dict[str, str | None]) -> Iterator[tuple[str, bool]]:
    """Paths read by one tag; a loop's own target and body are left to the checker."""
    loop = next(tree.find_all(nodes.For), None)
    if loop is not None:
        yield from _paths(loop.iter, scope)
        return
    yield from _paths(tree, scope)


def _at(para: _Paragraph, part: str, message: str, severity: str = "error") -> Located:
    return Located(severity, message, part, para.where, _short(para.text), para.index)


def _paths(node: nodes.Node, scope: dict[str, str | None]) -> Iterator[tuple[str, bool]]:
    """Every variable path the template reads, resolving loop variables to their lists."""
    if isinstance(node, nodes.For):
        yield from _paths(node.iter, scope)
        iterable = _path_of(node.iter, scope)
        inner = dict(scope)
        for target in node.target.find_all(nodes.Name) if not isinstance(
                node.target, nodes.Name) else [node.target]:
            inner[target.name] = f"{iterable[0]}[]" if iterable and not iterable[1] else None
        inner["loop"] = None
        for child in (*node.body, *node.else_):
            yield from _paths(child, inner)
        if node.test is not None:
            yield from _paths(node.test, inner)
        return
    if isinstance(node, nodes.Getattr | nodes.Name):
        resolved = _path_of(node, scope)
        if resolved:
            yield resolved
            return
        if isinstance(node, nodes.Name):
            return
    for child in node.iter_child_nodes():
        yield from _paths(child, scope)


def _path_of(node: nodes.Node, scope: dict[str, str | None]) -> tuple[str, bool] | None:
    parts: list[str] = []
    unsafe = False
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        unsafe = unsafe or node.attr.startswith("_")
        node = node.node
    if isinstance(node, nodes.Const) and parts:
        return (f"{node.value!r}." + ".".join(reversed(parts)), True) if unsafe else None
    if not isinstance(node, nodes.Name):
        return None
    if node.name in scope:
        base = scope[node.name]
        if base is None:
            return (f"{node.name}." + ".".join(reversed(parts)), True) if unsafe else None
        root = base
    else:
        root = node.name
    return (".".join([root, *reversed(parts)]), unsafe)
