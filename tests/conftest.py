"""Shared fixtures: the bundled samples, and loading sample data as raw form data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def sample_raw(pupil: str, form: str) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / pupil / f"{form}.yaml").read_text(encoding="utf-8"))
    data.pop("form")
    return data


@pytest.fixture(autouse=True, scope="session")
def _compiled_templates_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory):
    """Compiled templates go to a folder of the test run's own, never the user's cache (and
    every process the tests start inherits it)."""
    import os

    folder = tmp_path_factory.mktemp("compiled-templates")
    before = os.environ.get("DOCGEN_CACHE_DIR")
    os.environ["DOCGEN_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("DOCGEN_CACHE_DIR", None)
    else:
        os.environ["DOCGEN_CACHE_DIR"] = before


@pytest.fixture
def iep_raw() -> dict[str, Any]:
    return copy.deepcopy(sample_raw("tomos-llyr-evans", "iep"))


@pytest.fixture
def crisp_raw() -> dict[str, Any]:
    return copy.deepcopy(sample_raw("zofia-wisniewska", "crisp"))
