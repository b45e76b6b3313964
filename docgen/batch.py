"""Batch runs: every form and data file under a folder, in several processes, with a report.

Each input's outputs go to the same relative folder under the output folder. A run keeps an
index (``OUT/.docgen-batch.json``: input → its SHA-256, the templates' and the files it made)
so a re-run skips an input whose content and templates are unchanged and whose outputs are all
still there and newer than it (unless ``force``). One input's failure never stops the others.
Batch runs write no answers files: the input folder they were made from is kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import DocgenError
from docgen.inputs import DATA_SUFFIXES, WORD_SUFFIXES
from docgen.processes import flush_to_disk, start_method, worker_count, worker_pool

if TYPE_CHECKING:
    from docgen.pipeline import Checked

INDEX = ".docgen-batch.json"
CASE_MANIFEST = "case.yaml"
REPORT = "report.csv"
CHUNK = 20


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


def discover(root: Path, *, outputs: Path | None = None) -> list[Path]:
    """Forms and data files under ``root``, and case folders (a folder with case.yaml, made
    into a request pack as a whole); not hidden files or folders, nor Word's lock files, nor
    the ``outputs`` folder when it is inside ``root`` (its documents are not inputs)."""
    skip = _inside(outputs, root) if outputs is not None else None
    cases: list[Path] = []
    files: list[Path] = []
    # os.walk prunes hidden folders and case folders without visiting what is inside them
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        if CASE_MANIFEST in names:
            cases.append(here)
            subfolders.clear()
            continue
        subfolders[:] = [d for d in subfolders if not d.startswith(_HIDDEN)
                         and (here / d).relative_to(root) != skip]
        files.extend(here / name for name in names
                     if not name.startswith(_HIDDEN) and _is_input(here / name))
    return sorted(cases) + sorted(files)


_HIDDEN = (".", "~$")


def _inside(folder: Path, root: Path) -> Path | None:
    """``folder`` relative to ``root`` if it is inside it (``-o`` may be written either way)."""
    try:
        return folder.resolve().relative_to(root.resolve())
    except ValueError:
        return None


_INPUT_SUFFIXES = WORD_SUFFIXES | DATA_SUFFIXES


def _is_input(path: Path) -> bool:
    return path.suffix.lower() in _INPUT_SUFFIXES and path.is_file()


def find_inputs(root: Path, out_dir: Path) -> list[Path]:
    """What a run over ``root`` into ``out_dir`` processes: ``discover``'s inputs, less the
    documents an earlier run wrote beside their forms (``-o`` the register itself)."""
    inputs = discover(root, outputs=out_dir)
    made_before = {(out_dir / name).resolve() for entry in _read_index(out_dir).values()
                   for name in entry.get("outputs", [])}
    if made_before:
        base = root.resolve()
        inputs = [p for p in inputs if base / p.relative_to(root) not in made_before]
    return inputs


def digest_of(path: Path) -> str:
    if path.is_dir():  # a case folder: every file in it counts
        digest = hashlib.sha256()
        for item in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
        return digest.hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def templates_fingerprint() -> str:
    """One digest of every template in use (bundled, or a maintainer's own, which win): a
    document is out of date when its template changed, not only when its input did."""
    from docgen.documents import all_documents, template_file

    digest = hashlib.sha256()
    for path in sorted({template_file(document) for document in all_documents().values()}):
        digest.update(path.name.encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def up_to_date(path: Path, previous: dict | None, out_dir: Path, templates: str = "") -> bool:
    """True when the last run made every output from this same content and templates, and
    all are still there and newer than the input. Cheap tests first: a fresh run reads no
    input here (workers hash what they read, in parallel)."""
    if not previous or previous.get("templates") != templates:
        return False
    mtime = max([path.stat().st_mtime] + ([p.stat().st_mtime for p in path.rglob("*")]
                                          if path.is_dir() else []))
    outputs = [out_dir / name for name in previous["outputs"]]
    if not all(p.exists() and p.stat().st_mtime >= mtime for p in outputs):
        return False
    return previous.get("sha256") == digest_of(path)


def process_one(root: str, relative: str, out_root: str) -> Outcome:
    """Make every document one input drives (runs in a worker process)."""
    from docgen.pipeline import make

    source = Path(root) / relative
    target = Path(out_root) / Path(relative).parent
    outcome = Outcome(relative, "ok")
    try:
        outcome.digest = digest_of(source)
        written = (make_pack(source, Path(out_root) / relative) if source.is_dir()
                   else make(source, target, force=True, durable=False, keep_answers=False,
                             on_checked=lambda checked: _keep_remarks(outcome, checked)))
        outcome.written = [str(p.relative_to(out_root)) for p in written]
    except DocgenError as exc:
        outcome.status, outcome.error = "failed", " ".join(exc.format_message().split())
    except OSError as exc:  # e.g. a file another program holds or the user may not read
        outcome.status = "failed"
        outcome.error = f"{source}: the file could not be read ({exc.strerror or exc})"
    except Exception as exc:  # a bug must not stop the other inputs; reported, not raised
        outcome.status, outcome.error = "failed", f"unexpected error ({type(exc).__name__})"
    return outcome


def _keep_remarks(outcome: Outcome, checked: Checked) -> None:
    outcome.warnings = [problem.text() for problem in checked.result.warnings]
    outcome.notes = list(checked.input.notes)


def make_pack(case: Path, out_dir: Path) -> list[Path]:
    from docgen.packs import build_pack, check_case
    from docgen.packs.manifest import manifest
    from docgen.render import write_atomic

    target = out_dir / "statutory-request-pack.docx"
    data = build_pack(case)
    write_atomic(target, data, force=True)
    manifest_path = target.with_suffix(".manifest.json")
    write_atomic(manifest_path, manifest(check_case(case), target, data), force=True)
    return [target, manifest_path]


def process_chunk(root: str, relatives: list[str], out_root: str) -> list[Outcome]:
    return [process_one(root, relative, out_root) for relative in relatives]


def run_batch(root: Path, out_dir: Path, *, jobs: int | None = None, force: bool = False,
              progress: Callable[[Outcome], None] | None = None,
              inputs: list[Path] | None = None) -> list[Outcome]:
    """Process every input under ``root`` (``inputs``, when the caller has already found
    them with ``find_inputs``); write the report and the index; return outcomes."""
    if inputs is None:
        inputs = find_inputs(root, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    index = _read_index(out_dir)
    templates = templates_fingerprint()
    outcomes: list[Outcome] = []
    todo: list[str] = []
    for path in inputs:
        relative = str(path.relative_to(root))
        previous = index.get(relative)
        if not force and up_to_date(path, previous, out_dir, templates):
            outcome = Outcome(relative, "skipped", list(previous["outputs"]),
                              "unchanged since the last run", previous["sha256"],
                              list(previous.get("warnings", [])),
                              list(previous.get("notes", [])))
            outcomes.append(outcome)
            if progress:
                progress(outcome)
        else:
            todo.append(relative)
    for outcome in _run(root, out_dir, todo, jobs):
        outcomes.append(outcome)
        if outcome.status == "ok":
            index[outcome.input] = {"sha256": outcome.digest, "templates": templates,
                                    "outputs": outcome.written, "warnings": outcome.warnings,
                                    "notes": outcome.notes}
        if progress:
            progress(outcome)
    outcomes.sort(key=lambda o: o.input)
    # Documents were written without a flush each (the slowest part on a disk); one flush of
    # everything now gives the same durability before the run reports success.
    flush_to_disk(out_dir / name for o in outcomes if o.status == "ok" for name in o.written)
    _write_index(out_dir, index)
    write_report(out_dir / REPORT, outcomes)
    return outcomes


def run_in_workers(root: Path, out_dir: Path, todo: list[str], jobs: int | None,
                   work: Callable[[str, list[str], str], list]) -> Iterator:
    """The batch's worker pool for another kind of work on the same inputs."""
    return _run(root, out_dir, todo, jobs, work)


def _run(root: Path, out_dir: Path, todo: list[str], jobs: int | None,
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
    chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
    # On Linux workers are forked from this warmed-up process (docgen.processes); memory stays
    # flat because nothing grows per document (one compiled copy of each template).
    with worker_pool(workers) as pool:
        futures = [pool.submit(work, str(root), chunk, str(out_dir))
                   for chunk in chunks]
        for future in as_completed(futures):
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
    try:
        return json.loads((out_dir / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_index(out_dir: Path, index: dict) -> None:
    from docgen.render import write_atomic

    write_atomic(out_dir / INDEX, json.dumps(index, ensure_ascii=False, indent=1).encode(),
                 force=True)


def write_report(path: Path, outcomes: list[Outcome]) -> None:
    """report.csv: input, status, documents written, errors, the guidance's warnings, and
    notes on how each form was read (form labels, never what was typed)."""
    from docgen.render import write_atomic

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["input", "status", "documents written", "errors", "warnings", "notes"])
    for outcome in outcomes:
        writer.writerow([outcome.input, outcome.status, "; ".join(outcome.written),
                         outcome.error, " | ".join(outcome.warnings), " | ".join(outcome.notes)])
    write_atomic(path, buffer.getvalue().encode("utf-8"), force=True)
