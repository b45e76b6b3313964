"""A test client that has opened docgen's link (so it holds the run's cookie)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask.testing import FlaskClient

from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.forms.writer import write_blank_form
from docgen.web.app import create_app
from docgen.web.security import csrf_token

TOKEN = "test-run-token"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def client() -> FlaskClient:
    app = create_app(TOKEN, max_upload_mb=5)
    app.config["TESTING"] = True
    client = app.test_client()
    response = client.get(f"/?token={TOKEN}")
    assert response.status_code == 302
    return client


@pytest.fixture
def csrf() -> str:
    return csrf_token(TOKEN)


def filled_form_bytes(pupil: str = "tomos-llyr-evans", form: str = "iep",
                      changes: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """A sample's Word form, filled; ``changes`` updates fields section by section."""
    data = yaml.safe_load((SAMPLES / pupil / f"{form}.yaml").read_text("utf-8"))
    data.pop("form")
    for section, fields in (changes or {}).items():
        data[section].update(fields)
    definition = load_definition(form)
    return fill_form(write_blank_form(definition), definition, data)
