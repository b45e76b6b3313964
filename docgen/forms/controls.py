"""Builds Word content controls (w:sdt): text, multi-line, drop-down, date picker, check box."""

from __future__ import annotations

import itertools

from docx.oxml import OxmlElement
from lxml import etree

from docgen.definitions import Field
from docgen.forms.ns import (
    CHECKBOX_FONT,
    DATE_FORMAT,
    PLACEHOLDER_STYLE,
    UNCHECKED,
    qn,
    w14,
)

_ids = itertools.count(10_000)


def _el(tag: str, **attrs: str) -> etree._Element:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}") if ":" not in name else name, value)
    return element


def _w14(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(w14(tag))
    for name, value in attrs.items():
        element.set(w14(name), value)
    return element


def run(text: str, *, style: str | None = None, font: str | None = None) -> etree._Element:
    r = _el("w:r")
    if style or font:
        r_pr = etree.SubElement(r, qn("w:rPr"))
        if style:
            r_pr.append(_el("w:rStyle", val=style))
        if font:
            r_pr.append(_el("w:rFonts", ascii=font, hAnsi=font, eastAsia=font))
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def content_control(field: Field, tag: str) -> etree._Element:
    """A run-level content control for one field, showing its placeholder."""
    sdt = _el("w:sdt")
    pr = etree.SubElement(sdt, qn("w:sdtPr"))
    if field.type != "bool":
        r_pr = etree.SubElement(pr, qn("w:rPr"))
        r_pr.append(_el("w:rStyle", val=PLACEHOLDER_STYLE))
    pr.append(_el("w:alias", val=field.label))
    pr.append(_el("w:tag", val=tag))
    pr.append(_el("w:id", val=str(next(_ids))))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    if field.type == "bool":
        checkbox = _w14("checkbox")
        checkbox.append(_w14("checked", val="0"))
        checkbox.append(_w14("checkedState", val="2612", font=CHECKBOX_FONT))
        checkbox.append(_w14("uncheckedState", val="2610", font=CHECKBOX_FONT))
        pr.append(checkbox)
        content.append(run(UNCHECKED, font=CHECKBOX_FONT))
        return sdt
    pr.append(_el("w:showingPlcHdr"))
    if field.type == "date":
        date = _el("w:date")
        date.append(_el("w:dateFormat", val=DATE_FORMAT))
        date.append(_el("w:lid", val="en-GB"))
        date.append(_el("w:storeMappedDataAs", val="dateTime"))
        date.append(_el("w:calendar", val="gregorian"))
        pr.append(date)
    elif field.type == "choice":
        listing = _el("w:dropDownList")
        for value, text in field.choices:
            listing.append(_el("w:listItem", displayText=text, value=value))
        pr.append(listing)
    elif field.type != "multiline":
        pr.append(_el("w:text"))
    content.append(run(field.placeholder, style=PLACEHOLDER_STYLE))
    if field.type == "multiline":
        return _block(sdt)
    return sdt


def _block(sdt: etree._Element) -> etree._Element:
    """A rich-text control around whole paragraphs: each Enter makes a new paragraph, which
    both Word and LibreOffice keep (LibreOffice 7.4 moves line breaks out of inline controls)."""
    content = sdt.find(qn("w:sdtContent"))
    paragraph = _el("w:p")
    for child in list(content):
        paragraph.append(child)
    content.append(paragraph)
    return sdt


def is_block(field: Field) -> bool:
    return field.type == "multiline"
