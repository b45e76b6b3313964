"""Deadline providers: each framework says what its forms mean for a pupil's caseload row.

A framework registers its provider in the framework registry (``Framework.deadlines``, a
"module:NAME" like its rules). The caseload pipeline asks the registry for the provider of a
form's framework and never names a framework itself.

A provider does two things:
- ``extract(form, data)`` turns one validated form into plain facts (run in the workers, so
  only small data crosses between processes); ``None`` for a form it has nothing to say about;
- ``assess(forms, today)`` turns every form of one pupil into that pupil's status: stage,
  need, current plan, what is due and when, and the checks to show.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Protocol

from docgen.caseload.model import FormFacts, PupilStatus


class DeadlineProvider(Protocol):
    def extract(self, form: str, data: Mapping[str, Any]) -> dict[str, Any] | None: ...

    def assess(self, forms: Sequence[FormFacts], today: dt.date) -> PupilStatus: ...


@cache
def _load(dotted: str) -> DeadlineProvider:
    module, _, name = dotted.partition(":")
    provider: DeadlineProvider = getattr(importlib.import_module(module), name)
    return provider


def provider_of(framework_key: str) -> DeadlineProvider | None:
    """The framework's provider, or None when it registers none (its forms still count)."""
    from docgen.frameworks import get

    dotted = get(framework_key).deadlines
    return _load(dotted) if dotted else None


class NoDeadlines:
    """The status of a pupil whose framework registers no provider: who, and the checks."""

    def __init__(self, title: str) -> None:
        self.title = title

    def extract(self, form: str, data: Mapping[str, Any]) -> dict[str, Any] | None:
        return None

    def assess(self, forms: Sequence[FormFacts], today: dt.date) -> PupilStatus:
        return PupilStatus(framework=self.title, stage="")
