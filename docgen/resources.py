"""Locates the bundled templates, schemas and samples, installed or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


OVERRIDE_ENV = "DOCGEN_TEMPLATES"


def override_dir() -> Path | None:
    """A maintainer's own folder of templates (.docx) and form definitions (.yaml), set with
    --templates DIR or the DOCGEN_TEMPLATES environment variable; its files win."""
    value = os.environ.get(OVERRIDE_ENV)
    if not value:
        return None
    folder = Path(value)
    if not folder.is_dir():
        from docgen.errors import UnusableInput

        raise UnusableInput(f"{OVERRIDE_ENV} names {value}, which is not a folder",
                            hint=f"Set {OVERRIDE_ENV} to your folder of templates and form "
                                 "definitions, or unset it to use the bundled ones.")
    return folder


def template_path(file_name: str) -> Path:
    own = override_dir()
    if own is not None and (own / file_name).is_file():
        return own / file_name
    return data_dir("templates") / file_name


def data_dir(name: str) -> Path:
    """Return the folder ``templates``, ``schemas`` or ``samples``.

    A wheel carries them inside the package (``docgen/_data``); a source checkout keeps
    them at the top of the repository, where maintainers edit them.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
