"""What a user sees before anything else: a bare `docgen` (maybe double-clicked) gives help and
how to start the page with exit 0, and a too-old Python gets one line saying what is needed."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from docgen import cli_desktop
from docgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
NEEDS = ("docgen needs Python 3.11 or newer, and this is Python {}: install a newer Python "
         "(python.org, or the Microsoft Store on Windows) and docgen with it.")


def test_bare_docgen_gives_help_and_how_to_start_the_page() -> None:
    result = CliRunner().invoke(main, [], prog_name="docgen")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: docgen [OPTIONS] [COMMAND] [ARGS]...")
    assert "shortcut  " in result.stdout and "serve  " in result.stdout
    assert result.stdout.rstrip().endswith(
        "To use docgen in your browser, double-click its shortcut (make one with 'docgen "
        "shortcut'),\nor run 'docgen serve' and keep that window open. Stop it with the "
        "page's Stop docgen button.")
    assert result.stderr == ""


def test_bare_docgen_from_a_terminal_does_not_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[str] = []
    monkeypatch.setattr(click, "pause", lambda info="": pauses.append(info))
    assert CliRunner().invoke(main, []).exit_code == 0
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(cli_desktop, "console_process_count", lambda: 3)  # cmd, launcher, py
    assert CliRunner().invoke(main, []).exit_code == 0
    assert pauses == []


def test_double_clicked_docgen_waits_before_its_window_closes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[str] = []
    monkeypatch.setattr(click, "pause", lambda info="": pauses.append(info))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(cli_desktop, "console_process_count", lambda: 2)  # launcher, python
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0 and "docgen serve" in result.stdout
    assert pauses == ["\nPress any key to close this window."]


def test_requires_python_matches_the_check() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"  # pip refuses older Pythons in one line
    source = (ROOT / "docgen" / "__init__.py").read_text("utf-8")
    assert "sys.version_info < (3, 11)" in source
    ast.parse(source, feature_version=(3, 4))  # readable by old Pythons (no f-strings...)
    assert source.isascii()  # and by Python 2, which assumes ASCII source


def _old(command: list[str], version: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60)


@pytest.mark.parametrize("entry", [
    "import runpy; runpy.run_module('docgen', run_name='__main__')",  # python -m docgen
    "from docgen.cli import main; main()",  # the docgen launcher pip writes
    "from docgen.desktop.app import main; main()",  # docgen-app
])
def test_an_old_python_gets_one_line(entry: str) -> None:
    """Simulated on this Python: sys.version_info set to 3.9 before docgen is imported."""
    code = f"import sys; sys.version_info = (3, 9, 18, 'final', 0); {entry}"
    done = _old([sys.executable, "-c", code])
    assert done.returncode == 1
    assert done.stderr == NEEDS.format("3.9") + "\n" and done.stdout == ""


PYENV = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
OLD = sorted(PYENV.glob("[23].*")) if PYENV.is_dir() else []


@pytest.mark.skipif(not [p for p in OLD if p.name < "3.11" or p.name.startswith("2.")],
                    reason="no older Python here (pyenv) to run docgen with")
def test_real_old_pythons_get_one_line() -> None:
    tried = 0
    for folder in OLD:
        major, minor = (int(part) for part in folder.name.split(".")[:2])
        python = folder / "bin" / "python"
        if (major, minor) >= (3, 11) or not python.exists():
            continue
        done = _old([str(python), "-m", "docgen"])
        assert done.returncode == 1, folder.name
        assert done.stderr == NEEDS.format(f"{major}.{minor}") + "\n", folder.name
        tried += 1
    assert tried


def test_windows_redirected_output_is_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    """`docgen batch ... > log.txt` on Windows: the ANSI code page has no 'ś', so without
    this the first Polish file name printed would stop docgen."""
    import io

    raw = io.BytesIO()
    redirected = io.TextIOWrapper(raw, encoding="cp1252", errors="strict")
    monkeypatch.setattr(sys, "stdout", redirected)
    monkeypatch.setattr(sys, "platform", "win32")
    cli_desktop.utf8_output_on_windows()
    print("Wrote Wiśniewska-Zofia-iep.docx and رحمان-فاطمہ-iep.docx")
    redirected.flush()
    assert raw.getvalue().decode("utf-8").startswith("Wrote Wiśniewska-Zofia-iep.docx and رحمان")


def test_no_console_at_all_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "platform", "win32")
    cli_desktop.utf8_output_on_windows()  # pythonw: nothing to reconfigure, no error


def test_sigterm_handler_only_where_the_signal_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    from docgen import cli

    installed: list[object] = []
    monkeypatch.setattr(signal, "signal", lambda *args: installed.append(args))
    cli._stop_cleanly_on_sigterm()
    assert len(installed) == 1
    monkeypatch.delattr(signal, "SIGTERM")
    cli._stop_cleanly_on_sigterm()
    assert len(installed) == 1
