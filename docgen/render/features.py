"""What a template may use, found in its parsed tags; and the changes made before compiling.

Both ``make`` (when it compiles a template) and ``templates check`` (tag by tag) ask
``findings`` what in a tag docgen will not render as docxtpl renders it, so the two can never
disagree: unknown or withdrawn filters and tests, ``{% autoescape %}``, a text in quotes that
holds ``&`` (Word stores it as ``&amp;``, which Jinja then shows), and work or text beyond
the limits when the numbers are written in the tag itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

from docgen.render import limits
from docgen.render.environment import (
    _FILTER_WIDTHS,
    DOCGEN_FILTERS,
    LOOP_FILTER,
    SIZED_FILTER,
    WITHDRAWN_FILTERS,
    WITHDRAWN_GLOBALS,
)

_INTERNAL = (LOOP_FILTER, SIZED_FILTER)
# docxtpl's rich-text and sub-document tags: they need Python objects docgen never gives.
RICH_TAGS = {"{{r ": "rich text (RichText)", "{{p ": "a rich paragraph or sub-document "
             "(RichTextParagraph, Subdoc)", "{{tr ": "a table-row object",
             "{{tc ": "a table-cell object"}


@dataclass(frozen=True)
class Finding:
    lineno: int
    message: str


def findings(tree: nodes.Template, env: Any) -> list[Finding]:
    """Everything in this parsed source docgen refuses, with the line it is on."""
    found = [Finding(node.lineno, message) for node, message in _refusals(tree, env)]
    found += [Finding(lineno, message) for lineno, message in _filter_findings(tree)]
    found += [Finding(lineno, message) for lineno, message in _nested_loops(tree)]
    return found


def rich_tag_message(tag: str) -> str | None:
    for opener, what in RICH_TAGS.items():
        if tag.startswith(opener):
            return (f"{opener.strip()} … }}}} shows {what}, which docgen does not offer (its "
                    "values are plain text): write {{ … }}")
    return None


def _refusals(tree: nodes.Template, env: Any) -> Iterator[tuple[nodes.Node, str]]:
    for node in tree.find_all((nodes.Filter, nodes.Test, nodes.Name, nodes.Const,
                               nodes.ScopedEvalContextModifier, nodes.EvalContextModifier,
                               nodes.BinExpr, nodes.Call)):
        if isinstance(node, nodes.Filter | nodes.Test):
            message = _unknown(node, env)
        elif isinstance(node, nodes.Name):
            message = (f"“{node.name}” is not available: {WITHDRAWN_GLOBALS[node.name]}"
                       if node.name in WITHDRAWN_GLOBALS and node.ctx == "load" else None)
        elif isinstance(node, nodes.Const):
            message = _ampersand(node)
        elif isinstance(node, nodes.EvalContextModifier):
            message = ("{% autoescape %} is not available: docgen always shows text as it "
                       "was typed, and text not escaped would break the document")
        else:
            message = _too_much(node)
        if message:
            yield node, message


def _unknown(node: nodes.Filter | nodes.Test, env: Any) -> str | None:
    kind = "filter" if isinstance(node, nodes.Filter) else "test"
    known = env.filters if kind == "filter" else env.tests
    if node.name in known and node.name not in _INTERNAL:
        return None
    if kind == "filter" and node.name in WITHDRAWN_FILTERS:
        return f"the filter “{node.name}” is not available: {WITHDRAWN_FILTERS[node.name]}"
    if kind == "filter":
        return (f"“{node.name}” is not a filter docgen has; docgen adds "
                f"{' and '.join(DOCGEN_FILTERS)} to Jinja's own (see the maintainer's guide)")
    return f"“{node.name}” is not a test docgen has (see Jinja's list of tests)"


def _ampersand(node: nodes.Const) -> str | None:
    if not isinstance(node.value, str) or "&" not in node.value:
        return None
    shown = node.value.replace("&amp;", "&")
    return (f"the text “{shown}” is in quotes inside a tag, where Word stores & as &amp; and "
            f"docxtpl shows “{node.value}”: write the words outside the tag, or 'and'")


_NOT_CONSTANT = object()
_ARITHMETIC = {"-": lambda a, b: a - b, "/": lambda a, b: a / b, "//": lambda a, b: a // b}


def _constant(node: nodes.Node) -> Any:
    """The value of an expression made of numbers and quoted text, computed with the same
    checks as at render time (so 10**9 is a number here, and 'x' * 10**9 an error)."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.BinExpr):
        left, right = _constant(node.left), _constant(node.right)
        if _NOT_CONSTANT in (left, right):
            return _NOT_CONSTANT
        if node.operator in ("*", "**", "+", "%"):
            return limits.checked_binop(node.operator, left, right)
        if node.operator in _ARITHMETIC:
            return _ARITHMETIC[node.operator](left, right)
        return _NOT_CONSTANT
    if isinstance(node, nodes.Neg):
        value = _constant(node.node)
        return -value if isinstance(value, int | float) else _NOT_CONSTANT
    return _NOT_CONSTANT


def _too_much(node: nodes.Node) -> str | None:
    """Work beyond the limits, when the tag itself holds the numbers ('x' * 10**9)."""
    try:
        if isinstance(node, nodes.BinExpr):
            _constant(node)
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
                and node.node.name == "range":
            args = [_constant(a) for a in node.args]
            if _NOT_CONSTANT not in args:
                limits.bounded_range(*args)
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            owner = _constant(node.node.node)
            args = tuple(_constant(a) for a in node.args)
            if _NOT_CONSTANT not in args:  # a text not known here is checked as ''
                owner = owner if isinstance(owner, str) else ""
                limits.check_call(getattr(owner, node.node.attr, None), args, {})
    except limits.LimitExceeded as exc:
        return f"this asks for more than one document may take: {exc.message}"
    except (TypeError, ValueError, ArithmeticError):
        return None
    return None


def _filter_findings(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    for node in tree.find_all(nodes.Filter):
        widths = _FILTER_WIDTHS.get(node.name)
        if widths is None or node.node is None:
            continue
        try:  # what is not known here (the value, usually) is checked as ''
            values = [_constant(node.node), *(_constant(a) for a in node.args)]
            values = ["" if v is _NOT_CONSTANT else v for v in values]
            limits.check_width(widths(*values), f"'{node.name}'")
        except limits.LimitExceeded as exc:
            yield node.lineno, f"this asks for more than one document may take: {exc.message}"
        except (TypeError, ValueError, ArithmeticError):
            continue


def _nested_loops(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """Loops over ranges written with numbers, nested so that together they go round more
    often than one document may (each alone is within the limit)."""
    def walk(node: nodes.Node, rounds: int) -> Iterator[tuple[int, str]]:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.For):
                size = range_size(child.iter)
                total = rounds * (size or 1)
                if size and rounds > 1 and total > limits.MAX_LOOP_ITEMS:
                    yield (child.lineno, f"these loops go round {total:,} times, more than "
                                         f"one document may ({limits.MAX_LOOP_ITEMS:,})")
                    continue
                yield from walk(child, total)
            else:
                yield from walk(child, rounds)
    yield from walk(tree, 1)


def range_size(node: nodes.Node) -> int | None:
    """How many numbers a loop over ``range`` written with numbers takes (else None)."""
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
            and node.node.name == "range":
        try:
            args = [_constant(a) for a in node.args]
            if _NOT_CONSTANT not in args and all(isinstance(a, int) for a in args):
                return len(range(*args))
        except (limits.LimitExceeded, TypeError, ValueError, ArithmeticError):
            return None
    return None


# -- before compiling ---------------------------------------------------------------------

_PARAGRAPH_LINES = ("\n<w:p ", "\n<w:p>")


def prepare_for_render(tree: nodes.Template) -> bool:
    """Change the parsed source in place for rendering: every loop counted, every ``~``
    checked for length, and the line breaks docxtpl puts before each paragraph (so that an
    error's line is a paragraph) taken out again. True when the template can make text or
    lists of its own (its output is then counted too)."""
    makes_text = False
    for data in tree.find_all(nodes.TemplateData):
        for line in _PARAGRAPH_LINES:
            if line in data.data:
                data.data = data.data.replace(line, line[1:])
    for loop in list(tree.find_all(nodes.For)):
        weight = 1 + sum(len(d.data) for d in loop.find_all(nodes.TemplateData)) \
            // limits.LOOP_TEXT_STEP
        makes_text = makes_text or not _is_variable(loop.iter)
        loop.iter = nodes.Filter(loop.iter, LOOP_FILTER, [nodes.Const(weight)], [], None, None,
                                 lineno=loop.lineno)
    for parent in list(tree.find_all(nodes.Node)):
        for field in parent.fields:
            value = getattr(parent, field, None)
            if isinstance(value, nodes.Concat):
                setattr(parent, field, _sized(value))
            elif isinstance(value, list):
                value[:] = [_sized(v) if isinstance(v, nodes.Concat) else v for v in value]
    if next(tree.find_all((nodes.Concat, nodes.Mul, nodes.Pow, nodes.Add, nodes.Mod,
                           nodes.Call)), None) is not None:
        makes_text = True
    if any(f.name in _FILTER_WIDTHS for f in tree.find_all(nodes.Filter)):
        makes_text = True
    return makes_text


def _sized(node: nodes.Concat) -> nodes.Filter:
    return nodes.Filter(node, SIZED_FILTER, [], [], None, None, lineno=node.lineno)


def _is_variable(node: nodes.Node) -> bool:
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        node = node.node
    return isinstance(node, nodes.Name)
