"""A batch run's bookkeeping kept small (issue 20, memory flat): inputs found as plain names
in the order paths sort, kept in one buffer; names' owners and the inputs' identities in a
private SQLite table. What each gives back must be what the lists, sets and dicts gave."""

from __future__ import annotations

import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from docgen.batch import relative_inputs
from docgen.batch_inputs import Names, discover, discover_names, files_read
from docgen.batch_outputs import Claims, Identities, Placer, _identity
from docgen.safe_open.files import read_file
from tests.batch.test_placer import planned


def make(root: Path, *relatives: str) -> None:
    for relative in relatives:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("x", encoding="utf-8")


def test_inputs_come_in_the_order_their_paths_sort(tmp_path: Path) -> None:
    # as strings "a-b/c.yaml" < "a/b.yaml" ('-' before '/'); as paths a/ comes first
    make(tmp_path, "a-b/c.yaml", "a/b.yaml", "a b.yaml", "a.yaml", "a/z/y.docx", "a/c.json",
         "A/x.yml", "b/case.yaml", "b/evidence.docx", "a/case/case.yaml")
    names = discover_names(tmp_path)
    if sys.platform != "win32":  # where paths sort case-insensitively, A/ goes elsewhere
        assert list(names) == ["a/case", "b", "A/x.yml", "a/b.yaml", "a/c.json", "a/z/y.docx",
                               "a b.yaml", "a-b/c.yaml", "a.yaml"]
    assert discover(tmp_path) == sorted(tmp_path / n for n in names[:2]) + sorted(
        tmp_path / n for n in names[2:])


def test_the_register_itself_as_a_case_folder_is_named_dot(tmp_path: Path) -> None:
    make(tmp_path, "case.yaml", "evidence/report.docx", "iep.yaml")
    assert list(discover_names(tmp_path)) == ["."]
    assert discover(tmp_path) == [tmp_path]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
def test_a_linked_folder_is_not_entered_and_a_linked_file_is_an_input(tmp_path: Path) -> None:
    make(tmp_path / "elsewhere", "inside.yaml", "file.yaml")
    make(tmp_path / "register", "real/iep.yaml")
    (tmp_path / "register" / "linked").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "register" / "real" / "link.yaml").symlink_to(
        tmp_path / "elsewhere" / "file.yaml")
    (tmp_path / "register" / "real" / "broken.yaml").symlink_to(tmp_path / "gone.yaml")
    assert list(discover_names(tmp_path / "register")) == ["real/iep.yaml", "real/link.yaml"]


@pytest.mark.skipif(sys.platform != "linux", reason="any bytes in a name: Linux file systems")
def test_a_name_python_cannot_decode_comes_back_as_it_was(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/Wi\xb6niewska/iep.yaml"
    os.makedirs(os.path.dirname(raw))
    with open(raw, "wb") as handle:
        handle.write(b"x")
    make(tmp_path, "Llŷr/iep.yaml")
    names = discover_names(tmp_path)
    assert list(names) == ["Llŷr/iep.yaml", "Wi\udcb6niewska/iep.yaml"]
    assert (tmp_path / names[1]).is_file()
    assert files_read([tmp_path / n for n in names]) == [tmp_path / n for n in names]


def test_names_behave_as_a_list_of_strings() -> None:
    given = ["a/iep.yaml", "Llŷr/iep.docx", "", "Wiśniewska\udcb6", "z" * 300]
    names = Names(given)
    assert names == given and list(names) == given and len(names) == 5
    assert [names[i] for i in range(-5, 5)] == given + given
    assert names[1:4] == given[1:4] and names[::-2] == given[::-2]
    assert "Llŷr/iep.docx" in names and "llŷr/iep.docx" not in names
    assert names != given[:4] and names != [*given[:4], "z"]
    with pytest.raises(IndexError):
        names[5]
    with pytest.raises(IndexError):
        names[-6]
    assert not Names() and Names() == []
    assert repr(Names(["a"])) == "Names(['a'])"


def test_finding_20000_inputs_holds_no_path_or_string_for_each(tmp_path: Path) -> None:
    """The names of 20,000 inputs in the buffer: under half of a list of strings."""
    names = Names(f"pupil-{n:05d}/iep.yaml" for n in range(20_000))
    as_list = [f"pupil-{n:05d}/iep.yaml" for n in range(20_000)]
    tracemalloc.start()
    copy = Names(names)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    strings = sys.getsizeof(as_list) + sum(sys.getsizeof(s) for s in as_list)
    assert copy == as_list
    assert held < strings / 2, (held, strings)


def test_outputs_made_before_beside_their_forms_are_not_inputs(tmp_path: Path) -> None:
    make(tmp_path, "b/iep.yaml", "b/Evans-Tomos-iep.docx", "c/crisp.docx")
    (tmp_path / ".docgen-batch.json").write_text(
        '{"b/iep.yaml": {"outputs": ["b/Evans-Tomos-iep.docx"]}}', encoding="utf-8")
    assert relative_inputs(tmp_path, tmp_path) == ["b/iep.yaml", "c/crisp.docx"]


def test_names_two_inputs_differing_only_in_case_own_are_not_shared(tmp_path: Path) -> None:
    """Owners are kept exactly (as a digest of their name): 'A/iep.yaml' and 'a/iep.yaml' are
    two inputs, and their documents never meet in one file where names fold case."""
    placer = Placer(tmp_path, False, ["A/iep.yaml", "a/iep.yaml"], {})
    final, _ = placer.place("A/iep.yaml", [planned(tmp_path, "A/d.docx")])
    assert [name for _, name in final] == ["A/d.docx"]
    final, _ = placer.place("a/iep.yaml", [planned(tmp_path, "a/d.docx")])
    assert [name for _, name in final] == ["a/d-from-iep.docx"]
    final, _ = placer.place("A/iep.yaml", [planned(tmp_path, "A/D.docx")])
    assert [name for _, name in final] == ["A/D.docx"]  # its own, again


def test_claims_keep_the_first_owner_unless_replaced() -> None:
    claims = Claims()
    claims.claim(b"k" * 16, "a.yaml", replace=False)
    claims.claim(b"k" * 16, "b.yaml", replace=False)
    assert claims.free_for(b"k" * 16, "a.yaml") and not claims.free_for(b"k" * 16, "b.yaml")
    claims.claim(b"k" * 16, "b.yaml")
    assert claims.free_for(b"k" * 16, "b.yaml") and not claims.free_for(b"k" * 16, "a.yaml")
    assert claims.free_for(b"j" * 16, "anyone")


def test_identities_are_a_set_of_files(tmp_path: Path) -> None:
    make(tmp_path, "a.yaml", "b.yaml")
    identities = Identities()
    first = _identity(os.stat(tmp_path / "a.yaml"))
    identities.add(first)
    identities.add(first)
    assert first in identities
    assert _identity(os.stat(tmp_path / "b.yaml")) not in identities
    huge = (2**64 - 1) << 64 | (2**64 - 1)  # the largest device and inode numbers
    identities.add(huge)
    assert huge in identities and huge - 1 not in identities


def test_a_file_is_read_without_setting_its_whole_limit_aside(tmp_path: Path) -> None:
    """read(limit + 1) allocated the whole limit for every file (500 MB for a batch index)."""
    make(tmp_path, "small.json")
    tracemalloc.start()
    data = read_file(tmp_path / "small.json", 500_000_000, "batch index")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert data == b"x" and peak < 1_000_000, peak


def test_the_pool_is_handed_a_few_chunks_ahead_not_the_whole_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every chunk submitted at once kept a future and its chunk for each 20 inputs of the
    run until its end; the pool now gets a few per worker, more as each finishes."""
    from concurrent.futures import Future

    import docgen.batch as batch

    submitted: list[list[str]] = []

    class Pool:  # runs each chunk when it is handed over, as a worker would
        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, work: Any, root: str, chunk: list[str], out: str) -> Future:
            submitted.append(chunk)
            future: Future = Future()
            future.set_result(work(root, chunk, out))
            return future

    monkeypatch.setattr(batch, "worker_pool", lambda *args, **kwargs: Pool())
    monkeypatch.setattr(batch, "start_method", lambda: "spawn")
    todo = Names(f"pupil-{n:04d}/iep.yaml" for n in range(1000))
    made = batch._run(tmp_path, tmp_path, todo, 2, lambda root, chunk, out: chunk)
    first = next(made)
    assert len(submitted) <= 2 * 2 * batch.AHEAD < 1000 // batch.CHUNK
    everything = [first, *made]
    assert sorted(everything) == list(todo) and len(submitted) == 1000 // batch.CHUNK
