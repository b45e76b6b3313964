"""Builds a marshmallow schema from a form definition, with messages a teacher can act on."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate
from stdnum import exceptions as stdnum_errors
from stdnum.gb import upn as stdnum_upn

from docgen.definitions import Field, FormDefinition, Section

REQUIRED = "This must be filled in."
# Characters XML 1.0 cannot hold: they would make a corrupt document.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DFE_NUMBER = re.compile(r"^\d{3}/\d{4}$")
_UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class FormText(fields.String):
    """Text as typed; refuses characters a Word document cannot store."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        bad = _XML_ILLEGAL.search(text)
        if bad:
            raise ValidationError(
                f"This contains a control character (code {ord(bad.group()):#04x}) that a "
                "Word document cannot hold. Retype the text without it."
            )
        return text


class FormUpn(FormText):
    """A UPN stored as the school's records hold it: capitals, no spaces, dots or dashes
    (typed 'n 3302-0011 7012', kept as 'N330200117012'), so it is the same in every document
    and every pack, and a search finds it."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        return _UPN_SEPARATORS.sub("", text).upper()


_UPN_SEPARATORS = re.compile(r"[\s.\-‐‑–]+")


class FormDate(fields.Date):
    """A date from the date picker (ISO), typed as dd/mm/yyyy, or a YAML date."""

    default_error_messages = {  # noqa: RUF012 - marshmallow's own convention
        "invalid": "This is not a date. Use the date picker or type it as dd/mm/yyyy.",
        "format": "This is not a date. Use the date picker or type it as dd/mm/yyyy.",
    }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            match = _UK_DATE.match(value.strip())
            if match:
                day, month, year = (int(g) for g in match.groups())
                try:
                    return dt.date(year, month, day)
                except ValueError:
                    raise self.make_error("invalid") from None
        return super()._deserialize(value, attr, data, **kwargs)


class FormInt(fields.Integer):
    default_error_messages = {  # noqa: RUF012
        "invalid": "Type a whole number, for example 5.",
    }


class FormBool(fields.Boolean):
    default_error_messages = {  # noqa: RUF012
        "invalid": "Tick the box or leave it empty.",
    }


def check_upn(value: str) -> None:
    """The DfE Unique Pupil Number: 13 characters, check letter first (python-stdnum)."""
    try:
        stdnum_upn.validate(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            f"A UPN has 13 characters; this has {len(value.replace(' ', ''))}. "
            "Copy it from the school's records."
        ) from None
    except stdnum_errors.InvalidFormat:
        raise ValidationError(
            "A UPN is a letter followed by 12 digits (the last may be a letter). "
            "Copy it from the school's records."
        ) from None
    except stdnum_errors.InvalidComponent:
        raise ValidationError(
            "Characters 2 to 4 of a UPN are a local authority number, and these are not one. "
            "Check the UPN against the school's records."
        ) from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            "The check letter (the first character) does not match the rest of the UPN, so "
            "a character has been mistyped. Check the UPN against the school's records."
        ) from None


def _not_future(value: dt.date) -> None:
    if value > dt.date.today():
        raise ValidationError("This date is in the future. Check the year.")


def check_dfe_number(value: str) -> None:
    if not _DFE_NUMBER.match(value):
        raise ValidationError(
            "Type the DfE establishment number as the 3-digit LA code, a slash and 4 digits, "
            "for example 330/2001."
        )


def _choice_validator(f: Field) -> validate.Validator:
    shown = "; ".join(text for _, text in f.choices)
    values = [int(v) if f.int_values else v for v, _ in f.choices]
    return validate.OneOf(values, error=f"This is not one of the choices ({shown}). "
                                        "Pick one from the list.")


def build_field(f: Field) -> fields.Field:
    """The marshmallow field for one form field."""
    common: dict[str, Any] = {
        "required": f.required,
        "allow_none": not f.required,
        "error_messages": {"required": REQUIRED, "null": REQUIRED},
    }
    if f.type == "date":
        return FormDate(validate=[_not_future] if f.not_future else [], **common)
    if f.type == "bool":
        # an unticked box and a box left out of YAML data both mean "no"
        return FormBool(**common) if f.required else FormBool(load_default=False,
                                                              allow_none=True)
    if f.type == "int":
        low, high = f.minimum, f.maximum
        rng = validate.Range(min=low, max=high, error=f"Type a number from {low} to {high}.")
        return FormInt(validate=rng, **common)
    if f.type == "choice":
        if f.int_values:
            return FormInt(validate=_choice_validator(f), **common)
        return FormText(validate=_choice_validator(f), **common)
    validators: list[Any] = []
    if f.max_length:
        validators.append(validate.Length(
            max=f.max_length,
            error=f"This is too long: at most {f.max_length} characters.",
        ))
    if f.type == "dfe_number":
        validators.append(check_dfe_number)
    if f.type == "upn":
        validators.append(check_upn)
        return FormUpn(validate=validators, **common)
    return FormText(validate=validators, **common)


def _section_schema(section: Section) -> type[Schema]:
    declared = {f.key: build_field(f) for f in section.fields}
    if section.kind == "fixed_table" and section.row_key:
        row_values = [row.key for row in section.rows]
        declared[section.row_key] = fields.String(
            required=True, validate=validate.OneOf(row_values)
        )
    return Schema.from_dict(declared, name=f"{section.key.title()}Schema")


class _ListOfRows(fields.List):
    default_error_messages = {"invalid": "This must be a list of rows."}  # noqa: RUF012


class _Group(fields.Nested):
    default_error_messages = {  # noqa: RUF012
        "type": "This must be a set of fields, not a single value.",
    }


@cache
def schema_for(definition: FormDefinition) -> Schema:
    """The schema validating a whole form's data (cached per definition)."""
    declared: dict[str, fields.Field] = {}
    for section in definition.sections:
        inner = _section_schema(section)
        if section.kind == "group" and not any(f.required for f in section.fields):
            # a section of optional fields (the date of writing) may be left out of a data file
            unticked = {f.key: False for f in section.fields if f.type == "bool"}
            declared[section.key] = _Group(inner, load_default=lambda u=unticked: dict(u))
        elif section.kind == "group":
            declared[section.key] = _Group(
                inner, required=True, error_messages={"required": REQUIRED}
            )
        else:
            declared[section.key] = _ListOfRows(
                _Group(inner),
                load_default=list,
                validate=[
                    validate.Length(
                        min=section.min_rows,
                        error="Add at least {min} row to this table." if section.min_rows == 1
                        else "Add at least {min} rows to this table.",
                    ),
                    validate.Length(max=section.max_rows,
                                    error="Use at most {max} rows in this table."),
                ],
            )
    return Schema.from_dict(declared, name=f"{definition.name.title()}Form")()
