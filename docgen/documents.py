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
    named: Callable[[dict[str, Any]], str] | None = None  # a name that depends on the data
    # a last step on the rendered document, given its context (a letter's logo, say)
    post: Callable[[bytes, dict[str, Any]], bytes] | None = None
    # what the settings lack for this document (shown on screen by check, make and batch)
    warnings: Callable[[dict[str, Any]], list[str]] | None = None

    def file_name(self, data: dict[str, Any], form: str) -> str:
        """'Surname-Forename-what-it-is', plus the form when several forms make it."""
        pupil = data["pupil"]
        what = self.named(data) if self.named else self.key
        name = f"{slug(pupil['surname'])}-{slug(pupil['forename'])}-{what}"
        if len(self.forms) > 1:
            name += f"-from-{form}"
        return name.replace("_", "-")


DOCUMENTS: dict[str, DocumentType] = {}
FAMILIES = ("iep", "highfocus", "parents")  # modules under docgen/families that register documents


def register(document: DocumentType) -> DocumentType:
    DOCUMENTS[document.key] = document
    return document


def all_documents() -> dict[str, DocumentType]:
    """Every registered document type, loading every family (imports are cached)."""
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


def provenance(form: str = "", form_version: int | str = "") -> dict[str, str]:
    """What every generated document records in its custom properties (with the template's
    own name and version): the docgen version and the form it was made from."""
    from docgen import __version__

    return {"docgen_version": __version__, "form": form, "form_version": str(form_version)}
