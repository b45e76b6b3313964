"""The one Jinja environment every template runs in: sandboxed, autoescaped, strict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment


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


def make_environment() -> ImmutableSandboxedEnvironment:
    """Sandboxed (no Python internals or files), autoescaped (user text such as `&`, `<`
    survives as text), strict (a misspelt variable is an error, not a silent blank)."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["date_uk"] = date_uk
    env.filters["join_lines"] = join_lines
    return env
