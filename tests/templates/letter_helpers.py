"""Rendering one document from a sample pupil's data, changed as a test needs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from docgen.definitions import load_definition
from docgen.documents import all_documents, provenance
from docgen.render import render_to_bytes
from docgen.resources import template_path
from docgen.validation import validate_data
from tests.conftest import sample_raw


def render(pupil: str, form: str, key: str,
           change: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    raw = copy.deepcopy(sample_raw(pupil, form))
    if change is not None:
        change(raw)
    definition = load_definition(form)
    result = validate_data(definition, raw)
    assert result.valid, [p.text() for p in result.errors]
    document = all_documents()[key]
    context = document.build(definition, result.data)
    context["provenance"] = provenance(form, definition.version)
    data = render_to_bytes(template_path(document.template), context)
    return document.post(data, context) if document.post else data


def warnings_of(pupil: str, form: str, change: Callable[[dict[str, Any]], None]) -> list[str]:
    raw = copy.deepcopy(sample_raw(pupil, form))
    change(raw)
    return [p.text() for p in validate_data(load_definition(form), raw).warnings]
