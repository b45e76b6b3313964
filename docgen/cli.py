"""The docgen command line: parse options, call the library, print, map errors to exit codes."""

from __future__ import annotations

import click

from docgen import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def main() -> None:
    """Make SEN documents (IEPs, High Focus plans, reviews, letters, packs) from Word forms."""


@main.command("forms")
def forms_cmd() -> None:
    """List the input form types docgen knows."""
    from docgen.definitions import available_forms, load_definition

    for name in available_forms():
        d = load_definition(name)
        click.echo(f"{name:<12} v{d.version}  {d.title}")
