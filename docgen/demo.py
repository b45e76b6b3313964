"""The demo: blank forms, filled sample forms and every document for each sample pupil.

Each framework's output goes in its own folder (the default framework's at the top, as it
always has): ``OUT/blank-forms/``, ``OUT/<pupil>/``, then ``OUT/send2015/blank-forms/``, ….
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docgen.definitions import load_definition
from docgen.frameworks import Framework, all_frameworks
from docgen.inputs import load_input


def sample_pupils() -> list[Path]:
    """Every framework's sample pupils."""
    return [p for framework in all_frameworks() for p in framework.sample_pupils()]


def output_folder(out_dir: Path, framework: Framework) -> Path:
    return out_dir if framework.default else out_dir / framework.key


def run_demo(out_dir: Path, *, force: bool = False) -> Iterator[Path]:
    """Write everything, yielding each path as it is written."""
    for framework in all_frameworks():
        yield from _framework_demo(framework, output_folder(out_dir, framework), force=force)


def _framework_demo(framework: Framework, out_dir: Path, *, force: bool) -> Iterator[Path]:
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form
    from docgen.pipeline import make
    from docgen.render import write_atomic

    blanks = out_dir / "blank-forms"
    blanks.mkdir(parents=True, exist_ok=True)
    blank_bytes = {}
    for name in framework.forms():
        blank_bytes[name] = write_blank_form(load_definition(name))
        target = blanks / f"{name}-form.docx"
        write_atomic(target, blank_bytes[name], force=force)
        yield target
    for folder in framework.sample_pupils():
        pupil_out = out_dir / folder.name
        pupil_out.mkdir(parents=True, exist_ok=True)
        for data_file in sorted(folder.glob("*.yaml")):
            form_input = load_input(data_file)
            name = form_input.definition.name
            filled = pupil_out / f"{data_file.stem}-form-filled.docx"
            write_atomic(filled, fill_form(blank_bytes[name], form_input.definition,
                                           form_input.raw), force=force)
            yield filled
            yield from make(filled, pupil_out, force=force)
        if (folder / "case" / "case.yaml").is_file():
            yield from _pack(folder / "case", pupil_out, force=force)


def pack_file_name(case: Path) -> str:
    from docgen.packs.kinds import case_framework, pack_module

    return str(pack_module(case_framework(case)).FILE_NAME)


def _pack(case: Path, out_dir: Path, *, force: bool) -> Iterator[Path]:
    """The request pack of a sample pupil with a full case folder."""
    from docgen.packs import build_pack, check_case
    from docgen.packs.manifest import manifest
    from docgen.render import write_atomic

    target = out_dir / pack_file_name(case)
    data = build_pack(case)
    write_atomic(target, data, force=force)
    yield target
    manifest_path = target.with_suffix(".manifest.json")
    write_atomic(manifest_path, manifest(check_case(case), target, data), force=force)
    yield manifest_path
