"""Namespaces and names used by the form writer and reader (one place, as in python-docx)."""

from __future__ import annotations

from docx.oxml.ns import nsmap, qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
NSMAP = {**nsmap, "w14": W14}

PLACEHOLDER_STYLE = "PlaceholderText"
HELP_STYLE = "FormHelp"
CHECKED, UNCHECKED = "☒", "☐"
CHECKBOX_FONT = "MS Gothic"
DATE_FORMAT = "dd/MM/yyyy"
FORM_ID_PREFIX = "Form:"  # the visible line naming the form, e.g. "Form: iep · version 1"


def w14(tag: str) -> str:
    return f"{{{W14}}}{tag}"


__all__ = ["NSMAP", "W14", "qn", "w14"]
