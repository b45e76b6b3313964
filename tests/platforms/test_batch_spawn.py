"""Batch runs on platforms without fork: Windows and macOS start workers with spawn. Here the
batch runs with spawn and with os.fork absent, and must make what a forked run makes."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import shutil
import sys
from pathlib import Path

import pytest

from docgen import processes
from docgen.batch import REPORT, Summary, run_batch
from tests.docx_helpers import all_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "register"
    for pupil in ("zofia-wisniewska", "aisha-rahman"):
        shutil.copytree(SAMPLES / pupil, folder / pupil)
    (folder / "broken.yaml").write_text("form: iep\npupil: {surname: X}\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def forked(register: Path) -> tuple[Path, Summary]:
    """One run the usual way on Linux (forked workers), to compare the others with."""
    out = register.parent / "forked"
    return out, run_batch(register, out, jobs=2)


def report(out: Path) -> list[list[str]]:
    with (out / REPORT).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def made(out: Path) -> dict[str, object]:
    """Every document's text and every other file's content, by path under ``out`` (a pack
    manifest without the time it was made and the pack's digest, which has that time too)."""
    found: dict[str, object] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name == ".docgen-batch.json":
            continue
        data = path.read_bytes()
        if path.suffix == ".docx":
            found[str(path.relative_to(out))] = all_text(data)
        elif path.name.endswith(".manifest.json"):
            manifest = json.loads(data)
            manifest.pop("made")
            manifest["pack"].pop("sha256")
            found[str(path.relative_to(out))] = manifest
        else:
            found[str(path.relative_to(out))] = data.decode("utf-8")
    return found


def test_spawn_without_fork_makes_the_same_documents_and_report(
        register: Path, forked: tuple[Path, Summary], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    forked_out, forked_summary = forked
    methods: list[str] = []
    real_context = multiprocessing.get_context

    def context(method: str | None = None) -> multiprocessing.context.BaseContext:
        methods.append(method or "")
        return real_context(method)

    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(multiprocessing, "get_context", context)
    spawned = run_batch(register, tmp_path / "spawned", jobs=2)
    assert methods == ["spawn"]
    assert spawned == forked_summary
    assert spawned.counts == {"ok": 11, "skipped": 0, "failed": 1}
    assert report(tmp_path / "spawned") == report(forked_out)
    expected = made(forked_out)
    assert sum(name.endswith(".docx") for name in expected) >= 10
    assert made(tmp_path / "spawned") == expected
    assert "zofia-wisniewska/Wiśniewska-Zofia-iep.docx" in expected


def test_report_reads_in_excels_dialect(forked: tuple[Path, Summary]) -> None:
    """Excel reads a CSV as UTF-8 when it starts with a byte-order mark; with or without one,
    the report parses in Excel's dialect with Polish letters intact."""
    with (forked[0] / REPORT).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, dialect="excel"))
    assert rows[0][:3] == ["input", "status", "documents written"]
    written = {row[0]: row[2] for row in rows[1:]}
    assert "zofia-wisniewska/Wiśniewska-Zofia-iep.docx" in written["zofia-wisniewska/iep.yaml"]


@pytest.mark.parametrize(("platform", "has_fork", "method"), [
    ("linux", True, "fork"), ("linux", False, "spawn"), ("darwin", True, "spawn"),
    ("win32", False, "spawn")])
def test_start_method_is_chosen_for_the_platform(monkeypatch: pytest.MonkeyPatch,
                                                 platform: str, has_fork: bool,
                                                 method: str) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    if not has_fork:
        monkeypatch.delattr(os, "fork")
    assert processes.start_method() == method


def test_windows_never_asks_for_more_than_61_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert processes.worker_count(128) == 61 and processes.worker_count(4) == 4
    monkeypatch.setattr(sys, "platform", "linux")
    assert processes.worker_count(128) == 128


def test_without_os_sync_each_document_is_flushed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    register = tmp_path / "register"
    shutil.copytree(SAMPLES / "aisha-rahman", register / "aisha-rahman")
    flushed: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.delattr(os, "sync")
    monkeypatch.setattr(os, "fsync", fsync)
    run_batch(register, tmp_path / "out", jobs=1)
    written = {str((tmp_path / "out" / name).resolve()) for row in report(tmp_path / "out")[1:]
               for name in row[2].split("; ") if name}
    assert len(written) >= 8
    assert written <= set(flushed)
