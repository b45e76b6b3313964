"""The delegation policy's messages, whole: what a maintainer reads when the file is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.domain.delegation import DelegationPolicy, load_policy
from docgen.errors import TemplateProblem

FIX = "Correct the file and run docgen again."


@pytest.mark.parametrize(("text", "problems"), [
    ("threads: {}\n", "default_max_delegated_band is missing"),
    ("- 4\n", "the file must be a mapping with default_max_delegated_band and threads"),
    ("default_max_delegated_band: 4\nthreads: [7]\n", "threads must map thread numbers to bands"),
    ("threads: [7]\n",
     "default_max_delegated_band is missing; threads must map thread numbers to bands"),
])
def test_each_problem_in_full(tmp_path: Path, text: str, problems: str) -> None:
    path = tmp_path / "delegation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_policy(path)
    assert caught.value.format_message() == (
        f"{path}: the delegation policy has problems: {problems}\n{FIX}")


def test_several_exceptions_are_listed_in_thread_order() -> None:
    policy = DelegationPolicy(4, {13: 3, 7: 5}, source="delegation.yaml")
    assert policy.describe() == (
        "Delegation policy (delegation.yaml): bands up to 4 on every thread are funded through "
        "the school's delegated budget, except thread 7 up to Band 5, thread 13 up to Band 3.")
