"""The documents docgen makes: which form drives each, its template, context and file name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.definitions import FormDefinition
from docgen.filenames import document_stem, name_part

ContextBuilder = Callable[[FormDefinition, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class DocumentType:
    """One kind of output document."""

    key: str
    title: str
    template: str  # file name in its framework's templates folder
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
        """'Surname-Forename-what-it-is', plus the form when several forms make it: legal on
        Windows whatever the pupil is called, shortened if the names are very long (see
        docgen.filenames)."""
        pupil = data["pupil"]
        what = self.named(data) if self.named else self.key
        if len(self.forms) > 1:
            what += f"-from-{form}"
        return document_stem(pupil["surname"], pupil["forename"], what.replace("_", "-"))


DOCUMENTS: dict[str, DocumentType] = {}
# The modules that register each framework's documents are listed in its entry in
# docgen/frameworks.py (Birmingham's: docgen.families.crisp, .iep, .highfocus, .parents).


def register(document: DocumentType) -> DocumentType:
    DOCUMENTS[document.key] = document
    return document


def all_documents() -> dict[str, DocumentType]:
    """Every registered document type of every framework (imports are cached), in the
    order of the frameworks' modules whichever module was imported first."""
    from docgen.frameworks import load_all, module_rank

    load_all()
    return dict(sorted(DOCUMENTS.items(), key=lambda item: module_rank(item[1].build.__module__)))


def template_file(document: DocumentType) -> Path:
    """Where the document's template is: its framework's folder, or a maintainer's copy."""
    from docgen.frameworks import framework_of

    return framework_of(document.forms[0]).template_path(document.template)


def for_form(form: str, data: dict[str, Any] | None = None) -> list[DocumentType]:
    """Every document this form's data makes (all of them when data is None)."""
    return [d for d in all_documents().values()
            if form in d.forms and (data is None or d.applies(data))]


def slug(text: str) -> str:
    """A file-name-safe version of a name, keeping letters of every script."""
    return name_part(text)


def provenance(form: str = "", form_version: int | str = "") -> dict[str, str]:
    """What every generated document records in its custom properties (with the template's
    own name and version): the docgen version and the form it was made from."""
    from docgen import __version__

    return {"docgen_version": __version__, "form": form, "form_version": str(form_version)}
