"""Builders for hostile and broken input files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.forms.writer import write_blank_form

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample(pupil: str = "tomos-llyr-evans", form: str = "iep") -> dict:
    data = yaml.safe_load((SAMPLES / pupil / f"{form}.yaml").read_text("utf-8"))
    data.pop("form")
    return data


def filled_form(data: dict, form: str = "iep") -> bytes:
    definition = load_definition(form)
    return fill_form(write_blank_form(definition), definition, data)


def replace_part(docx: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
        if name not in source.namelist():
            target.writestr(name, content)
    return out.getvalue()


@pytest.fixture
def good_form(tmp_path: Path) -> Path:
    path = tmp_path / "iep-form.docx"
    path.write_bytes(filled_form(sample()))
    return path
