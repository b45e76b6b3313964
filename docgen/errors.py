"""One root error for everything docgen reports to a user, each kind with its exit code."""

from __future__ import annotations

import click

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3  # a bug in docgen: reported without a traceback unless --debug


class DocgenError(click.ClickException):
    """A problem the user can fix; printed as one clear message, never a traceback."""

    exit_code = EXIT_UNUSABLE

    def __init__(self, message: str, *, file: str | None = None, hint: str | None = None,
                 web_hint: str | None = None):
        self.file = file
        self.hint = hint
        self.web_hint = web_hint  # the hint for the web page, when the hint is a command
        super().__init__(message)

    def format_message(self) -> str:
        parts = [f"{self.file}: {self.message}" if self.file else self.message]
        if self.hint:
            parts.append(self.hint)
        return "\n".join(parts)

    def show(self, file=None) -> None:  # type: ignore[override]
        click.echo(f"Error: {self.format_message()}", err=True)


class UnusableInput(DocgenError):
    """The input cannot be read at all (not a form, damaged, unsafe, unknown type)."""

    exit_code = EXIT_UNUSABLE


class InvalidInput(DocgenError):
    """The input was read but its content breaks the rules (see the listed problems)."""

    exit_code = EXIT_INVALID


class OutputExists(DocgenError):
    """An output file is already there; docgen never overwrites without --force."""

    exit_code = EXIT_INVALID


class TemplateProblem(DocgenError):
    """A template or blank form is broken; ``docgen templates check`` says where."""

    exit_code = EXIT_INVALID


class MissingTool(DocgenError):
    """An optional external program (LibreOffice) is needed but not installed."""

    exit_code = EXIT_UNUSABLE
