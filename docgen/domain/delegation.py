"""The delegation policy: which CRISP bands a school funds from its delegated budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from docgen.domain import crisp
from docgen.errors import TemplateProblem
from docgen.textfiles import load_settings

# Which bands are delegated is the local authority's policy, not a fact of the guidance; the
# guidance only says a review decides between "the school's own resources (delegated
# provision)" and a request for Statutory Assessment "because the agreed CRISP profile shows
# elements that are not delegated". The review records its decision; the policy only checks it
# (a warning on screen). The bundled file documents the default and why.
BUNDLED_NAME = "schemas/settings/delegation.yaml"
_KEYS = {"default_max_delegated_band", "threads"}


@dataclass(frozen=True)
class DelegationPolicy:
    """The highest band funded through the delegated budget, by default and per thread."""

    default_max_band: int
    per_thread: Mapping[int, int] = field(default_factory=dict)
    source: str = BUNDLED_NAME  # the settings file, as warnings name it

    def __post_init__(self) -> None:
        # A cached policy is shared by every caller: keep its exceptions read-only.
        object.__setattr__(self, "per_thread", MappingProxyType(dict(self.per_thread)))

    def ceiling(self, thread: int) -> int:
        """The highest band on this thread that the school's delegated budget funds."""
        return self.per_thread.get(thread, self.default_max_band)

    def non_delegated(self, bands: Mapping[int, int | None]) -> tuple[int, ...]:
        """Threads whose band is above what the delegated budget funds, in thread order."""
        return tuple(n for n, band in sorted(bands.items())
                     if band is not None and band > self.ceiling(n))

    def describe(self) -> str:
        """One sentence naming the policy and its file, for warnings on screen (never a page)."""
        text = (f"Delegation policy ({self.source}): bands up to {self.default_max_band} on "
                "every thread are funded through the school's delegated budget")
        if self.per_thread:
            exceptions = ", ".join(f"thread {n} up to Band {b}"
                                   for n, b in sorted(self.per_thread.items()))
            text += f", except {exceptions}"
        return text + "."


def default_policy_path() -> Path:
    from docgen.frameworks import BIRMINGHAM

    return BIRMINGHAM.settings_dir() / "delegation.yaml"


@cache  # read once per process; a TemplateProblem is raised again on every call
def load_policy(path: Path | None = None) -> DelegationPolicy:
    """The policy in a settings file (None: the bundled one); TemplateProblem if it is wrong."""
    shown_path = Path(path) if path is not None else default_policy_path()
    raw = load_settings(shown_path, "delegation policy")
    problems = _problems(raw)
    if problems:
        raise TemplateProblem("the delegation policy has problems: " + "; ".join(problems),
                              file=str(shown_path), hint="Correct the file and run docgen again.")
    source = BUNDLED_NAME if path is None or path == default_policy_path() else str(path)
    return DelegationPolicy(raw["default_max_delegated_band"], dict(raw.get("threads") or {}),
                            source=source)


def _problems(raw: Any) -> list[str]:
    """Every problem in the file's content, so one run reports them all."""
    if not isinstance(raw, dict):
        return ["the file must be a mapping with default_max_delegated_band and threads"]
    problems = [f"unknown setting {key!r} (expected: default_max_delegated_band, threads)"
                for key in raw if key not in _KEYS]
    if "default_max_delegated_band" not in raw:
        problems.append("default_max_delegated_band is missing")
    elif not _is_band(raw["default_max_delegated_band"]):
        problems.append(f"default_max_delegated_band: {raw['default_max_delegated_band']!r} is "
                        "not a band from 1 to 6")
    threads = raw.get("threads") or {}
    if not isinstance(threads, dict):
        return [*problems, "threads must map thread numbers to bands"]
    for thread, band in threads.items():
        if not _is_int(thread) or thread not in crisp.THREADS_BY_NUMBER:
            problems.append(f"thread {thread} does not exist (threads are 1 to 18)")
        if not _is_band(band):
            problems.append(f"thread {thread}: {band!r} is not a band from 1 to 6")
    return problems


def _is_int(value: Any) -> bool:
    # YAML reads 'yes'/'true' as booleans, and bool is an int subclass (True == 1).
    return isinstance(value, int) and not isinstance(value, bool)


def _is_band(value: Any) -> bool:
    return _is_int(value) and value in crisp.BANDS
