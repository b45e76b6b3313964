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


_SPECIAL = re.compile("[\n\t\a\f]")


def finish_xml(xml: str) -> str:
    """What docxtpl does after Jinja: restore the braces a template escaped ({_{ for {{), and
    turn newlines and tabs inside text into Word breaks and tabs. (docxtpl also removes the
    line breaks it put before each paragraph; docgen compiles without them.)"""
    if "{_" in xml or "_}" in xml or "%_" in xml:
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}")
               .replace("{_%", "{%").replace("%_}", "%}"))
    return resolve_breaks(xml)


def resolve_breaks(xml: str) -> str:
    """docxtpl's resolve_listing, run only on the paragraphs that hold a newline or tab.

    resolve_listing rewrites every paragraph of the part, which is most of the render time;
    a paragraph without those characters comes out unchanged, so it is skipped.
    """
    spans: list[tuple[int, int]] = []
    for special in _SPECIAL.finditer(xml):
        if spans and special.start() < spans[-1][1]:
            continue  # in the paragraph already taken
        start = max(xml.rfind("<w:p>", 0, special.start()),
                    xml.rfind("<w:p ", 0, special.start()))
        end = xml.find("</w:p>", special.start())
        if start < 0 or end < 0:
            continue  # not inside a paragraph: docxtpl leaves it too
        spans.append((start, end + len("</w:p>")))
    if not spans:
        return xml
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(xml[last:start])
        pieces.append(DocxTemplate.resolve_listing(None, xml[start:end]))  # type: ignore[arg-type]
        last = end
    pieces.append(xml[last:])
    return "".join(pieces)


def fix_tables(xml: str) -> etree._Element:
    """Keep each table's grid in step with the cells its loops produced."""
    # bytes, because the whole part (unlike docxtpl's body) starts with an XML declaration
    return DocxTemplate.fix_tables(None, xml.encode("utf-8"))  # type: ignore[arg-type]


def fix_docpr_ids(tree: etree._Element) -> None:
    for index, element in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap),
                                    start=_FIRST_DOCPR_ID + 1):
        element.set("id", str(index))


def render_with_docxtpl(template_path: str, context: dict) -> bytes:
    """Plain docxtpl, as a reference: the benchmark's baseline and the equivalence tests'."""
    import io

    from docgen.render.environment import make_environment

    document = DocxTemplate(template_path)
    document.render(context, jinja_env=make_environment(), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
