"""Fixtures for the form tests: fresh copies of the realistic raw data."""

from __future__ import annotations

import copy
import zipfile
from typing import Any

import pytest

from tests.unit.forms.builders import CRISP_DATA, IEP_DATA


@pytest.fixture
def iep_data() -> dict[str, Any]:
    return copy.deepcopy(IEP_DATA)


@pytest.fixture
def crisp_data() -> dict[str, Any]:
    return copy.deepcopy(CRISP_DATA)


@pytest.fixture
def zip_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The bytes of every read from any zip member, counted where zipfile returns them (what
    is inflated)."""
    counts: list[int] = []
    read = zipfile.ZipExtFile.read

    def counting(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        data = read(self, n)
        counts.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting)
    return counts
