"""``docgen shortcut``: a desktop and programs-menu shortcut that starts docgen-app.

Windows: ``docgen.lnk`` on the desktop and in the Start menu (see winlink for why a .lnk).
macOS: a minimal ``docgen.app`` bundle whose executable is a shell script, in ~/Applications
(Launchpad, Spotlight) and on the desktop; unlike a .command file it opens no Terminal window.
Linux: a freedesktop ``docgen.desktop`` entry in the applications menu and on the desktop.
The text files come from docgen/desktop/templates; an existing shortcut is never replaced
without ``force``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from string import Template
from xml.sax.saxutils import escape

from docgen.desktop import folders
from docgen.desktop.winlink import Com, Link, save_link
from docgen.errors import DocgenError, OutputExists

DESCRIPTION = "Make SEN documents from your Word forms, on this computer only"
HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
ICONS = HERE / "icons"
APP_SCRIPT = "docgen-app"
STORE_NOTE = ("This Python comes from the Microsoft Store, which keeps the Start-menu "
              "shortcut in a private folder where the Start menu does not look: use the "
              "desktop shortcut (or install Python from python.org).")


@dataclass(frozen=True)
class Launcher:
    """The program a shortcut runs, with its arguments."""

    program: str
    arguments: tuple[str, ...] = ()


@dataclass
class Planned:
    """One shortcut to create: a file (or, on macOS, a bundle folder) and its content."""

    path: Path
    files: dict[str, bytes] = field(default_factory=dict)  # relative name -> bytes
    executables: tuple[str, ...] = ()  # which of ``files`` must be runnable
    link: Link | None = None  # Windows: written by the Shell instead of ``files``


def find_launcher(platform: str | None = None, argv0: str | None = None,
                  executable: str | None = None,
                  exists: Callable[[str], bool] = os.path.isfile) -> Launcher:
    """docgen-app beside the docgen that is running (or in this Python's scripts folders);
    failing that, this Python running the app module (pythonw on Windows, no console)."""
    platform = platform or sys.platform
    pure = PureWindowsPath if platform == "win32" else PurePosixPath
    name = f"{APP_SCRIPT}.exe" if platform == "win32" else APP_SCRIPT
    folders_to_try = [str(pure(argv0 or sys.argv[0]).parent)]
    if argv0 is None:
        folders_to_try += [sysconfig.get_path("scripts"),
                           sysconfig.get_path("scripts", sysconfig.get_preferred_scheme("user"))]
    for folder in folders_to_try:
        candidate = str(pure(folder, name))
        if pure(candidate).is_absolute() and exists(candidate):
            return Launcher(candidate)
    python = executable or sys.executable
    if platform == "win32":
        windowed = str(pure(python).with_name("pythonw.exe"))
        python = windowed if exists(windowed) else python
    # -P: the working folder is not searched first, so a 'docgen' folder there is not used
    return Launcher(python, ("-P", "-m", "docgen.desktop"))


def plan(launcher: Launcher, *, desktop: bool = True, menu: bool = True,
         platform: str | None = None, environ: Mapping[str, str] | None = None
         ) -> list[Planned]:
    """The shortcuts to create on ``platform`` (by default this computer)."""
    platform = platform or sys.platform
    places = [folders.desktop_dir(platform, environ)] if desktop else []
    places += [folders.menu_dir(platform, environ)] if menu else []
    home = str(folders.home_dir(environ, platform))
    if platform == "win32":
        link = Link(launcher.program, subprocess.list2cmdline(launcher.arguments), home,
                    DESCRIPTION, _icon("docgen.ico"))
        return [Planned(place / "docgen.lnk", link=link) for place in places]
    if platform == "darwin":
        bundle = macos_bundle(launcher)
        return [Planned(place / "docgen.app", dict(bundle), ("Contents/MacOS/docgen",))
                for place in places]
    entry = desktop_entry(launcher).encode("utf-8")
    # every copy executable: a launcher on the desktop must be to start (GNOME, KDE)
    return [Planned(place / "docgen.desktop", {"": entry}, ("",)) for place in places]


def desktop_entry(launcher: Launcher) -> str:
    """The freedesktop Desktop Entry, with Exec quoted as the specification requires."""
    command = " ".join(_exec_argument(a) for a in (launcher.program, *launcher.arguments))
    return _fill("docgen.desktop", comment=_entry_string(DESCRIPTION),
                 exec=_entry_string(command), try_exec=_entry_string(launcher.program),
                 icon=_entry_string(_icon("docgen.svg") or "x-office-document"))


_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def _exec_argument(argument: str) -> str:
    """One Exec argument: quoted if it holds a reserved character, with '"', '`', '$' and
    '\\' escaped inside the quotes; a literal '%' doubled (field codes start with one)."""
    if argument and not set(argument) & _EXEC_RESERVED:
        quoted = argument
    else:
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
        quoted = f'"{inner}"'
    return quoted.replace("%", "%%")


def _entry_string(value: str) -> str:
    """A Desktop Entry string value: backslashes and control characters escaped."""
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def macos_bundle(launcher: Launcher) -> dict[str, bytes]:
    """docgen.app's files: Info.plist, the launcher script and, if shipped, the icon."""
    import shlex

    from docgen import __version__

    command = " ".join(shlex.quote(a) for a in (launcher.program, *launcher.arguments))
    files = {
        "Contents/Info.plist": _fill("Info.plist", version=escape(__version__),
                                     comment=escape(DESCRIPTION)).encode("utf-8"),
        "Contents/MacOS/docgen": _fill("launcher.sh", command=command).encode("utf-8"),
    }
    icon = ICONS / "docgen.icns"
    if icon.is_file():
        files["Contents/Resources/docgen.icns"] = icon.read_bytes()
    return files


def _fill(template: str, **values: str) -> str:
    return Template((TEMPLATES / template).read_text("utf-8")).substitute(values)


def _icon(name: str) -> str:
    path = ICONS / name
    return str(path) if path.is_file() else ""


def create(planned: list[Planned], *, force: bool = False, com: Com | None = None
           ) -> list[str]:
    """Create every planned shortcut; nothing is written if one exists (without ``force``).
    Returns notes for the user (empty when all is well)."""
    existing = [p.path for p in planned if p.path.exists() or p.path.is_symlink()]
    if existing and not force:
        raise OutputExists("a docgen shortcut is already there, so docgen wrote none: "
                           + ", ".join(str(p) for p in existing),
                           hint="Use --force to replace it.")
    notes = []
    for item in planned:
        item.path.parent.mkdir(parents=True, exist_ok=True)
        if item.link is not None:
            _write_link(item, com)
            if _redirected(item.path):
                notes.append(STORE_NOTE)
        elif "" in item.files:
            _write_file(item)
        else:
            _write_bundle(item)
    return notes


def _write_link(item: Planned, com: Com | None) -> None:
    """Saved beside the target, then renamed over it: a failure leaves the old shortcut."""
    handle, temp = tempfile.mkstemp(dir=item.path.parent, prefix=".docgen-", suffix=".lnk")
    os.close(handle)
    try:
        save_link(item.link, temp, com)  # type: ignore[arg-type]
        os.replace(temp, item.path)
    except OSError as exc:
        raise DocgenError(f"Windows could not make the shortcut ({exc.strerror or exc})",
                          file=str(item.path)) from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _write_file(item: Planned) -> None:
    from docgen.render import write_atomic

    write_atomic(item.path, item.files[""], force=True)
    if "" in item.executables:
        _make_runnable(item.path)


def _write_bundle(item: Planned) -> None:
    """Built in a folder beside the target, then moved into place."""
    staging = Path(tempfile.mkdtemp(dir=item.path.parent, prefix=".docgen-app-"))
    try:
        for name, data in item.files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for name in item.executables:
            _make_runnable(staging / name)
        if item.path.exists():
            shutil.rmtree(item.path)
        staging.rename(item.path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _make_runnable(path: Path) -> None:
    """The execute bits a launcher needs on macOS and Linux; Windows has no such permission."""
    if os.name == "posix":
        path.chmod(path.stat().st_mode | 0o111)


def _redirected(path: Path) -> bool:
    """The Microsoft Store's Python writes new AppData files into its package's private copy
    (...\\Packages\\PythonSoftwareFoundation.Python...\\LocalCache\\...): the real path of
    what was written then lies there rather than where it was asked for."""
    real = os.path.realpath(path)
    return "LocalCache" in PureWindowsPath(real).parts and \
        os.path.normcase(real) != os.path.normcase(os.path.abspath(path))
