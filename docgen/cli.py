"""The docgen command line: parse options, call the library, print, map errors to exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen import __version__
from docgen.cli_desktop import bare_docgen, utf8_output_on_windows
from docgen.errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, DocgenError

if TYPE_CHECKING:  # the pipeline is imported when a command runs: --version stays fast
    from docgen.pipeline import Checked

FORCE = click.option("--force", is_flag=True, help="Replace output files that already exist.")


class DocumentKey(click.Choice):
    """--only's choices: the documents docgen makes, read from the registry when they are
    first shown or checked (so `docgen --version` does not load every family)."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        from docgen.documents import all_documents

        return sorted(all_documents())

    @choices.setter
    def choices(self, value: object) -> None:
        pass


class _Group(click.Group):
    """Maps docgen's own errors to their exit codes; a traceback only with --debug."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Stopped. Nothing half-written was left behind.", err=True)
            sys.exit(130)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            if ctx.meta.get("debug"):
                raise
            raise DocgenError(f"{exc.strerror or exc}", file=exc.filename) from None
        except Exception as exc:  # the one place an unexpected error becomes a message
            if ctx.meta.get("debug"):
                raise
            click.echo(
                f"Error: docgen met a problem it did not expect ({type(exc).__name__}). "
                "Nothing you wrote was changed. Run the same command with --debug to see "
                "the details, and report it.", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(__version__, prog_name="docgen")
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False,
              exists=True), help="A folder of your own templates (.docx) and form definitions "
              "(.yaml) that replace the bundled ones of the same name "
              "(or set DOCGEN_TEMPLATES).")
@click.pass_context
def main(ctx: click.Context, debug: bool, templates_dir: Path | None) -> None:
    """Make SEN documents (IEPs, High Focus plans, reviews, letters, packs) from Word forms."""
    ctx.meta["debug"] = debug
    utf8_output_on_windows()
    if ctx.invoked_subcommand is None:  # a bare `docgen`, perhaps double-clicked
        bare_docgen(ctx)
    if templates_dir is not None:
        import os

        from docgen.resources import OVERRIDE_ENV

        os.environ[OVERRIDE_ENV] = str(templates_dir.resolve())  # batch workers inherit it
    from docgen.resources import override_dir

    override_dir()  # DOCGEN_TEMPLATES naming a missing folder is an error, as --templates is
    _stop_cleanly_on_sigterm()


def _stop_cleanly_on_sigterm() -> None:
    """'kill' (SIGTERM) unwinds like Ctrl-C, so a half-written temporary file is removed."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading_is_main() and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)


def threading_is_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


@main.group("form")
def form_group() -> None:
    """Blank Word input forms."""


@form_group.command("new")
@click.argument("form_type")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to save the form.")
@FORCE
def form_new(form_type: str, output: Path | None, force: bool) -> None:
    """Write a blank FORM_TYPE input form (e.g. iep, crisp) to fill in Word."""
    from docgen.definitions import load_definition
    from docgen.forms.writer import write_blank_form
    from docgen.render import write_atomic

    definition = load_definition(form_type)
    target = output or Path(f"{form_type}-form.docx")
    write_atomic(target, write_blank_form(definition), force=force)
    click.echo(f"Wrote a blank {definition.title} to {target}")


@main.group("forms", invoke_without_command=True)
@click.pass_context
def forms_group(ctx: click.Context) -> None:
    """Input forms: list them (the default) or check a restyled blank form."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(forms_list)


@forms_group.command("list")
def forms_list() -> None:
    """List the input form types docgen knows, framework by framework."""
    from docgen.maintenance.commands import list_forms

    for line in list_forms():
        click.echo(line)


@main.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--show-values", is_flag=True,
              help="Also show what was typed in each field with a problem.")
@click.pass_context
def check_cmd(ctx: click.Context, file: Path, as_json: bool, show_values: bool) -> None:
    """Read a filled form (or .yaml/.json data) and list its errors and warnings.

    Exit 0 when valid, 1 when it has errors, 2 when it cannot be read.
    """
    from docgen.pipeline import check

    checked = check(file)
    result = checked.result
    if as_json:
        click.echo(json.dumps(checked.as_json(show_values=show_values), ensure_ascii=False,
                              indent=2))
    else:
        state = "is valid" if result.valid else f"has {len(result.errors)} error(s)"
        click.echo(f"{file}: {checked.input.definition.title} {state}"
                   f"{f', {len(result.warnings)} warning(s)' if result.warnings else ''}.")
        for problem in result.errors:
            click.echo(f"  error: {problem.text(show_values=show_values)}")
        for problem in result.warnings:
            click.echo(f"  warning: {problem.text(show_values=show_values)}")
        for note in checked.input.notes:
            click.echo(f"  note: {note}")
    ctx.exit(EXIT_OK if result.valid else EXIT_INVALID)


@main.command("make")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("."),
              show_default=True, help="Folder for the documents.")
@click.option("--only", multiple=True, type=DocumentKey(),
              help="Make only this document (repeatable).")
@click.option("--pdf", is_flag=True, help="Also write a PDF of each document (LibreOffice).")
@click.option("--redact", is_flag=True,
              help="Names as initials, no UPN or date of birth (for sharing).")
@FORCE
def make_cmd(file: Path, out_dir: Path, only: tuple[str, ...], pdf: bool, redact: bool,
             force: bool) -> None:
    """Make every document a filled form drives (e.g. the IEP) into OUTPUT."""
    from docgen.pipeline import make

    written = make(file, out_dir, force=force, only=list(only) or None, redacted=redact,
                   on_checked=_tell_warnings_and_notes)
    for path in written:
        click.echo(f"Wrote {path}")
    if pdf:
        from docgen.render.pdf import to_pdf

        for path in written:
            click.echo(f"Wrote {to_pdf(path, out_dir)}")


def _tell_warnings_and_notes(checked: Checked) -> None:
    """On stderr, so stdout stays the list of files written."""
    for problem in checked.result.warnings:
        click.echo(f"Warning: {problem.text()}", err=True)
    for note in checked.input.notes:
        click.echo(f"Note: {note}", err=True)


@main.group("case")
def case_group() -> None:
    """Case folders for statutory assessment requests."""


@case_group.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--from", "source", type=click.Path(path_type=Path), required=True,
              help="A filled form (or data file) for the pupil.")
@FORCE
def case_init_cmd(folder: Path, source: Path, force: bool) -> None:
    """Create FOLDER with a case.yaml skeleton listing the evidence to collect."""
    from docgen.packs import init_case

    click.echo(f"Wrote {init_case(folder, source, force=force)}")


@main.command("pack")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The pack to write (.docx); its manifest goes beside it (.manifest.json).")
@click.option("--draft", is_flag=True, help="Write the pack even if evidence is missing, "
              "with each missing item marked.")
@click.option("--redact", is_flag=True,
              help="Names as initials, no UPN or date of birth (for sharing).")
@click.option("--pdf", is_flag=True, help="Also write a PDF copy through LibreOffice (its "
              "contents show the page numbers).")
@FORCE
def pack_cmd(folder: Path, output: Path, draft: bool, redact: bool, pdf: bool,
             force: bool) -> None:
    """Check a case folder's evidence and write one merged, indexed request pack."""
    from docgen.errors import OutputExists
    from docgen.packs import build_pack, check_case
    from docgen.packs.manifest import manifest
    from docgen.render import write_atomic
    from docgen.render.write import refuse_inputs

    manifest_path = output.with_suffix(".manifest.json")
    read = [path for path in folder.rglob("*") if path.is_file()]
    for target in (output, manifest_path):
        refuse_inputs(target, read)
        if target.exists() and not force:
            raise OutputExists("this file already exists, so docgen did not replace it",
                               file=str(target), hint="Use --force to replace it.")
    data = build_pack(folder, draft=draft, redacted=redact)
    write_atomic(output, data, force=force, inputs=read)
    write_atomic(manifest_path, manifest(check_case(folder), output, data, redacted=redact),
                 force=force, inputs=read)
    click.echo(f"Wrote {output}")
    click.echo(f"Wrote {manifest_path}")
    if pdf:
        from docgen.render.pdf import to_pdf

        click.echo(f"Wrote {to_pdf(output, output.parent)}")
    from docgen.letterhead import settings_warnings
    from docgen.packs.kinds import case_framework

    for text in settings_warnings(framework=case_framework(folder), pack=True):
        click.echo(f"warning: {text}", err=True)
    missing = check_case(folder).missing if draft else []
    for item in missing:
        click.echo(f"  missing: {item}", err=True)


@main.command("batch")
@click.argument("input_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for the documents, report.csv and the run's index.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to use (default: all CPUs).")
@FORCE
@click.pass_context
def batch_cmd(ctx: click.Context, input_dir: Path, out_dir: Path, jobs: int | None,
              force: bool) -> None:
    """Make the documents for every form and data file under INPUT_DIR."""
    from docgen.batch import REPORT, relative_inputs, run_batch
    from docgen.batch_report import printable
    from docgen.progress import reporter

    inputs = relative_inputs(input_dir, out_dir)
    if not inputs:
        click.echo(f"No forms, data files or case folders found under {input_dir} "
                   "(docgen reads .docx, .yaml, .yml and .json files, and folders with a "
                   "case.yaml). Nothing was made.")
        ctx.exit(EXIT_OK)
    with reporter(len(inputs)) as progress:
        summary = run_batch(input_dir, out_dir, jobs=jobs, force=force, progress=progress,
                            inputs=inputs)
    counts = summary.counts
    click.echo(f"{summary.inputs} inputs: {counts['ok']} done ({summary.documents} documents), "
               f"{counts['skipped']} skipped (unchanged), {counts['failed']} failed. "
               + (f"{summary.remarked} with warnings or notes to read. "
                  if summary.remarked else "")
               + f"Report: {out_dir / REPORT}")
    for outcome in summary.failed:
        click.echo(f"  failed: {printable(outcome.input)}: {printable(outcome.error)}",
                   err=True)
    ctx.exit(EXIT_INVALID if counts["failed"] else EXIT_OK)


@main.command("caseload")
@click.argument("register", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder for caseload.docx, caseload.csv, deadlines.ics and the provision "
                   "map.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Work out what is due as on this day (YYYY-MM-DD; default: today).")
@click.option("--settings", "settings_file", type=click.Path(path_type=Path, dir_okay=False),
              help="The school's caseload settings: staff hourly rates and contract hours.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes to read the forms with (default: all CPUs).")
@FORCE
def caseload_cmd(register: Path, out_dir: Path, today: object, settings_file: Path | None,
                 jobs: int | None, force: bool) -> None:
    """What is due and what is late for every pupil under REGISTER, and the provision map."""
    import datetime as dt

    from docgen.caseload import build_caseload, load_settings, render_outputs, write_outputs
    from docgen.caseload.write import refuse_existing

    day = today.date() if isinstance(today, dt.datetime) else dt.date.today()
    refuse_existing(out_dir, force=force)  # before reading a register of 2,000 pupils
    settings = load_settings(settings_file)
    caseload = build_caseload(register, today=day, out_dir=out_dir, jobs=jobs)
    for path in write_outputs(render_outputs(caseload, settings), out_dir, force=force):
        click.echo(f"Wrote {path}")
    for item in caseload.not_used:
        click.echo(f"  not used: {item.source}: {item.reason}", err=True)
    click.echo(caseload.summary())


@main.command("serve")
@click.option("--host", default=None,
              help="Address to listen on (default 127.0.0.1: this computer only).")
@click.option("--port", default=0, show_default="a free port", type=int)
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option("--max-upload-mb", default=20, show_default=True, type=int)
@click.option("--idle-minutes", type=click.IntRange(min=0), default=60, show_default=True,
              envvar="DOCGEN_IDLE_MINUTES", show_envvar=True,
              help="Stop by itself after this many minutes with no docgen page open "
                   "(0: only the Stop button or Ctrl-C stop it).")
def serve_cmd(host: str | None, port: int, no_browser: bool, max_upload_mb: int,
              idle_minutes: int) -> None:
    """Start the local web page: check forms and make documents in your browser."""
    from docgen.web.server import LOOPBACK, is_loopback, serve

    if host is not None and not is_loopback(host):
        click.echo(f"Warning: listening on {host} lets other computers reach this page. "
                   "Pupils' data should stay on this computer.", err=True)
    serve(host or LOOPBACK, port, open_browser=not no_browser, max_upload_mb=max_upload_mb,
          idle_minutes=idle_minutes)


@main.command("demo")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder for everything the demo writes.")
@FORCE
def demo_cmd(out_dir: Path, force: bool) -> None:
    """Run docgen on the bundled fictional sample pupils and list what it wrote."""
    from docgen.demo import run_demo

    for path in run_demo(out_dir, force=force):
        click.echo(f"Wrote {path}")


@main.command("leaflet")
@click.option("--school", required=True, help="The school's name.")
@click.option("--senco", required=True, help="The SENCo's name.")
@click.option("--contact", default="", help="A phone number or email for parents.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("leaflet.docx"),
              show_default=True)
@click.option("--pdf", is_flag=True, help="Also write a PDF (LibreOffice).")
@FORCE
def leaflet_cmd(school: str, senco: str, contact: str, output: Path, pdf: bool,
                force: bool) -> None:
    """The parent information leaflet for any family at the school (a leaflet for one child
    comes with their IEP)."""
    from docgen.families.parents import render_generic_leaflet
    from docgen.letterhead import settings_warnings
    from docgen.render import write_atomic

    write_atomic(output, render_generic_leaflet(school, senco, contact), force=force)
    click.echo(f"Wrote {output}")
    for text in settings_warnings(leaflet=True):
        click.echo(f"warning: {text}", err=True)
    if pdf:
        from docgen.render.pdf import to_pdf

        click.echo(f"Wrote {to_pdf(output, output.parent)}")


def _register_maintainer_commands() -> None:
    from docgen import cli_desktop
    from docgen import cli_maintainers as maintainers

    forms_group.add_command(maintainers.forms_check)
    main.add_command(maintainers.templates_group)
    main.add_command(maintainers.regenerate_cmd)
    main.add_command(cli_desktop.shortcut_cmd)


_register_maintainer_commands()
