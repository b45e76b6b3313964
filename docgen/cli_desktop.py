"""The desktop commands: ``docgen shortcut``, and what a bare ``docgen`` says."""

from __future__ import annotations

import sys

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


def bare_docgen(ctx: click.Context) -> None:
    """Help and how to start the page, exit 0. Double-clicked on Windows, the console window
    would close the moment docgen ends, so it waits for a key first."""
    click.echo(ctx.get_help())
    click.echo(f"\n{START_HINT}")
    if console_closes_on_exit():
        click.pause("\nPress any key to close this window.")
    ctx.exit(0)


def console_closes_on_exit() -> bool:
    """True when Windows opened a console for docgen alone (a double-click): only docgen's
    launcher and Python are attached to it, where a terminal adds its own shell."""
    return sys.platform == "win32" and 0 < console_process_count() <= 2


def console_process_count() -> int:
    import ctypes

    ids = (ctypes.c_ulong * 8)()
    return int(ctypes.windll.kernel32.GetConsoleProcessList(ids, len(ids)))


def utf8_output_on_windows() -> None:
    """Windows gives redirected output its ANSI code page (cp1252 in England), which has no
    'ś' or Urdu letters: printing a pupil's file name into 'docgen batch ... > log.txt'
    would fail. Redirected output is written as UTF-8 there instead (what Notepad and
    PowerShell 7 read); a console window already shows every script."""
    if sys.platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue  # no console at all (pythonw), or a stream someone else set up
        if not stream.isatty() and stream.encoding.replace("-", "").lower() != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")
