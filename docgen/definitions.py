"""Form definitions: one YAML file per form drives validation, the blank form and template vars.

A definition is a list of sections. A *group* section holds single fields
(data: ``{"pupil": {"surname": ...}}``); a *table* section holds rows the user adds
(data: ``{"targets": [{"what": ...}, ...]}``); a *fixed table* has one row per item of a
domain list, e.g. one per CRISP thread (data: ``{"crisp_threads": [{"thread": "1", ...}]}``,
the row key stored in ``row_key``). Content controls are tagged ``section.field`` (for
fixed tables ``section.ROW.field``); labels must be unique in a form because a form saved by
LibreOffice 7.4 loses its tags and is read by the labels beside the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from docgen.domain.choices import Choice, choices
from docgen.errors import TemplateProblem

FieldType = Literal["text", "multiline", "choice", "date", "bool", "int", "upn", "dfe_number"]
SectionKind = Literal["group", "table", "fixed_table"]
FIELD_TYPES: tuple[str, ...] = FieldType.__args__  # type: ignore[attr-defined]

PLACEHOLDERS: dict[str, str] = {
    "choice": "Choose from the list",
    "date": "Pick or type a date (dd/mm/yyyy)",
    "bool": "",
    "multiline": "Click here and type (several lines are fine)",
}
for _type in ("text", "int", "upn", "dfe_number"):
    PLACEHOLDERS[_type] = "Click here and type"

# Longest text a field takes unless its definition says otherwise: enough for any plan,
# small enough that a pasted book or a hostile file cannot make docgen crawl.
DEFAULT_MAX_LENGTH = {"text": 500, "multiline": 20_000}

GENERIC_PLACEHOLDERS = frozenset({
    "Click or tap here to enter text.",
    "Click or tap to enter a date.",
    "Choose an item.",
    "Click here to enter text.",
    "Click here to enter a date.",
})


@dataclass(frozen=True)
class Field:
    """One value the user types, picks or ticks."""

    key: str
    label: str
    type: FieldType = "text"
    required: bool = False
    choices_name: str | None = None
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    int_values: bool = False  # a choice whose values are numbers (CRISP bands)
    not_future: bool = False  # a date that cannot be after today (date of birth)
    past: bool = False  # the date of something that has happened: a warning when in the future
    part: str = ""  # a sub-heading the blank form shows above this field (single fields only)

    @property
    def choices(self) -> tuple[Choice, ...]:
        return choices(self.choices_name) if self.choices_name else ()

    @property
    def placeholder(self) -> str:
        """Text an unfilled control shows; never a value."""
        return PLACEHOLDERS[self.type]


@dataclass(frozen=True)
class FixedRow:
    key: str
    label: str


@dataclass(frozen=True)
class Section:
    """A heading in the form and the fields (or table columns) under it."""

    key: str
    heading: str
    kind: SectionKind
    fields: tuple[Field, ...]
    help: str = ""
    min_rows: int = 0
    max_rows: int = 200  # bounds time and memory; no real plan has more
    row_key: str | None = None  # fixed tables: name of the key column (e.g. "thread")
    rows_name: str | None = None  # fixed tables: domain list giving the rows
    row_label: str = "Row"  # fixed tables: header of the first column
    example: str | None = None  # a worked example the blank form shows (forms/examples.py)

    @property
    def rows(self) -> tuple[FixedRow, ...]:
        if not self.rows_name:
            return ()
        return tuple(FixedRow(value, text) for value, text in choices(self.rows_name))

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


@dataclass(frozen=True)
class FormDefinition:
    """A whole input form: its name (the form type), version and sections."""

    name: str
    title: str
    version: int
    sections: tuple[Section, ...]
    intro: str = ""
    documents: tuple[str, ...] = field(default=())
    compatible_from: int = 1  # the oldest version of this form docgen still reads

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def tags(self) -> dict[str, tuple[Section, Field]]:
        """Every content-control tag the blank form carries, with what it stands for."""
        out: dict[str, tuple[Section, Field]] = {}
        for s in self.sections:
            for f in s.fields:
                if s.kind == "fixed_table":
                    for row in s.rows:
                        out[f"{s.key}.{row.key}.{f.key}"] = (s, f)
                else:
                    out[f"{s.key}.{f.key}"] = (s, f)
        return out


def definitions_dir() -> Path:
    """The default framework's bundled form definitions."""
    from docgen.frameworks import default

    return default().schemas_dir()


def available_forms(directory: Path | None = None) -> list[str]:
    """Every form type of every framework (or those in ``directory``); form names are unique
    across frameworks."""
    if directory is not None:
        return sorted(p.stem for p in directory.glob("*.yaml"))
    from docgen.frameworks import all_forms

    return all_forms()


def load_definition(name: str, directory: Path | None = None) -> FormDefinition:
    """Load NAME.yaml from its framework's folder (or a maintainer's own copy, see
    --templates), or from ``directory`` when given."""
    if directory is None:
        from docgen.frameworks import framework_of

        framework = framework_of(name)
        directory = framework.definition_dir(name) or framework.schemas_dir()
    return _load_definition(name, directory)


@cache
def _load_definition(name: str, directory: Path) -> FormDefinition:
    """Fragments under ``fragments/`` beside the file (or bundled ones) are spliced in."""
    path = directory / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(available_forms(directory))
        raise TemplateProblem(f"there is no form type '{name}'", hint=f"Known forms: {known}.")
    raw = _read_yaml(path)
    sections = tuple(
        section
        for entry in raw.get("sections", [])
        for section in _expand(entry, directory, path)
    )
    definition = FormDefinition(
        name=raw.get("form", name),
        title=_text(raw, "title", "the form", path),
        version=_number(raw, "version", path),
        sections=sections,
        intro=raw.get("intro", ""),
        documents=tuple(raw.get("documents", ())),
        compatible_from=_number(raw, "compatible_from", path),
    )
    _check_unique_labels(definition, path)
    return definition


def _read_yaml(path: Path) -> dict[str, Any]:
    from docgen.errors import UnusableInput
    from docgen.inputs import safe_yaml
    from docgen.safe_open import read_text

    try:
        data = safe_yaml(read_text(path, MAX_DEFINITION_BYTES, "form definition"))
    except yaml.YAMLError as exc:
        raise TemplateProblem(
            f"the form definition is not valid YAML: {' '.join(str(exc).split())}",
            file=str(path)) from None
    except UnusableInput as exc:
        raise TemplateProblem(exc.message, file=str(path), hint=exc.hint) from None
    if not isinstance(data, dict):
        raise TemplateProblem("the form definition must be a mapping", file=str(path))
    return data


MAX_DEFINITION_BYTES = 2_000_000


def _text(raw: Any, key: str, where: str, path: Path) -> str:
    """A required text key of a definition: one message naming it when it is missing."""
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise TemplateProblem(f"{where} has no '{key}'", file=str(path),
                              hint=f"Add a line '{key}: …' (see the bundled definitions in "
                                   "schemas/ for the shape of one).")
    return value


def _number(raw: dict[str, Any], key: str, path: Path) -> int:
    value = raw.get(key, 1)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise TemplateProblem(f"'{key}' must be a whole number, 1 or more", file=str(path))
    return value


def _expand(entry: dict[str, Any], directory: Path, path: Path) -> list[Section]:
    if "include" in entry:
        fragment_file = directory / "fragments" / f"{entry['include']}.yaml"
        if not fragment_file.is_file():  # a maintainer's form using a bundled fragment
            fragment_file = _bundled_fragments(path) / f"{entry['include']}.yaml"
        fragment = _read_yaml(fragment_file)
        return [s for e in fragment["sections"] for s in _expand(e, directory, path)]
    return [_section(entry, path)]


def _bundled_fragments(path: Path) -> Path:
    from docgen.frameworks import framework_of

    return framework_of(path.stem).schemas_dir() / "fragments"


def _section(raw: dict[str, Any], path: Path) -> Section:
    if not isinstance(raw, dict):
        raise TemplateProblem("each section must be a mapping (key:, heading:, fields:)",
                              file=str(path))
    kind = raw.get("kind", "group")
    if kind not in ("group", "table", "fixed_table"):
        raise TemplateProblem(f"section '{raw.get('key')}' has unknown kind '{kind}'",
                              file=str(path))
    key = _text(raw, "key", "a section", path)
    heading = _text(raw, "heading", f"section '{key}'", path)
    fields = raw.get("fields")
    if not isinstance(fields, list) or not fields:
        raise TemplateProblem(f"section '{key}' has no 'fields'", file=str(path),
                              hint="List the section's fields under 'fields:'.")
    _refuse_unknown(raw, _SECTION_KEYS, "section", path)  # after what is missing: the clearer
    return Section(
        key=key,
        heading=heading,
        kind=kind,
        fields=tuple(_field(f, path) for f in fields),
        help=raw.get("help", ""),
        min_rows=int(raw.get("min_rows", 0)),
        max_rows=int(raw.get("max_rows", 200)),
        row_key=raw.get("row_key"),
        rows_name=raw.get("rows"),
        row_label=raw.get("row_label", "Row"),
        example=raw.get("example"),
    )


_FIELD_KEYS = frozenset({"key", "label", "type", "required", "choices", "help", "min", "max",
                         "max_length", "values", "not_future", "past", "part"})
_SECTION_KEYS = frozenset({"key", "heading", "kind", "fields", "help", "min_rows", "max_rows",
                           "row_key", "rows", "row_label", "example"})


def _refuse_unknown(raw: dict[str, Any], known: frozenset[str], what: str, path: Path) -> None:
    """An unknown key is nearly always a typing slip: in YAML's {a: b, c: d} form, a comma
    inside an unquoted label or help text starts a new key and silently cuts the text."""
    unknown = sorted(str(k) for k in raw if k not in known)
    if unknown:
        raise TemplateProblem(
            f"{what} '{raw.get('key')}' has unknown key(s): {', '.join(unknown)}",
            file=str(path),
            hint='Check the spelling; put text with a comma in quotes, e.g. help: "a, b".')


def _field(raw: dict[str, Any], path: Path) -> Field:
    key = _text(raw, "key", "a field", path)
    _text(raw, "label", f"field '{key}'", path)
    _refuse_unknown(raw, _FIELD_KEYS, "field", path)
    ftype = raw.get("type", "text")
    if ftype not in FIELD_TYPES:
        raise TemplateProblem(f"field '{raw.get('key')}' has unknown type '{ftype}'",
                              file=str(path))
    return Field(
        key=raw["key"],
        label=raw["label"],
        type=ftype,
        required=bool(raw.get("required", False)),
        choices_name=raw.get("choices"),
        help=raw.get("help", ""),
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        max_length=raw.get("max_length", DEFAULT_MAX_LENGTH.get(ftype)),
        int_values=raw.get("values") == "int",
        not_future=bool(raw.get("not_future", False)),
        past=bool(raw.get("past", False)),
        part=str(raw.get("part", "")),
    )


def _check_unique_labels(definition: FormDefinition, path: Path) -> None:
    seen: dict[str, str] = {}
    for s in definition.sections:
        if s.kind == "table":
            continue  # column headers are matched per table, not across the form
        for f in s.fields:
            if s.kind == "fixed_table":
                continue
            if f.label in seen:
                raise TemplateProblem(
                    f"the label '{f.label}' is used twice ({seen[f.label]} and {s.key}.{f.key})",
                    file=str(path),
                    hint="Each label must be unique so a form saved without tags can be read.",
                )
            seen[f.label] = f"{s.key}.{f.key}"
