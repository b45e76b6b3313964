"""The text a reader sees in a piece of WordprocessingML, with tracked changes accepted.

Runs may be split anywhere and wrapped in smart tags, hyperlinks, custom XML, bookmarks or
proofing marks; only the text matters. Tracked changes are read as if accepted: inserted text
(w:ins, w:moveTo) counts, deleted text (w:del, w:delText, w:moveFrom) does not.
"""

from __future__ import annotations

from lxml import etree

from docgen.forms.ns import qn

_P, _T, _TAB, _BR, _CR = qn("w:p"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_R = qn("w:r")
_SKIPPED = frozenset({qn("w:del"), qn("w:moveFrom"), qn("w:delText"), qn("w:instrText"),
                      qn("w:pPr"), qn("w:rPr"), qn("w:sdtPr"), qn("w:fldSimple") + "Pr"})


def text_of(element: etree._Element) -> str:
    """Paragraphs joined by newlines; breaks become newlines and tabs tabs."""
    loose: list[str] = []  # text not inside any paragraph (when given a run or a control)
    paragraphs: list[list[str]] = []
    _walk(element, loose, paragraphs)
    if element.tag == _P or not paragraphs:
        return "".join(loose) + "\n".join("".join(p) for p in paragraphs)
    return "\n".join("".join(p) for p in paragraphs)


def _walk(element: etree._Element, current: list[str], paragraphs: list[list[str]]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _P:
            paragraphs.append([])
            _walk(child, paragraphs[-1], paragraphs)
        elif tag == _T:
            current.append(child.text or "")
        elif tag == _TAB and element.tag == _R:
            current.append("\t")
        elif tag in (_BR, _CR):
            if child.get(qn("w:type")) in (None, "textWrapping"):
                current.append("\n")
        else:
            _walk(child, current, paragraphs)


def cell_paragraph_texts(cell: etree._Element) -> list[str]:
    """The text of each paragraph directly in a table cell (or in controls around them)."""
    return [text_of(p) for p in cell.iter(_P)]
