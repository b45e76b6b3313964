"""docxtpl's own pre- and post-processing steps, reused so output matches docxtpl's.

These methods of ``DocxTemplate`` use no instance state, so they are called on the class with
``self`` unused; a test renders the same template with docxtpl and compares the text.

docxtpl (and python-docx, which it imports) is imported only by the steps that call it, when
a template is compiled: one loaded from the compiled-template cache renders without them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

_FIRST_DOCPR_ID = 1000  # docxtpl renumbers drawing ids from here to avoid collisions


def patch_xml(xml: str) -> str:
    """Join tags Word split across runs; turn {%tr %}/{%p %}/{%tc %} into structural tags."""
    from docxtpl import DocxTemplate

    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


_SPECIALS = (b"\n", b"\t", b"\a", b"\f")  # what resolve_listing turns into Word markup
_ESCAPED_BRACES = ((b"{_{", b"{{"), (b"}_}", b"}}"), (b"{_%", b"{%"), (b"%_}", b"%}"))


def finish_xml(xml: str) -> bytes:
    """What docxtpl does after Jinja, as UTF-8: restore the braces a template escaped ({_{ for
    {{), and turn newlines and tabs inside text into Word breaks and tabs. (docxtpl also
    removes the line breaks it put before each paragraph; docgen compiles without them.)"""
    return finish_encoded(xml.encode("utf-8"))


def finish_encoded(data: bytes) -> bytes:
    """``finish_xml`` of the part's text already encoded as UTF-8.

    Done on the encoded bytes because searching bytes for one character is a memchr, while a
    regular expression over a part holding any non-ASCII letter (a Welsh name) walks it one
    character at a time: that scan was most of a High Focus IEP's render time."""
    if b"_" in data:  # every escaped brace has one; most parts have none at all
        for escaped, brace in _ESCAPED_BRACES:
            if escaped in data:
                data = data.replace(escaped, brace)
    return resolve_breaks(data)


def resolve_breaks(data: bytes) -> bytes:
    """docxtpl's resolve_listing, run only on the paragraphs that hold a newline or tab.

    resolve_listing rewrites every paragraph of the part; a paragraph without those
    characters comes out unchanged, so it is skipped.
    """
    spans: list[tuple[int, int]] = []
    for position in _special_positions(data):
        if spans and position < spans[-1][1]:
            continue  # in the paragraph already taken
        span = _paragraph_around(data, position)
        if span is not None:
            spans.append(span)
    if not spans:
        return data
    pieces, last = [], 0
    for start, end in spans:
        pieces.append(data[last:start])
        resolved = resolve_paragraph(data[start:end].decode("utf-8"))
        pieces.append(resolved.encode("utf-8"))
        last = end
    pieces.append(data[last:])
    return b"".join(pieces)


# docxtpl 0.20's resolve_listing, step for step, with its own patterns and flags (what it does
# is defined by them: a test compares the two on generated parts), so that a render does not
# import docxtpl (and python-docx) for it when a value holds a newline or tab.
_LISTING_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_LISTING_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_LISTING_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_PARAGRAPH_PROPERTIES = re.compile(r"<w:pPr>.*?</w:pPr>")
_RUN_PROPERTIES = re.compile(r"<w:rPr>.*?</w:rPr>")


def resolve_listing(xml: str) -> str:
    """Tabs, bell characters, newlines and form feeds inside each ``w:t`` turned into Word's
    tab, new paragraph, line break and page break, as docxtpl does after rendering."""
    return _LISTING_PARAGRAPH.sub(lambda found: resolve_paragraph(found.group(0)), xml)


def resolve_paragraph(paragraph: str) -> str:
    """``resolve_listing`` of one paragraph: text its paragraph pattern matches whole (as
    ``resolve_breaks`` finds them), so the pattern need not be run over it again."""
    properties = _PARAGRAPH_PROPERTIES.search(paragraph)
    shown = properties.group(0) if properties else ""
    return _LISTING_RUN.sub(lambda run: _resolve_run(run.group(0), shown), paragraph)


def _resolve_run(run: str, paragraph_properties: str) -> str:
    properties = _RUN_PROPERTIES.search(run)
    run_properties = properties.group(0) if properties else ""
    return _LISTING_TEXT.sub(
        lambda text: _resolve_text(text.group(0), run_properties, paragraph_properties), run)


def _resolve_text(xml: str, run: str, paragraph: str) -> str:
    xml = xml.replace("\t", f"</w:t></w:r><w:r>{run}<w:tab/></w:r>"
                            f'<w:r>{run}<w:t xml:space="preserve">')
    xml = xml.replace("\a", f"</w:t></w:r></w:p><w:p>{paragraph}<w:r>{run}"
                            '<w:t xml:space="preserve">')
    xml = xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return xml.replace("\f", "</w:t></w:r></w:p>"
                             '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                             f'<w:p>{paragraph}<w:r>{run}<w:t xml:space="preserve">')


def _paragraph_around(data: bytes, position: int) -> tuple[int, int] | None:
    """The span resolve_listing's paragraph pattern (``<w:p ...>`` up to the first
    ``</w:p>``, matches taken left to right) gives the text at ``position``, or None when
    no match covers it (the XML declaration's line end, text between paragraphs).

    Found locally, not by matching from the start of the part: the nearest opening before
    ``position`` must be followed by a ``</w:p>`` after it; the match then starts at the
    first opening after the last ``</w:p>`` before that opening, because no match spans a
    ``</w:p>``. (The two openings differ only for paragraphs nested in a text box.)"""
    nearest = _opening_before(data, position)
    if nearest < 0:
        return None
    end = data.find(b"</w:p>", nearest)
    if end < position:  # -1, or that paragraph closed before it
        return None
    previous_end = data.rfind(b"</w:p>", 0, nearest)
    start = _opening_from(data, previous_end + len(b"</w:p>") if previous_end >= 0 else 0)
    return start, end + len(b"</w:p>")


def _opening_before(data: bytes, position: int) -> int:
    """Where the last ``<w:p>`` or ``<w:p ...>`` before ``position`` starts, or -1, stepping
    back over ``<w:pPr>`` and ``<w:proofErr>`` (searching for the two spellings separately
    scanned back to the start of the part whenever one was not used)."""
    start = data.rfind(b"<w:p", 0, position)
    while start >= 0 and data[start + 4] not in b"> ":
        start = data.rfind(b"<w:p", 0, start)
    return start


def _opening_from(data: bytes, position: int) -> int:
    start = data.find(b"<w:p", position)
    while start >= 0 and data[start + 4] not in b"> ":
        start = data.find(b"<w:p", start + 4)
    return start


def _special_positions(data: bytes) -> list[int]:
    positions = []
    for special in _SPECIALS:
        position = data.find(special)
        while position >= 0:
            positions.append(position)
            position = data.find(special, position + 1)
    positions.sort()
    return positions


def fix_tables(xml: bytes) -> etree._Element:
    """Keep each table's grid in step with the cells its loops produced."""
    from docxtpl import DocxTemplate

    # bytes, because the whole part (unlike docxtpl's body) starts with an XML declaration
    return DocxTemplate.fix_tables(None, xml)  # type: ignore[arg-type]


def fix_docpr_ids(tree: etree._Element) -> None:
    from docx.oxml.ns import nsmap

    for index, element in enumerate(tree.xpath("//wp:docPr", namespaces=nsmap),
                                    start=_FIRST_DOCPR_ID + 1):
        element.set("id", str(index))


def render_with_docxtpl(template_path: str, context: dict) -> bytes:
    """Plain docxtpl, as a reference: the benchmark's baseline and the equivalence tests'."""
    import io

    from docxtpl import DocxTemplate

    from docgen.render.environment import make_environment

    document = DocxTemplate(template_path)
    document.render(context, jinja_env=make_environment(), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
