"""The batch's private SQLite tables (claimed names, input identities): where their data
lives, that it is let go when the run ends however it ends, and that nothing of it is ever
left in the user's output folder."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from docgen import batch
from docgen.batch import INDEX, REPORT, run_batch
from docgen.batch_outputs import Claims, Identities, Placer, _key
from tests.batch.test_batch_runs import MIA_CRISP, MIA_IEP, register_of

SPILL = "etilqs_"  # the name SQLite gives its temporary files


@pytest.fixture
def placers(monkeypatch: pytest.MonkeyPatch) -> list[Placer]:
    """Every Placer a run makes, to look at its tables afterwards."""
    made: list[Placer] = []

    class Recorded(Placer):
        def __post_init__(self) -> None:
            made.append(self)
            super().__post_init__()

    monkeypatch.setattr(batch, "Placer", Recorded)
    return made


def closed(placer: Placer) -> bool:
    for table in (placer.reserved, placer.claimed):
        with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
            table.db.execute("SELECT 1")
    return True


def spill_files_open() -> list[str]:
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue  # the listing's own descriptor, closed already
    return [link for link in links if SPILL in link]


def test_a_runs_tables_are_closed_when_it_ends_and_leave_nothing_in_the_output_folder(
        tmp_path: Path, placers: list[Placer], monkeypatch: pytest.MonkeyPatch) -> None:
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # SQLite's last resort for its temporary file is the working folder
    summary = run_batch(register, out, jobs=1)
    assert summary.counts == {"ok": 1, "skipped": 0, "failed": 0}
    assert len(placers) == 1 and closed(placers[0])
    assert sorted(p.name for p in out.iterdir()) == sorted([INDEX, REPORT, *MIA_IEP])


def test_a_run_stopped_with_ctrl_c_closes_its_tables_and_leaves_no_report_or_index(
        tmp_path: Path, placers: list[Placer]) -> None:
    register, out = register_of(tmp_path, "iep.yaml", "crisp.yaml"), tmp_path / "out"

    def interrupt(outcome: batch.Outcome) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(register, out, jobs=1, progress=interrupt)
    assert closed(placers[0])
    # the first input's documents were placed; no half-written report, index or temporary
    assert [p.name for p in out.iterdir()] == MIA_CRISP


def test_a_run_failing_before_any_input_is_made_closes_its_tables(
        tmp_path: Path, placers: list[Placer], monkeypatch: pytest.MonkeyPatch) -> None:
    register, out = register_of(tmp_path, "iep.yaml"), tmp_path / "out"

    def broken(*args: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(batch, "up_to_date", broken)
    run_batch(register, out, jobs=1)  # an index, so that the second run asks up_to_date
    with pytest.raises(OSError, match="the disk went away"):
        run_batch(register, out, jobs=1)
    assert len(placers) == 2 and closed(placers[1])


def test_identities_survive_100000_adds_and_are_found_again() -> None:
    """Far past the tables' page cache (512 KB): what spills is read back exactly."""
    identities = Identities()
    for n in range(100_000):
        identities.add(n << 64 | n * 7)
    assert all(n << 64 | n * 7 in identities for n in range(0, 100_000, 997))
    assert 5 << 64 | 36 not in identities and 100_000 << 64 | 700_000 not in identities
    identities.close()


def test_claims_survive_100000_names_and_keep_their_owners() -> None:
    claims = Claims()
    for n in range(100_000):
        claims.claim(_key(f"pupil-{n}/iep.docx"), f"pupil-{n}/iep.yaml")
    assert claims.free_for(_key("pupil-99999/IEP.docx"), "pupil-99999/iep.yaml")
    assert not claims.free_for(_key("pupil-5/iep.docx"), "pupil-6/iep.yaml")
    assert claims.free_for(_key("pupil-100000/iep.docx"), "anyone")
    claims.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_a_spilled_table_is_never_a_file_anyone_can_see_and_is_let_go_on_close(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    identities = Identities()
    for n in range(100_000):
        identities.add(n << 64 | n)
    spilled = spill_files_open()
    assert spilled and all(link.endswith(" (deleted)") for link in spilled)  # unlinked at once
    assert list(tmp_path.iterdir()) == []
    identities.close()
    assert spill_files_open() == []
