"""Bounds on what one render may do: loop work, text length, output size.

A maintainer's template runs in Jinja's sandbox, which stops it reaching Python's internals
but not from asking for ``'x' * 10**9``, a ``center`` a billion wide or a loop in a loop over
``range(100000)``: each takes gigabytes or minutes. Here every ``for`` loop counts its items
against one budget per document, every operation that can lengthen text or lists checks the
length it would make before making it, and a rendered part has a size limit. Each refusal
is a ``LimitExceeded``, which the renderer reports with the template and the place.
"""

from __future__ import annotations

import contextvars
import operator
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2.exceptions import TemplateRuntimeError

MAX_LOOP_ITEMS = 100_000  # loop rounds one document may take, all loops together
LOOP_TEXT_STEP = 512  # a round of a loop whose text is longer counts as more than one
MAX_TEXT = 1_000_000  # characters (or items) one value made by the template may have
MAX_OUTPUT = 50_000_000  # characters one document's values may add up to
MAX_POWER_BITS = 4_000  # a number the template computes with ** (about 1,200 digits)


class LimitExceeded(TemplateRuntimeError):
    """The template asked for more work or text than one document may take."""


class _Budget:
    __slots__ = ("items", "output")

    def __init__(self) -> None:
        self.items = 0
        self.output = 0


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("docgen_budget",
                                                                        default=None)


def start_budget() -> contextvars.Token:
    """A fresh budget for the document about to be rendered (reset with ``end_budget``)."""
    return _BUDGET.set(_Budget())


def end_budget(token: contextvars.Token) -> None:
    _BUDGET.reset(token)


def _spend(items: int) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.items += items
    if budget.items > MAX_LOOP_ITEMS:
        raise LimitExceeded(f"its loops went round more than {MAX_LOOP_ITEMS:,} times in one "
                            "document")


def counted(iterable: Any, weight: int = 1) -> Any:
    """What a ``for`` loop iterates: the same items, each round counted against the budget
    (``weight`` rounds for a loop with a long text inside)."""
    if type(iterable) in (list, tuple, dict) and len(iterable) < 64:
        _spend(len(iterable) * weight)  # the common case, a short list from the form
        return iterable  # itself, so the loop knows its length (loop.last) as before
    return _counting(iterable, weight)


def _counting(iterable: Iterable[Any], weight: int) -> Iterator[Any]:
    for item in iterable:
        _spend(weight)
        yield item


def counting(escape: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``escape`` that also counts each value a template writes against the document's
    output limit (in templates that make text or loop over made lists: what the form gives
    is bounded already), in one call per value: the count is the largest single cost of
    rendering such a template."""
    get_budget = _BUDGET.get

    def counted_escape(value: Any) -> Any:
        text = escape(value)
        budget = get_budget()
        if budget is not None:
            budget.output += len(text)
            if budget.output > MAX_OUTPUT:
                raise LimitExceeded(f"it wrote more than {MAX_OUTPUT:,} characters into one "
                                    "document")
        return text

    return counted_escape


def bounded_range(*args: int) -> range:
    items = range(*args)
    if len(items) > MAX_LOOP_ITEMS:
        raise LimitExceeded(f"range({', '.join(map(str, args))}) would make {len(items):,} "
                            f"numbers (at most {MAX_LOOP_ITEMS:,})")
    return items


def check_length(value: Any, what: str) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_TEXT:
        raise LimitExceeded(f"{what} made a text of {len(value):,} characters "
                            f"(at most {MAX_TEXT:,})")
    return value


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def checked_binop(op: str, left: Any, right: Any) -> Any:
    """``*``, ``**``, ``+`` and ``%`` with their results' size checked before they are made."""
    if op == "*":
        for seq, times in ((left, right), (right, left)):
            size = _sized(seq)
            if size is not None and isinstance(times, int) and size * times > MAX_TEXT:
                raise LimitExceeded(f"'*' would make a text or list of {size * times:,} "
                                    f"characters or items (at most {MAX_TEXT:,})")
        return operator.mul(left, right)
    if op == "**":
        if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
                and abs(left).bit_length() * right > MAX_POWER_BITS):
            raise LimitExceeded(f"{left} ** {right} is too large a number")
        return operator.pow(left, right)
    if op == "+":
        sizes = (_sized(left), _sized(right))
        if None not in sizes and sum(sizes) > MAX_TEXT:  # type: ignore[arg-type]
            raise LimitExceeded(f"'+' would make a text of {sum(sizes):,} characters "  # type: ignore[arg-type]
                                f"(at most {MAX_TEXT:,})")
        return operator.add(left, right)
    if op == "%":
        if isinstance(left, str):
            check_width(_percent_widths(left), "'%' formatting")
        return operator.mod(left, right)
    raise AssertionError(op)


def check_width(widths: Iterable[int], what: str) -> None:
    for width in widths:
        if width > MAX_TEXT:
            raise LimitExceeded(f"{what} asks for a width of {width:,} characters "
                                f"(at most {MAX_TEXT:,})")


def _percent_widths(template: str) -> list[int]:
    """The field widths and precisions written in a printf-style format ('%9999s')."""
    widths, digits, inside = [], "", False
    for char in template:
        if not inside:
            inside = char == "%"
            continue
        if char.isdigit():
            digits += char
            continue
        if digits:
            widths.append(int(digits))
            digits = ""
        if char == "*":
            widths.append(MAX_TEXT + 1)  # a width taken from the values: not allowed
        if char not in "#0- +.*lhL":
            inside = False
    if digits:
        widths.append(int(digits))
    return widths


def format_widths(template: str) -> list[int]:
    """The widths in a str.format template ('{:>999999}'), nested fields included."""
    widths = []
    for _, _, spec, _ in string.Formatter().parse(template):
        if spec:
            widths += [int(n) for n in "".join(c if c.isdigit() else " " for c in spec).split()]
            widths += format_widths(spec)
    return widths


# str methods whose numeric arguments set the length of what they return
WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call of a str method that would make a text longer than the limit."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format in its own function
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in WIDTH_METHODS:
        check_width([a for a in (*args, *kwargs.values()) if isinstance(a, int)],
                    f"'{name}'")
    elif name in ("format", "format_map"):
        check_width(format_widths(owner), "'format'")
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        old, new = args[0], args[1]
        grows = owner.count(old) * (len(new) - len(old)) if old else len(owner) * len(new)
        if len(owner) + grows > MAX_TEXT:
            raise LimitExceeded(f"'replace' would make a text of {len(owner) + grows:,} "
                                f"characters (at most {MAX_TEXT:,})")
    elif name == "join" and args and isinstance(args[0], list | tuple):
        total = sum(len(s) for s in args[0] if isinstance(s, str))
        if total + len(owner) * max(len(args[0]) - 1, 0) > MAX_TEXT:
            raise LimitExceeded(f"'join' would make a text longer than {MAX_TEXT:,} characters")
