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

    def text(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "label": self.label,
            "row": self.row,
            "message": self.message,
        }


def error(message: str, **where: Any) -> Problem:
    return Problem("error", message, **where)


def warning(message: str, **where: Any) -> Problem:
    return Problem("warning", message, **where)
