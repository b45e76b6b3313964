"""Writes a copy of a template with a Word comment beside each problem found in its body."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from docgen.forms.ns import qn
from docgen.forms.package import SAFE_PARSER
from docgen.render.tags import Located

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COMMENTS_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "comments")
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
AUTHOR = "docgen templates check"


def annotate(template: bytes, problems: Sequence[Located]) -> bytes:
    """The template with comments on the body paragraphs that have problems."""
    source = zipfile.ZipFile(io.BytesIO(template))
    document = etree.fromstring(source.read("word/document.xml"), parser=SAFE_PARSER)
    paragraphs = list(document.iter(qn("w:p")))
    comments = etree.Element(qn("w:comments"), nsmap={"w": W})
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body_problems = [p for p in problems if p.part == "body" and p.paragraph is not None]
    for number, problem in enumerate(body_problems):
        paragraph = paragraphs[problem.paragraph]
        _mark(paragraph, number)
        comment = etree.SubElement(comments, qn("w:comment"), {
            qn("w:id"): str(number), qn("w:author"): AUTHOR, qn("w:date"): now,
            qn("w:initials"): "DG"})
        text = etree.SubElement(etree.SubElement(etree.SubElement(comment, qn("w:p")),
                                                 qn("w:r")), qn("w:t"))
        text.text = f"{problem.severity}: {problem.message}"
    parts = {
        "word/document.xml": _xml(document),
        "word/comments.xml": _xml(comments),
        "word/_rels/document.xml.rels": _with_relationship(
            source.read("word/_rels/document.xml.rels")),
        "[Content_Types].xml": _with_content_type(source.read("[Content_Types].xml")),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == "word/comments.xml":
                continue
            target.writestr(info, parts.get(info.filename, source.read(info)))
        target.writestr("word/comments.xml", parts["word/comments.xml"])
    return out.getvalue()


def _mark(paragraph: etree._Element, number: int) -> None:
    start = etree.Element(qn("w:commentRangeStart"), {qn("w:id"): str(number)})
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(etree.Element(qn("w:commentRangeEnd"), {qn("w:id"): str(number)}))
    run = etree.SubElement(paragraph, qn("w:r"))
    etree.SubElement(run, qn("w:commentReference"), {qn("w:id"): str(number)})


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_relationship(rels: bytes) -> bytes:
    root = etree.fromstring(rels, parser=SAFE_PARSER)
    if not any(r.get("Type") == COMMENTS_REL for r in root):
        ids = {r.get("Id") for r in root}
        new_id = next(f"rId{n}" for n in range(1, 10_000) if f"rId{n}" not in ids)
        etree.SubElement(root, f"{{{RELS}}}Relationship", Id=new_id, Type=COMMENTS_REL,
                         Target="comments.xml")
    return _xml(root)


def _with_content_type(types: bytes) -> bytes:
    root = etree.fromstring(types, parser=SAFE_PARSER)
    if not any(o.get("PartName") == "/word/comments.xml" for o in root):
        etree.SubElement(root, f"{{{TYPES}}}Override", PartName="/word/comments.xml",
                         ContentType=COMMENTS_CT)
    return _xml(root)
