"""The delegation policy: which CRISP bands a school funds from its delegated budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from docgen.domain import crisp
from docgen.errors import TemplateProblem
from docgen.resources import data_dir


@dataclass(frozen=True)
class DelegationPolicy:
    default_max_band: int
    per_thread: Mapping[int, int] = field(default_factory=dict)
    source: str = "schemas/settings/delegation.yaml"

    def ceiling(self, thread: int) -> int:
        return self.per_thread.get(thread, self.default_max_band)

    def non_delegated(self, bands: Mapping[int, int | None]) -> tuple[int, ...]:
        """Threads whose band is above what the delegated budget funds."""
        return tuple(n for n, band in sorted(bands.items())
                     if band is not None and band > self.ceiling(n))

    def describe(self) -> str:
        text = (f"Delegation policy ({self.source}): bands up to {self.default_max_band} on "
                "every thread are funded through the school's delegated budget")
        if self.per_thread:
            exceptions = ", ".join(f"thread {n} up to Band {b}"
                                   for n, b in sorted(self.per_thread.items()))
            text += f", except {exceptions}"
        return text + "."


def default_policy_path() -> Path:
    return data_dir("schemas") / "settings" / "delegation.yaml"


@cache
def load_policy(path: Path | None = None) -> DelegationPolicy:
    path = path or default_policy_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateProblem(f"the delegation policy cannot be read: {exc}",
                              file=str(path)) from None
    default = raw.get("default_max_delegated_band")
    threads = raw.get("threads") or {}
    problems = []
    if default not in crisp.BANDS:
        problems.append("default_max_delegated_band must be a band from 1 to 6")
    if not isinstance(threads, dict):
        problems.append("threads must map thread numbers to bands")
        threads = {}
    for thread, band in threads.items():
        if thread not in crisp.THREADS_BY_NUMBER:
            problems.append(f"thread {thread} does not exist (threads are 1 to 18)")
        if band not in crisp.BANDS:
            problems.append(f"thread {thread}: {band!r} is not a band from 1 to 6")
    if problems:
        raise TemplateProblem("the delegation policy has problems: " + "; ".join(problems),
                              file=str(path), hint="Correct the file and run docgen again.")
    return DelegationPolicy(default, dict(threads), source=_shown(path))


def _shown(path: Path) -> str:
    return str(path) if path != default_policy_path() else "schemas/settings/delegation.yaml"
