"""The 2015 Code's sample pupils, as raw data to change one thing at a time."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from docgen.definitions import load_definition
from docgen.frameworks import SEND_2015
from docgen.problems import Problem
from docgen.validation import validate_data

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "send2015"


def raw(pupil: str, form: str) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / pupil / f"{form}.yaml").read_text(encoding="utf-8"))
    data.pop("form")
    return copy.deepcopy(data)


def problems(form: str, data: dict[str, Any]) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of validating ``data`` as a ``form`` form."""
    result = validate_data(load_definition(form), data)
    return result.errors, result.warnings


def texts(found: list[Problem]) -> list[str]:
    return [p.text() for p in found]


assert SEND_2015.samples_dir() == SAMPLES
