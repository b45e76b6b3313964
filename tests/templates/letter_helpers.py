"""Rendering one document from a sample pupil's data, changed as a test needs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from docx.oxml.ns import qn

from docgen.definitions import load_definition
from docgen.documents import all_documents, provenance, template_file
from docgen.render import render_to_bytes
from docgen.validation import validate_data
from tests.templates.conftest import FOLDERS


def sample_raw(pupil: str, form: str) -> dict[str, Any]:
    """A sample pupil's form data, of either framework."""
    import yaml

    data = yaml.safe_load((FOLDERS[pupil] / f"{form}.yaml").read_text(encoding="utf-8"))
    data.pop("form")
    return data


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
    data = render_to_bytes(template_file(document), context)
    return document.post(data, context) if document.post else data


def warnings_of(pupil: str, form: str, change: Callable[[dict[str, Any]], None]) -> list[str]:
    raw = copy.deepcopy(sample_raw(pupil, form))
    change(raw)
    return [p.text() for p in validate_data(load_definition(form), raw).warnings]


def sign_off_block(document: Any) -> Any:
    """The letter's closing paragraph: in the one-row layout table that ends the letter."""
    tables = [t for t in document.tables
              if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "Signature"]
    assert len(tables) == 1, "a letter has one signature block"
    assert document.element.body[-2] is tables[0]._tbl  # the letter's end (before sectPr)
    return tables[0].rows[0].cells[0].paragraphs[0]


def assert_sign_off_kept_with_the_letter(document: Any) -> None:
    """The sign-off never splits (its row cannot break, its paragraph is kept together) and
    moves with the last two paragraphs of the letter (kept with what follows)."""
    block = sign_off_block(document)
    assert block.paragraph_format.keep_together
    row = document.tables[-1].rows[0]._tr
    assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None
    body = [p for p in document.paragraphs if p.text.strip()]
    assert all(p.paragraph_format.keep_with_next for p in body[-2:])
