"""Each docxtpl feature the maintainer's guide allows, in the forms Word and LibreOffice save
it, renders exactly as docxtpl 0.20 renders it (every part, canonical XML)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render.equivalence import assert_same_as_docxtpl, check_messages
from tests.render.wordlike import build, cell, footnote, paragraph, table

CONTEXT = {
    "name": "Smith & <Jones> \"Bo\" 'Li' {_{ x }_} Llŷr عائشہ",
    "empty": "",
    "flag": True,
    "off": False,
    "notes": "first line\nsecond\tline",
    "items": [{"what": "Reading & spelling", "who": "TA", "colour": "D9E2F3", "span": 2},
              {"what": "Maths <daily>", "who": "SENCo", "colour": "FFFFFF", "span": 1}],
    "columns": ["Mon", "Tue", "Wed"],
    "date": "2026-03-05",
    "colour": "FFF2CC",
}


def everywhere(text: str) -> list[int]:
    """Word's worst case: a run boundary between every two characters."""
    return list(range(1, len(text)))


def _p(text: str, split: str, quotes: str = "word") -> str:
    cuts = {"none": [], "every": everywhere(text), "braces": _brace_cuts(text)}[split]
    return paragraph(text, cuts, quotes=quotes)


def _brace_cuts(text: str) -> list[int]:
    """Where Word most often splits a tag: between its two braces and around a keyword."""
    cuts = []
    for index in range(len(text) - 1):
        if (text[index] in "{%" and text[index + 1] in "{%#") or text[index] in " |":
            cuts.append(index + 1)
    return cuts


Builder = Callable[[str], bytes]


def _variables(split: str) -> bytes:
    return build(_p("Name: {{ name }} ({{ empty or 'none' }})", split)
                 + _p("{{ name|upper }} · {{ date|date_uk }} · {{ notes }}", split)
                 + _p("{{ items|map(attribute='who')|join(', ') }}", split))


def _paragraph_blocks(split: str) -> bytes:
    return build(_p("{%p if flag %}", split) + _p("Shown: {{ name }}", split)
                 + _p("{%p endif %}", split) + _p("{%p if off %}", split) + _p("Hidden", split)
                 + _p("{%p endif %}", split) + _p("{%p for item in items %}", split)
                 + _p("{{ loop.index }}. {{ item.what }} ({{ item.who }})", split)
                 + _p("{%p endfor %}", split))


def _row_loop(split: str) -> bytes:
    return build(table([[_p("What", split), _p("Who", split)],
                        [_p("{%tr for item in items %}", split), _p("", split)],
                        [_p("{{ item.what }}", split), _p("{{ item.who }}", split)],
                        [_p("{%tr endfor %}", split), _p("", split)]]))


def _column_loop(split: str) -> bytes:
    return build(table([[_p("Day", split), _p("{%tc for c in columns %}", split),
                         _p("{{ c }}", split), _p("{%tc endfor %}", split)],
                        [_p("Pupil", split), _p("{%tc for c in columns %}", split),
                         _p("{{ name }}", split), _p("{%tc endfor %}", split)]]))


def _cell_comment(split: str) -> bytes:
    return build(table([[_p("A", split), _p("{#tc a cell for notes #}", split), _p("B", split)],
                        [_p("1", split), _p("{#tc a cell for notes #}", split),
                         _p("2", split)]]))


def _cell_colour_and_span(split: str) -> bytes:
    return build(table([[_p("What", split), _p("Who", split), _p("Spare", split)],
                        [_p("{%tr for item in items %}", split), _p("", split), _p("", split)],
                        [_p("{% cellbg item.colour %}{{ item.what }}", split),
                         _p("{% colspan item.span %}{{ item.who }}", split), _p("x", split)],
                        [_p("{%tr endfor %}", split), _p("", split), _p("", split)]]))


def _merges(split: str) -> bytes:
    return build(table([[_p("Group", split), _p("What", split)],
                        [_p("{%tr for item in items %}", split), _p("", split)],
                        [_p("{% vm %}{{ name }}", split), _p("{{ item.what }}", split)],
                        [_p("{%tr endfor %}", split), _p("", split)]])
                 + table([[_p("{%tc for c in columns %}", split),
                           _p("{% hm %}{{ name }}", split), _p("{%tc endfor %}", split)],
                          [_p("{%tc for c in columns %}", split), _p("{{ c }}", split),
                           _p("{%tc endfor %}", split)]]))


def _run_blocks(split: str) -> bytes:
    text = "Before {%r if flag %}kept{%r endif %} {%r if off %}gone{%r endif %} after"
    return build(_p(text, split))


def _quotes(split: str) -> bytes:
    return build(_p("{{ empty or \"none given\" }} and {{ empty or 'nothing' }}", split,
                    quotes="libreoffice")
                 + _p("{{ empty or “curly” }} and {{ empty or ‘single’ }}", split)
                 + _p("{{ 1 < 2 }} {{ 3 > 2 }}", split))


def _header_footer_footnotes(split: str) -> bytes:
    return build(_p("Body {{ name }}", split),
                 header=_p("{{ name }} · Confidential", split),
                 footer=_p("Page for {{ empty or 'the school' }}", split),
                 footnotes=footnote(1, _p("Note: {{ notes }}", split)))


def _whitespace_and_comments(split: str) -> bytes:
    return build(_p("One {%- if flag %} two{% endif -%}", split) + _p("three {# a note #}", split)
                 + _p("{% set greeting = 'Hello' %}{{ greeting }} {{ name }}", split)
                 + _p("{% macro tag(v) %}[{{ v }}]{% endmacro %}{{ tag(name) }}", split)
                 + _p("Typed braces {_{ stay }_} and {_% too %_}", split))


FEATURES = {
    "variables and filters": _variables,
    "paragraph blocks {%p %}": _paragraph_blocks,
    "row loops {%tr %}": _row_loop,
    "column loops {%tc %}": _column_loop,
    "cell comments {#tc #}": _cell_comment,
    "cellbg and colspan": _cell_colour_and_span,
    "vm and hm merges": _merges,
    "run blocks {%r %}": _run_blocks,
    "LibreOffice and curly quotes": _quotes,
    "header, footer, footnotes": _header_footer_footnotes,
    "whitespace control, comments, set, macro, escaped braces": _whitespace_and_comments,
}


@pytest.mark.parametrize("split", ["none", "braces", "every"])
@pytest.mark.parametrize("feature", list(FEATURES))
def test_feature_renders_as_docxtpl_renders_it(feature: str, split: str,
                                               tmp_path: Path) -> None:
    template = FEATURES[feature](split)
    assert check_messages(template, tmp_path) == []
    ours = assert_same_as_docxtpl(template, CONTEXT, tmp_path)
    for tag in (b"{{ name", b"{{ item", b"{%p", b"{%tr", b"{%tc", b"{% if", b"{% for", b"{#"):
        assert tag not in ours["word/document.xml"]


def test_a_one_tag_header_split_by_word_is_filled_in(tmp_path: Path) -> None:
    from lxml import etree

    template = _header_footer_footnotes("every")
    ours = assert_same_as_docxtpl(template, CONTEXT, tmp_path)
    header = "".join(etree.fromstring(ours["word/header1.xml"]).itertext())
    # The name is shown as typed, {_{ x }_} included (issue 16): docxtpl's {_{ -> {{ step is
    # for braces a template writes, never for a person's text.
    assert header == CONTEXT["name"] + " · Confidential"
    footnote_text = "".join(etree.fromstring(ours["word/footnotes.xml"]).itertext())
    assert footnote_text == "Note: first linesecondline"  # a break and a tab between them


def test_column_loop_grid_has_a_column_per_cell(tmp_path: Path) -> None:
    from lxml import etree

    for builder in (_column_loop, _cell_comment):
        body = etree.fromstring(assert_same_as_docxtpl(builder("every"), CONTEXT, tmp_path)[
            "word/document.xml"])
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        for grid in body.iterfind(".//w:tbl", ns):
            cells = max(len(r.findall("w:tc", ns)) for r in grid.iterfind("w:tr", ns))
            assert len(grid.findall("w:tblGrid/w:gridCol", ns)) == cells


def test_cell_xml_helpers_build_spans() -> None:
    assert 'w:gridSpan w:val="2"' in cell("<w:p/>", span=2)


def _resaved(template: Path) -> bytes:
    """docgen's own template as Word and LibreOffice leave it after an edit: every run of
    text split into one run per character (with spelling marks between), and quotes in text
    written as LibreOffice writes them (&quot;, &apos;)."""
    import io
    import zipfile

    from lxml import etree

    from tests.render.wordlike import W

    source = zipfile.ZipFile(template)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml") and \
                    b"{{" in data:
                root = etree.fromstring(data)
                for run in list(root.iter(f"{{{W}}}r")):
                    text = run.find(f"{{{W}}}t")
                    if text is None or not text.text or len(run) != 1 + (
                            run.find(f"{{{W}}}rPr") is not None):
                        continue
                    for char in reversed(text.text[1:]):
                        copy = etree.fromstring(etree.tostring(run))
                        copy.find(f"{{{W}}}t").text = char
                        copy.find(f"{{{W}}}t").set(
                            "{http://www.w3.org/XML/1998/namespace}space", "preserve")
                        run.addnext(copy)
                        run.addnext(etree.Element(f"{{{W}}}proofErr",
                                                  {f"{{{W}}}type": "spellStart"}))
                    text.text = text.text[0]
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
                head, body = data.split(b"?>", 1)
                pieces = body.split(b">")
                data = head + b"?>" + b">".join(
                    piece[:piece.find(b"<")].replace(b'"', b"&quot;").replace(b"'", b"&apos;")
                    + piece[piece.find(b"<"):] if b"<" in piece else piece for piece in pieces)
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("key", ["iep", "review_record"])
def test_docgens_own_templates_resaved_by_word_and_libreoffice(key: str, tmp_path: Path
                                                              ) -> None:
    import io
    import zipfile

    from docgen.documents import all_documents
    from docgen.resources import data_dir
    from tests.render.test_docxtpl_equivalence import MADE, _context

    template = _resaved(data_dir("templates") / all_documents()[key].template)
    package = zipfile.ZipFile(io.BytesIO(template))
    assert b"&apos;" in package.read("word/document.xml")
    assert package.read("word/header1.xml").count(b"<w:proofErr") > 20
    assert check_messages(template, tmp_path) == []
    case = next(c for c in MADE if c[0] == key)
    context = _context(*case)
    assert context is not None
    ours = assert_same_as_docxtpl(template, context, tmp_path)
    from lxml import etree

    header = "".join(etree.fromstring(ours["word/header1.xml"]).itertext())
    assert context["pupil"]["full_name"] in header and "{{" not in header
