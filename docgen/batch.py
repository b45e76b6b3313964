"""Batch runs: every form and data file under a folder, in several processes, with a report.

Each input's outputs go to the same relative folder under the output folder, placed by
docgen.batch_outputs (never over an input, an edited document or another input's document).
A run keeps an index (``OUT/.docgen-batch.json``: input → its SHA-256, the templates', the
files it made and theirs) so a re-run skips an input whose content and templates are unchanged
and whose outputs are all still there (unless ``force``). One input's failure never stops the
others. Batch runs write no answers files: the input folder they were made from is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.batch_inputs import (
    PACK,
    PACK_MANIFEST,
    Names,
    digest_of,
    discover,  # noqa: F401 - the caseload finds its forms as a batch does
    discover_names,
    input_files,
    templates_fingerprint,
)
from docgen.batch_outputs import Placer, Planned, remove_leftovers
from docgen.batch_report import IndexWriter, ReportWriter, Summary
from docgen.errors import DocgenError
from docgen.processes import flush_to_disk, start_method, worker_count, worker_pool
from docgen.render.write import require_folder, write_temporary
from docgen.workers import watch_parent

if TYPE_CHECKING:
    from docgen.pipeline import Checked

INDEX = ".docgen-batch.json"
REPORT = "report.csv"
CHUNK = 20
AHEAD = 4  # chunks handed to the worker pool ahead, per worker


@dataclass
class Outcome:
    """What happened to one input."""

    input: str  # relative to the input folder
    status: str  # ok | failed | skipped
    written: list[str] = field(default_factory=list)
    error: str = ""
    digest: str = ""
    warnings: list[str] = field(default_factory=list)  # the guidance's, by form label
    notes: list[str] = field(default_factory=list)  # how the form was read
    planned: list[Planned] = field(default_factory=list)  # made, waiting to be placed
    made: dict[str, str] = field(default_factory=dict)  # placed name -> its SHA-256


def find_inputs(root: Path, out_dir: Path) -> list[Path]:
    """What a run over ``root`` into ``out_dir`` processes: ``discover``'s inputs, less the
    documents an earlier run wrote beside their forms (``-o`` the register itself)."""
    return [root / name for name in relative_inputs(root, out_dir)]


def relative_inputs(root: Path, out_dir: Path) -> Names:
    """``find_inputs``' inputs as names relative to ``root`` (POSIX), kept compactly for the
    run's whole length (a ``Path`` each costs ten times as much, and a run may have 20,000)."""
    names = discover_names(root, outputs=out_dir)
    made_before = {os.path.normcase((out_dir / name).resolve())
                   for entry in _read_index(out_dir).values()
                   for name in entry.get("outputs", [])}
    if not made_before:
        return names
    base = os.fspath(root.resolve())
    return Names(name for name in names
                 if os.path.normcase(os.path.normpath(os.path.join(base, name))) not in made_before)


def up_to_date(path: Path, previous: dict | None, out_dir: Path, templates: str,
               shared: frozenset[str] = frozenset()) -> bool:
    """True when the last run made every output from this same content (its SHA-256, not
    its modification time: a copy can keep an old time) and templates, and all are still
    there. ``shared`` are names two index entries both claim (an older docgen let one input's
    document replace another's): those inputs are made again, as are those whose entry does
    not say what they made (an edited index)."""
    if (not previous or previous.get("templates") != templates or "sha256" not in previous
            or "outputs" not in previous):
        return False
    if any(name in shared or not (out_dir / name).is_file() for name in previous["outputs"]):
        return False
    return previous["sha256"] == digest_of(path)


def process_one(root: str, relative: str, out_root: str) -> Outcome:
    """Make every document one input drives (runs in a worker process), each into a
    temporary file beside its place; the parent places them (docgen.batch_outputs)."""
    source = Path(root) / relative
    outcome = Outcome(relative, "ok")
    planned: list[Planned] = []
    try:
        outcome.digest = digest_of(source)
        if source.is_dir():
            made = make_pack(source)
        else:
            made = make_documents(source, lambda checked: _keep_remarks(outcome, checked))
        for name, data in made:
            where = Path(relative) / name if source.is_dir() else Path(relative).parent / name
            temporary = write_temporary(Path(out_root) / where, data, durable=False)
            planned.append(Planned(where.as_posix(), str(temporary),
                                   hashlib.sha256(data).hexdigest()))
        outcome.planned = planned
    except DocgenError as exc:
        outcome.status, outcome.error = "failed", " ".join(exc.format_message().split())
    except OSError as exc:  # e.g. a file another program holds or the user may not read
        outcome.status = "failed"
        outcome.error = f"{source}: the file could not be read ({exc.strerror or exc})"
    except Exception as exc:  # a bug must not stop the other inputs; reported, not raised
        outcome.status, outcome.error = "failed", f"unexpected error ({type(exc).__name__})"
    if outcome.status == "failed":
        _discard(planned)
    return outcome


def _discard(planned: list[Planned]) -> None:
    for document in planned:
        with contextlib.suppress(OSError):
            os.unlink(document.temporary)


def make_documents(source: Path, on_checked: Callable[[Checked], None]) -> list[
        tuple[str, bytes]]:
    from docgen.pipeline import check, render_all

    checked = check(source)
    on_checked(checked)
    return [(document.file_name, document.data) for document in render_all(checked)]


def _keep_remarks(outcome: Outcome, checked: Checked) -> None:
    outcome.warnings = [problem.text() for problem in checked.result.warnings]
    outcome.notes = list(checked.input.notes)


def make_pack(case: Path) -> list[tuple[str, bytes]]:
    from docgen.packs import build_pack, check_case
    from docgen.packs.manifest import manifest

    data = build_pack(case)
    return [(PACK, data), (PACK_MANIFEST, manifest(check_case(case), Path(PACK), data))]


def process_chunk(root: str, relatives: list[str], out_root: str) -> list[Outcome]:
    return [process_one(root, relative, out_root) for relative in relatives]


def run_batch(root: Path, out_dir: Path, *, jobs: int | None = None, force: bool = False,
              progress: Callable[[Outcome], None] | None = None,
              inputs: Sequence[str] | None = None) -> Summary:
    """Process every input under ``root`` (``inputs``: their names relative to ``root``,
    when the caller has already found them with ``relative_inputs``); write the report and
    the index as outcomes arrive, in the inputs' order; return what was done."""
    require_folder(out_dir)
    relatives = relative_inputs(root, out_dir) if inputs is None else inputs
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_dir)
    index = _read_index(out_dir)
    templates = templates_fingerprint()
    placer = Placer(out_dir, force, relatives, index)
    try:  # the placer's private tables closed (and SQLite's spill file) at once,
        # whatever happens: a connection is otherwise only let go by the cycle collector
        placer.reserve(input_files(root, relatives))
        shared = _shared_names(index)
        skipped: set[str] = set()
        todo = Names()  # the inputs to make, kept as compactly as the inputs are
        for relative in relatives:
            previous = index.get(relative)
            if not force and previous and up_to_date(root / relative, previous, out_dir, templates,
                                                     shared):
                placer.keep(relative, list(previous["outputs"]))  # before any input is placed
                skipped.add(relative)
            else:
                todo.append(relative)
        summary = Summary()
        report = ReportWriter(out_dir / REPORT)
        new_index = IndexWriter(out_dir / INDEX)
        try:
            made = _in_order(todo, _run(root, out_dir, todo, jobs))
            for relative in relatives:
                if relative in skipped:
                    outcome = _skipped(relative, index[relative])
                else:
                    outcome = next(made)
                    _place(outcome, placer)
                    # Documents were written without a flush each (the slowest part on a disk);
                    # one flush at the end gives the same durability (per file where the
                    # system has no flush of everything: Windows).
                    if outcome.status == "ok" and not hasattr(os, "sync"):
                        flush_to_disk(out_dir / name for name in outcome.written)
                if outcome.status == "ok":
                    new_index.add(outcome.input, {
                        "sha256": outcome.digest, "templates": templates,
                        "outputs": outcome.written, "made": outcome.made,
                        "warnings": outcome.warnings, "notes": outcome.notes})
                elif outcome.status == "skipped" or outcome.input in index:
                    new_index.add(outcome.input, index[outcome.input])
                # the report never claims a file that is not there
                outcome.written = [name for name in outcome.written
                                   if os.path.isfile(os.path.join(out_dir, name))]
                report.add(outcome)
                summary.add(outcome)
                outcome.planned, outcome.made = [], {}  # a failed one is kept: nothing to place
                if progress:
                    progress(outcome)
            live = set(relatives) if index else set()
            for relative, entry in index.items():  # inputs not in this run keep their entries
                if relative not in live:
                    new_index.add(relative, entry)
            flush_to_disk(())
            new_index.finish()
            report.file.finish()
        except BaseException:
            new_index.file.discard()
            report.file.discard()
            raise
    finally:
        placer.close()
    return summary


def _skipped(relative: str, previous: dict) -> Outcome:
    return Outcome(relative, "skipped", list(previous["outputs"]),
                   "unchanged since the last run", previous["sha256"],
                   list(previous.get("warnings", [])), list(previous.get("notes", [])))


def _shared_names(index: dict) -> frozenset[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for entry in index.values():
        for name in entry.get("outputs", []):
            (shared if name in seen else seen).add(name)
    return frozenset(shared)


def _place(outcome: Outcome, placer: Placer) -> None:
    if outcome.status != "ok":
        return
    placed, why = placer.place(outcome.input, outcome.planned)
    if why:
        outcome.status, outcome.error = "failed", why
        return
    outcome.written = [name for _, name in placed]
    outcome.made = {name: document.sha256 for document, name in placed}


def _in_order(todo: Sequence[str], outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    """The outcomes in the order of ``todo`` (inputs sorted by name), each as soon as those
    before it have come back: documents are placed in the same order whichever worker
    finished first, so names are the same from run to run."""
    waiting: dict[str, Outcome] = {}
    position = 0
    for outcome in outcomes:
        waiting[outcome.input] = outcome
        while position < len(todo) and todo[position] in waiting:
            yield waiting.pop(todo[position])
            position += 1
    yield from waiting.values()  # not expected: every input comes back once


def run_in_workers(root: Path, out_dir: Path, todo: Sequence[str], jobs: int | None,
                   work: Callable[[str, list[str], str], list]) -> Iterator:
    """The batch's worker pool for another kind of work on the same inputs."""
    return _run(root, out_dir, todo, jobs, work)


def _run(root: Path, out_dir: Path, todo: Sequence[str], jobs: int | None,
         work: Callable[[str, list[str], str], list] = process_chunk) -> Iterator:
    """``work`` each chunk of inputs in the worker processes (the caseload reads forms with
    its own ``work``), yielding its results as chunks finish."""
    workers = worker_count(jobs)
    if workers == 1 or len(todo) <= 1:
        for relative in todo:
            yield from work(str(root), [relative], str(out_dir))
        return
    if start_method() == "fork":
        _warm_up()
    # Inputs travel in small chunks: fewer round trips between processes, and progress still
    # moves often.
    size = max(1, min(CHUNK, len(todo) // (workers * 4) or 1))
    chunks = (todo[i:i + size] for i in range(0, len(todo), size))
    # On Linux workers are forked from this warmed-up process (docgen.processes); memory stays
    # flat because nothing grows per document (one compiled copy of each template).
    # Each worker ends when this process ends, even when it is killed outright.
    # Only a few chunks per worker are handed out ahead, more as each finishes, and a finished
    # chunk's future is let go once its results are yielded: all submitted at once, the
    # futures and their chunks grew with the run (about 1.5 MB for 20,000 inputs).
    with worker_pool(workers, initializer=watch_parent, initargs=(os.getpid(),)) as pool:
        def submit(count: int) -> set:
            return {pool.submit(work, str(root), chunk, str(out_dir))
                    for chunk in itertools.islice(chunks, count)}

        pending = submit(workers * AHEAD)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            pending |= submit(len(done))
            for future in done:
                yield from future.result()


def _warm_up() -> None:
    """Import the pipeline once before the workers start: on Linux they are forked from this
    process, so each begins with the modules loaded. Templates are not compiled here: that
    would be serial work for every template, while each worker compiles only the ones its
    inputs use, in parallel with the others (measured: 0.6 s before the first document)."""
    import importlib

    for module in ("docgen.pipeline", "docgen.render.engine"):
        importlib.import_module(module)


def _read_index(out_dir: Path) -> dict:
    """The last run's index; an unreadable one (damaged, edited, far too large) is no index:
    every input is made again."""
    from docgen.safe_open import read_text

    try:
        index = json.loads(read_text(out_dir / INDEX, MAX_INDEX_BYTES, "batch index"))
    except (DocgenError, OSError, ValueError, RecursionError):
        return {}
    return index if isinstance(index, dict) and all(
        isinstance(entry, dict) for entry in index.values()) else {}


MAX_INDEX_BYTES = 500_000_000
