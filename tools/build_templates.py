"""Writes the first versions of the bundled output templates into templates/.

The .docx files in templates/ are the source of truth once written: handbook maintainers edit
them in Word. This script is how the project authored them, kept so they can be rebuilt in
the house style: ``python tools/build_templates.py [NAME ...]``. Each family of documents has
its own module ``tools/templates_*.py`` with a ``BUILDERS`` dict (name → function).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def builders() -> dict[str, Callable[[], None]]:
    found: dict[str, Callable[[], None]] = {}
    for module_path in sorted((ROOT / "tools").glob("templates_*.py")):
        module = importlib.import_module(f"tools.{module_path.stem}")
        found.update(module.BUILDERS)
    return found


def main(names: list[str]) -> None:
    available = builders()
    for name in names or list(available):
        available[name]()
        print(f"wrote templates/{name}.docx")


if __name__ == "__main__":
    main(sys.argv[1:])
