"""Property: any template `templates check` accepts renders exactly as docxtpl 0.20 renders
it, whatever the data and however Word split its tags into runs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.render.equivalence import assert_same_as_docxtpl, check_messages
from tests.render.wordlike import build, footnote, paragraph, table

_TEXT = st.text(alphabet=st.sampled_from(list("ab &<>\"'{}_%#\n\tŷع")), max_size=10)
_VARIABLE = st.sampled_from(["name", "notes", "empty", "item.what"])
_EXPRESSION = st.one_of(
    _VARIABLE,
    _VARIABLE.map(lambda v: f"{v}|upper"),
    _VARIABLE.map(lambda v: f"{v} or 'none'"),
    _VARIABLE.map(lambda v: f"{v} or “curly”"),
    _VARIABLE.map(lambda v: f"{v}|default('x', true)|trim"),
    st.just("items|length"),
    st.just("date|date_uk"),
    st.just("columns|join_lines(', ')"),
    st.just("name ~ '!'"),
)
# Mistakes a maintainer makes: the check must refuse them (or they must render the same).
_MISTAKE = st.sampled_from(["{{ name|date_ukk }}", "{{ name or 'A & B' }}", "{{ name|safe }}",
                            "{{r name }}", "{{ name ", "{% if flag %}", "{%p endiff %}"])


@st.composite
def _line(draw: st.DrawFn, in_loop: bool) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["text", "tag", "tag", "mistake"] if draw(st.booleans())
                                    else ["text", "tag"]))
        if kind == "text":
            pieces.append(draw(st.text(alphabet="abc ·", min_size=1, max_size=6)))
        elif kind == "tag":
            expression = draw(_EXPRESSION)
            if "item." in expression and not in_loop:
                expression = expression.replace("item.what", "name")
            pieces.append("{{ " + expression + " }}")
        else:
            pieces.append(draw(_MISTAKE))
    return "".join(pieces)


@st.composite
def _paragraph(draw: st.DrawFn, text: str, quotes: str | None = None) -> str:
    cuts = draw(st.lists(st.integers(1, max(len(text) - 1, 1)), max_size=8))
    quotes = quotes or draw(st.sampled_from(["word", "libreoffice"]))
    return paragraph(text, cuts, quotes=quotes, marks=draw(st.booleans()))


@st.composite
def _block(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["line", "if", "for", "rows", "columns"]))
    if shape == "line":
        return draw(_paragraph(draw(_line(False))))
    if shape == "if":
        inner = draw(_paragraph(draw(_line(False))))
        return (draw(_paragraph("{%p if " + draw(st.sampled_from(["flag", "not flag",
                                                                    "name"])) + " %}"))
                + inner + draw(_paragraph("{%p endif %}")))
    if shape == "for":
        return (draw(_paragraph("{%p for item in items %}")) + draw(_paragraph(draw(_line(True))))
                + draw(_paragraph("{%p endfor %}")))
    if shape == "rows":
        row = [draw(_paragraph(draw(_line(True)))), draw(_paragraph("{{ item.who }}"))]
        return table([[draw(_paragraph("What")), draw(_paragraph("Who"))],
                      [draw(_paragraph("{%tr for item in items %}")), paragraph("")], row,
                      [draw(_paragraph("{%tr endfor %}")), paragraph("")]])
    return table([[draw(_paragraph("Day")), draw(_paragraph("{%tc for c in columns %}")),
                   draw(_paragraph("{{ c }}")), draw(_paragraph("{%tc endfor %}"))]])


@st.composite
def _template(draw: st.DrawFn) -> bytes:
    body = "".join(draw(st.lists(_block(), min_size=1, max_size=4)))
    header = draw(st.one_of(st.none(), _line(False).flatmap(_paragraph)))
    # docxtpl reads footnotes as stored, so LibreOffice's &quot; there stops it (docgen reads
    # them; tested on its own below): the footnotes here are as Word saves them
    notes = draw(st.one_of(st.none(), _line(False).flatmap(lambda t: _paragraph(t, "word"))))
    return build(body, header=header, footnotes=footnote(1, notes) if notes else None)


@st.composite
def _context(draw: st.DrawFn) -> dict:
    item = st.fixed_dictionaries({"what": _TEXT, "who": _TEXT})
    return {"name": draw(_TEXT), "notes": draw(_TEXT), "empty": draw(st.sampled_from(["", "x"])),
            "flag": draw(st.booleans()), "items": draw(st.lists(item, max_size=3)),
            "columns": draw(st.lists(_TEXT, max_size=3)), "date": "2026-03-05"}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(template=_template(), context=_context())
def test_what_check_accepts_renders_as_docxtpl(template: bytes, context: dict,
                                               tmp_path: Path) -> None:
    if check_messages(template, tmp_path):
        return  # refused, with its reasons: nothing to compare
    assert_same_as_docxtpl(template, context, tmp_path)


def test_the_generator_makes_templates_the_check_accepts_and_refuses(tmp_path: Path) -> None:
    """The property is not empty: both kinds occur among generated templates."""
    accepted = refused = 0

    @settings(max_examples=25, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(template=_template())
    def count(template: bytes) -> None:
        nonlocal accepted, refused
        if check_messages(template, tmp_path):
            refused += 1
        else:
            accepted += 1

    count()
    assert accepted >= 3 and refused >= 3, (accepted, refused)


def test_libreoffice_quotes_in_footnotes_read_as_words_are(tmp_path: Path) -> None:
    """docxtpl takes the footnotes part as stored and fails on LibreOffice's &quot; in a tag;
    docgen reads it as Word's quotes, giving what docxtpl gives for Word's file."""
    from docgen.render.engine import CompiledTemplate
    from tests.render.equivalence import canonical_parts

    text = "{{ empty or \"none\" }} and {{ empty or 'nothing' }}"
    word = build(paragraph("Body"), footnotes=footnote(1, paragraph(text, [4])))
    libreoffice = build(paragraph("Body"),
                        footnotes=footnote(1, paragraph(text, [4], quotes="libreoffice")))
    assert check_messages(libreoffice, tmp_path) == []
    expected = assert_same_as_docxtpl(word, {"empty": ""}, tmp_path)
    path = tmp_path / "lo.docx"
    path.write_bytes(libreoffice)
    ours = canonical_parts(CompiledTemplate(path, libreoffice).render({"empty": ""}))
    assert ours["word/footnotes.xml"] == expected["word/footnotes.xml"]
    assert b"none and nothing" in ours["word/footnotes.xml"]
