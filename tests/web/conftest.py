"""A test client that has opened docgen's link (so it holds the run's cookie)."""

from __future__ import annotations

from pathlib import Path

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


def filled_form_bytes(pupil: str = "tomos-llyr-evans", form: str = "iep") -> bytes:
    data = yaml.safe_load((SAMPLES / pupil / f"{form}.yaml").read_text("utf-8"))
    data.pop("form")
    definition = load_definition(form)
    return fill_form(write_blank_form(definition), definition, data)
