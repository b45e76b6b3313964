"""Progress for batch runs: a bar on a terminal (rich), one plain line per input otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click


@contextmanager
def reporter(total: int) -> Iterator[Callable[[Any], None]]:
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Making documents", total=total)
            yield lambda outcome: bar.advance(task)
        return

    from docgen.batch_report import printable

    def line(outcome: Any) -> None:  # a newline in a file name cannot forge a line
        click.echo(f"{outcome.status}: {printable(outcome.input)}", err=True)

    yield line
