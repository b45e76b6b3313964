"""The delegation policy file: the authority's setting, validated, and how outcomes name it."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.domain.delegation import DelegationPolicy, default_policy_path, load_policy
from docgen.errors import TemplateProblem


def test_bundled_policy_delegates_up_to_band_4() -> None:
    """'Some pupils will not have Statements, but will have levels of need at present within the
    ‘statementing range’ (that is; assessed at CRISP Band 4 and above).' The bundled default
    assumes Band 4 is delegated and Bands 5–6 are not."""
    policy = load_policy()
    assert (policy.default_max_band, dict(policy.per_thread)) == (4, {})
    assert policy.describe() == (
        "Delegation policy (schemas/settings/delegation.yaml): bands up to 4 on every thread are "
        "funded through the school's delegated budget.")
    assert default_policy_path().name == "delegation.yaml"


def test_bundled_file_says_the_default_is_an_assumption() -> None:
    text = " ".join(default_policy_path().read_text(encoding="utf-8").replace("#", "").split())
    assert "POLICY, not a fact of the guidance" in text
    assert "ASSUMED DEFAULT, to be set by the authority" in text


def test_non_delegated_threads_are_those_above_their_ceiling() -> None:
    policy = DelegationPolicy(4, {13: 3})
    assert policy.non_delegated({1: 4, 7: 5, 13: 4, 14: None}) == (7, 13)
    assert policy.non_delegated({1: 4, 13: 3}) == ()
    assert policy.describe().endswith(
        "bands up to 4 on every thread are funded through the school's delegated budget, except "
        "thread 13 up to Band 3.")


def test_policy_exceptions_are_read_only() -> None:
    policy = DelegationPolicy(4, {13: 3})
    with pytest.raises(TypeError):
        policy.per_thread[13] = 6  # type: ignore[index]


def test_a_policy_file_of_the_authority(tmp_path: Path) -> None:
    path = tmp_path / "delegation.yaml"
    path.write_text("default_max_delegated_band: 3\nthreads:\n  7: 4\n", encoding="utf-8")
    policy = load_policy(path)
    assert (policy.default_max_band, dict(policy.per_thread)) == (3, {7: 4})
    assert policy.describe().startswith(f"Delegation policy ({path}): bands up to 3")


def _refused(tmp_path: Path, text: str) -> str:
    path = tmp_path / "delegation.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_policy(path)
    message = caught.value.format_message()
    assert message.startswith(f"{path}: ")  # names the file
    return message


def test_thread_19_is_refused_naming_the_file(tmp_path: Path) -> None:
    message = _refused(tmp_path, "default_max_delegated_band: 4\nthreads: {19: 3}\n")
    assert "thread 19 does not exist (threads are 1 to 18)" in message


@pytest.mark.parametrize(("text", "expected"), [
    ("default_max_delegated_band: 7\n", "default_max_delegated_band: 7 is not a band from 1 to 6"),
    ("default_max_delegated_band: true\n", "True is not a band from 1 to 6"),
    ("threads: {}\n", "default_max_delegated_band is missing"),
    ("default_max_delegated_band: 4\nthreads: {7: 0}\n", "thread 7: 0 is not a band from 1 to 6"),
    ("default_max_delegated_band: 4\nthreads: {'7': 5}\n", "thread 7 does not exist"),
    ("default_max_delegated_band: 4\nthreads: [7]\n", "threads must map thread numbers to bands"),
    ("default_max_delegated_band: 4\ndefault: 5\n", "unknown setting 'default'"),
    ("- 4\n", "the file must be a mapping"),
    ("default_max_delegated_band: [\n", "cannot be read"),
])
def test_bad_settings_are_refused(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _refused(tmp_path, text)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    message = _refused(tmp_path, "default_max_delegated_band: 9\nthreads: {0: 2, 5: 8}\n")
    assert message.count(";") == 2


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem) as caught:
        load_policy(tmp_path / "absent.yaml")
    assert "absent.yaml" in caught.value.format_message()


def test_the_settings_file_says_the_policy_only_checks_the_review_s_decision() -> None:
    from docgen.domain.delegation import default_policy_path

    text = default_policy_path().read_text("utf-8")
    assert "names this file in its reason" not in text
    assert "The policy never changes a decision, and no\n# document names this file." in text
