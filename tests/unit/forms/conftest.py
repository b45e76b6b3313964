"""Fixtures for the form tests: fresh copies of the realistic raw data."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.unit.forms.builders import CRISP_DATA, IEP_DATA


@pytest.fixture
def iep_data() -> dict[str, Any]:
    return copy.deepcopy(IEP_DATA)


@pytest.fixture
def crisp_data() -> dict[str, Any]:
    return copy.deepcopy(CRISP_DATA)
