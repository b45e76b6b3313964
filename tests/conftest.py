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


@pytest.fixture
def iep_raw() -> dict[str, Any]:
    return copy.deepcopy(sample_raw("tomos-llyr-evans", "iep"))


@pytest.fixture
def crisp_raw() -> dict[str, Any]:
    return copy.deepcopy(sample_raw("zofia-wisniewska", "crisp"))
