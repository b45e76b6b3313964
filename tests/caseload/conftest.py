"""The demo's output as registers: what a SENCo's folder of filled forms looks like."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docgen.demo import output_folder, run_demo
from docgen.frameworks import SEND_2015, all_frameworks


@pytest.fixture(scope="session")
def demo_registers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's output (filled forms, the documents made from them, blank forms and request
    packs), split into one register per framework: each framework's figures stay its own
    sample pupils'."""
    root = tmp_path_factory.mktemp("demo")
    out = root / "register"
    for _ in run_demo(out):
        pass
    registers = {}
    for framework in all_frameworks():
        if not framework.default:
            registers[framework.key] = Path(shutil.move(output_folder(out, framework),
                                                        root / framework.key))
    registers.update({f.key: out for f in all_frameworks() if f.default})
    return registers


@pytest.fixture(scope="session")
def demo_register(demo_registers: dict[str, Path]) -> Path:
    """Birmingham's three sample pupils."""
    return demo_registers["birmingham"]


@pytest.fixture(scope="session")
def demo_register_2015(demo_registers: dict[str, Path]) -> Path:
    """The 2015 Code's three sample pupils: Leo, Amira and Callum."""
    return demo_registers[SEND_2015.key]
