"""Reading a register: batch's discovery, batch's worker pool, each form read and validated.

A worker reads each form or data file, validates it, and keeps only what the caseload
needs: who it is about, the facts its framework's provider extracts, and where its own
checks warn (labels, never values). Documents docgen made and blank forms are set aside;
anything else that cannot be used is listed with the reason, and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from docgen.caseload.model import FormFacts, Identity, NotUsed, Skipped
from docgen.errors import DocgenError

Read = FormFacts | NotUsed | Skipped


def find_forms(register: Path, out_dir: Path | None) -> tuple[list[Path], int]:
    """The forms and data files under ``register`` (as ``docgen batch`` finds them), and how
    many case folders were left out: a request pack's evidence, read by ``docgen pack``."""
    from docgen.batch import discover, find_inputs

    found = find_inputs(register, out_dir) if out_dir is not None else discover(register)
    files = [p for p in found if p.is_file()]
    return files, len(found) - len(files)


def read_register(register: Path, files: list[Path], *, jobs: int | None = None,
                  today: dt.date | None = None) -> list[Read]:
    """Every file read in the batch's worker pool, in the order of ``files``; each form's own
    checks run as of ``today`` (None: the real date)."""
    from docgen.batch import run_in_workers

    relatives = [str(p.relative_to(register)) for p in files]
    work = partial(read_chunk, today=today)
    results = list(run_in_workers(register, register, relatives, jobs, work))
    order = {relative: n for n, relative in enumerate(relatives)}
    return sorted(results, key=lambda r: order[r.source])


def read_chunk(root: str, relatives: list[str], _out_root: str,
               today: dt.date | None = None) -> list[Read]:
    """Runs in a worker process (the signature of batch's work functions, ``today`` bound)."""
    return [read_one(Path(root), relative, today) for relative in relatives]


def read_one(root: Path, relative: str, today: dt.date | None = None) -> Read:
    try:
        return _read(root, relative, today)
    except DocgenError as exc:
        if _made_by_docgen(root / relative):
            return Skipped(relative, "document")
        return NotUsed(relative, _reason(exc))
    except OSError as exc:  # a file another program holds, or one the user may not read
        return NotUsed(relative, f"the file could not be read ({exc.strerror or exc})")
    except Exception as exc:  # as in batch: one file's bug must not stop the whole report
        return NotUsed(relative, f"docgen met a problem it did not expect reading this file "
                                 f"({type(exc).__name__}); please report it")


def _read(root: Path, relative: str, today: dt.date | None) -> Read:
    from docgen.pipeline import check

    checked = check(root / relative, today, for_documents=False)  # the pupil's, not settings
    if _blank(checked.input.raw):
        return Skipped(relative, "blank")
    identity = identity_of(checked.result.data.get("pupil", {}))
    if not checked.result.valid:
        problems = checked.result.errors
        where = "; ".join(p.where or p.message for p in problems[:3])
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        return NotUsed(relative, f"the form has {count} to put right ({where}{more})",
                       identity if identity.upn or identity.surname else None)
    return _facts(relative, checked.form, checked.result.data, identity,
                  [(p.section or "", p.label or "") for p in checked.result.warnings])


def _facts(relative: str, form: str, data: Mapping[str, Any], identity: Identity,
           warnings: list[tuple[str, str]]) -> FormFacts:
    from docgen.caseload.providers import provider_of
    from docgen.frameworks import framework_of

    framework = framework_of(form)
    provider = provider_of(framework.key)
    facts = provider.extract(form, data) if provider is not None else None
    return FormFacts(relative, form, framework.key, identity, facts or {}, warnings)


def identity_of(pupil: Mapping[str, Any]) -> Identity:
    return Identity(forename=str(pupil.get("forename") or ""),
                    surname=str(pupil.get("surname") or ""),
                    date_of_birth=pupil.get("date_of_birth"),
                    upn=str(pupil.get("upn") or ""), year_group=str(pupil.get("year_group") or ""),
                    known_as=str(pupil.get("known_as") or ""),
                    school=str(pupil.get("school") or ""))


def _reason(exc: DocgenError) -> str:
    """The message without the file name (the list names the file) and on one line."""
    text = exc.message if not exc.hint else f"{exc.message}. {exc.hint}"
    return " ".join(text.split())


def _made_by_docgen(path: Path) -> bool:
    """A document docgen made from a form (an IEP, a letter) or a pack's manifest: not an
    input to read."""
    from docgen.forms.ns import OUTPUT_PROPERTY
    from docgen.forms.package import open_docx
    from docgen.inputs import MAX_DATA_FILE_BYTES

    suffix = path.suffix.lower()
    if suffix == ".json" and path.stat().st_size <= MAX_DATA_FILE_BYTES:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError):
            return False
        return isinstance(content, dict) and "docgen_version" in content
    if suffix not in (".docx", ".docm"):
        return False
    try:
        return OUTPUT_PROPERTY in open_docx(path).custom()
    except DocgenError:
        return False


def _blank(raw: Any) -> bool:
    """Nothing typed anywhere: a blank form kept in the register folder."""
    from docgen.validation import normalise

    cleaned = normalise(raw)
    return not any(_has_value(v) for v in cleaned.values()) if isinstance(cleaned, dict) \
        else not cleaned


def _has_value(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(_has_value(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_value(v) for v in value)
    return value is not None and value is not False
