"""Reads an input file — a filled Word form, or the same data as YAML or JSON — into raw data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docgen.definitions import FormDefinition, available_forms, load_definition
from docgen.errors import UnusableInput

MAX_DATA_FILE_BYTES = 20 * 1024 * 1024
WORD_SUFFIXES = frozenset({".docx", ".docm", ".doc"})  # .doc: to explain it
DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json"})


@dataclass
class FormInput:
    """What one input file holds, before validation."""

    path: Path
    definition: FormDefinition
    version: int
    raw: dict[str, Any]
    notes: list[str] = field(default_factory=list)


# libyaml's C parser when PyYAML was built with it (about 20 times faster), else Python's.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # a form's data is four levels deep; deeper data is not a form's
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"


class DataTooDeep(ValueError):
    """Data nested deeper than any form's (it could exhaust the stack)."""


def safe_yaml(text: str) -> Any:
    """Safe YAML that refuses anchors and aliases, so a 'billion laughs' file cannot expand,
    and data nested deeper than MAX_DEPTH. A date that does not exist (2015-02-30) is kept as
    the text typed, so validation names its field rather than YAML failing on it.

    One parse: the composed node graph is checked (an alias is a node reached twice) before
    anything is constructed from it."""
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node) -> None:
    seen: set[int] = set()
    pending = [(root, 1)]
    while pending:
        node, depth = pending.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1 if node.start_mark else None
            raise yaml.YAMLError(
                "anchors and aliases (*name) are not allowed in docgen data files"
                + (f" (the anchor on line {line} is used again)" if line else ""))
        if depth > MAX_DEPTH:
            raise DataTooDeep
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend(((key, depth + 1), (value, depth + 1)))
        elif node.tag == _TIMESTAMP and not _real_date(node.value):
            node.tag = _STR


def _real_date(text: str) -> bool:
    """Whether a scalar YAML reads as a timestamp names a real date (and time of day)."""
    import datetime as dt

    match = yaml.constructor.SafeConstructor.timestamp_regexp.match(text)
    if match is None:
        return False
    parts = match.groupdict()
    try:
        dt.datetime(int(parts["year"]), int(parts["month"]), int(parts["day"]),
                    int(parts["hour"] or 0), int(parts["minute"] or 0),
                    int(parts["second"] or 0))
    except ValueError:
        return False
    return True


def check_depth(data: Any) -> None:
    """DataTooDeep when JSON data is nested deeper than MAX_DEPTH."""
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise DataTooDeep
        if isinstance(value, dict):
            pending.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            pending.extend((v, depth + 1) for v in value)


def load_data(path: Path, what: str = "data file") -> Any:
    """A YAML or JSON file read through the hardened reader: size-limited, UTF-8 (a byte
    order mark allowed), safe YAML, bounded nesting; one clear message when it cannot be
    read."""
    from docgen.safe_open import read_text

    text = read_text(path, MAX_DATA_FILE_BYTES, what)
    try:
        if path.suffix.lower() == ".json":
            content = json.loads(text)
            check_depth(content)
            return content
        return safe_yaml(text)
    except (RecursionError, DataTooDeep):
        raise UnusableInput(f"the data is nested more than {MAX_DEPTH} levels deep, far more "
                            "than any docgen data needs", file=str(path),
                            hint="Check that this is the right file.") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise UnusableInput(f"the file cannot be read: {_one_line(exc)}", file=str(path),
                            hint="Fix the line shown, then try again.") from None


def load_input(path: Path) -> FormInput:
    """Read a form (.docx) or data file (.yaml/.json); UnusableInput says what to do if not."""
    suffix = path.suffix.lower()
    if not path.is_file():
        from docgen.safe_open import read_file

        read_file(path, 0)  # says whether it is a folder or not there at all
    if suffix in WORD_SUFFIXES:
        from docgen.forms.reader import read_form

        reading = read_form(path)
        definition = load_definition(reading.form)
        return FormInput(path, definition, reading.version, reading.data, list(reading.notes))
    if suffix in DATA_SUFFIXES:
        return _load_data_file(path)
    raise UnusableInput(
        f"docgen cannot read '{path.suffix or 'files without an extension'}' files",
        file=str(path),
        hint="Give a filled docgen form (.docx), or its data as .yaml or .json.",
    )


def _load_data_file(path: Path) -> FormInput:
    content = load_data(path)
    if not isinstance(content, dict) or "form" not in content:
        raise UnusableInput(
            "the file does not say which form its data is for",
            file=str(path),
            hint=f"Add a line 'form: NAME' at the top (one of: {', '.join(available_forms())}).",
        )
    name = str(content.pop("form"))
    if name not in available_forms():
        raise UnusableInput(f"'{name}' is not a form docgen knows", file=str(path),
                            hint=f"Known forms: {', '.join(available_forms())}.")
    definition = load_definition(name)
    version = content.pop("version", definition.version)
    if not isinstance(version, int) or version > definition.version:
        raise UnusableInput(
            f"the data is for version {version} of the '{name}' form; this docgen knows "
            f"version {definition.version}",
            file=str(path), hint="Update docgen, or use data for the version it knows.",
        )
    return FormInput(path, definition, version, content)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
