"""Every document docgen makes, rendered from every sample pupil's data (once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.pipeline import Rendered, check, render_all

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PUPILS = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
FORMS = ("iep", "crisp", "hf_iep", "hf_review", "iep_review")


@pytest.fixture(scope="session")
def rendered() -> dict[tuple[str, str], Rendered]:
    """(pupil folder, document key) → the rendered document."""
    out: dict[tuple[str, str], Rendered] = {}
    for pupil in PUPILS:
        for form in FORMS:
            path = SAMPLES / pupil / f"{form}.yaml"
            if path.exists():
                for document in render_all(check(path)):
                    out[(pupil, f"{document.key}:{form}")] = document
    return out
