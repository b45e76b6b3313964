"""Namespaces, names and fixed texts shared by the form writer, filler and reader."""

from __future__ import annotations

from docx.oxml.ns import nsmap, qn

W = nsmap["w"]
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NSMAP = {**nsmap, "w14": W14, "mc": MC, "rel": REL}

PLACEHOLDER_STYLE = "PlaceholderText"  # Word's built-in "Placeholder Text" character style
HELP_STYLE = "FormHelp"
CHECKED, UNCHECKED = "☒", "☐"
CHECKED_CODE, UNCHECKED_CODE = "2612", "2610"
CHECKBOX_FONT = "MS Gothic"
DATE_FORMAT = "dd/MM/yyyy"
DATE_LANGUAGE = "en-GB"
FORM_ID_PREFIX = "Form:"  # the visible line naming the form, e.g. "Form: iep · version 1"
FORM_PROPERTY, VERSION_PROPERTY = "docgen.form", "docgen.form_version"
OUTPUT_PROPERTY = "docgen.template"  # carried by documents docgen makes, never by forms


def w14(tag: str) -> str:
    return f"{{{W14}}}{tag}"


def mc(tag: str) -> str:
    return f"{{{MC}}}{tag}"


__all__ = ["MC", "NSMAP", "W14", "W", "mc", "qn", "w14"]
