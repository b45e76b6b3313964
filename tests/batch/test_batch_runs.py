"""A batch run called as a library, on one or two small forms: what a re-run skips, keeps and
reports; the index it leaves after a failure, an edit or an older docgen; what reaches the
disk; what the worker processes do."""

from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen import batch, processes
from docgen.batch import INDEX, Outcome, relative_inputs, run_batch, run_in_workers
from docgen.batch_inputs import digest_of
from docgen.batch_outputs import Planned
from tests.fixtures import MIA

MIA_CRISP = ["Thompson-Mia-crisp-record.docx"]
MIA_IEP = ["Thompson-Mia-iep.docx", "Thompson-Mia-leaflet.docx"]


def register_of(tmp_path: Path, *names: str) -> Path:
    register = tmp_path / "register"
    register.mkdir()
    for name in names:
        shutil.copy(MIA / name, register / name)
    return register


def report(out: Path) -> dict[str, dict[str, str]]:
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["input"]: row for row in csv.DictReader(handle)}


def index(out: Path) -> dict[str, dict]:
    return json.loads((out / INDEX).read_text("utf-8"))


def edit(form: Path, old: str, new: str) -> None:
    text = form.read_text("utf-8")
    assert old in text
    form.write_text(text.replace(old, new), "utf-8")


def on_disk(out: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in out.rglob("*.docx")}


def test_a_rerun_without_force_leaves_every_document_untouched_and_reports_it(
        tmp_path: Path) -> None:
    register, out = register_of(tmp_path, "crisp.yaml", "iep.yaml"), tmp_path / "out"
    first = run_batch(register, out, jobs=1)
    assert (first.counts, first.documents) == ({"ok": 2, "skipped": 0, "failed": 0}, 3)
    before = on_disk(out)
    assert sorted(before) == sorted(MIA_CRISP + MIA_IEP)
    seen: list[Outcome] = []
    again = run_batch(register, out, jobs=1, progress=seen.append)
    assert (again.inputs, again.counts, again.documents) == (
        2, {"ok": 0, "skipped": 2, "failed": 0}, 0)
    assert on_disk(out) == before  # not one byte nor time changed
    rows = report(out)
    assert [(name, row["status"], row["errors"], row["documents written"])
            for name, row in rows.items()] == [
        ("crisp.yaml", "skipped", "unchanged since the last run", "; ".join(MIA_CRISP)),
        ("iep.yaml", "skipped", "unchanged since the last run", "; ".join(MIA_IEP))]
    # the warnings of the last run are still there to read, and each input still named by
    # its content
    assert rows["iep.yaml"]["warnings"].startswith("The leaflet gives no telephone")
    assert [(o.input, o.status, o.digest) for o in seen] == [
        (name, "skipped", digest_of(register / name)) for name in ("crisp.yaml", "iep.yaml")]


def test_only_the_inputs_the_caller_names_are_made_and_the_others_keep_their_entries(
        tmp_path: Path) -> None:
    register, out = register_of(tmp_path, "crisp.yaml", "iep.yaml"), tmp_path / "out"
    run_batch(register, out, jobs=1)
    crisp_entry = index(out)["crisp.yaml"]
    for name in ("crisp.yaml", "iep.yaml"):
        edit(register / name, "Brookvale School and Sixth Form", "Brookvale Academy")
    summary = run_batch(register, out, jobs=1, inputs=["iep.yaml"])
    assert (summary.inputs, summary.counts) == (1, {"ok": 1, "skipped": 0, "failed": 0})
    assert list(report(out)) == ["iep.yaml"]
    entries = index(out)
    assert entries["iep.yaml"]["sha256"] == digest_of(register / "iep.yaml")
    assert entries["crisp.yaml"] == crisp_entry  # not in this run: kept as it was
    assert run_batch(register, out, jobs=1).counts == {"ok": 1, "skipped": 1, "failed": 0}


def test_a_form_that_fails_once_and_is_then_fixed_replaces_its_own_documents_without_force(
        tmp_path: Path) -> None:
    """A failed input keeps its last index entry: its documents stay its own, so the next
    good run may replace them (they are as docgen made them) without --force."""
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"
    run_batch(register, out, jobs=1)
    entry, before = index(out)["iep.yaml"], on_disk(out)
    form = register / "iep.yaml"
    good = form.read_text("utf-8")
    form.write_text("form: iep\npupil: {surname: Thompson}\n", "utf-8")
    failed = run_batch(register, out, jobs=1)
    assert failed.counts == {"ok": 0, "skipped": 0, "failed": 1}
    row = report(out)["iep.yaml"]
    assert (row["status"], row["documents written"]) == ("failed", "")
    assert '"Forename(s)": This must be filled in.' in row["errors"]
    assert index(out) == {"iep.yaml": entry}
    assert on_disk(out) == before

    form.write_text(good.replace("Brookvale School and Sixth Form", "Brookvale Academy"),
                    "utf-8")
    fixed = run_batch(register, out, jobs=1)
    assert fixed.counts == {"ok": 1, "skipped": 0, "failed": 0}
    assert report(out)["iep.yaml"]["documents written"] == "; ".join(MIA_IEP)
    assert on_disk(out)[MIA_IEP[0]][0] != before[MIA_IEP[0]][0]


def test_an_index_from_before_warnings_and_notes_were_kept_still_skips_unchanged_inputs(
        tmp_path: Path) -> None:
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"
    run_batch(register, out, jobs=1)
    entries = index(out)
    for entry in entries.values():
        del entry["warnings"], entry["notes"]
    (out / INDEX).write_text(json.dumps(entries), "utf-8")
    summary = run_batch(register, out, jobs=1)
    assert (summary.counts["skipped"], summary.remarked) == (1, 0)
    row = report(out)["iep.yaml"]
    assert (row["status"], row["warnings"], row["notes"]) == ("skipped", "", "")


def test_an_edited_index_entry_that_no_longer_lists_its_documents_makes_its_input_again(
        tmp_path: Path) -> None:
    """Found by this test: such an entry stopped the whole run with a KeyError."""
    register, out = register_of(tmp_path, "crisp.yaml", "iep.yaml"), tmp_path / "out"
    run_batch(register, out, jobs=1)
    entries = index(out)
    del entries["iep.yaml"]["outputs"]
    (out / INDEX).write_text(json.dumps(entries), "utf-8")
    summary = run_batch(register, out, jobs=1)
    assert summary.counts == {"ok": 1, "skipped": 1, "failed": 0}
    rows = report(out)
    assert (rows["iep.yaml"]["status"], rows["iep.yaml"]["documents written"]) == (
        "ok", "; ".join(MIA_IEP))
    assert index(out)["iep.yaml"]["outputs"] == MIA_IEP


@pytest.mark.parametrize("damaged", ["[1, 2]", '{"iep.yaml": "made"}', '{"iep.yaml": {',
                                     '"an index"'])
def test_an_index_docgen_cannot_use_is_no_index(tmp_path: Path, damaged: str) -> None:
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"
    out.mkdir()
    (out / INDEX).write_text(damaged, "utf-8")
    summary = run_batch(register, out, jobs=1)
    assert summary.counts == {"ok": 1, "skipped": 0, "failed": 0}
    assert list(index(out)) == ["iep.yaml"]


def test_a_file_saved_into_an_output_folder_inside_the_register_is_not_an_input(
        tmp_path: Path) -> None:
    register = register_of(tmp_path, "iep.yaml")
    (register / "documents").mkdir()
    (register / "documents" / "Thompson-Mia-iep (my copy).docx").write_bytes(b"PK edited")
    assert relative_inputs(register, register / "documents") == ["iep.yaml"]
    assert relative_inputs(register, tmp_path / "elsewhere") == [
        "documents/Thompson-Mia-iep (my copy).docx", "iep.yaml"]


def test_without_a_flush_of_everything_each_document_is_flushed_on_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """POSIX flushes the whole run once with os.sync; Windows has no such call, so there each
    document an input wrote is flushed before the run reports it (and none of a failure)."""
    register, out = register_of(tmp_path, "crisp.yaml", "iep.yaml"), tmp_path / "out"
    (register / "broken.yaml").write_text("form: iep\n", "utf-8")
    flushed: list[list[str]] = []

    def watched(paths):
        paths = list(paths)
        flushed.append([path.relative_to(out).as_posix() for path in paths])
        processes.flush_to_disk(paths)

    monkeypatch.setattr(batch, "flush_to_disk", watched)
    run_batch(register, out, jobs=1)
    assert flushed == [[]]  # one os.sync at the end
    flushed.clear()
    monkeypatch.delattr(os, "sync")
    summary = run_batch(register, out, jobs=1, force=True)
    assert summary.counts == {"ok": 2, "skipped": 0, "failed": 1}
    assert flushed == [MIA_CRISP, MIA_IEP, []]


def test_an_input_that_fails_while_its_documents_are_written_leaves_none_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up after the IEP is written and before the leaflet is."""
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"
    real = tempfile.NamedTemporaryFile

    def disk_full_at_the_leaflet(*args, **kwargs):
        if kwargs.get("prefix", "").endswith("-leaflet.docx."):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full_at_the_leaflet)
    summary = run_batch(register, out, jobs=1)
    assert summary.counts == {"ok": 0, "skipped": 0, "failed": 1}
    row = report(out)["iep.yaml"]
    assert row["errors"].startswith(f"{out / MIA_IEP[1]}: the disk is full, so the file was "
                                    "not written")
    assert sorted(p.name for p in out.iterdir()) == [INDEX, "report.csv"]  # no .part left


def test_a_failed_input_s_temporary_files_are_removed_even_when_one_is_already_gone(
        tmp_path: Path) -> None:
    waiting = tmp_path / ".d.docx.abcd1234.part"
    waiting.write_bytes(b"made")
    batch._discard([Planned("c.docx", str(tmp_path / ".c.docx.gone.part"), ""),
                    Planned("d.docx", str(waiting), "")])
    assert not waiting.exists()


def _wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _probe(root: str, relatives: list[str], out_root: str) -> list[dict]:
    """A worker's chunk: it says whether the three chunks ran at once, whether chunk c heard
    that the parent had already been handed a result before c itself finished, and whether
    its process watches the run's process (so it ends when the run is killed)."""
    folder, (name,) = Path(out_root), relatives
    (folder / f"started-{name}").touch()
    together = _wait_for(lambda: len(list(folder.glob("started-*"))) == 3)
    heard = name != "c" or _wait_for(lambda: (folder / "handed-on").exists())
    watching = any(t.name == "docgen-parent-watch" for t in threading.enumerate())
    return [{"input": name, "root": root, "pid": os.getpid(), "together": together,
             "heard": heard, "watching": watching}]


def test_workers_run_chunks_at_once_and_hand_each_result_on_as_it_finishes(
        tmp_path: Path) -> None:
    results = []
    for result in run_in_workers(tmp_path / "register", tmp_path, ["a", "b", "c"], 3, _probe):
        results.append(result)
        (tmp_path / "handed-on").touch()
    assert sorted(r["input"] for r in results) == ["a", "b", "c"]
    assert all(r["together"] and r["heard"] and r["watching"] for r in results), results
    assert {r["root"] for r in results} == {str(tmp_path / "register")}
    assert len({r["pid"] for r in results} | {os.getpid()}) == 4
