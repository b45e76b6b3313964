"""The desktop commands: ``docgen shortcut``, and what a bare ``docgen`` says."""

from __future__ import annotations

import click

START_HINT = """\
To use docgen in your browser, double-click its shortcut (make one with 'docgen shortcut'),
or run 'docgen serve' and keep that window open. Stop it with the page's Stop docgen button."""


@click.command("shortcut")
@click.option("--desktop/--no-desktop", default=True, show_default=True,
              help="Put a shortcut on the desktop.")
@click.option("--menu/--no-menu", default=True, show_default=True,
              help="Put one in the Start menu (Windows), Applications (macOS) or the "
                   "applications menu (Linux).")
@click.option("--force", is_flag=True, help="Replace docgen shortcuts that already exist.")
def shortcut_cmd(desktop: bool, menu: bool, force: bool) -> None:
    """Make a docgen shortcut: double-click it to open docgen's page in your browser, with no
    window to keep open. The page's Stop docgen button ends it."""
    from docgen.desktop.shortcut import create, find_launcher, plan

    if not (desktop or menu):
        raise click.UsageError("--no-desktop and --no-menu together leave nothing to make.")
    launcher = find_launcher()
    planned = plan(launcher, desktop=desktop, menu=menu)
    notes = create(planned, force=force)
    for item in planned:
        click.echo(f"Wrote {item.path}")
    click.echo(f"It starts: {' '.join([launcher.program, *launcher.arguments])}")
    for note in notes:
        click.echo(f"Note: {note}", err=True)
