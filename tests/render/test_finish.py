"""docgen's post-Jinja step gives exactly what docxtpl's gives, on any arrangement of text."""

from __future__ import annotations

from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st

from docgen.render.docxtpl_steps import finish_xml

_TEXT = st.text(alphabet=st.sampled_from(list("ab ŷع&\n\t\a\f_{}%")), max_size=12)
_PARAGRAPH_OPENINGS = ("<w:p>", '<w:p w:rsidR="00A1">')
_PROPERTIES = ("", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>')


def _docxtpl_finish(xml: str) -> bytes:
    for escaped, brace in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
        xml = xml.replace(escaped, brace)
    return DocxTemplate.resolve_listing(None, xml).encode("utf-8")  # type: ignore[arg-type]


@st.composite
def _part(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(0, 5))):
        runs = "".join(
            f'<w:r><w:rPr><w:b/></w:rPr><w:proofErr/><w:t xml:space="preserve">{text}</w:t></w:r>'
            for text in draw(st.lists(_TEXT, max_size=3)))
        if draw(st.booleans()):  # a text box: paragraphs inside a run of the paragraph
            inner = draw(_TEXT)
            runs += ("<w:r><w:txbxContent><w:p><w:r><w:t>" + inner
                     + "</w:t></w:r></w:p></w:txbxContent></w:r>" + draw(_TEXT))
        paragraphs.append(draw(st.sampled_from(_PARAGRAPH_OPENINGS))
                          + draw(st.sampled_from(_PROPERTIES)) + runs + "</w:p>")
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<w:document><w:body>"
            + "<w:tbl/>\n".join(paragraphs) + "</w:body></w:document>")


@settings(max_examples=300, deadline=None)
@given(_part())
def test_finish_matches_docxtpl(xml: str) -> None:
    assert finish_xml(xml) == _docxtpl_finish(xml)


def test_page_break_and_bell_become_word_markup() -> None:
    xml = '<w:p><w:r><w:t xml:space="preserve">one\fpage\atwo</w:t></w:r></w:p>'
    finished = finish_xml(xml).decode()
    assert '<w:br w:type="page"/>' in finished
    assert finished.count("<w:p>") == 4  # the page break's own, and one after each
    assert finished == _docxtpl_finish(xml).decode()


@settings(max_examples=300, deadline=None)
@given(_part())
def test_resolve_listing_is_docxtpls(xml: str) -> None:
    """docgen's copy of the step (so a render need not import docxtpl) on whole parts."""
    from docgen.render.docxtpl_steps import resolve_listing

    assert resolve_listing(xml) == DocxTemplate.resolve_listing(None, xml)  # type: ignore[arg-type]
