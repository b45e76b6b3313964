"""The text a reader sees in a piece of WordprocessingML, with tracked changes accepted.

Runs may be split anywhere and wrapped in smart tags, hyperlinks, custom XML, fields, nested
controls, bookmarks or proofing marks; only the text matters. Tracked changes are read as if
accepted: inserted text (``w:ins``, ``w:moveTo``) counts; deleted text (``w:del``,
``w:delText``, ``w:moveFrom``) and deleted table rows do not, and a paragraph whose mark was
deleted runs on into the next one. A field counts by its shown result, never its instruction.
"""

from __future__ import annotations

from lxml import etree

from docgen.forms.ns import NSMAP, child_of, mc, qn

_P, _T, _TR, _SDT = qn("w:p"), qn("w:t"), qn("w:tr"), qn("w:sdt")
_NO_BREAK_HYPHEN, _TYPE, _VAL = qn("w:noBreakHyphen"), qn("w:type"), qn("w:val")
_PPR, _RPR, _DEL = qn("w:pPr"), qn("w:rPr"), qn("w:del")
_SDT_PR, _SHOWING, _TR_PR = qn("w:sdtPr"), qn("w:showingPlcHdr"), qn("w:trPr")
_HIDABLE = frozenset({_TR, _SDT})
_TABS = frozenset({qn("w:tab"), qn("w:ptab")})
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})
_SKIPPED = frozenset({
    qn("w:del"), qn("w:moveFrom"), qn("w:delText"), qn("w:delInstrText"), qn("w:instrText"),
    qn("w:pPr"), qn("w:rPr"), qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:tblPr"), qn("w:tcPr"),
    qn("w:sectPr"), mc("Fallback"),  # a fallback repeats its mc:Choice in an older form
})


def text_of(element: etree._Element, *, skip_placeholders: bool = False,
            skip_echoes: bool = False) -> str:
    """Paragraphs joined by newlines; line breaks become newlines and tabs tabs.

    With ``skip_placeholders``, controls still showing their placeholder add nothing. With
    ``skip_echoes``, neither do LibreOffice 7.4's echoes: saving a control it keeps but does
    not understand (a plain-text control, or one around paragraphs) whose text runs right to
    left, it writes the control again two or three times right after it, untagged, with the
    same alias, each copy holding the text again or part of it; the first one is right.
    """
    walker = _Walker(skip_placeholders, skip_echoes)
    walker.walk(element)
    return walker.result()


def shows_placeholder(sdt: etree._Element) -> bool:
    return child_of(sdt, _SDT_PR, _SHOWING) is not None


def is_echo(sdt: etree._Element) -> bool:
    """Whether a control repeats the untagged control just before it (same alias)."""
    before = sdt.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is None or before.tag != _SDT:
        return False
    alias = sdt.find("w:sdtPr/w:alias", NSMAP)
    other = before.find("w:sdtPr/w:alias", NSMAP)
    return (alias is not None and other is not None
            and alias.get(_VAL) == other.get(_VAL)
            and sdt.find("w:sdtPr/w:tag", NSMAP) is None
            and before.find("w:sdtPr/w:tag", NSMAP) is None)


def _mark_deleted(p: etree._Element) -> bool:
    """Whether a paragraph's mark was deleted as a tracked change (w:pPr/w:rPr/w:del)."""
    ppr = p.find(_PPR)
    if ppr is None:
        return False
    rpr = ppr.find(_RPR)
    return rpr is not None and rpr.find(_DEL) is not None


def is_deleted_row(tr: etree._Element) -> bool:
    return child_of(tr, _TR_PR, _DEL) is not None


class _Walker:
    def __init__(self, skip_placeholders: bool, skip_echoes: bool) -> None:
        self.skip_placeholders = skip_placeholders
        self.skip_echoes = skip_echoes
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def walk(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _P:
                self.walk(child)
                if not _mark_deleted(child):
                    self.paragraphs.append("".join(self.current))
                    self.current = []
            elif tag == _T:
                self.current.append(child.text or "")
            elif tag in _TABS:
                self.current.append("\t")
            elif tag in _BREAKS:
                if child.get(_TYPE) in (None, "textWrapping"):
                    self.current.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                self.current.append("\u2011")
            elif tag not in _HIDABLE or not self._hidden(child):
                self.walk(child)

    def _hidden(self, element: etree._Element) -> bool:
        if element.tag == _TR:
            return is_deleted_row(element)
        if element.tag != _SDT:
            return False
        return ((self.skip_placeholders and shows_placeholder(element))
                or (self.skip_echoes and is_echo(element)))

    def result(self) -> str:
        if self.current or not self.paragraphs:
            self.paragraphs.append("".join(self.current))
        return "\n".join(self.paragraphs)
