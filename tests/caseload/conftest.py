"""The demo's output as a register: what a SENCo's folder of filled forms looks like."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.demo import output_folder, run_demo
from docgen.frameworks import all_frameworks


@pytest.fixture(scope="session")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Birmingham's demo output (filled forms, the documents made from them, blank forms and
    a request pack); other frameworks' output is removed, so the figures below are
    Birmingham's three sample pupils."""
    out = tmp_path_factory.mktemp("demo") / "register"
    for _ in run_demo(out):
        pass
    for framework in all_frameworks():
        if not framework.default:
            shutil.rmtree(output_folder(out, framework), ignore_errors=True)
    return out
