"""Templates built as Word and LibreOffice save them: tags split over runs, spelling marks and
bookmarks between the pieces, LibreOffice's ``&quot;``, headers, footers and footnotes.

``paragraph("{{ x }} text", cuts=[1, 3])`` is one ``<w:p>`` whose text is split into runs at
those character offsets, with a ``proofErr`` or a bookmark between some runs, as Word leaves
them after an edit or a spelling check.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS = (f'xmlns:w="{W}" xmlns:r="{R}" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')
_MARKS = ('<w:proofErr w:type="spellStart"/>', '<w:proofErr w:type="spellEnd"/>',
          '<w:bookmarkStart w:id="7" w:name="_GoBack"/><w:bookmarkEnd w:id="7"/>',
          '<w:proofErr w:type="gramStart"/>')


def text_xml(text: str, quotes: str = "word") -> str:
    """Text as a part stores it: Word writes quotes as they are, LibreOffice as entities."""
    escaped = escape(text)
    if quotes == "libreoffice":
        escaped = escaped.replace('"', "&quot;").replace("'", "&apos;")
    return escaped


def run(text: str, *, bold: bool = False, quotes: str = "word") -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{props}<w:t{space}>{text_xml(text, quotes)}</w:t></w:r>"


def paragraph(text: str, cuts: Iterable[int] = (), *, marks: bool = True, quotes: str = "word",
              style: str | None = None) -> str:
    """One paragraph, its text cut into runs at ``cuts``; odd runs bold when marked, so the
    pieces differ as Word's do after a change of font."""
    points = sorted({c for c in cuts if 0 < c < len(text)})
    pieces = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    runs = []
    for number, piece in enumerate(pieces):
        if marks and number:
            runs.append(_MARKS[number % len(_MARKS)])
        runs.append(run(piece, bold=marks and number % 2 == 1, quotes=quotes))
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def cell(content: str, *, width: int = 2000, span: int = 1) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width * span}" w:type="dxa"/>{grid}</w:tcPr>'
            f"{content}</w:tc>")


def table(rows: Sequence[Sequence[str]], *, columns: int | None = None, width: int = 2000) -> str:
    """A table of cells whose content is paragraph XML (a str per cell)."""
    columns = columns or max(len(r) for r in rows)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    body = "".join("<w:tr>" + "".join(c if c.startswith("<w:tc>") else cell(c, width=width)
                                      for c in row) + "</w:tr>" for row in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def part(root: str, content: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:{root} {_NS}>{content}</w:{root}>").encode()


def footnote(number: int, content: str) -> str:
    return f'<w:footnote w:id="{number}">{content}</w:footnote>'


def build(body: str, *, header: str | None = None, footer: str | None = None,
          footnotes: str | None = None, endnotes: str | None = None,
          title: str | None = None) -> bytes:
    """A .docx (python-docx's own default package) with this body, and the header, footer,
    footnotes and endnotes given as XML content (paragraphs)."""
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    section = ('<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
               'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    refs, rels, types = "", [], []
    extra = {"header": header, "footer": footer, "footnotes": footnotes, "endnotes": endnotes}
    for number, (kind, content) in enumerate(extra.items(), start=90):
        if content is None:
            continue
        name = f"{kind}1.xml" if kind in ("header", "footer") else f"{kind}.xml"
        root = {"header": "hdr", "footer": "ftr"}.get(kind, kind)
        parts[f"word/{name}"] = part(root, content)
        rels.append(f'<Relationship Id="rId{number}" Type="{R}/{kind}" Target="{name}"/>')
        types.append(f'<Override PartName="/word/{name}" ContentType="application/vnd.'
                     f'openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>')
        if kind in ("header", "footer"):
            refs += f'<w:{kind}Reference w:type="default" r:id="rId{number}"/>'
    parts["word/document.xml"] = part("document", f"<w:body>{body}{section.format(refs=refs)}"
                                                  "</w:body>")
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", "".join(rels).encode() + b"</Relationships>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", "".join(types).encode() + b"</Types>")
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return result.getvalue()
