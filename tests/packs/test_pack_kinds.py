"""Which framework's pack a case folder makes, and that the commands' choices reach it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest

from docgen.errors import UnusableInput
from docgen.frameworks import BIRMINGHAM, SEND_2015
from docgen.packs import kinds


class FakePack(SimpleNamespace):
    """A framework's pack module that records what it was asked."""

    def check_case(self, folder: Path) -> str:
        self.calls.append(("check_case", folder))
        return "checked"

    def build_pack(self, folder: Path, *, draft: bool, redacted: bool) -> bytes:
        self.calls.append(("build_pack", folder, draft, redacted))
        return b"pack"

    def skeleton(self, name: str) -> str:
        return f"skeleton for {name}"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakePack:
    pack = FakePack(calls=[], framework=None)

    def module(framework):
        pack.framework = framework.key
        return pack

    monkeypatch.setattr(kinds, "pack_module", module)
    return pack


def test_the_draft_and_redacted_choices_reach_the_frameworks_pack(tmp_path: Path,
                                                                   fake: FakePack) -> None:
    (tmp_path / "case.yaml").write_text("framework: send2015\n", "utf-8")
    assert kinds.build_pack(tmp_path, draft=True, redacted=False) == b"pack"
    assert kinds.build_pack(tmp_path, draft=False, redacted=True) == b"pack"
    assert kinds.build_pack(tmp_path) == b"pack"
    assert kinds.check_case(tmp_path) == "checked"
    assert fake.framework == "send2015"
    assert fake.calls == [("build_pack", tmp_path, True, False),
                          ("build_pack", tmp_path, False, True),
                          ("build_pack", tmp_path, False, False), ("check_case", tmp_path)]


def test_each_framework_names_its_pack_module() -> None:
    assert kinds.pack_module(BIRMINGHAM).__name__ == "docgen.packs.birmingham"
    assert kinds.pack_module(SEND_2015).__name__ == "docgen.packs.ehc_request"


def test_a_framework_that_makes_no_packs_cannot_be_named(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    wales = dataclasses.replace(SEND_2015, key="wales", packs="", default=False)
    monkeypatch.setattr(kinds, "all_frameworks", lambda: [BIRMINGHAM, SEND_2015, wales])
    (tmp_path / "case.yaml").write_text("framework: wales\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        kinds.case_framework(tmp_path)
    assert caught.value.message == "case.yaml names the framework 'wales', which makes no packs"
    assert caught.value.hint.startswith("Use one of: birmingham, send2015 (or leave")
    (tmp_path / "case.yaml").write_text("framework: send2015\n", "utf-8")
    assert kinds.case_framework(tmp_path) is SEND_2015


def test_a_form_whose_framework_makes_no_packs_starts_a_default_case(
        monkeypatch: pytest.MonkeyPatch) -> None:
    wales = dataclasses.replace(SEND_2015, key="wales", packs="", default=False)
    monkeypatch.setattr(kinds, "framework_of", lambda form: wales)
    assert kinds.skeleton_for("wales_plan", "Cerys Jones").startswith(
        "# The case folder for Cerys Jones. docgen reads the filled forms")


def test_each_form_starts_its_own_frameworks_case() -> None:
    assert kinds.skeleton_for("ehc_request", "Amira Haddad").startswith(
        "# The case folder for Amira Haddad's request for an EHC needs assessment")
    assert kinds.skeleton_for("iep", "Ellis Morgan").startswith(
        "# The case folder for Ellis Morgan. docgen reads")
