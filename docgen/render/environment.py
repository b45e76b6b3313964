"""The one Jinja environment every template runs in: sandboxed, autoescaped, strict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

from docgen.render import limits

try:  # markupsafe's C escaper, which ``escape`` calls before wrapping the text in a Markup
    from markupsafe._speedups import _escape_inner as _escape_text
except ImportError:  # an older markupsafe, or one without its C extension: same text, slower
    _escape_text = escape

# Names a plain dict answers as attributes (keys, items, get, ...): ``{{ row.items }}`` must
# still mean what the sandbox says it means, so only other names take the short cut.
_DICT_ATTRIBUTES = frozenset(dir(dict))


def date_uk(value: Any) -> str:
    """'5 March 2026' from a date or ISO text; other text unchanged."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def join_lines(value: Any, separator: str = "\n") -> str:
    if isinstance(value, list | tuple):
        return separator.join(str(v) for v in value)
    return str(value)


# Filters docgen does not offer, and why (the message a maintainer sees).
WITHDRAWN_FILTERS = {
    "safe": "it would write the value's own markup into the document and break it; docgen "
            "always shows text as it was typed",
    "urlize": "it writes web-page links (HTML), which break a Word document",
}
WITHDRAWN_GLOBALS = {"lipsum": "it makes placeholder text, which no document needs"}


def _sized_filter(name: str, filter_: Any, widths: Any) -> Any:
    """A built-in filter that first checks the length of what it would make."""
    passes = getattr(filter_, "jinja_pass_arg", None)  # an environment or context first

    def checked(*args: Any, **kwargs: Any) -> Any:
        limits.check_width(widths(*args[1 if passes else 0:], **kwargs), f"'{name}'")
        return filter_(*args, **kwargs)
    checked.__name__ = filter_.__name__
    if passes is not None:
        checked.jinja_pass_arg = passes  # type: ignore[attr-defined]
    return checked


def _lines(value: Any) -> int:
    return str(value).count("\n") + 1


def _width(value: Any) -> int:
    return len(value) if isinstance(value, str) else value if isinstance(value, int) else 0


_FILTER_WIDTHS = {
    "center": lambda value, width=80: [_width(width)],
    "indent": lambda value, width=4, *a, **k: [_lines(value) * _width(width)],
    "format": lambda value, *a, **k: limits._percent_widths(str(value)),
    "wordwrap": lambda value, width=79, break_long_words=True, wrapstring=None, *a, **k: [
        len(str(value)) * len(wrapstring or "") // max(_width(width), 1)],
    "batch": lambda value, linecount, *a, **k: [_width(linecount)],
    "slice": lambda value, slices, *a, **k: [_width(slices)],
    "join": lambda value, d="", *a, **k: [
        len(d) * len(value) if isinstance(value, list | tuple) else 0],
    "replace": lambda value, old, new, count=None: [
        len(str(value)) * max(len(new), 1) if isinstance(new, str) and len(new) > len(old)
        else 0],
    "truncate": lambda value, length=255, killwords=False, end="...", *a: [len(end)],
}


class DocgenEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with a short cut for what docgen's contexts are made of: plain dicts.

    For a dict the sandbox tries ``getattr`` first, which raises, and then reads the key; a
    High Focus IEP looks up a few hundred keys, so the exception was a third of its render
    time. Reading the key directly gives the same value, or the same undefined error.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return limits.checked_binop(operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        limits.check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def from_string(self, source: Any, globals: Any = None,
                    template_class: Any = None) -> Template:
        template = super().from_string(source, globals, template_class)
        _finish_template(template)
        return template

    def template_from_code(self, code: Any) -> Template:
        """A template from code this environment compiled (in this run or an earlier one:
        the compiled-template cache keeps it), as ``from_string`` makes one."""
        template = self.template_class.from_code(self, code, self.make_globals(None), None)
        _finish_template(template)
        return template


def _finish_template(template: Template) -> None:
    _use_fast_escape(template)
    # Jinja keeps a template's globals as a ChainMap over the environment's, and copies
    # them key by key into every render's context; a plain dict copies in one step.
    template.globals = dict(template.globals)


def escape_output(value: Any) -> Any:
    """What ``{{ value }}`` writes: escaped text. A plain string is escaped by markupsafe's C
    function directly, skipping the Markup object that ``escape`` wraps it in (a third of
    the cost of each value); the escaped text is only ever joined into the output, where a
    str and a Markup of the same characters are the same. Anything else goes to ``escape``."""
    if type(value) is str:
        escaped = _escape_text(value)
        return keep_typed_braces(str(escaped)) if "_" in value else escaped
    return escape(value)


_TYPED_BRACES = ("{_{", "}_}", "{_%", "%_}")


def keep_typed_braces(text: str) -> str:
    """docxtpl turns ``{_{`` in a template into ``{{`` after rendering (how a template shows
    a brace pair); the same step must not change what a person typed. Their underscore is
    written as a character reference, which Word reads as the underscore."""
    for typed in _TYPED_BRACES:
        if typed in text:
            text = text.replace(typed, f"{typed[0]}&#95;{typed[2]}")
    return text


def _use_fast_escape(template: Template) -> None:
    # The compiled template's module names markupsafe's escape as ``escape``; its functions
    # (body, blocks, macros) share that module's globals. If a Jinja release ever stops using
    # that name, nothing changes but the speed.
    namespace = template.root_render_func.__globals__
    if namespace.get("escape") is escape:
        namespace["escape"] = escape_output


def make_environment() -> DocgenEnvironment:
    """Sandboxed (no Python internals or files), autoescaped (user text such as `&`, `<`
    survives as text), strict (a misspelt variable is an error, not a silent blank)."""
    env = DocgenEnvironment(autoescape=True, undefined=StrictUndefined)
    for name in WITHDRAWN_FILTERS:
        del env.filters[name]
    for name in WITHDRAWN_GLOBALS:
        del env.globals[name]
    for name, widths in _FILTER_WIDTHS.items():
        env.filters[name] = _sized_filter(name, env.filters[name], widths)
    env.globals["range"] = limits.bounded_range
    env.filters["date_uk"] = date_uk
    env.filters["join_lines"] = join_lines
    env.filters[LOOP_FILTER] = limits.counted
    env.filters[SIZED_FILTER] = lambda value: limits.check_length(value, "'~'")
    return env


# Filters the renderer puts into every compiled template (never written by a maintainer).
LOOP_FILTER = "docgen_counted_loop"
SIZED_FILTER = "docgen_sized_text"
DOCGEN_FILTERS = ("date_uk", "join_lines")
