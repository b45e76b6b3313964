"""docxtpl's own pre- and post-processing steps, reused so output matches docxtpl's.

These methods of ``DocxTemplate`` use no instance state, so they are called on the class with
``self`` unused; a test renders the same template with docxtpl and compares the text.
"""

from __future__ import annotations

import re

from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate
from lxml import etree

_FIRST_DOCPR_ID = 1000  # docxtpl renumbers drawing ids from here to avoid collisions


def patch_xml(xml: str) -> str:
    """Join tags Word split across runs; turn {%tr %}/{%p %}/{%tc %} into structural tags."""
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


def finish_xml(xml: str) -> str:
    """What docxtpl does after Jinja: undo the line breaks, restore escaped braces, and turn
    newlines and tabs inside text into Word breaks and tabs."""
    xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
    xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
           .replace("{_%", "{%").replace("%_}", "%}"))
    return DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]


def fix_tables(xml: str) -> etree._Element:
    """Keep each table's grid in step with the cells its loops produced."""
    # bytes, because the whole part (unlike docxtpl's body) starts with an XML declaration
    return DocxTemplate.fix_tables(None, xml.encode("utf-8"))  # type: ignore[arg-type]


def fix_docpr_ids(tree: etree._Element) -> None:
    for index, element in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap),
                                    start=_FIRST_DOCPR_ID + 1):
        element.set("id", str(index))
