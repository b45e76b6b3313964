"""Text files as Windows tools save them: UTF-8 with a byte-order mark (Notepad, Excel),
UTF-16 with one (PowerShell 5's ``>`` and ``Out-File``, Notepad's "Unicode"), CRLF line ends."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(data: bytes) -> str:
    """UTF-8 (a byte-order mark dropped), or UTF-16 when a mark says so; every line end
    becomes '\\n'. Raises UnicodeDecodeError for anything else, as reading as UTF-8 did."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8")
    elif data.startswith(_UTF16_MARKS):
        text = data.decode("utf-16")  # the mark gives the byte order and is dropped
    else:
        text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A settings file is a few lines; anything near this size is not one.
MAX_SETTINGS_BYTES = 1_000_000


def read_text(path: Path) -> str:
    """A settings file's content through the hardened reader (size-limited), however a
    Windows or other tool saved it (see decode_text)."""
    from docgen.safe_open import read_text as read_safely

    return read_safely(path, MAX_SETTINGS_BYTES, "settings file")


def load_settings(path: Path, what: str) -> Any:
    """A YAML settings file (bundled, or from a maintainer's folder) read as every file is:
    through the hardened reader, safe YAML without aliases. TemplateProblem naming the file
    when it cannot be read: settings are the maintainer's, not the user's input."""
    import yaml

    from docgen.errors import TemplateProblem, UnusableInput
    from docgen.inputs import safe_yaml

    try:
        return safe_yaml(read_text(path))
    except UnusableInput as exc:
        reason = exc.message
    except UnicodeDecodeError:
        reason = "the file is not UTF-8 text"
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
    raise TemplateProblem(f"the {what} cannot be read: {reason}", file=str(path),
                          hint="Correct the file (or take it out of your templates folder "
                               "to use the bundled one) and run docgen again.")
