"""What Word and LibreOffice write when someone types into a form: used by ``fill_form``.

Word replaces a control's placeholder with the typed text, which it splits across runs with
proofing marks and bookmarks in between; it stores a picked date as ``w:fullDate`` and shows
it, a drop-down's choice as its text (``w:lastValue`` the value), a tick as ``w14:checked``
and a glyph. Enter in a control alone in its paragraph makes the control hold paragraphs.
Tab in a table's last cell copies the row with its controls (each given a new id).

LibreOffice 7.4 (as observed, see ``docgen.forms.reader``) types over the selected
placeholder inside the control; Enter ends the control with its paragraph, so later lines
follow it as plain paragraphs; Insert Row adds a row without controls. On saving it drops
every control's tag, alias and id, the date picker's storage settings and the check box
states' font, and wraps a check box alone in a cell in a second, untyped control that keeps
the check box's alias and id.
"""

from __future__ import annotations

import copy
from typing import Literal

from lxml import etree

from docgen.definitions import Field
from docgen.forms.controls import element, glyph_run, run
from docgen.forms.ns import NSMAP, qn, w14

Style = Literal["word", "libreoffice"]
P, TC, SDT = qn("w:p"), qn("w:tc"), qn("w:sdt")


class Editor:
    """Types values into a form the way one word processor writes them."""

    tab_copies_controls = True

    def __init__(self, root: etree._Element) -> None:
        self.next_id = 1 + max((_int(e.get(qn("w:val")))
                                for e in root.iterfind(".//w:sdtPr/w:id", NSMAP)), default=0)

    def fill(self, sdt: etree._Element, f: Field, shown: str, *, checked: bool = False,
             full_date: str = "", value: str = "") -> None:
        """Type ``shown`` (a tick for a check box) into a control, as the editor stores it."""
        pr = sdt.find(qn("w:sdtPr"))
        for flag in pr.findall(qn("w:showingPlcHdr")):
            pr.remove(flag)
        if f.type == "bool":
            pr.find("w14:checkbox/w14:checked", NSMAP).set(w14("val"), "1" if checked else "0")
            _set_content(sdt, [glyph_run(checked)])
            return
        if full_date:
            pr.find(qn("w:date")).set(qn("w:fullDate"), f"{full_date}T00:00:00Z")
        self.type_text(sdt, shown)

    def type_text(self, sdt: etree._Element, shown: str) -> None:
        raise NotImplementedError

    def copy_row(self, row: etree._Element) -> etree._Element:
        """A new row as Tab in the last cell makes it: the controls copied, with new ids."""
        new = copy.deepcopy(row)
        for sdt_id in new.iterfind(".//w:sdtPr/w:id", NSMAP):
            sdt_id.set(qn("w:val"), str(self.next_id))
            self.next_id += 1
        return new

    def finish(self, root: etree._Element) -> None:
        """What the editor does to the whole document when it saves."""


class WordEditor(Editor):
    def __init__(self, root: etree._Element, *, split_runs: bool = True) -> None:
        super().__init__(root)
        self.split_runs = split_runs
        self.bookmark = 1 + max((_int(b.get(qn("w:id")))
                                 for b in root.iter(qn("w:bookmarkStart"))), default=0)

    def fill(self, sdt: etree._Element, f: Field, shown: str, *, checked: bool = False,
             full_date: str = "", value: str = "") -> None:
        super().fill(sdt, f, shown, checked=checked, full_date=full_date, value=value)
        listing = sdt.find("w:sdtPr/w:dropDownList", NSMAP)
        if listing is not None and value:
            listing.set(qn("w:lastValue"), value)

    def type_text(self, sdt: etree._Element, shown: str) -> None:
        paragraph = sdt.getparent()
        if "\n" not in shown or paragraph.tag != P:
            _set_content(sdt, self.typed(shown))
            return
        # Enter in a control alone in its paragraph: the control grows around paragraphs,
        # one per line, and takes the place of the paragraph it was in.
        _set_content(sdt, [_paragraph_like(paragraph, self.typed(line))
                           for line in shown.split("\n")])
        paragraph.addprevious(sdt)
        paragraph.getparent().remove(paragraph)

    def typed(self, text: str) -> list[etree._Element]:
        """Runs as Word stores typing: pieces with spelling marks and a bookmark between."""
        if not self.split_runs or len(text) < 3:
            return [run(text)]
        third = len(text) // 3
        pieces = [text[:third], text[third:2 * third], text[2 * third:]]
        marks = [element("w:proofErr", type="spellStart"), run(pieces[1]),
                 element("w:proofErr", type="spellEnd"),
                 element("w:bookmarkStart", id=str(self.bookmark), name=f"_Hlk{self.bookmark}"),
                 element("w:bookmarkEnd", id=str(self.bookmark))]
        self.bookmark += 1
        return [run(pieces[0]), *marks, run(pieces[2])]


class LibreOfficeEditor(Editor):
    tab_copies_controls = False  # rows come from Insert Row, without controls

    def type_text(self, sdt: etree._Element, shown: str) -> None:
        lines = shown.split("\n")
        _set_content(sdt, [run(lines[0])])
        paragraph = sdt.getparent()
        for line in lines[1:]:
            paragraph.addnext(_paragraph_like(paragraph, [run(line)]))
            paragraph = paragraph.getnext()

    def finish(self, root: etree._Element) -> None:
        for sdt in list(root.iter(SDT)):
            pr = sdt.find(qn("w:sdtPr"))
            if pr.find(w14("checkbox")) is not None:
                _wrap_in_paragraph_control(sdt)
                for state in pr.iterfind("w14:checkbox/*", NSMAP):
                    state.attrib.pop(w14("font"), None)
            for path in ("w:alias", "w:tag", "w:id", "w:date/w:storeMappedDataAs",
                         "w:date/w:calendar"):
                for found in pr.findall(path, NSMAP):
                    found.getparent().remove(found)


def bare_row(row: etree._Element) -> etree._Element:
    """A row as Insert Row makes it: the cells' formatting, one empty paragraph each."""
    new = copy.deepcopy(row)
    for tc in new.iter(TC):
        first = next(tc.iter(P), None)
        for child in list(tc):
            if child.tag != qn("w:tcPr"):
                tc.remove(child)
        tc.append(_paragraph_like(first, []))
    return new


def type_in_cell(tc: etree._Element, text: str) -> None:
    """Typing into an empty cell: a paragraph per line."""
    paragraph = tc.find(P)
    for number, line in enumerate(text.split("\n")):
        if number:
            paragraph.addnext(_paragraph_like(paragraph, []))
            paragraph = paragraph.getnext()
        paragraph.append(run(line))


def _wrap_in_paragraph_control(sdt: etree._Element) -> None:
    paragraph = sdt.getparent()
    if paragraph.tag != P or paragraph.getparent().tag != TC:
        return
    outer = element("w:sdt")
    outer_pr = etree.SubElement(outer, qn("w:sdtPr"))
    for path in ("w:id", "w:alias"):
        found = sdt.find(f"w:sdtPr/{path}", NSMAP)
        if found is not None:
            outer_pr.append(copy.deepcopy(found))
    paragraph.addprevious(outer)
    etree.SubElement(outer, qn("w:sdtContent")).append(paragraph)


def _paragraph_like(model: etree._Element | None, children: list[etree._Element]
                    ) -> etree._Element:
    paragraph = element("w:p")
    p_pr = model.find(qn("w:pPr")) if model is not None else None
    if p_pr is not None:
        paragraph.append(copy.deepcopy(p_pr))
    paragraph.extend(children)
    return paragraph


def _set_content(sdt: etree._Element, children: list[etree._Element]) -> None:
    content = sdt.find(qn("w:sdtContent"))
    for child in list(content):
        content.remove(child)
    content.extend(children)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0
