"""Whether docxtpl's table-grid fix can change a rendered body, decided once per template.

After every render docxtpl parses the body again and makes each table's grid (its
``w:gridCol`` list) match the cells its rows ended up with: columns are added when a row has
more cells than the grid, and removed when no row is as wide as the grid. Parsing the body
for every document costs more than the rest of a render, so it is done only for templates
where it can change something: cells added or removed by ``{%tc %}`` tags (or ``{#tc #}``
comments), widths set by ``{% colspan %}`` or ``{% hm %}``, a table whose grid already does
not match its rows, or one whose every row of full width sits inside a ``{%tr %}`` block
(and may be left out). Any other table keeps rows exactly as the template has them, repeated
or left out whole, so its grid stays right.
"""

from __future__ import annotations

from lxml import etree

from docgen.errors import TemplateProblem

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TC_OPENERS = ("<w:tc>", "<w:tc ")
_ROW_TAGS = ("{%tr ", "{#tr ", "{{tr ", "{%-tr ")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def grid_may_change(body: etree._Element, source: str, path: str) -> bool:
    """True when the grid fix must run after each render of this (patched) body."""
    tables = list(body.iter(_w("tbl")))
    if not tables:
        return False
    if 'w:gridSpan w:val="{{' in source:
        return True
    if sum(source.count(opener) for opener in _TC_OPENERS) < _cells_kept(body):
        return True
    for number, table in enumerate(tables, start=1):
        grid = table.find(_w("tblGrid"))
        if grid is None:
            raise TemplateProblem(f"table {number} of the body has no grid (w:tblGrid), which "
                                  "docxtpl needs", file=path,
                                  hint="Save the template again in Word.")
        if not _stable(table, len(grid.findall(_w("gridCol")))):
            return True
    return False


def _stable(table: etree._Element, columns: int) -> bool:
    """Rows are only ever copied or left out whole: the grid is right for every render when
    no row has more cells than the grid and some row always kept is as wide as the grid."""
    widest_kept = 0
    depth = 0
    for row in table.iter(_w("tr")):  # docxtpl counts the rows of tables inside cells too
        text = _row_text(row)
        if any(tag in text for tag in _ROW_TAGS):
            depth += _opens(text)
            continue
        cells = row.findall(_w("tc"))
        if len(cells) > columns:
            return False
        if depth == 0 and row.getparent() is table:
            widest_kept = max(widest_kept, sum(_span(cell) for cell in cells))
    return widest_kept >= columns


def _cells_kept(body: etree._Element) -> int:
    """The cells patching keeps: all but those of the rows that hold {%tr %} tags."""
    kept = 0
    for row in body.iter(_w("tr")):
        if not any(tag in _row_text(row) for tag in _ROW_TAGS):
            kept += len(row.findall(_w("tc")))
    return kept


def _row_text(row: etree._Element) -> str:
    """The row's own text (not that of a table inside one of its cells)."""
    return "".join(t.text or "" for t in row.iter(_w("t"))
                   if next(t.iterancestors(_w("tr"))) is row)


def _opens(text: str) -> int:
    """How many {%tr %} blocks a tag row opens, less those it closes."""
    change = 0
    for word in text.replace("{%-", "{%").split("{%tr ")[1:]:
        head = word.strip().split()[0] if word.strip() else ""
        if head in ("for", "if"):
            change += 1
        elif head in ("endfor", "endif"):
            change -= 1
    return change


def _span(cell: etree._Element) -> int:
    properties = cell.find(_w("tcPr"))
    span = properties.find(_w("gridSpan")) if properties is not None else None
    try:
        return int(span.get(_w("val"))) if span is not None else 1
    except (TypeError, ValueError):
        return 1
