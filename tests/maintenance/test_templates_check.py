"""Maintainers' tools: every template problem at once, located; forms checked; overrides."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from docgen.cli import main
from docgen.definitions import load_definition
from docgen.forms.writer import write_blank_form
from docgen.render.checks import ooxml_problems
from docgen.resources import data_dir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _edit_part(docx: Path, part: str, change) -> None:
    source = zipfile.ZipFile(io.BytesIO(docx.read_bytes()))
    root = etree.fromstring(source.read(part))
    change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                            if info.filename == part else source.read(info))
    docx.write_bytes(out.getvalue())


def _replace_text(root: etree._Element, old: str, new: str) -> None:
    for text in root.iter(f"{{{W}}}t"):
        if text.text and old in text.text:
            text.text = text.text.replace(old, new)
            return
    raise AssertionError(f"{old!r} not found")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The IEP template with five different mistakes in the body, a table and the header."""
    path = tmp_path / "iep.docx"
    shutil.copy(data_dir("templates") / "iep.docx", path)

    def body(root: etree._Element) -> None:
        _replace_text(root, "{{ pupil.full_name }}", "{{ pupil.surnam }}")     # 1 unknown
        _replace_text(root, "{{ plan.start_date }}", "{{ plan.start_date")     # 2 unclosed
        _replace_text(root, "{%p endif %}", "{%p endiff %}")                   # 3 bad block
        _replace_text(root, "{%tr for t in targets %}", "{% for t in targets %}")
        _replace_text(root, "{%tr endfor %}", "{% endfor %}")                  # 4 row loop

    _edit_part(path, "word/document.xml", body)
    _edit_part(path, "word/header1.xml",
               lambda root: _replace_text(root, "{{ pupil.full_name }}", "{{ pupil. }}"))  # 5
    return path


def test_five_mistakes_five_located_messages(broken: Path) -> None:
    result = run("templates", "check", str(broken))
    assert result.exit_code == 1
    errors = [line.strip() for line in result.stdout.splitlines() if "error:" in line]
    assert len(errors) == 5, errors
    joined = "\n".join(errors)
    assert "error: body, paragraph 2 (near “Tomos" not in joined
    assert "“pupil.surnam” is not a variable this document has" in joined
    assert "a tag starts here but does not end in the same paragraph" in joined
    assert "{%p endiff %} is not a tag docgen knows; did you mean {%p endif %}?" in joined
    assert ("this for block starts in one table row and ends in another: write {%tr for … %} "
            "and {%tr endfor %} so it keeps or repeats whole rows" in joined)
    assert "error: header1, paragraph 1 (near “{{ pupil. }} · Confidential”)" in joined
    assert "body, table 3, row 2, cell 1" in joined  # where the targets loop starts
    assert "body, table 2, row 2, cell 2 (near “{{ plan.start_date”)" in joined


def test_annotate_puts_body_problems_as_comments(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "annotated.docx"
    assert run("templates", "check", str(broken), "--annotate", str(out)).exit_code == 1
    archive = zipfile.ZipFile(out)
    comments = etree.fromstring(archive.read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments]
    assert len(texts) == 4  # the header's problem is not in the body
    assert any("pupil.surnam" in t for t in texts)
    document = archive.read("word/document.xml").decode()
    assert document.count("<w:commentReference") == 4
    assert ooxml_problems(out) == []


def test_renamed_field_is_caught_before_any_document(tmp_path: Path) -> None:
    path = tmp_path / "iep.docx"
    shutil.copy(data_dir("templates") / "iep.docx", path)
    _edit_part(path, "word/document.xml",
               lambda root: _replace_text(root, "{{ pupil.full_name }}", "{{ pupil.surnam }}"))
    result = run("templates", "check", str(path))
    assert result.exit_code == 1
    assert "“pupil.surnam” is not a variable this document has" in result.stdout


def test_reaching_python_internals_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "iep.docx"
    shutil.copy(data_dir("templates") / "iep.docx", path)
    _edit_part(path, "word/document.xml", lambda root: _replace_text(
        root, "{{ pupil.full_name }}", "{{ ''.__class__.__mro__ }}"))
    result = run("templates", "check", str(path))
    assert result.exit_code == 1
    assert "reaches into Python's internals" in result.stdout
    from docgen import house_style
    from docgen.errors import TemplateProblem
    from docgen.render.engine import CompiledTemplate

    tiny = tmp_path / "tiny.docx"
    document = house_style.new_document("x")
    document.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    document.save(str(tiny))
    with pytest.raises(TemplateProblem) as caught:  # make refuses it as the check does
        CompiledTemplate(tiny, tiny.read_bytes()).render({})
    assert "reaches into Python's internals" in caught.value.format_message()
    document = house_style.new_document("x")
    document.add_paragraph("{{ (''|attr('__cl' ~ 'ass__')).__name__ }}")
    document.save(str(tiny))
    with pytest.raises(TemplateProblem) as caught:  # and the renderer's sandbox refuses it
        CompiledTemplate(tiny, tiny.read_bytes()).render({})
    assert "unsafe" in caught.value.format_message()


def test_every_bundled_template_is_clean() -> None:
    result = run("templates", "check")
    assert result.exit_code == 0, result.stdout
    assert "error:" not in result.stdout and "warning:" not in result.stdout


def test_list_and_vars() -> None:
    listing = run("templates", "list").stdout
    assert "review_record.docx" in listing and "version 3" in listing
    assert "hf_review      version 2  High Focus review - input form" in listing
    assert "iep_review     version 1  School Action / School Action Plus IEP review" in listing
    variables = run("templates", "vars", "iep").stdout
    assert "targets[].how_often" in variables and "How often" in variables
    assert "pupil.upn" in variables and "Unique Pupil Number (UPN)" in variables


def test_preview(tmp_path: Path) -> None:
    out = tmp_path / "preview.docx"
    result = run("templates", "preview", "provision_plan", "--sample", "zofia-wisniewska",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    from tests.docx_helpers import paragraphs

    assert paragraphs(out.read_bytes())[0] == "Proposed Provision Plan"


def test_forms_check_finds_removed_renamed_and_changed_controls(tmp_path: Path) -> None:
    path = tmp_path / "iep-form.docx"
    path.write_bytes(write_blank_form(load_definition("iep")))
    assert run("forms", "check", str(path)).exit_code == 0

    def restyle(root: etree._Element) -> None:
        tags = {t.get(f"{{{W}}}val"): t for t in root.iter(f"{{{W}}}tag")}
        sdt = tags["pupil.known_as"].getparent().getparent()
        sdt.getparent().remove(sdt)                                   # removed
        tags["pupil.senco"].set(f"{{{W}}}val", "pupil.senc0")         # renamed
        items = tags["plan.stage"].getparent().find(f"{{{W}}}dropDownList")
        items.remove(items[0])                                        # choices changed

    _edit_part(path, "word/document.xml", restyle)
    result = run("forms", "check", str(path))
    assert result.exit_code == 1
    out = result.stdout
    assert "no control for “Known as” (About the pupil)" in out
    assert "no control for “SENCo name”" in out
    assert "control(s) tagged 'pupil.senc0', which the form does not have" in out
    assert "“Stage” (plan.stage): its drop-down choices differ" in out


def test_maintainers_folder_overrides_a_template(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", "")  # restored after the test
    own = tmp_path / "la-pack"
    own.mkdir()
    shutil.copy(data_dir("templates") / "leaflet.docx", own / "leaflet.docx")
    _edit_part(own / "leaflet.docx", "word/document.xml", lambda root: _replace_text(
        root, "Special educational needs", "Special educational needs in our county"))
    out = tmp_path / "out"
    result = run("--templates", str(own), "make", "samples/tomos-llyr-evans/iep.yaml",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    from tests.docx_helpers import paragraphs

    assert "Special educational needs in our county" in paragraphs(
        (out / "Llŷr-Evans-Tomos-leaflet.docx").read_bytes())


def test_documents_record_how_they_were_made_and_can_be_regenerated(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("make", "samples/aisha-rahman/iep.yaml", "-o", str(out)).exit_code == 0
    iep = out / "Rahman-عائشہ-iep.docx"
    from docgen.maintenance.commands import template_properties

    props = template_properties(iep)
    assert props["docgen.template"] == "iep" and props["docgen.template_version"] == "4"
    assert props["docgen.form"] == "iep" and props["docgen.form_version"] == "2"
    assert props["docgen.version"]
    answers = out / ".docgen" / "Rahman-عائشہ-iep.answers.json"
    saved = json.loads(answers.read_text("utf-8"))
    assert saved["data"]["pupil"]["surname"] == "Rahman"
    again = tmp_path / "again"
    assert run("regenerate", str(answers), "-o", str(again)).exit_code == 0
    from tests.docx_helpers import all_text

    assert all_text((again / iep.name).read_bytes()) == all_text(iep.read_bytes())


def test_an_older_incompatible_form_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.definitions import _load_definition

    monkeypatch.setenv("DOCGEN_TEMPLATES", "")
    schemas = tmp_path / "own"
    shutil.copytree(data_dir("schemas"), schemas)
    text = (schemas / "iep.yaml").read_text("utf-8").replace("version: 2", "version: 4\n"
                                                              "compatible_from: 3")
    (schemas / "iep.yaml").write_text(text, "utf-8")
    form = tmp_path / "old.docx"
    form.write_bytes(write_blank_form(load_definition("iep")))  # a version 2 form
    _load_definition.cache_clear()
    result = run("--templates", str(schemas), "check", str(form))
    _load_definition.cache_clear()
    assert result.exit_code == 2
    assert "this is version 2 of the 'iep' form; this docgen reads versions 3 to 4" \
        in result.stderr
    assert "docgen form new iep" in result.stderr
