"""The one Jinja environment every template runs in: sandboxed, autoescaped, strict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

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

    def from_string(self, source: Any, globals: Any = None,
                    template_class: Any = None) -> Template:
        template = super().from_string(source, globals, template_class)
        _use_fast_escape(template)
        # Jinja keeps a template's globals as a ChainMap over the environment's, and copies
        # them key by key into every render's context; a plain dict copies in one step.
        template.globals = dict(template.globals)
        return template


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
    env.filters["date_uk"] = date_uk
    env.filters["join_lines"] = join_lines
    return env
