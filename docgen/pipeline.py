"""The pipeline: read an input → validate → apply the rules → render → write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import documents as docs
from docgen.errors import InvalidInput
from docgen.inputs import FormInput, load_input
from docgen.validation import Validated, validate_data


@dataclass
class Checked:
    """A read and validated input."""

    input: FormInput
    result: Validated

    @property
    def form(self) -> str:
        return self.input.definition.name

    def as_json(self, *, show_values: bool = False) -> dict[str, Any]:
        """The report of ``docgen check --json``: the data read is what the user asked to
        see; the typed value beside each problem only with ``show_values``."""
        from docgen.serialise import to_json_data

        return {
            "file": str(self.input.path),
            "form": self.form,
            "valid": self.result.valid,
            "data": to_json_data(self.result.data),
            "errors": [p.as_json(show_values=show_values) for p in self.result.errors],
            "warnings": [p.as_json(show_values=show_values) for p in self.result.warnings],
            "notes": list(self.input.notes),
        }


def check(path: Path, today: dt.date | None = None, *, for_documents: bool = True) -> Checked:
    """Read and validate one input file (never raises for invalid content); the rules count
    from ``today`` (None: the real date). ``for_documents`` adds what the documents it makes
    lack from the settings (a reading of the form alone, as the caseload's, leaves it out)."""
    form_input = load_input(path)
    checked = Checked(form_input, validate_data(form_input.definition, form_input.raw, today))
    if checked.result.valid and for_documents:
        checked.result.warnings.extend(document_warnings(checked))
    return checked


def document_warnings(checked: Checked) -> list[Any]:
    """What the documents this form makes lack from the settings (a letterhead's address, the
    leaflet's advice contacts): warnings on screen, never text on the page."""
    from docgen.problems import warning

    seen: list[str] = []
    for document in docs.for_form(checked.form, checked.result.data):
        for text in document.warnings(checked.result.data) if document.warnings else ():
            if text not in seen:
                seen.append(text)
    return [warning(text) for text in seen]


def require_valid(checked: Checked) -> None:
    if not checked.result.valid:
        problems = "\n".join(f"  - {p.text()}" for p in checked.result.errors)
        raise InvalidInput(
            f"the form has {len(checked.result.errors)} problem(s), so no document was made:\n"
            f"{problems}",
            file=str(checked.input.path),
            hint="Correct these in the form, save it, and run docgen again.",
        )


def render_document(document: docs.DocumentType, checked: Checked,
                    templates_dir: Path | None = None, *, redacted: bool = False) -> bytes:
    from docgen.privacy import redact
    from docgen.render import render_to_bytes

    data = redact(checked.result.data) if redacted else checked.result.data
    context = document.build(checked.input.definition, data)
    context["provenance"] = docs.provenance(checked.form, checked.input.version)
    template = (templates_dir / document.template if templates_dir
                else docs.template_file(document))
    rendered = render_to_bytes(template, context)
    if document.post:
        rendered = document.post(rendered, context)
    if not redacted:
        return rendered
    from docgen.redaction import identity_of, redacted_copy

    # The data was redacted; the whole package is too (properties, anything a template
    # adds), and then scanned before anything is written.
    return redacted_copy(rendered, identity_of(checked.result.data), document.title)



@dataclass(frozen=True)
class Rendered:
    """One finished document, in memory."""

    key: str
    title: str
    file_name: str  # e.g. "Llŷr-Evans-Tomos-iep.docx"
    data: bytes


def render_all(checked: Checked, *, only: list[str] | None = None,
               templates_dir: Path | None = None, redacted: bool = False) -> list[Rendered]:
    """Render every document a valid input drives (or those named in ``only``)."""
    from docgen.privacy import redact

    require_valid(checked)
    data = redact(checked.result.data) if redacted else checked.result.data
    suffix = "-redacted" if redacted else ""
    return [
        Rendered(d.key, d.title, f"{d.file_name(data, checked.form)}{suffix}.docx",
                 render_document(d, checked, templates_dir, redacted=redacted))
        for d in docs.for_form(checked.form, checked.result.data)
        if only is None or d.key in only
    ]


def make(path: Path, out_dir: Path, *, force: bool = False, only: list[str] | None = None,
         templates_dir: Path | None = None, redacted: bool = False,
         durable: bool = True, keep_answers: bool = True,
         on_checked: Callable[[Checked], None] | None = None) -> list[Path]:
    """Make every document the input drives (or those named in ``only``); return their paths.

    Nothing is written if any output already exists (without ``force``): a run never leaves
    a mix of old and new documents. ``keep_answers`` writes each document's answers file
    beside it, for ``regenerate``; a batch run keeps its inputs instead. ``on_checked`` sees
    the validated input before anything is rendered: its warnings, and how the form was read
    (a field missing from an edited form was read as empty, say).
    """
    from docgen.errors import OutputExists
    from docgen.render import write_atomic
    from docgen.render.write import refuse_inputs, require_folder

    checked = check(path)
    if on_checked is not None:
        on_checked(checked)
    rendered = render_all(checked, only=only, templates_dir=templates_dir, redacted=redacted)
    if not rendered:
        raise nothing_made(checked, only)
    require_folder(out_dir)
    for document in rendered:
        refuse_inputs(out_dir / document.file_name, [path])
    existing = [out_dir / d.file_name for d in rendered if (out_dir / d.file_name).exists()]
    if existing and not force:
        raise OutputExists(
            "these files already exist, so docgen wrote nothing: "
            + ", ".join(p.name for p in existing), file=str(out_dir),
            hint="Use --force to replace them, or choose another folder with -o.")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for document in rendered:
        target = out_dir / document.file_name
        write_atomic(target, document.data, force=force, durable=durable, inputs=[path])
        if keep_answers:
            write_atomic(answers_path(target), answers(checked, document.key, redacted),
                         force=True, durable=durable, inputs=[path])
        written.append(target)
    return written


def nothing_made(checked: Checked, only: list[str] | None) -> InvalidInput:
    """Why a valid form made no document: a silent success would look like a lost one."""
    makes = [d.key for d in docs.for_form(checked.form)]
    if not makes:
        return InvalidInput(
            f"no document is made from a '{checked.form}' form, so nothing was written",
            file=str(checked.input.path), hint=own_form_hint(checked.form))
    wanted = ", ".join(only or makes)
    return InvalidInput(
        f"this form's answers make no {wanted} document, so nothing was written",
        file=str(checked.input.path), hint=f"The '{checked.form}' form can make: "
                                           f"{', '.join(makes)}.")


def own_form_hint(form: str) -> str:
    """Every bundled form makes a document, so a form that makes none is a maintainer's own
    definition: docgen can check its answers, but no document of docgen's is made from it."""
    from docgen.frameworks import framework_of

    folder = framework_of(form).definition_dir(form)
    where = f" in your own folder ({folder})" if folder is not None else ""
    return (f"The '{form}' form is defined{where}: docgen checks its answers (docgen check), "
            "but none of docgen's documents is made from it.")


ANSWERS_DIR = ".docgen"


def answers_path(document: Path) -> Path:
    """Beside the outputs, not inside them: a document sent by email carries only its
    content, while the school's folder keeps what is needed to make it again."""
    return document.parent / ANSWERS_DIR / f"{document.stem}.answers.json"


def answers(checked: Checked, key: str, redacted: bool) -> bytes:
    import json

    from docgen import __version__
    from docgen.privacy import redact
    from docgen.serialise import to_json_data

    document = docs.all_documents()[key]
    data = redact(checked.result.data) if redacted else checked.result.data
    return json.dumps({
        "document": key, "template": document.template, "docgen_version": __version__,
        "form": checked.form, "form_version": checked.input.version, "redacted": redacted,
        "data": to_json_data(data),
    }, ensure_ascii=False, indent=1).encode("utf-8")


def regenerate(answers_file: Path, out_dir: Path, *, force: bool = False) -> Path:
    """Make a document again from its answers file, with the current template."""
    import json
    import tempfile

    from docgen.inputs import load_data
    from docgen.render import write_atomic

    try:
        saved = load_data(answers_file, "answers file")
        key, form, data = saved["document"], saved["form"], saved["data"]
    except (ValueError, KeyError, TypeError):
        raise InvalidInput("this is not a docgen answers file", file=str(answers_file),
                           hint="Answers files are in the .docgen folder beside each "
                                "document docgen made.") from None
    with tempfile.TemporaryDirectory() as folder:
        data_file = Path(folder) / "answers.json"
        data_file.write_text(json.dumps({"form": form, **data}, ensure_ascii=False), "utf-8")
        rendered = render_all(check(data_file), only=[key])
    if not rendered:
        raise InvalidInput(f"the answers no longer make a '{key}' document",
                           file=str(answers_file))
    target = out_dir / rendered[0].file_name
    write_atomic(target, rendered[0].data, force=force, inputs=[answers_file])
    return target
