"""What docgen will not render as docxtpl does is refused by `templates check` with the
feature named and the place, and by `make` too: the two never disagree."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.errors import TemplateProblem
from docgen.render.engine import CompiledTemplate
from docgen.resources import data_dir
from tests.render.equivalence import check_messages
from tests.render.wordlike import build, footnote, paragraph

REFUSED = {
    "misspelt filter": ("{{ date|date_ukk }}",
                        "“date_ukk” is not a filter docgen has; docgen adds date_uk and "
                        "join_lines"),
    "safe": ("{{ name|safe }}", "the filter “safe” is not available: it would write the "
                                "value's own markup into the document"),
    "urlize": ("{{ name|urlize }}", "the filter “urlize” is not available"),
    "ampersand in quotes": ("{{ name or 'Smith & Jones' }}",
                            "the text “Smith & Jones” is in quotes inside a tag, where Word "
                            "stores & as &amp; and docxtpl shows “Smith &amp; Jones”"),
    "rich text": ("{{r name }}", "{{r … }} shows rich text (RichText), which docgen does not "
                                 "offer"),
    "sub-document": ("{{p name }}", "shows a rich paragraph or sub-document"),
    "autoescape off": ("{% autoescape false %}{{ name }}{% endautoescape %}",
                       "{% autoescape %} is not available"),
    "lipsum": ("{{ lipsum(5) }}", "“lipsum” is not available"),
    "huge repeat": ("{{ 'x' * 10**9 }}", "'*' would make a text or list of 1,000,000,000"),
    "huge centre": ("{{ name|center(10**9) }}", "'center' asks for a width of 1,000,000,000"),
    "huge format": ("{{ '%999999999s'|format(name) }}",
                    "'format' asks for a width of 999,999,999"),
    "huge method": ("{{ name.ljust(10**8) }}", "'ljust' asks for a width of 100,000,000"),
    "nested ranges": ("{% for i in range(1000) %}{% for j in range(1000) %}.{% endfor %}"
                      "{% endfor %}", "these loops go round 1,000,000 times"),
    "huge range": ("{% for i in range(10**7) %}.{% endfor %}",
                   "range(10000000) would make 10,000,000 numbers"),
}


@pytest.mark.parametrize("feature", list(REFUSED))
def test_check_and_make_refuse_alike(feature: str, tmp_path: Path) -> None:
    tag, expected = REFUSED[feature]
    template = build(paragraph("Intro") + paragraph(f"Value: {tag}", [3, 9]))
    messages = check_messages(template, tmp_path)
    assert len(messages) == 1, messages
    assert messages[0].startswith("error: body, paragraph 2 (near “Value: ")
    assert expected in messages[0]
    path = tmp_path / "refused.docx"
    path.write_bytes(template)
    started = time.perf_counter()
    with pytest.raises(TemplateProblem) as caught:
        CompiledTemplate(path, template).render({"name": "Ann", "date": "2026-01-02"})
    assert time.perf_counter() - started < 2
    assert "a tag in the body" in caught.value.message
    assert "Value:" in (caught.value.hint or "")


def test_limits_computed_at_render_name_the_place(tmp_path: Path) -> None:
    """Numbers from the data cannot be foreseen: the render stops, naming where."""
    template = build(paragraph("Intro") + paragraph(
        "Grid: {% for i in range(n) %}{% for j in range(n) %}.{% endfor %}{% endfor %}") +
        paragraph("Wide: {{ name * n }}"))
    path = tmp_path / "t.docx"
    path.write_bytes(template)
    assert check_messages(template, tmp_path) == []
    compiled = CompiledTemplate(path, template)
    assert "Grid: ...." in _text(compiled.render({"n": 2, "name": "a"}))
    started = time.perf_counter()
    with pytest.raises(TemplateProblem) as caught:
        compiled.render({"n": 99_999, "name": "a"})
    assert time.perf_counter() - started < 5
    message = caught.value.format_message()
    assert "a tag in the body asks for more than one document may take: its loops went " \
           "round more than 100,000 times in one document" in message
    assert "Near the text: 'Intro Grid: Wide:" in message or "Grid:" in message
    with pytest.raises(TemplateProblem, match="'\\*' would make a text"):
        compiled.render({"n": 2, "name": "a" * 600_000})


def test_output_of_made_text_is_bounded(tmp_path: Path) -> None:
    template = build(paragraph(
        "{% for i in range(90000) %}{{ 'x' * 900 }}{% endfor %}"))
    path = tmp_path / "t.docx"
    path.write_bytes(template)
    assert check_messages(template, tmp_path) == []
    with pytest.raises(TemplateProblem, match="wrote more than 50,000,000 characters"):
        CompiledTemplate(path, template).render({})


def test_tags_where_nobody_fills_them_in_are_reported(tmp_path: Path) -> None:
    template = build(paragraph("Body"), endnotes=footnote(1, paragraph("{{ name }}"))
                     .replace("w:footnote", "w:endnote"))
    messages = check_messages(template, tmp_path)
    assert messages == ["error: endnotes, paragraph 1 (near “{{ name }}”): tags here are never "
                        "filled in (neither docgen nor docxtpl renders this part): move them "
                        "into the body, a header, a footer or a footnote"]


def test_footnotes_and_properties_are_checked(tmp_path: Path) -> None:
    template = build(paragraph("Body"), footnotes=footnote(1, paragraph("{{ name|date_ukk }}")),
                     title="{{ name | nope }}")
    messages = check_messages(template, tmp_path)
    assert any(m.startswith("error: footnotes, paragraph 1") and "date_ukk" in m
               for m in messages), messages
    assert any(m.startswith("error: core properties, property “title”") and "nope" in m
               for m in messages), messages


def test_curly_quotes_and_libreoffice_quotes_pass_the_check(tmp_path: Path) -> None:
    template = build(paragraph("{{ name or “none” }}")
                     + paragraph("{{ name or \"none\" }}", quotes="libreoffice"))
    assert check_messages(template, tmp_path) == []


def test_cell_tags_are_known_and_placed(tmp_path: Path) -> None:
    template = build(paragraph("{% cellbg 'FF0000' %}") + paragraph("{% vm %}"))
    messages = check_messages(template, tmp_path)
    assert any("sets a table cell's colour, so it must be inside a table cell" in m
               for m in messages)
    assert any("{% vm %} merges the copies a loop makes of a cell, so it must be inside a "
               "{%tr for %} or {%tc for %} loop" in m for m in messages)


def _text(data: bytes) -> str:
    from tests.docx_helpers import paragraphs

    return "\n".join(paragraphs(data))


def test_make_with_a_bad_maintainer_template_names_it(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", "")  # --templates sets it; restored after the test
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(data_dir("templates") / "leaflet.docx", own / "leaflet.docx")
    (own / "iep.docx").write_bytes(b"")
    result = CliRunner().invoke(main, ["--templates", str(own), "make",
                                       "samples/tomos-llyr-evans/iep.yaml", "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "iep.docx: this template cannot be used as a Word document: the file is empty\n" \
           in result.stderr
    assert not (tmp_path / "out").exists()
    # check reports it among the other templates (one bad file hides no other's problems)
    leaflet = own / "leaflet.docx"
    check = CliRunner().invoke(main, ["templates", "check", str(own / "iep.docx"), str(leaflet)])
    assert check.exit_code == 2
    assert check.stdout.startswith(
        f"{own / 'iep.docx'}: 1 problem(s)\n  error: this template cannot be used as a Word "
        "document: the file is empty. ")
    assert f"\n{leaflet}: ok\n" in check.stdout


def _retitled(source: Path, target: Path, old: str, new: str) -> None:
    import io
    import zipfile

    package = zipfile.ZipFile(source)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode(), 1)
            written.writestr(info, data)
    target.write_bytes(out.getvalue())


def test_a_maintainers_folder_reaches_every_document(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The pack's cover and sections and the leaflet for any parent use the maintainer's
    templates, as every other document does."""
    from docgen.packs.assemble import assemble
    from docgen.packs.checklist import check_case
    from tests.docx_helpers import all_text

    bundled = data_dir("templates")
    own = tmp_path / "own"
    own.mkdir()
    _retitled(bundled / "pack_cover.docx", own / "pack_cover.docx",
              "Request for statutory assessment", "County request for statutory assessment")
    _retitled(bundled / "hf_iep.docx", own / "hf_iep.docx", "The four key questions",
              "The county's four key questions")
    _retitled(bundled / "leaflet.docx", own / "leaflet.docx", "Special educational needs",
              "County special educational needs")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(own))
    case = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"
    text = all_text(assemble(check_case(case), draft=False))
    assert "County request for statutory assessment" in text
    assert "The county's four key questions" in text  # a section's own title gives way
    from docgen.families.parents import render_generic_leaflet

    leaflet = all_text(render_generic_leaflet("Oak School", "Ms Reed"))
    assert "County special educational needs" in leaflet


def test_a_range_sized_by_the_data_is_a_warning_not_an_unknown_variable(tmp_path: Path
                                                                        ) -> None:
    from docgen.maintenance.template_check import check_template

    path = tmp_path / "leaflet.docx"
    path.write_bytes(build(paragraph(
        "{% for i in range(school.name|length) %}{{ loop.index }}{% endfor %}")))
    problems = [p.format() for p in check_template(path, "leaflet")]
    assert problems == [
        "warning: body, paragraph 1 (near “{% for i in range(school.name|length) %}{{ "
        "loop.index }}{...”): {% for i in range(school.name|length) %} loops over a range "
        "whose size comes from the data: docgen stops a document whose loops go round more "
        "than 100,000 times"]
