"""What discover_names finds and what Names gives back, at the edges the memory work made
new: files that only look like forms, and Names compared with things that are not lists."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from docgen.batch_inputs import Names, discover_names


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_dangling_link_named_like_a_form_is_not_an_input(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "gone.yaml", tmp_path / "broken.yaml")
    os.symlink(tmp_path / "gone", tmp_path / "broken-folder")
    assert list(discover_names(tmp_path)) == ["real.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_named_like_a_form_is_not_an_input(tmp_path: Path) -> None:
    """Reading it would wait for a writer for ever."""
    os.mkfifo(tmp_path / "pipe.docx")
    (tmp_path / "form.docx").write_bytes(b"x")
    assert list(discover_names(tmp_path)) == ["form.docx"]


def test_names_equal_only_a_list_of_the_same_names_not_a_string_or_a_mapping() -> None:
    names = Names(["a", "b"])
    assert names == ["a", "b"] and names == ("a", "b")
    assert names != "ab"  # a string is a sequence of its letters, not of names
    assert Names([]) != ""
    assert names != {"a": 1, "b": 2}  # iterating a mapping gives its keys
    assert names != 2
    assert names != ["a"] and names != ["a", "b", "c"] and names != ["a", "c"]
