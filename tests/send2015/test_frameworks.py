"""The framework registry: both frameworks listed, each form in one, paths looked up through
it, and a maintainer's folder overriding either framework (DIR/<key>/, or DIR/ for the
default framework as before)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.definitions import _load_definition, load_definition
from docgen.documents import all_documents, template_file
from docgen.frameworks import (
    BIRMINGHAM,
    SEND_2015,
    all_forms,
    all_frameworks,
    default,
    framework_of,
    register,
)
from tests.docx_helpers import all_text
from tests.send2015.conftest import SAMPLES


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_docgen_forms_lists_both_frameworks() -> None:
    result = run("forms")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Following the Code (Birmingham), the default:"
    start = lines.index("SEND Code of Practice 2015:")
    assert [line.split()[0] for line in lines[1:start]] == ["crisp", "hf_iep", "hf_review",
                                                               "iep", "iep_review"]
    assert [line.split()[0] for line in lines[start + 1:]] == [
        "annual_review", "ehc_request", "parent_meeting", "sen_support"]
    assert "  sen_support    version 1  SEN Support plan - input form" in lines


def test_each_form_belongs_to_one_framework() -> None:
    assert default() is BIRMINGHAM and [f.key for f in all_frameworks()] == ["birmingham",
                                                                            "send2015"]
    for form in ("iep", "crisp", "hf_iep", "hf_review", "iep_review"):
        assert framework_of(form) is BIRMINGHAM
    for form in ("sen_support", "parent_meeting", "ehc_request", "annual_review"):
        assert framework_of(form) is SEND_2015
    assert len(all_forms()) == len(set(all_forms())) == 9
    with pytest.raises(ValueError, match="already registered"):
        register(SEND_2015)


def test_birmingham_does_not_pick_up_the_2015_subfolders() -> None:
    assert [p.name for p in BIRMINGHAM.sample_pupils()] == [
        "aisha-rahman", "tomos-llyr-evans", "zofia-wisniewska"]
    assert [p.name for p in SEND_2015.sample_pupils()] == [
        "amira-haddad", "callum-price", "leo-brennan"]
    assert BIRMINGHAM.forms() == ["crisp", "hf_iep", "hf_review",
                                                               "iep", "iep_review"]
    assert SEND_2015.samples_dir() == SAMPLES


def test_templates_are_found_in_their_frameworks_folder() -> None:
    documents = all_documents()
    assert template_file(documents["iep"]) == BIRMINGHAM.templates_dir() / "iep.docx"
    assert template_file(documents["sen_support_plan"]) == \
        SEND_2015.templates_dir() / "sen_support_plan.docx"
    assert SEND_2015.templates_dir() == BIRMINGHAM.templates_dir() / "send2015"
    for document in documents.values():
        assert template_file(document).is_file(), document.key


def _retitle(path: Path, old: str, new: str) -> None:
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run_ in paragraph.runs:
            if run_.text == old:
                run_.text = new
    document.save(str(path))


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "authority-pack"
    folder.mkdir()
    monkeypatch.setenv("DOCGEN_TEMPLATES", "")  # restored after the test
    return folder


def test_a_maintainer_overrides_a_2015_template_in_its_subfolder(own: Path,
                                                                 tmp_path: Path) -> None:
    (own / "send2015").mkdir()
    shutil.copy(SEND_2015.template_path("one_page_profile.docx"),
                own / "send2015" / "one_page_profile.docx")
    _retitle(own / "send2015" / "one_page_profile.docx", "How best to support me",
             "How to help me")
    # a file of the same name at the top of the folder is the default framework's, not this
    shutil.copy(own / "send2015" / "one_page_profile.docx", own / "one_page_profile.docx")
    _retitle(own / "one_page_profile.docx", "How to help me", "Wrong framework")
    out = tmp_path / "out"
    result = run("--templates", str(own), "make",
                 str(SAMPLES / "leo-brennan" / "sen_support.yaml"), "-o", str(out),
                 "--only", "one_page_profile")
    assert result.exit_code == 0, result.output
    text = all_text((out / "Brennan-Leo-one-page-profile.docx").read_bytes())
    assert "How to help me" in text and "Wrong framework" not in text


def test_a_maintainer_overrides_birmingham_in_its_subfolder_too(own: Path,
                                                                tmp_path: Path) -> None:
    (own / "birmingham").mkdir()
    shutil.copy(BIRMINGHAM.template_path("leaflet.docx"), own / "birmingham" / "leaflet.docx")
    _retitle(own / "birmingham" / "leaflet.docx", "Who to talk to", "Who to ask")
    out = tmp_path / "out"
    result = run("--templates", str(own), "make", "samples/tomos-llyr-evans/iep.yaml",
                 "-o", str(out), "--only", "leaflet")
    assert result.exit_code == 0, result.output
    assert "Who to ask" in all_text((out / "Llŷr-Evans-Tomos-leaflet.docx").read_bytes())


def test_a_maintainer_overrides_a_2015_form_definition(own: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (own / "send2015").mkdir()
    text = (SEND_2015.schemas_dir() / "parent_meeting.yaml").read_text("utf-8")
    (own / "send2015" / "parent_meeting.yaml").write_text(
        text.replace("title: Meeting with parents - input form",
                     "title: Meeting with parents (Northmoor) - input form"), "utf-8")
    (own / "parent_meeting.yaml").write_text("not: used", "utf-8")  # top level: Birmingham's
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(own))
    _load_definition.cache_clear()
    try:
        assert load_definition("parent_meeting").title == \
            "Meeting with parents (Northmoor) - input form"
        assert framework_of("parent_meeting") is SEND_2015
        assert "parent_meeting" not in BIRMINGHAM.forms()
        assert SEND_2015.forms() == ["annual_review", "ehc_request", "parent_meeting",
                                     "sen_support"]
    finally:
        _load_definition.cache_clear()


def test_a_maintainers_own_2015_form_joins_that_framework(own: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    (own / "send2015").mkdir()
    text = (SEND_2015.schemas_dir() / "parent_meeting.yaml").read_text("utf-8")
    (own / "send2015" / "coffee_morning.yaml").write_text(
        text.replace("form: parent_meeting", "form: coffee_morning"), "utf-8")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(own))
    assert framework_of("coffee_morning") is SEND_2015
    assert "coffee_morning" in SEND_2015.forms() and "coffee_morning" not in BIRMINGHAM.forms()


def test_a_comma_that_cuts_a_label_in_a_definition_is_refused(tmp_path: Path) -> None:
    """In YAML's {a: b, c: d} form a comma in unquoted text starts a new key: the text would
    be cut silently. Every bundled definition loads; a slip is named."""
    from docgen.errors import TemplateProblem

    for form in all_forms():
        load_definition(form)
    (tmp_path / "slip.yaml").write_text(
        "form: slip\ntitle: Slip\nsections:\n  - key: one\n    heading: One\n    fields:\n"
        "      - {key: nature, label: Nature, extent and context}\n", "utf-8")
    with pytest.raises(TemplateProblem) as refused:
        load_definition("slip", tmp_path)
    assert refused.value.message == "field 'nature' has unknown key(s): extent and context"
    assert refused.value.hint == ('Check the spelling; put text with a comma in quotes, e.g. '
                                  'help: "a, b".')
