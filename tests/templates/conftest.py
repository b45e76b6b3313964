"""Every document docgen makes, rendered from every sample pupil's data (once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.frameworks import all_frameworks
from docgen.pipeline import Rendered, check, render_all

# Every framework's sample pupils, by folder name (unique across frameworks).
FOLDERS: dict[str, Path] = {p.name: p for f in all_frameworks() for p in f.sample_pupils()}
PUPILS = sorted(FOLDERS)


@pytest.fixture(scope="session")
def rendered() -> dict[tuple[str, str], Rendered]:
    """(pupil folder, document key) → the rendered document."""
    out: dict[tuple[str, str], Rendered] = {}
    for pupil in PUPILS:
        for path in sorted(FOLDERS[pupil].glob("*.yaml")):
            for document in render_all(check(path)):
                out[(pupil, f"{document.key}:{path.stem}")] = document
    return out
