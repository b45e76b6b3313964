"""Locates the bundled templates, schemas and samples, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``templates``, ``schemas`` or ``samples``.

    A wheel carries them inside the package (``docgen/_data``); a source checkout keeps
    them at the top of the repository, where maintainers edit them.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
