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


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_link_that_points_at_itself_named_like_a_form_is_not_an_input(tmp_path: Path) -> None:
    """Asking what it is fails (too many levels of links): it is passed over, not read."""
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    (tmp_path / "iep.yaml").write_text("x", encoding="utf-8")
    assert list(discover_names(tmp_path)) == ["iep.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_folder_whose_case_yaml_is_a_looping_link_is_still_a_case_folder(
        tmp_path: Path) -> None:
    """Only a case.yaml that is a folder is no case file; one docgen cannot open makes the
    folder a case all the same, so the pack reports what is wrong with it."""
    (tmp_path / "ellis").mkdir()
    os.symlink("case.yaml", tmp_path / "ellis" / "case.yaml")
    (tmp_path / "ellis" / "iep.yaml").write_text("x", encoding="utf-8")
    assert list(discover_names(tmp_path)) == ["ellis"]


def test_where_names_fold_case_inputs_come_in_the_order_that_system_sorts_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows ``B.yaml`` sorts after ``a.yaml``, as its paths do (by their code points it
    would come first)."""
    for name in ("B.yaml", "a.yaml", "C/x.yaml", "b2.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(os.path, "normcase", str.lower)  # what Windows' normcase does here
    assert list(discover_names(tmp_path)) == ["a.yaml", "B.yaml", "b2.yaml", "C/x.yaml"]


def test_a_name_out_of_range_is_an_index_error_saying_so() -> None:
    names = Names(["a", "b"])
    for index in (2, 3, -3):
        with pytest.raises(IndexError, match=r"^name index out of range$"):
            names[index]


def test_find_inputs_gives_each_input_under_the_register_less_documents_made_beside_forms(
        tmp_path: Path) -> None:
    """What the caseload reads with an output folder: the register's inputs as paths, but
    not the documents an earlier run into the register itself wrote beside their forms."""
    from docgen.batch import INDEX, find_inputs

    register = tmp_path / "register"
    for name in ("b/iep.yaml", "b/Evans-Tomos-iep.docx", "c/crisp.docx"):
        (register / name).parent.mkdir(parents=True, exist_ok=True)
        (register / name).write_text("x", encoding="utf-8")
    assert find_inputs(register, tmp_path / "out") == [
        register / "b" / "Evans-Tomos-iep.docx", register / "b" / "iep.yaml",
        register / "c" / "crisp.docx"]
    (register / INDEX).write_text('{"b/iep.yaml": {"outputs": ["b/Evans-Tomos-iep.docx"]}}',
                                  encoding="utf-8")
    assert find_inputs(register, register) == [register / "b" / "iep.yaml",
                                               register / "c" / "crisp.docx"]
