"""Builds Word content controls (w:sdt): text, multi-line, drop-down, date picker, check box."""

from __future__ import annotations

from lxml import etree

from docgen.definitions import Field
from docgen.forms.ns import (
    CHECKBOX_FONT,
    CHECKED,
    CHECKED_CODE,
    DATE_FORMAT,
    DATE_LANGUAGE,
    PLACEHOLDER_STYLE,
    UNCHECKED,
    UNCHECKED_CODE,
    qn,
    w14,
)

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def element(tag: str, **attrs: str) -> etree._Element:
    """A WordprocessingML element, e.g. ``element("w:tag", val="pupil.surname")``."""
    made = etree.Element(qn(tag))
    for name, value in attrs.items():
        made.set(qn(f"w:{name}"), value)
    return made


def _w14(tag: str, **attrs: str) -> etree._Element:
    made = etree.Element(w14(tag))
    for name, value in attrs.items():
        made.set(w14(name), value)
    return made


def run(text: str, *, style: str | None = None, font: str | None = None) -> etree._Element:
    """One run holding ``text``; tabs become w:tab and newlines w:br, as Word stores them."""
    r = element("w:r")
    if style or font:
        r_pr = etree.SubElement(r, qn("w:rPr"))
        if style:
            r_pr.append(element("w:rStyle", val=style))
        if font:
            r_pr.append(element("w:rFonts", ascii=font, hAnsi=font, eastAsia=font,
                                hint="eastAsia"))
    for number, line in enumerate(text.split("\n")):
        if number:
            r.append(element("w:br"))
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                r.append(element("w:tab"))
            if piece:
                t = etree.SubElement(r, qn("w:t"))
                t.text = piece
                t.set(_XML_SPACE, "preserve")
    return r


def glyph_run(checked: bool) -> etree._Element:
    return run(CHECKED if checked else UNCHECKED, font=CHECKBOX_FONT)


def content_control(field: Field, tag: str, control_id: int) -> etree._Element:
    """A run-level content control for one field, showing its placeholder (a check box:
    unticked), to sit in a cell's paragraph where users click.

    Text of every kind gets a rich-text control, not a plain-text one (``w:text``): LibreOffice
    7.4 writes a plain-text control holding right-to-left text (an Urdu name) three or four
    times over when it saves, and moves a multi-line one's line breaks out of it; it keeps a
    rich-text control intact. An Enter typed in Word or LibreOffice makes a new paragraph.
    """
    sdt = element("w:sdt")
    pr = etree.SubElement(sdt, qn("w:sdtPr"))
    pr.append(element("w:alias", val=field.label))
    pr.append(element("w:tag", val=tag))
    pr.append(element("w:id", val=str(control_id)))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    if field.type == "bool":
        checkbox = etree.SubElement(pr, w14("checkbox"))
        checkbox.append(_w14("checked", val="0"))
        checkbox.append(_w14("checkedState", val=CHECKED_CODE, font=CHECKBOX_FONT))
        checkbox.append(_w14("uncheckedState", val=UNCHECKED_CODE, font=CHECKBOX_FONT))
        content.append(glyph_run(False))
        return sdt
    pr.append(element("w:showingPlcHdr"))
    if field.type == "date":
        date = etree.SubElement(pr, qn("w:date"))
        date.append(element("w:dateFormat", val=DATE_FORMAT))
        date.append(element("w:lid", val=DATE_LANGUAGE))
        date.append(element("w:storeMappedDataAs", val="dateTime"))
        date.append(element("w:calendar", val="gregorian"))
    elif field.type == "choice":
        listing = etree.SubElement(pr, qn("w:dropDownList"))
        for value, text in field.choices:
            listing.append(element("w:listItem", displayText=text, value=value))
    content.append(run(field.placeholder, style=PLACEHOLDER_STYLE))
    return sdt
