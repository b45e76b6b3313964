"""Reads an input file — a filled Word form, or the same data as YAML or JSON — into raw data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docgen.definitions import FormDefinition, available_forms, load_definition
from docgen.errors import UnusableInput
from docgen.textfiles import read_text

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


def safe_yaml(text: str) -> Any:
    """Safe YAML that refuses anchors and aliases, so a 'billion laughs' file cannot expand.

    One parse: the composed node graph is checked (an alias is a node reached twice) before
    anything is constructed from it."""
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _refuse_aliases(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _refuse_aliases(root: yaml.Node) -> None:
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1 if node.start_mark else None
            raise yaml.YAMLError(
                "anchors and aliases (*name) are not allowed in docgen data files"
                + (f" (the anchor on line {line} is used again)" if line else ""))
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend((key, value))


def load_input(path: Path) -> FormInput:
    """Read a form (.docx) or data file (.yaml/.json); UnusableInput says what to do if not."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnusableInput("there is no such file", file=str(path),
                            hint="Check the name and the folder.")
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
    if path.stat().st_size > MAX_DATA_FILE_BYTES:
        raise UnusableInput("the file is larger than 20 MB, too large for form data",
                            file=str(path))
    try:
        text = read_text(path)  # a BOM, UTF-16 or CRLF from Windows tools reads the same
        content = json.loads(text) if path.suffix.lower() == ".json" else safe_yaml(text)
    except UnicodeDecodeError:
        raise UnusableInput("the file is not UTF-8 text", file=str(path),
                            hint="Save it as UTF-8 text.") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise UnusableInput(f"the file cannot be read: {_one_line(exc)}", file=str(path),
                            hint="Fix the line shown, then try again.") from None
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
