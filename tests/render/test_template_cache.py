"""Compiled templates kept on disk: the same output as compiling, never a stale or broken
file served, and a run that cannot use the folder still renders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.errors import TemplateProblem
from docgen.render import engine, template_cache
from docgen.render.engine import CompiledTemplate
from tests.render.test_docxtpl_equivalence import MADE, _context
from tests.render.wordlike import build, paragraph

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, and a process that has compiled nothing."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(template_cache.ENV_DIR, str(folder))
    monkeypatch.delenv(template_cache.ENV_OFF, raising=False)
    monkeypatch.setattr(engine, "_CACHE", {})
    monkeypatch.setattr(engine, "_SEEN", {})
    return folder


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process compiled, as the next run starts."""
    monkeypatch.setattr(engine, "_CACHE", {})
    monkeypatch.setattr(engine, "_SEEN", {})


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled again instead of using the cache")
    monkeypatch.setattr("docgen.render.compiler.compile_template", refuse)


def _template(tmp_path: Path, text: str = "Dear {{ name }}, {% for i in items %}"
              "[{{ i }}]{% endfor %} {{ name ~ '!' }}") -> Path:
    path = tmp_path / "letter.docx"
    path.write_bytes(build(paragraph("Letter") + paragraph(text)))
    return path


CONTEXT = {"name": "Smith & <Jones> Llŷr", "items": ["a\tb", "c\nd", "{_{ e }_}"]}


def test_a_second_run_renders_the_same_bytes_without_compiling(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path)
    first = engine.render_to_bytes(path, CONTEXT)
    files = list(cache.iterdir())
    assert [f.name for f in files] == [f"{engine.prepare(path).digest}.compiled"]
    _new_process(monkeypatch)
    _no_compiling(monkeypatch)
    assert engine.render_to_bytes(path, CONTEXT) == first


@pytest.mark.parametrize(("key", "pupil", "form"), MADE)
def test_every_bundled_template_renders_the_same_from_the_cache(
        key: str, pupil: str, form: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.documents import all_documents, template_file

    path = template_file(all_documents()[key])
    context = _context(key, pupil, form)
    compiled = CompiledTemplate(path, path.read_bytes()).render(context)
    engine.prepare(path)  # compiles, and keeps it on disk
    _new_process(monkeypatch)
    _no_compiling(monkeypatch)
    assert engine.render_to_bytes(path, context) == compiled


def test_limits_still_hold_for_a_template_from_the_cache(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path, "{% for i in range(n) %}{% for j in range(n) %}.{% endfor %}"
                               "{% endfor %} {{ name * n }}")
    engine.prepare(path)
    _new_process(monkeypatch)
    _no_compiling(monkeypatch)
    assert engine.prepare(path).parts["word/document.xml"].counts_output
    with pytest.raises(TemplateProblem, match="its loops went round more than 100,000"):
        engine.render_to_bytes(path, {"n": 99_999, "name": "a"})
    with pytest.raises(TemplateProblem, match="'\\*' would make a text"):
        engine.render_to_bytes(path, {"n": 2, "name": "a" * 600_000})


def test_an_edited_template_is_compiled_again(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path, "Old: {{ name }}")
    assert b"Old: Ann" in _body(engine.render_to_bytes(path, {"name": "Ann"}))
    _new_process(monkeypatch)
    path.write_bytes(build(paragraph("Letter") + paragraph("New: {{ name }}")))
    assert b"New: Ann" in _body(engine.render_to_bytes(path, {"name": "Ann"}))
    assert len(list(cache.iterdir())) == 2


def test_a_file_from_another_docgen_is_not_used(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another version (or renderer source, Python, Jinja, docxtpl) is another key."""
    path = _template(tmp_path)
    engine.prepare(path)
    _new_process(monkeypatch)
    monkeypatch.setattr(template_cache, "key", lambda: "another docgen")
    compiles = _count_compiles(monkeypatch)
    first = engine.render_to_bytes(path, CONTEXT)
    assert compiles == [path]
    _new_process(monkeypatch)
    _no_compiling(monkeypatch)  # the file was rewritten for this key
    assert engine.render_to_bytes(path, CONTEXT) == first


def test_the_key_names_what_the_compiled_code_depends_on() -> None:
    import jinja2

    assert template_cache.key() == template_cache.key()
    installed = template_cache._installed("jinja2")
    assert str(Path(jinja2.__file__)) in installed
    assert template_cache._installed("no_such_package_here") == "no_such_package_here: none\n"


@pytest.mark.parametrize("damage", ["truncated", "one byte changed", "empty", "not docgen's",
                                    "a folder"])
def test_a_damaged_file_is_a_miss_and_is_rewritten(
        damage: str, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _template(tmp_path)
    first = engine.render_to_bytes(path, CONTEXT)
    file = next(cache.iterdir())
    data = file.read_bytes()
    if damage == "truncated":
        file.write_bytes(data[:len(data) // 2])
    elif damage == "one byte changed":
        file.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
    elif damage == "empty":
        file.write_bytes(b"")
    elif damage == "not docgen's":
        file.write_bytes(b"PK\x03\x04" + os.urandom(500))
    else:
        file.unlink()
        file.mkdir()
    _new_process(monkeypatch)
    compiles = _count_compiles(monkeypatch)
    assert engine.render_to_bytes(path, CONTEXT) == first
    assert compiles == [path]
    if damage != "a folder":
        assert file.read_bytes() == data  # rewritten whole
        _new_process(monkeypatch)
        _no_compiling(monkeypatch)
        assert engine.render_to_bytes(path, CONTEXT) == first


def test_a_file_of_the_right_key_but_wrong_shape_is_a_miss(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import marshal

    path = _template(tmp_path)
    first = engine.render_to_bytes(path, CONTEXT)
    file = next(cache.iterdir())
    digest = file.name.removesuffix(".compiled")
    payload = marshal.dumps((1, template_cache.key(), digest, (("word/document.xml", "code",
                                                                  "", False, False, False),),
                             {}, ([], {})))
    file.write_bytes(template_cache._HEADER + hashlib.sha256(payload).digest() + payload)
    _new_process(monkeypatch)
    assert engine.render_to_bytes(path, CONTEXT) == first


def test_a_folder_docgen_may_not_write_in_still_renders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(template_cache.ENV_DIR, str(blocker / "cache"))
    _new_process(monkeypatch)
    path = _template(tmp_path)
    first = engine.render_to_bytes(path, CONTEXT)
    _new_process(monkeypatch)
    assert engine.render_to_bytes(path, CONTEXT) == first
    assert blocker.read_text() == "not a folder"


def test_a_read_only_folder_still_renders(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("docgen.render.write.write_temporary", refuse)
    path = _template(tmp_path)
    assert b"Dear" in _body(engine.render_to_bytes(path, CONTEXT))
    assert not cache.exists() or not list(cache.iterdir())


def test_the_cache_can_be_turned_off(cache: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(template_cache.ENV_OFF, "1")
    path = _template(tmp_path)
    engine.render_to_bytes(path, CONTEXT)
    assert not cache.exists()
    assert template_cache.cache_dir() is None


def test_old_files_are_pruned(cache: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_cache, "_KEPT", 3)
    for n in range(5):
        path = tmp_path / f"t{n}.docx"
        path.write_bytes(build(paragraph(f"Version {n}: {{{{ name }}}}")))
        engine.render_to_bytes(path, {"name": "Ann"})
        os.utime(cache / f"{engine.prepare(path).digest}.compiled", ns=(n * 10**9, n * 10**9))
    kept = sorted(cache.iterdir(), key=lambda f: f.stat().st_mtime_ns)
    assert len(kept) == 3
    assert kept[-1].name == f"{engine.prepare(path).digest}.compiled"


@pytest.mark.parametrize(("platform", "environ", "expected"), [
    ("linux", {}, "HOME/.cache/docgen/templates"),
    ("linux", {"XDG_CACHE_HOME": "/xdg"}, "/xdg/docgen/templates"),
    ("linux", {"XDG_CACHE_HOME": "relative"}, "HOME/.cache/docgen/templates"),
    ("darwin", {}, "HOME/Library/Caches/docgen/templates"),
    ("win32", {"LOCALAPPDATA": "/local"}, "/local/docgen/Cache/templates"),
    ("win32", {}, "HOME/AppData/Local/docgen/Cache/templates"),
    ("linux", {"DOCGEN_CACHE_DIR": "/mine"}, "/mine"),
    ("win32", {"DOCGEN_CACHE_DIR": "/mine", "LOCALAPPDATA": "/local"}, "/mine"),
    ("linux", {"DOCGEN_CACHE_DIR": "/mine", "DOCGEN_NO_CACHE": "1"}, None),
    ("linux", {"DOCGEN_NO_CACHE": "0"}, "HOME/.cache/docgen/templates"),
])
def test_the_folder_is_the_platforms_cache_folder(
        platform: str, environ: dict[str, str], expected: str | None) -> None:
    found = template_cache.cache_dir(environ, platform, Path("/home/sam"))
    if expected is None:
        assert found is None
    else:
        assert found == Path(expected.replace("HOME", "/home/sam"))


def test_a_warm_run_imports_neither_docxtpl_nor_python_docx(tmp_path: Path) -> None:
    """What a cached template saves a fresh process: importing them (and compiling)."""
    path = _template(tmp_path, "Dear {{ name }}")
    script = (
        "import sys\nfrom pathlib import Path\nfrom docgen.render import render_to_bytes\n"
        f"data = render_to_bytes(Path({str(path)!r}), {{'name': 'Ann'}})\n"
        "print(len(data), 'docxtpl' in sys.modules, 'docx' in sys.modules)\n")
    env = {**os.environ, template_cache.ENV_DIR: str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][1:] == ["True", "True"]  # compiled: docxtpl's preprocessing
    assert runs[1] == [runs[0][0], "False", "False"]


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    from docgen.render import compiler

    seen: list[Path] = []
    real = compiler.compile_template

    def counted(path: Path, data: bytes) -> tuple:
        seen.append(path)
        return real(path, data)
    monkeypatch.setattr(compiler, "compile_template", counted)
    return seen


def _body(data: bytes) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_making_from_a_word_form_a_second_time_imports_neither(tmp_path: Path) -> None:
    """docgen make as a user runs it: the form read, both documents (the leaflet's
    abbreviations explained) made, without python-docx or docxtpl once templates are cached."""
    import yaml

    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form

    data = yaml.safe_load((ROOT / "samples" / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8"))
    definition = load_definition(data.pop("form"))
    form = tmp_path / "iep.docx"
    form.write_bytes(fill_form(write_blank_form(definition), definition, data))
    script = (
        "import sys\nfrom pathlib import Path\nfrom docgen.pipeline import make\n"
        f"made = make(Path({str(form)!r}), Path(sys.argv[1]))\n"
        "print(len(made), 'docxtpl' in sys.modules, 'docx' in sys.modules)\n")
    env = {**os.environ, template_cache.ENV_DIR: str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script, str(tmp_path / f"out{n}")], env=env,
                           capture_output=True, text=True, check=True).stdout.split()
            for n in range(2)]
    assert runs[0] == ["2", "True", "True"]
    assert runs[1] == ["2", "False", "False"]
