"""Reading generated documents back in tests: text, tables, styles, properties."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml.ns import qn


def saved(document: Any) -> bytes:
    """A python-docx document's .docx bytes, as docgen would write them."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def open_doc(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in open_doc(data).paragraphs]


def all_text(data: bytes) -> str:
    """Body paragraphs and every table cell, in order, one per line."""
    document = open_doc(data)
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def reading_order_text(data: bytes) -> str:
    """The body as a reader meets it: paragraphs and table cells in document order, one per
    line (all_text gives every paragraph first, then the tables)."""
    lines = []
    for block in open_doc(data).iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def table_rows(data: bytes, caption: str) -> list[list[str]]:
    """The rows (header first) of the table whose Alt Text title is ``caption``."""
    for table in open_doc(data).tables:
        cap = table._tbl.tblPr.find(qn("w:tblCaption"))
        if cap is not None and cap.get(qn("w:val")) == caption:
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table captioned {caption!r}")


LAYOUT_CAPTIONS = ("Signature", "Signatures")  # tables that only place a signature block


def header_rows_marked(data: bytes) -> bool:
    """Every table has a header row marked to repeat, or (a label | value table) its first
    column marked as the row headers; a signature block's one-row layout table has neither,
    and says so (no header row or column in its look)."""
    for table in open_doc(data).tables:
        tr_pr = table.rows[0]._tr.trPr
        if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
            continue
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        if (caption is not None and caption.get(qn("w:val")) in LAYOUT_CAPTIONS
                and len(table.rows) == 1 and look is not None
                and look.get(qn("w:firstRow")) == look.get(qn("w:firstColumn")) == "0"):
            continue
        if look is None or look.get(qn("w:firstColumn")) != "1" or len(table.columns) != 2:
            return False
    return True


def numbered_items(data: bytes) -> list[str]:
    """The text of every paragraph in a numbered list (List Number style)."""
    return [p.text for p in open_doc(data).paragraphs if p.style.name == "List Number"]


def styles_used(data: bytes) -> list[str]:
    return [p.style.name for p in open_doc(data).paragraphs]
