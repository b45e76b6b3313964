"""Commands for handbook maintainers: templates, form checks, regenerating documents."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import EXIT_INVALID, EXIT_OK

FORCE = click.option("--force", is_flag=True, help="Replace output files that already exist.")


@click.command("check")
@click.argument("form_file", type=click.Path(path_type=Path))
@click.pass_context
def forms_check(ctx: click.Context, form_file: Path) -> None:
    """Check a blank form edited in Word: one right control for every field."""
    from docgen.maintenance.form_check import check_form_file

    problems = check_form_file(form_file)
    for problem in problems:
        click.echo(f"  error: {problem}")
    click.echo(f"{form_file}: {len(problems)} problem(s)." if problems else
               f"{form_file}: every field has its control.")
    ctx.exit(EXIT_INVALID if problems else EXIT_OK)


@click.group("templates")
def templates_group() -> None:
    """For handbook maintainers: list, check, and preview output templates."""


@templates_group.command("list")
def templates_list() -> None:
    """Every template and form with its document type, version and schema."""
    from docgen.maintenance.commands import list_templates

    for line in list_templates():
        click.echo(line)


@templates_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--annotate", type=click.Path(path_type=Path),
              help="Write a copy of the (single) template with a Word comment at each problem.")
@FORCE
@click.pass_context
def templates_check(ctx: click.Context, paths: tuple[Path, ...], annotate: Path | None,
                    force: bool) -> None:
    """Every problem in every template (or those given), located as you see it in Word."""
    from docgen.maintenance.commands import check_templates

    report = check_templates(list(paths), annotate=annotate, force=force)
    for line in report.lines:
        click.echo(line)
    ctx.exit(report.exit_code)


@templates_group.command("vars")
@click.argument("name")
def templates_vars(name: str) -> None:
    """The variables a template may use, with their form labels and types."""
    from docgen.maintenance.commands import describe_variables

    for line in describe_variables(name):
        click.echo(line)


@templates_group.command("preview")
@click.argument("name")
@click.option("--sample", default=None, help="Sample pupil folder (default: the first).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--pdf", is_flag=True, help="Also write a PDF (LibreOffice).")
@FORCE
def templates_preview(name: str, sample: str | None, output: Path, pdf: bool,
                      force: bool) -> None:
    """Render a template with sample data, to look at it."""
    from docgen.maintenance.commands import preview

    click.echo(f"Wrote {preview(name, sample, output, force=force)}")
    if pdf:
        from docgen.render.pdf import to_pdf

        click.echo(f"Wrote {to_pdf(output, output.parent)}")


@click.command("regenerate")
@click.argument("answers_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("."))
@FORCE
def regenerate_cmd(answers_file: Path, out_dir: Path, force: bool) -> None:
    """Make a document again from its answers file (.docgen/NAME.answers.json), with the
    current template."""
    from docgen.pipeline import regenerate

    click.echo(f"Wrote {regenerate(answers_file, out_dir, force=force)}")
