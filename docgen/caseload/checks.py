"""What a pupil's row says about the forms themselves: their own warnings, forms dated ahead.

Only counts and form labels, never what was typed: the caseload is printed and shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from docgen.caseload.model import FormFacts
from docgen.context import uk_date


@cache
def form_name(form: str) -> str:
    """'High Focus review form', from the definition's title ('… - input form')."""
    from docgen.definitions import load_definition
    from docgen.errors import DocgenError

    try:
        title = load_definition(form).title
    except DocgenError:  # a maintainer's form that no longer loads: its type names it
        return form
    return title.removesuffix(" - input form") + " form"


def form_checks(forms: Sequence[FormFacts]) -> list[str]:
    """One line per form whose own checks warn: how many, and where by section and label
    ("High Focus review form: 5 warnings: Apologies (Told the outcome ×2, …)")."""
    lines = []
    for facts in forms:
        if facts.warnings:
            count = len(facts.warnings)
            lines.append(f"{form_name(facts.form)}: {count} warning{'s' if count > 1 else ''}"
                         f": {where(facts.warnings)}")
    return lines


def where(places: Sequence[tuple[str, str]]) -> str:
    """Sections in the form's order, each with its labels and how often each is named."""
    sections: dict[str, dict[str, int]] = {}
    for section, label in places:
        labels = sections.setdefault(section or "The form", {})
        if label:
            labels[label] = labels.get(label, 0) + 1
    parts = []
    for section, labels in sections.items():
        named = ", ".join(label + (f" ×{n}" if n > 1 else "") for label, n in labels.items())
        parts.append(f"{section} ({named})" if named else section)
    return "; ".join(parts)


def form_date(facts: FormFacts) -> dt.date | None:
    """The date a form is of: a meeting's or review's date, a plan's start, a CRISP record's."""
    for key in ("date", "start", "crisp_date"):
        value = facts.facts.get(key)
        if isinstance(value, dt.date):
            return value
    return None


def future_forms(forms: Sequence[FormFacts], today: dt.date) -> list[str]:
    """Forms dated after today are not counted yet (a meeting not held, a plan not begun)."""
    lines = []
    for facts in forms:
        when = form_date(facts)
        if when is not None and when > today:
            lines.append(f"{form_name(facts.form)} dated {uk_date(when)}, after today: "
                         "not counted yet")
    return lines
