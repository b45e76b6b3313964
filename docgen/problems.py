"""A problem found in a form or template: severity, where (by the form's own label), what to do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One error or warning, located the way the person who filled the form sees it."""

    severity: Severity
    message: str
    label: str | None = None  # the field's label in the form
    section: str | None = None  # the section heading in the form
    row: int | None = None  # 1-based data row of a table
    value: Any = None  # what was typed; shown only when the user asks (--show-values)

    @property
    def where(self) -> str:
        parts = []
        if self.section:
            parts.append(self.section)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.label:
            parts.append(f'"{self.label}"')
        return ", ".join(parts)

    def text(self, *, show_values: bool = False) -> str:
        message = f"{self.where}: {self.message}" if self.where else self.message
        if show_values and self.value is not None:
            message += f" (you typed: {_shown(self.value)})"
        return message

    def as_json(self, *, show_values: bool = False) -> dict[str, Any]:
        out = {
            "section": self.section,
            "label": self.label,
            "row": self.row,
            "message": self.message,
        }
        if show_values:
            out["value"] = None if self.value is None else str(self.value)
        return out


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def error(message: str, **where: Any) -> Problem:
    return Problem("error", message, **where)


def warning(message: str, **where: Any) -> Problem:
    return Problem("warning", message, **where)
