"""The README stays true. Its two Linux set-up commands are what CI runs, and every command,
program, option, setting and folder its Windows and macOS sections name is one docgen (or
Python, pip) really has; a newcomer following the Windows section reaches the page."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import click
import pytest

from docgen import __version__
from docgen.cli import main
from docgen.desktop.folders import log_dir
from docgen.web.lifetime import DEFAULT_IDLE_MINUTES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _quick_start() -> str:
    return README.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def _quick_start_commands() -> list[str]:
    block = README.split("## Quick start", 1)[1]
    return re.findall(r"^```sh\n(.+?)\n```", block, flags=re.M | re.S)[:2]


def _section(title: str) -> str:
    return _quick_start().split(f"### {title}\n", 1)[1].split("\n### ", 1)[0]


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Fenced blocks (indented ones too): their language and lines."""
    found = re.findall(r"^ *```(\w+)\n(.*?)\n *```", text, flags=re.M | re.S)
    return [(language, [line.strip() for line in body.splitlines() if line.strip()])
            for language, body in found]


def _inline(text: str) -> list[str]:
    without_blocks = re.sub(r"^ *```.*?^ *```", "", text, flags=re.M | re.S)
    return re.findall(r"`([^`\n]+)`", without_blocks)


def test_readme_has_two_quick_start_commands() -> None:
    demo, tests = _quick_start_commands()
    assert "docgen demo" in demo
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = _quick_start_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.strip() in ci


def test_python_requirement_comes_first_and_matches_the_package() -> None:
    first = _quick_start().strip().split("\n\n", 1)[0]
    assert "docgen needs **Python 3.11 or newer**" in first
    assert PROJECT["requires-python"] == ">=3.11"
    headings = re.findall(r"^### (.+)$", _quick_start(), flags=re.M)
    assert headings == ["Windows", "macOS", "Linux"]


def test_the_two_ci_commands_are_linuxs() -> None:
    for title in ("Windows", "macOS"):
        assert all(language != "sh" for language, _ in _blocks(_section(title))), title
    assert [language for language, _ in _blocks(_section("Linux"))] == ["sh", "sh"]


# ---- every command line in the Windows and macOS sections ----

PYTHONS = {"py", "python", "python3", r".venv\Scripts\python.exe", "~/docgen-env/bin/python"}
DOCGENS = {r".venv\Scripts\docgen.exe": "docgen", "~/docgen-env/bin/docgen": "docgen"}


@functools.cache
def _pip_help(subcommand: str) -> str:
    return subprocess.run([sys.executable, "-m", "pip", subcommand, "--help"],
                          capture_output=True, text=True, check=True).stdout


def _check_pip(arguments: list[str]) -> None:
    subcommand, *rest = arguments
    assert subcommand in {"install", "wheel", "uninstall"}, subcommand
    help_text = _pip_help(subcommand)
    for token in rest:
        if token.startswith("-"):
            assert re.search(rf"(^|[\s,]){re.escape(token)}[\s,=<]", help_text, re.M), \
                f"pip {subcommand} has no option {token}"
        elif token.endswith(".whl"):
            assert token == f"docgen-{__version__}-py3-none-any.whl", token


def _check_docgen(arguments: list[str]) -> None:
    """A docgen command line: each command and option exists in the CLI docgen ships."""
    command: click.Command = main
    context = click.Context(main)
    for token in arguments:
        if token.startswith("-"):
            names = {name for p in command.params for name in (*p.opts, *p.secondary_opts)}
            assert token in names | {"--help", "-h"}, f"docgen has no option {token}"
        elif isinstance(command, click.Group):
            found = command.get_command(context, token)
            assert found is not None, f"docgen has no command '{token}'"
            command = found


def check_command(line: str) -> None:
    program, *arguments = line.split()
    if program in DOCGENS:
        assert DOCGENS[program] in PROJECT["scripts"]
        _check_docgen(arguments)
        return
    assert program in PYTHONS, f"a program the README cannot check: {line}"
    if arguments in (["--version"],):
        return
    assert arguments[0] == "-m", line
    module, rest = arguments[1], arguments[2:]
    if module == "pip":
        _check_pip(rest)
    elif module == "docgen":
        _check_docgen(rest)
    else:
        assert module == "venv" and len(rest) == 1, line


@pytest.mark.parametrize("title", ["Windows", "macOS"])
def test_every_command_in_the_section_exists(title: str) -> None:
    lines = [line for _language, block in _blocks(_section(title)) for line in block]
    assert len(lines) >= 3
    for line in lines:
        check_command(line)


def test_windows_section_names_only_what_docgen_has() -> None:
    """Inline code: each command, program, setting and folder is checked; anything new must
    get a check here."""
    known_words = {"py", "python", "python3", "Scripts", ".venv\\Scripts\\Activate.ps1",
                   ".venv\\Scripts\\activate.bat", "wheelhouse", "soffice.exe"}
    checked = 0
    for code in _inline(_section("Windows")):
        checked += 1
        if code in known_words:
            continue
        if code.startswith(("py ", "python ")):
            check_command(code)
        elif code.startswith("docgen "):
            _check_docgen(code.split()[1:])
        elif code == "docgen-app":
            assert code in PROJECT["gui-scripts"]
        elif re.fullmatch(r"DOCGEN_[A-Z_]+", code):
            assert any(code in p.read_text("utf-8") for p in (ROOT / "docgen").rglob("*.py")), \
                code
        elif code.startswith("%LOCALAPPDATA%"):
            expected = log_dir("win32", {"LOCALAPPDATA": "%LOCALAPPDATA%"})
            assert code.replace("\\", "/") == expected.as_posix()
        elif code.startswith("Set-ExecutionPolicy"):
            _, scope_flag, scope, policy = code.split()
            assert scope_flag == "-Scope" and scope in {"CurrentUser", "Process"}
            assert policy in {"RemoteSigned", "Bypass"}
        elif code.endswith(".whl"):
            assert code == f"docgen-{__version__}-py3-none-any.whl"
        else:
            pytest.fail(f"the README's Windows section names `{code}`, which no test checks")
    assert checked >= 10


def test_windows_section_facts() -> None:
    windows = _section("Windows")
    assert "Add python.exe to PATH" in windows and "Microsoft Store" in windows
    assert "untick **Use admin privileges when installing py.exe**" in windows
    assert f"after {DEFAULT_IDLE_MINUTES} minutes with no docgen page open" in windows
    base = (ROOT / "docgen" / "web" / "templates" / "base.html").read_text("utf-8")
    assert "**Stop docgen**" in windows and ">Stop docgen</button>" in base
    assert "py -m pip wheel . --wheel-dir wheelhouse" in windows  # the IT team's command
    # venv writes Activate.ps1 on every platform; activate.bat only on Windows (the Python
    # docs' venv table gives it for cmd.exe), so only the first can be seen here
    assert (Path(venv.__file__).parent / "scripts" / "common" / "Activate.ps1").is_file()


FAKE_BROWSER = """\
import http.cookiejar, re, sys, urllib.parse, urllib.request
sys.stderr = open(sys.argv[2] + ".log", "w", encoding="utf-8")  # the test shows it on a hang
opener = urllib.request.build_opener(
    urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
page = opener.open(sys.argv[1], timeout=60).read().decode()
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
opener.open(sys.argv[1].split("/?")[0] + "/stop",
            urllib.parse.urlencode({"csrf": csrf}).encode(), timeout=60)
open(sys.argv[2], "w", encoding="utf-8").write(page)
"""


def test_following_the_windows_section_reaches_the_page(tmp_path: Path) -> None:
    """Step by step, on this computer: `py` is this Python, docgen is installed (as CI's
    `pip install` did), `py -m docgen shortcut` makes the shortcut, and double-clicking it
    (running what it runs, with no console) opens the page, whose Stop button ends it."""
    lines = [line for _language, block in _blocks(_section("Windows"))[:2] for line in block]
    assert lines == ["py --version", "py -m pip install --user .", "py -m docgen shortcut"]
    version = subprocess.run([sys.executable, "--version"], capture_output=True, text=True,
                             check=True).stdout
    assert tuple(int(n) for n in version.split()[1].split(".")[:2]) >= (3, 11)
    if not (Path(sys.executable).parent / "docgen-app").is_file():
        pytest.skip("docgen is not installed in this environment (pip install .)")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(variable, None)
    made = subprocess.run([sys.executable, "-m", "docgen", "shortcut"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    entry = (tmp_path / "Desktop" / "docgen.desktop").read_text("utf-8")
    command = re.search(r"^Exec=(.+)$", entry, flags=re.M).group(1).split()
    browser, seen = tmp_path / "browser.py", tmp_path / "page.html"
    browser.write_text(FAKE_BROWSER, "utf-8")
    env["BROWSER"] = f"{sys.executable} {browser} %s {seen}"
    try:
        started = subprocess.run(command, env=env, cwd=tmp_path, timeout=120,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        logs = {str(p.relative_to(tmp_path)): p.read_text("utf-8", "replace")[-2000:]
                for p in tmp_path.rglob("*") if p.is_file() and p.suffix in {".log", ".html"}}
        pytest.fail(f"the app did not stop within 120 s; files: {logs}")
    assert started.returncode == 0
    assert "<h1>What would you like to do?</h1>" in seen.read_text("utf-8")
