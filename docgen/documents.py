"""The documents docgen makes: which form drives each, its template, context and file name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docgen.definitions import FormDefinition

ContextBuilder = Callable[[FormDefinition, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class DocumentType:
    """One kind of output document."""

    key: str
    title: str
    template: str  # file name under templates/
    forms: tuple[str, ...]  # form types whose data can make it
    build: ContextBuilder
    audience: str = "staff"  # "staff" or "parents": parent documents have stricter checks
    applies: Callable[[dict[str, Any]], bool] = lambda data: True

    def file_name(self, pupil: dict[str, Any]) -> str:
        return f"{slug(pupil['surname'])}-{slug(pupil['forename'])}-{self.key.replace('_', '-')}"


DOCUMENTS: dict[str, DocumentType] = {}
FAMILIES = ("iep",)  # modules under docgen/families that register documents


def register(document: DocumentType) -> DocumentType:
    DOCUMENTS[document.key] = document
    return document


def all_documents() -> dict[str, DocumentType]:
    """Every registered document type, loading the families on first use."""
    if not DOCUMENTS:
        for family in FAMILIES:
            importlib.import_module(f"docgen.families.{family}")
    return DOCUMENTS


def for_form(form: str, data: dict[str, Any] | None = None) -> list[DocumentType]:
    """Every document this form's data makes (all of them when data is None)."""
    return [d for d in all_documents().values()
            if form in d.forms and (data is None or d.applies(data))]


def slug(text: str) -> str:
    """A file-name-safe version of a name, keeping letters of every script."""
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.strip())
    return "-".join(part for part in kept.split("-") if part) or "pupil"
