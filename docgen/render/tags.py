"""Checks the tags of one part paragraph by paragraph, keeping the open blocks and loops.

Used by ``make`` when it compiles a template (the rules of tags and blocks, so it refuses
what the check refuses) and by ``templates check`` (which also knows the variables).

Each tag is read as Jinja will read it after docxtpl's preprocessing: the text as stored
(``&`` as ``&amp;``) with Word's curly quotes made straight. Then it is parsed, checked for
what docgen refuses (the same ``findings`` ``make`` uses) and for the variables it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from docgen.forms.ns import qn
from docgen.forms.text import text_of
from docgen.render import limits
from docgen.render.environment import make_environment
from docgen.render.features import findings, range_size, rich_tag_message

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_BLOCK = re.compile(r"^\{%-?\s*(?:(p|tr|tc|r)\s+)?(\w+)")
_OPENERS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro",
            "autoescape": "endautoescape"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_JINJA_STATEMENTS = ("set", "raw", "endraw", "include", "import", "extends", "block", "call",
                     "filter", "break", "continue")
# What docxtpl's clean_tags makes of the text inside a tag.
_T = qn("w:t")
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def as_jinja_reads(tag: str) -> str:
    """A tag's visible text as Jinja reads it: escaped as stored in the part, then with
    docxtpl's clean-up (``<`` and ``>`` back, curly quotes straight)."""
    return tag.replace("&", "&amp;").translate(_STRAIGHT)


@dataclass
class Paragraph:
    index: int
    where: str
    text: str  # what the reader sees
    tags_text: str  # the text of its w:t elements joined (what docxtpl joins a tag from)
    cell: tuple[int, int, int] | None = None  # (table, row, cell) when inside a table

    @property
    def row(self) -> tuple[int, int] | None:
        return self.cell[:2] if self.cell else None


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


def paragraphs(root: etree._Element) -> Iterator[Paragraph]:
    tables: dict[etree._Element, int] = {}
    for index, p in enumerate(root.iter(qn("w:p"))):
        tags_text = "".join(t.text or "" for t in p.iter(_T)
                            if next(t.iterancestors(qn("w:p"))) is p)
        cell = next(p.iterancestors(qn("w:tc")), None)
        if cell is None:
            yield Paragraph(index, f"paragraph {index + 1}", text_of(p), tags_text)
            continue
        row = cell.getparent()
        table = row.getparent()
        number = tables.setdefault(table, len(tables) + 1)
        row_no = table.findall(qn("w:tr")).index(row) + 1
        cell_no = row.findall(qn("w:tc")).index(cell) + 1
        yield Paragraph(index, f"table {number}, row {row_no}, cell {cell_no}", text_of(p),
                        tags_text, (number, row_no, cell_no))


def properties(root: etree._Element) -> Iterator[Paragraph]:
    """Each document property with text, as a paragraph of its own."""
    for index, element in enumerate(root.iter()):
        text = element.text or ""
        if not ("{{" in text or "{%" in text) or len(element):
            continue
        name = element.getparent().get("name") if element.getparent() is not None else None
        label = name or etree.QName(element).localname
        yield Paragraph(index, f"property “{label}”", text, text)


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


class TagChecker:
    """Walks one part's paragraphs in order, keeping the open blocks and loop variables."""

    def __init__(self, part: str, known: frozenset[str] | None = None,
                 used: set[str] | None = None):
        self.part, self.known = part, known
        self.used = used if used is not None else set()
        self.env = make_environment()
        self.out: list[Located] = []
        self.stack: list[tuple[str, Paragraph, str | None]] = []
        self.scopes: list[dict[str, str | None]] = [{}]
        self.rounds = [1]  # how often the open loops over numbered ranges go round, together

    def run(self, paras: list[Paragraph]) -> list[Located]:
        for para in paras:
            remainder = TAG.sub("", para.tags_text)
            if "{{" in remainder or "{%" in remainder:
                self.error(para, "a tag starts here but does not end in the same paragraph; "
                                 "keep each tag on one line")
            elif "}}" in remainder or "%}" in remainder:
                self.error(para, "a tag ends here but did not start in this paragraph")
            for tag in TAG.findall(para.tags_text):
                self.tag(para, as_jinja_reads(tag))
        for opener, para, _ in self.stack:
            self.error(para, f"{{% {opener} %}} is never closed with "
                             f"{{% {_OPENERS[opener]} %}}")
        return self.out

    def error(self, para: Paragraph, message: str) -> None:
        self.out.append(Located("error", message, self.part, para.where, short(para.text),
                                para.index))

    def tag(self, para: Paragraph, tag: str) -> None:
        if tag.startswith("{{"):
            rich = rich_tag_message(tag)
            if rich:
                self.error(para, rich)
            else:
                self.expression(para, tag, tag)
            return
        block = _BLOCK.match(tag)
        if not block:
            self.error(para, f"{tag} is not a tag docgen knows")
            return
        kind, word = block.group(1), block.group(2)
        plain = tag if kind is None else tag.replace(f"{kind} ", "", 1)
        if word in _OPENERS:
            self.opener(para, tag, plain, word, kind)
        elif word in ("elif", "else"):
            if word == "elif":
                self.expression(para, tag, "{% if " + plain.split("elif", 1)[1].rstrip("%}")
                                + "%}{% endif %}")
        elif word in _CLOSERS:
            self.closer(para, tag, word)
        elif word.startswith("end") and self.stack:
            # a misspelt closer: say so once, and close the block so nothing else cascades
            opener = self.stack.pop()[0]
            self.scopes.pop()
            self.rounds.pop()
            prefix = f"{kind} " if kind else ""
            self.error(para, f"{tag} is not a tag docgen knows; did you mean "
                             f"{{%{prefix}{_OPENERS[opener]} %}}?")
        elif word in ("cellbg", "colspan"):
            self.cell_tag(para, tag, word)
        elif word in ("vm", "hm"):
            if not any(opener == "for" for opener, _, _ in self.stack):
                self.error(para, f"{tag} merges the copies a loop makes of a cell, so it must "
                                 "be inside a {%tr for %} or {%tc for %} loop")
        elif word in _JINJA_STATEMENTS:
            self.expression(para, tag, plain)
        else:
            self.error(para, f"{tag} is not a tag docgen knows")

    def opener(self, para: Paragraph, tag: str, plain: str, word: str, kind: str | None
               ) -> None:
        tree = self.expression(para, tag, plain + "{% " + _OPENERS[word] + " %}")
        self.stack.append((word, para, kind))
        scope = dict(self.scopes[-1])
        rounds = self.rounds[-1]
        if word == "for" and tree is not None:
            loop = next(tree.find_all(nodes.For))
            size = range_size(loop.iter)
            if size and rounds > 1 and rounds * size > limits.MAX_LOOP_ITEMS:
                self.error(para, f"{tag}: these loops go round {rounds * size:,} times, more "
                                 f"than one document may ({limits.MAX_LOOP_ITEMS:,})")
            rounds *= size or 1
            iterable = _path_of(loop.iter, scope)
            for target in _targets(loop):
                scope[target.name] = (f"{iterable[0]}[]" if iterable and not iterable[1]
                                      else None)
            scope["loop"] = None
        self.scopes.append(scope)
        self.rounds.append(rounds)

    def closer(self, para: Paragraph, tag: str, word: str) -> None:
        if not self.stack or self.stack[-1][0] != _CLOSERS[word]:
            self.error(para, f"{tag} has no matching {{% {_CLOSERS[word]} %}} before it")
            return
        opener, start, opener_kind = self.stack.pop()
        self.scopes.pop()
        self.rounds.pop()
        if opener_kind is not None or not start.cell or not para.cell:
            return
        if start.row != para.row and opener in ("for", "if"):
            self.error(start, f"this {opener} block starts in one table row and ends in "
                              f"another: write {{%tr {opener} … %}} and {{%tr end{opener} %}} "
                              "so it keeps or repeats whole rows")
        elif start.cell != para.cell and opener in ("for", "if"):
            self.error(start, f"this {opener} block starts in one table cell and ends in "
                              f"another: write {{%tc {opener} … %}} and {{%tc end{opener} %}} "
                              "so it keeps or repeats whole cells")

    def cell_tag(self, para: Paragraph, tag: str, word: str) -> None:
        if para.cell is None:
            what = "colour" if word == "cellbg" else "width"
            self.error(para, f"{tag} sets a table cell's {what}, so it must be inside a "
                             "table cell")
            return
        argument = tag[2:-2].strip().removeprefix("-").strip().removeprefix(word).strip()
        self.expression(para, tag, "{{ " + argument + " }}")

    def expression(self, para: Paragraph, tag: str, source: str) -> nodes.Template | None:
        try:
            tree = self.env.parse(source)
        except TemplateSyntaxError as exc:
            self.error(para, f"{tag} cannot be read: {exc.message}")
            return None
        for finding in findings(tree, self.env):
            self.error(para, f"{tag}: {finding.message}")
        if any(isinstance(call.node, nodes.Name) and call.node.name == "range"
               and range_size(call) is None for call in tree.find_all(nodes.Call)):
            self.out.append(Located(
                "warning", f"{tag} loops over a range whose size comes from the data: docgen "
                           f"stops a document whose loops go round more than "
                           f"{limits.MAX_LOOP_ITEMS:,} times", self.part, para.where,
                short(para.text), para.index))
        for path, unsafe in _paths_in(tree, self.scopes[-1]):
            if not unsafe and path.split(".")[0] in self.env.globals:
                continue  # range, dict, namespace...: Jinja's own, not the document's
            self.used.add(path)
            if unsafe:
                self.error(para, f"“{path}” reaches into Python's internals, which templates "
                                 "may not do")
            elif self.known is not None and path not in self.known:
                self.error(para, f"“{path}” is not a variable this document has (see "
                                 "docgen templates vars)")
        return tree


def _targets(loop: nodes.For) -> list[nodes.Name]:
    if isinstance(loop.target, nodes.Name):
        return [loop.target]
    return list(loop.target.find_all(nodes.Name))


def _paths_in(tree: nodes.Template, scope: dict[str, str | None]) -> Iterator[tuple[str, bool]]:
    """Paths read by one tag; a loop's own target and body are left to the checker."""
    loop = next(tree.find_all(nodes.For), None)
    if loop is not None:
        yield from _paths(loop.iter, scope)
        return
    yield from _paths(tree, scope)


def _paths(node: nodes.Node, scope: dict[str, str | None]) -> Iterator[tuple[str, bool]]:
    """Every variable path the template reads, resolving loop variables to their lists."""
    if isinstance(node, nodes.For):
        yield from _paths(node.iter, scope)
        iterable = _path_of(node.iter, scope)
        inner = dict(scope)
        for target in _targets(node):
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
