"""The variables each template may use, from what its document type really gives it.

The context builders produce the names; building them from every bundled sample pupil and
collecting the key paths gives the reference without retyping it. Loop items are written
``targets[].what``; labels and types come from the form definitions where a path is a field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from docgen.definitions import load_definition
from docgen.documents import DocumentType, all_documents, provenance
from docgen.frameworks import framework_of
from docgen.inputs import load_input
from docgen.validation import validate_data


@dataclass(frozen=True)
class Variable:
    path: str
    label: str
    type: str
    required: bool = False


def paths(value: Any, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            found.add(path)
            found |= paths(item, path)
    elif isinstance(value, list):
        found.add(f"{prefix}[]")
        for item in value:
            found |= paths(item, f"{prefix}[]")
    return found


@cache
def known_paths(key: str) -> frozenset[str]:
    document = all_documents()[key]
    found: set[str] = set()
    for folder in framework_of(document.forms[0]).sample_pupils():
        for form in document.forms:
            data_file = folder / f"{form}.yaml"
            if not data_file.is_file():
                continue
            form_input = load_input(data_file)
            checked = validate_data(form_input.definition, form_input.raw)
            if checked.valid and document.applies(checked.data):
                found |= paths(document.build(form_input.definition, checked.data))
    # every document also gets how it was made (its custom properties show it)
    return frozenset(found | paths({"provenance": provenance()}))


def document_for_template(name: str) -> DocumentType | None:
    for document in all_documents().values():
        if document.template in (name, f"{name}.docx") or document.key == name:
            return document
    return None


def variables(key: str) -> list[Variable]:
    """Every path a template of this document type may use, with labels where known."""
    document = all_documents()[key]
    fields: dict[str, Variable] = {}
    for form in document.forms:
        for section in load_definition(form).sections:
            prefix = section.key if section.kind == "group" else f"{section.key}[]"
            for f in section.fields:
                fields[f"{prefix}.{f.key}"] = Variable(f"{prefix}.{f.key}", f.label, f.type,
                                                       f.required)
    out = []
    for path in sorted(known_paths(key)):
        out.append(fields.get(path, Variable(path, "", "list" if path.endswith("[]")
                                             else "text")))
    return out


def required_paths(key: str) -> list[Variable]:
    return [v for v in variables(key) if v.required]
