"""The README's two set-up commands stay true: CI runs exactly the test command it shows."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1]
    return re.findall(r"^```sh\n(.+?)\n```", block, flags=re.M | re.S)[:2]


def test_readme_has_two_quick_start_commands() -> None:
    demo, tests = _quick_start_commands()
    assert "docgen demo" in demo
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = _quick_start_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.strip() in ci
