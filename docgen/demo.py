"""The demo: blank forms, filled sample forms and every document for each sample pupil."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docgen.definitions import available_forms, load_definition
from docgen.documents import for_form
from docgen.inputs import load_input
from docgen.resources import data_dir


def sample_pupils() -> list[Path]:
    return sorted(p for p in data_dir("samples").iterdir() if p.is_dir())


def run_demo(out_dir: Path, *, force: bool = False) -> Iterator[Path]:
    """Write everything, yielding each path as it is written."""
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form
    from docgen.pipeline import make
    from docgen.render import write_atomic

    blanks = out_dir / "blank-forms"
    blanks.mkdir(parents=True, exist_ok=True)
    blank_bytes = {}
    for name in available_forms():
        blank_bytes[name] = write_blank_form(load_definition(name))
        target = blanks / f"{name}-form.docx"
        write_atomic(target, blank_bytes[name], force=force)
        yield target
    for folder in sample_pupils():
        pupil_out = out_dir / folder.name
        pupil_out.mkdir(parents=True, exist_ok=True)
        for data_file in sorted(folder.glob("*.yaml")):
            form_input = load_input(data_file)
            name = form_input.definition.name
            filled = pupil_out / f"{data_file.stem}-form-filled.docx"
            write_atomic(filled, fill_form(blank_bytes[name], form_input.definition,
                                           form_input.raw), force=force)
            yield filled
            if for_form(name):  # a CRISP record makes no document of its own
                yield from make(filled, pupil_out, force=force)
        if (folder / "case" / "case.yaml").is_file():
            yield from _pack(folder / "case", pupil_out, force=force)


def _pack(case: Path, out_dir: Path, *, force: bool) -> Iterator[Path]:
    """The statutory request pack of a sample pupil with a full case folder."""
    from docgen.packs import build_pack, check_case
    from docgen.packs.manifest import manifest
    from docgen.render import write_atomic

    target = out_dir / "statutory-request-pack.docx"
    data = build_pack(case)
    write_atomic(target, data, force=force)
    yield target
    manifest_path = target.with_suffix(".manifest.json")
    write_atomic(manifest_path, manifest(check_case(case), target, data), force=force)
    yield manifest_path
