"""Namespaces, names and fixed texts shared by the form writer, filler and reader."""

from __future__ import annotations

from typing import Any

# python-docx's namespace map (docx.oxml.ns.nsmap, checked equal by a test), kept here so
# reading a form does not import python-docx.
nsmap = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "dcterms": "http://purl.org/dc/terms/",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def qn(tag: str) -> str:
    """Clark notation for a prefixed name: ``qn("w:p")`` is ``{...main}p`` (as python-docx's)."""
    prefix, local = tag.split(":")
    return f"{{{nsmap[prefix]}}}{local}"


def child_of(element: Any, first: str, second: str) -> Any:
    """``element.find("first/second")`` for two names in Clark notation, without ElementPath
    parsing the path on every call (the form reader asks this of every control and row)."""
    for child in element.iterchildren(first):
        found = child.find(second)
        if found is not None:
            return found
    return None


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
