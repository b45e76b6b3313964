"""`docgen shortcut` on each platform (simulated here): where shortcuts go, what they run, the
files written from the templates, and never replacing a shortcut without --force."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.desktop import shortcut, winlink
from docgen.desktop.shortcut import Launcher, find_launcher, plan
from docgen.errors import DocgenError, OutputExists
from tests.desktop.test_app import FAKE_BROWSER, _close_output

PLATFORMS = ["win32", "darwin", "linux"]
# Awkward but real: a space, an accent, and characters shells and Desktop Entries treat
# specially, so quoting is tested on every platform.
ODD = "Zoë O'Neil & Co $HOME 100%"
APP = {"win32": rf"C:\Users\{ODD}\AppData\Roaming\Python\Python311\Scripts\docgen-app.exe",
       "darwin": f"/Users/{ODD}/Library/Python/3.11/bin/docgen-app",
       "linux": f"/home/{ODD}/.local/bin/docgen-app"}


class RecordingCom:
    """Stands in for the Windows Shell: records each call and saves a readable file."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.fields: dict[int, tuple[Any, ...]] = {}
        self.fail_on = fail_on

    def create(self, clsid: str, iid: str) -> str:
        self.calls.append(("create", clsid, iid))
        return "shell-link"

    def query(self, interface: str, iid: str) -> str:
        self.calls.append(("query", interface, iid))
        return "persist-file"

    def call(self, interface: str, slot: int, *args: str | int) -> None:
        self.calls.append(("call", interface, slot, *args))
        if slot == self.fail_on:
            raise OSError(-2147024891, "Access is denied")
        if interface == "shell-link":
            self.fields[slot] = args
        if (interface, slot) == ("persist-file", winlink.SAVE):
            Path(str(args[0])).write_text(repr(self.fields), "utf-8")

    def release(self, interface: str) -> None:
        self.calls.append(("release", interface))


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user's environment on any platform, inside the test's folder."""
    root = tmp_path / "home"
    root.mkdir()
    return {"HOME": str(root), "USERPROFILE": str(root),
            "APPDATA": str(root / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(root / "AppData" / "Local")}


def make(platform: str, home: dict[str, str], launcher: Launcher | None = None,
         force: bool = False, com: RecordingCom | None = None) -> list[Path]:
    planned = plan(launcher or Launcher(APP[platform]), platform=platform, environ=home)
    shortcut.create(planned, force=force, com=com or RecordingCom())
    return [p.path for p in planned]


def test_shortcuts_go_where_each_platform_looks(home: dict[str, str]) -> None:
    root = Path(home["HOME"])
    expected = {
        "win32": [root / "Desktop" / "docgen.lnk",
                  root / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/docgen.lnk"],
        "darwin": [root / "Desktop" / "docgen.app", root / "Applications" / "docgen.app"],
        "linux": [root / "Desktop" / "docgen.desktop",
                  root / ".local/share/applications/docgen.desktop"],
    }
    for platform, paths in expected.items():
        assert [p.path for p in plan(Launcher("x"), platform=platform, environ=home)] == paths
        only_menu = plan(Launcher("x"), platform=platform, environ=home, desktop=False)
        assert [p.path for p in only_menu] == paths[1:]


def test_linux_desktop_is_the_users_own_named_folder(home: dict[str, str]) -> None:
    config = Path(home["HOME"]) / ".config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text('# written by xdg-user-dirs-update\n'
                                           'XDG_DESKTOP_DIR="$HOME/Pulpit"\n', "utf-8")
    (first, _menu) = plan(Launcher("x"), platform="linux", environ=home)
    assert first.path == Path(home["HOME"]) / "Pulpit" / "docgen.desktop"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_never_replaced_without_force(platform: str, home: dict[str, str]) -> None:
    paths = make(platform, home)
    assert all(p.exists() for p in paths)
    before = {p: _snapshot(p) for p in paths}
    with pytest.raises(OutputExists) as caught:
        make(platform, home, Launcher(APP[platform] + "-other"))
    assert "a docgen shortcut is already there, so docgen wrote none" in caught.value.message
    assert all(str(p) in caught.value.message for p in paths)
    assert {p: _snapshot(p) for p in paths} == before
    make(platform, home, Launcher(APP[platform] + "-other"), force=True)
    assert all(_snapshot(p) != before[p] for p in paths)
    assert not [p for p in Path(home["HOME"]).rglob(".docgen-*")]  # no temporary left


def test_one_existing_shortcut_stops_both(home: dict[str, str]) -> None:
    desktop, menu = (p.path for p in plan(Launcher("x"), platform="linux", environ=home))
    menu.parent.mkdir(parents=True)
    menu.write_text("the user's own entry", "utf-8")
    with pytest.raises(OutputExists):
        make("linux", home)
    assert not desktop.exists() and menu.read_text("utf-8") == "the user's own entry"


def _snapshot(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}
    return {"": path.read_bytes()}


def test_windows_shortcut_through_the_shell(home: dict[str, str]) -> None:
    com = RecordingCom()
    launcher = Launcher(r"C:\Python 311\pythonw.exe", ("-P", "-m", "docgen.desktop"))
    desktop, menu = make("win32", home, launcher, com=com)
    calls = com.calls[:9]
    assert calls[0] == ("create", winlink.CLSID_SHELL_LINK, winlink.IID_ISHELL_LINK_W)
    assert calls[1] == ("call", "shell-link", winlink.SET_PATH, r"C:\Python 311\pythonw.exe")
    assert calls[2] == ("call", "shell-link", winlink.SET_ARGUMENTS, "-P -m docgen.desktop")
    assert calls[3] == ("call", "shell-link", winlink.SET_WORKING_DIRECTORY, home["USERPROFILE"])
    assert calls[4] == ("call", "shell-link", winlink.SET_DESCRIPTION, shortcut.DESCRIPTION)
    (slot, icon, index) = calls[5][2:]
    assert slot == winlink.SET_ICON_LOCATION and index == 0
    assert Path(icon).name == "docgen.ico" and Path(icon).read_bytes()[:4] == b"\0\0\1\0"
    assert calls[6] == ("query", "shell-link", winlink.IID_IPERSIST_FILE)
    (kind, interface, slot, saved_to, remember) = calls[7]
    assert kind == "call"
    assert (interface, slot, remember) == ("persist-file", winlink.SAVE, 1)
    assert Path(saved_to).parent == desktop.parent and saved_to.endswith(".lnk")
    assert com.calls[8:10] == [("release", "persist-file"), ("release", "shell-link")]
    assert len(com.calls) == 20  # the same again for the Start menu's shortcut
    assert desktop.is_file() and menu.is_file()
    # the slots are those of IShellLinkW and IPersistFile in the Windows SDK headers
    assert (winlink.SET_DESCRIPTION, winlink.SET_WORKING_DIRECTORY, winlink.SET_ARGUMENTS,
            winlink.SET_ICON_LOCATION, winlink.SET_PATH, winlink.SAVE) == (7, 9, 11, 17, 20, 6)


def test_windows_arguments_are_quoted_as_windows_reads_them(home: dict[str, str]) -> None:
    com = RecordingCom()
    make("win32", home, Launcher(r"C:\py\pythonw.exe", ("-m", "x y", 'say "hi"')), com=com)
    assert ("call", "shell-link", winlink.SET_ARGUMENTS, r'-m "x y" "say \"hi\""') in com.calls


def test_windows_failure_keeps_the_old_shortcut_and_leaves_no_temporary(
        home: dict[str, str]) -> None:
    (desktop, _menu) = make("win32", home)
    before = desktop.read_bytes()
    with pytest.raises(DocgenError) as caught:
        make("win32", home, force=True, com=RecordingCom(fail_on=winlink.SAVE))
    assert "Windows could not make the shortcut (Access is denied)" in \
        caught.value.format_message()
    assert desktop.read_bytes() == before
    assert not list(desktop.parent.glob(".docgen-*"))


def test_microsoft_store_python_is_told_to_use_the_desktop_shortcut(
        home: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.path.realpath

    def store_redirect(path: Any, *args: Any, **kwargs: Any) -> str:
        text = str(path)
        if "Start Menu" in text:
            return text.replace("AppData", "AppData/Local/Packages/PythonSoftwareFoundation."
                                "Python.3.11_qbz5n2kfra8p0/LocalCache")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", store_redirect)
    planned = plan(Launcher(APP["win32"]), platform="win32", environ=home)
    assert shortcut.create(planned, com=RecordingCom()) == [shortcut.STORE_NOTE]
    assert "use the desktop shortcut" in shortcut.STORE_NOTE


def test_macos_bundle(home: dict[str, str], tmp_path: Path) -> None:
    (desktop, applications) = make("darwin", home)
    for bundle in (desktop, applications):
        info = plistlib.loads((bundle / "Contents" / "Info.plist").read_bytes())
        assert info["CFBundleExecutable"] == "docgen" and info["CFBundlePackageType"] == "APPL"
        assert info["CFBundleIconFile"] == "docgen.icns" and info["LSUIElement"] is True
        assert info["CFBundleShortVersionString"] == "0.1.0"
        assert (bundle / "Contents/Resources/docgen.icns").read_bytes()[:4] == b"icns"
        script = bundle / "Contents" / "MacOS" / "docgen"
        assert os.access(script, os.X_OK)
        assert script.read_text("utf-8").startswith("#!/bin/sh\n")
    # the launcher passes the program and arguments through the shell untouched
    program = tmp_path / f"{ODD} app"
    seen = tmp_path / "argv.txt"
    program.write_text(f"#!{sys.executable}\nimport sys\n"
                       f"open({str(seen)!r}, 'w').write(repr(sys.argv[1:]))\n", "utf-8")
    program.chmod(0o755)
    arguments = ("-P", "-m", "docgen.desktop", "$HOME", "it's")
    make("darwin", home, Launcher(str(program), arguments), force=True)
    subprocess.run([str(desktop / "Contents" / "MacOS" / "docgen")], check=True, timeout=30)
    assert seen.read_text() == repr(list(arguments))


def parse_exec(value: str) -> list[str]:
    """The Desktop Entry specification's Exec rules, undone: the string escapes, then the
    quoting (inside double quotes a backslash escapes '"', '`', '$' and '\\'), '%%' as '%'."""
    unescaped = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(
        m.group(1), m.group(1)), value)
    arguments, current, quoted, i, started = [], "", False, 0, False
    while i < len(unescaped):
        ch = unescaped[i]
        if quoted and ch == "\\" and i + 1 < len(unescaped) and unescaped[i + 1] in '"`$\\':
            current, i = current + unescaped[i + 1], i + 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started:
                arguments.append(current)
            current, started = "", False
        else:
            current, started = current + ch, True
        i += 1
    if started:
        arguments.append(current)
    return [a.replace("%%", "%") for a in arguments]


def _entry(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_linux_desktop_entry(home: dict[str, str]) -> None:
    arguments = ("-P", "-m", "docgen.desktop", 'say "hi"', "a\\b", "`x`", "50%")
    (desktop, menu) = make("linux", home, Launcher(APP["linux"], arguments))
    for path in (desktop, menu):
        entry = _entry(path)
        assert entry["Type"] == "Application" and entry["Name"] == "docgen"
        assert entry["Terminal"] == "false" and entry["Categories"] == "Office;"
        assert parse_exec(entry["Exec"]) == [APP["linux"], *arguments]
        assert entry["TryExec"] == APP["linux"]
        assert entry["Icon"].endswith("docgen.svg") and Path(entry["Icon"]).is_file()
        assert os.access(path, os.X_OK)  # GNOME and KDE start desktop launchers only then


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils;"
                           " CI installs it)")
@pytest.mark.parametrize("launcher", [
    Launcher(APP["linux"]),
    Launcher("/usr/bin/python3", ("-P", "-m", "docgen.desktop")),
    Launcher(APP["linux"], ('say "hi"', "a\\b", "`x`", "50%", "$HOME")),
])
def test_linux_entry_passes_desktop_file_validate(home: dict[str, str],
                                                  launcher: Launcher) -> None:
    (desktop, menu) = make("linux", home, launcher)
    done = subprocess.run(["desktop-file-validate", str(desktop), str(menu)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout


@pytest.mark.parametrize("platform", PLATFORMS)
def test_find_launcher(platform: str) -> None:
    if platform == "win32":
        scripts = r"C:\Users\sj\AppData\Roaming\Python\Python311\Scripts"
        python = r"C:\Users\sj\AppData\Local\Programs\Python\Python311\python.exe"
        app, windowed = scripts + r"\docgen-app.exe", python.replace("python.exe",
                                                                      "pythonw.exe")
        argv0 = scripts + r"\docgen"
    else:
        scripts, python = "/home/sj/.local/bin", "/usr/bin/python3"
        app, windowed, argv0 = scripts + "/docgen-app", python, scripts + "/docgen"
    found = find_launcher(platform, argv0, python, exists=lambda p: p in {app, windowed})
    assert found == Launcher(app)
    found = find_launcher(platform, argv0, python, exists=lambda p: p == windowed)
    assert found == Launcher(windowed, ("-P", "-m", "docgen.desktop"))
    if platform == "win32":  # no pythonw beside python: python itself
        assert find_launcher(platform, argv0, python, exists=lambda p: False) == \
            Launcher(python, ("-P", "-m", "docgen.desktop"))


def test_find_launcher_here_finds_the_installed_app() -> None:
    installed = Path(sys.executable).parent / "docgen-app"
    if not installed.is_file():
        pytest.skip("docgen is not installed in this environment (pip install -e .)")
    assert find_launcher(argv0=str(Path(sys.executable).parent / "docgen")) == \
        Launcher(str(installed))


def test_shortcut_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(shortcut, "find_launcher", lambda: Launcher("/opt/docgen/docgen-app"))
    runner = CliRunner()
    result = runner.invoke(main, ["shortcut"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Wrote {tmp_path / 'Desktop' / 'docgen.desktop'}",
        f"Wrote {tmp_path / '.local/share/applications/docgen.desktop'}",
        "It starts: /opt/docgen/docgen-app"]
    again = runner.invoke(main, ["shortcut", "--no-desktop"])
    assert again.exit_code == 1
    assert "a docgen shortcut is already there, so docgen wrote none" in again.stderr
    assert "Use --force to replace it." in again.stderr
    assert runner.invoke(main, ["shortcut", "--force"]).exit_code == 0
    nothing = runner.invoke(main, ["shortcut", "--no-desktop", "--no-menu"])
    assert nothing.exit_code == 2 and "leave nothing to make" in nothing.stderr


def test_the_linux_shortcut_starts_the_page(tmp_path: Path) -> None:
    """The entry `docgen shortcut` writes here, run as a desktop would run it (its Exec line,
    no terminal, no stdout or stderr): the page opens, and its Stop button ends it."""
    if not (Path(sys.executable).parent / "docgen-app").is_file():
        pytest.skip("docgen is not installed in this environment (pip install -e .)")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(variable, None)
    docgen = Path(sys.executable).parent / "docgen"
    subprocess.run([str(docgen), "shortcut"], env=env, check=True, capture_output=True)
    command = parse_exec(_entry(tmp_path / "Desktop" / "docgen.desktop")["Exec"])
    browser, record = tmp_path / "browser.py", tmp_path / "browser-saw.html"
    browser.write_text(FAKE_BROWSER, "utf-8")
    env["BROWSER"] = f"{sys.executable} {browser} %s {record}"
    done = subprocess.run(command, env=env, preexec_fn=_close_output, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0
    assert "docgen has stopped" in record.read_text("utf-8")
