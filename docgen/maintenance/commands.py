"""What the maintainers' commands print, as library functions the CLI and tests call."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.definitions import load_definition
from docgen.docprops import read_custom_properties
from docgen.documents import all_documents, template_file
from docgen.errors import EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, UnusableInput
from docgen.maintenance.template_check import check_template, unshown_required_fields
from docgen.maintenance.variables import document_for_template, variables
from docgen.safe_open import check_template as check_word_template


def template_properties(path: Path) -> dict[str, str]:
    """The template's custom properties (its name and version), read through the hardened
    reader: a maintainer's folder may hold anything under a template's name."""
    from docgen.safe_open import TEMPLATE, open_package

    try:
        package = open_package(path, TEMPLATE)
        if not package.has("docProps/custom.xml"):
            return {}
        return read_custom_properties(package.small_xml("docProps/custom.xml"))
    except UnusableInput:
        return {}  # not a Word document docgen can read: the check itself says so


def template_version(path: Path) -> str:
    return template_properties(path).get("docgen.template_version", "?")


def document_key(path: Path) -> str | None:
    """The document type a template is for: its own record, else its file name."""
    key = template_properties(path).get("docgen.template")
    if key in all_documents():
        return key
    document = document_for_template(path.name)
    return document.key if document else None


def list_templates() -> list[str]:
    lines = ["Templates (document, version, form(s)):"]
    for document in all_documents().values():
        path = template_file(document)
        lines.append(f"  {document.template:<32} {document.title} · version "
                     f"{template_version(path)} · form: {', '.join(document.forms)}")
    lines.append("Forms (type, version, title):")
    lines += [f"  {line}" for line in list_forms()]
    return lines


def list_forms() -> list[str]:
    """Each framework's title, then its form types with their versions and titles."""
    from docgen.frameworks import all_frameworks

    lines: list[str] = []
    for framework in all_frameworks():
        lines.append(f"{framework.title}{', the default' if framework.default else ''}:")
        for name in framework.forms():
            definition = load_definition(name)
            lines.append(f"  {name:<14} version {definition.version}  {definition.title}")
    return lines


@dataclass
class TemplatesReport:
    """What ``templates check`` found: the lines to print and how it should end."""

    lines: list[str] = field(default_factory=list)
    errors: int = 0  # problems in templates docgen could read
    unusable: int = 0  # templates that are not Word documents docgen can read

    @property
    def exit_code(self) -> int:
        """2 when a template could not be read at all (an input docgen cannot use, as for a
        form), else 1 when any has an error."""
        if self.unusable:
            return EXIT_UNUSABLE
        return EXIT_INVALID if self.errors else EXIT_OK


def check_templates(paths: list[Path], *, annotate: Path | None = None,
                    force: bool = False) -> TemplatesReport:
    """Every template given (or every one docgen uses) checked; one that cannot be read is
    reported among the others, so one damaged file never hides the rest's problems."""
    targets = paths or [template_file(d) for d in all_documents().values()]
    report = TemplatesReport()
    used: dict[str, set[str]] = {}
    checked_keys = []
    for path in targets:
        if not path.is_file():
            raise UnusableInput("there is no such template", file=str(path))
        key = document_key(path)
        found_used: set[str] = set()
        try:
            check_word_template(path)
            problems = check_template(path, key, found_used)
        except UnusableInput as exc:
            report.unusable += 1
            report.lines += [f"{path}: 1 problem(s)", f"  error: {exc.message}. {exc.hint}"]
            continue
        if key:
            used[key] = found_used
            checked_keys.append(key)
        report.errors += sum(p.severity == "error" for p in problems)
        report.lines.append(f"{path}: {len(problems)} problem(s)" if problems else f"{path}: ok")
        report.lines += [f"  {p.format()}" for p in problems]
        if annotate is not None:
            from docgen.maintenance.annotate import annotate as add_comments
            from docgen.render import write_atomic

            write_atomic(annotate, add_comments(path.read_bytes(), problems), force=force,
                         inputs=targets)
            report.lines.append(f"Wrote {annotate} with a comment at each problem in the body")
    if not paths:
        report.lines += [f"  warning: {w}" for w in unshown_required_fields(checked_keys, used)]
    return report


def describe_variables(name: str) -> list[str]:
    document = document_for_template(name)
    if document is None:
        raise UnusableInput(f"there is no template called '{name}'",
                            hint="See 'docgen templates list'.")
    lines = [f"Variables for {document.template} ({document.title}):"]
    for variable in variables(document.key):
        label = f"  — {variable.label}" if variable.label else ""
        lines.append(f"  {variable.path:<44} {variable.type}{label}")
    return lines


def preview(name: str, sample: str | None, output: Path, *, force: bool) -> Path:
    from docgen.pipeline import check, render_all
    from docgen.render import write_atomic

    document = document_for_template(name)
    if document is None:
        raise UnusableInput(f"there is no template called '{name}'",
                            hint="See 'docgen templates list'.")
    from docgen.frameworks import framework_of

    folders = framework_of(document.forms[0]).sample_pupils()
    for folder in folders:
        if sample and folder.name != sample:
            continue
        for form in document.forms:
            data_file = folder / f"{form}.yaml"
            if data_file.is_file():
                rendered = render_all(check(data_file), only=[document.key])
                if rendered:
                    write_atomic(output, rendered[0].data, force=force,
                                 inputs=[data_file, template_file(document)])
                    return output
    raise UnusableInput(f"no sample pupil has data for '{name}'",
                        hint=f"Samples: {', '.join(f.name for f in folders)}.")
