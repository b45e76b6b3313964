"""Finds LibreOffice's soffice where its installers put it, on Windows, macOS and Linux.

Windows installs are rarely on PATH, so the places are searched in order: DOCGEN_SOFFICE (an
IT team's own location), PATH, the folder the installer records in the registry, Program Files
(64- and 32-bit), a per-user MSI install (``%LOCALAPPDATA%\\Programs``, where Windows puts
per-user programs), and PortableApps.com's LibreOffice Portable, which needs no admin rights
and so is what a school laptop often has: in the PortableApps Platform's folder (the user's
``PortableApps`` folder or ``C:\\PortableApps``) or unpacked on its own into Downloads, Desktop
or Documents. macOS: the app bundle in /Applications or ~/Applications. Linux: PATH, then the
Debian/Ubuntu, The Document Foundation (/opt) and snap locations.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from docgen.errors import MissingTool

ENV = "DOCGEN_SOFFICE"
DOWNLOAD = "https://www.libreoffice.org/download/"
PORTABLE = "https://portableapps.com/apps/office/libreoffice_portable"
_WINDOWS_PROGRAM = ("LibreOffice", "program", "soffice.exe")
_PORTABLE_PROGRAM = ("LibreOfficePortable", "App", "libreoffice", "program", "soffice.exe")
_MAC_PROGRAM = ("LibreOffice.app", "Contents", "MacOS", "soffice")


def find_soffice(*, platform: str | None = None, environ: Mapping[str, str] | None = None,
                 which: Callable[[str], str | None] | None = None,
                 is_file: Callable[[str], bool] | None = None,
                 registry: Callable[[], list[str]] | None = None) -> str | None:
    """The soffice program to run, or None. The arguments stand in for the computer in tests
    (a Windows machine can be simulated on Linux); by default they are this one's."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    is_file = is_file or os.path.isfile
    chosen = environ.get(ENV)
    if chosen and not is_file(chosen):
        raise MissingTool(f"{ENV} is set to '{chosen}', which is not a file",
                          hint=f"Set {ENV} to the full path of LibreOffice's soffice program, "
                               "or remove it to let docgen look in the usual places.")
    for candidate in candidates(platform, environ, which or shutil.which,
                                registry or _registry_folders):
        if candidate and is_file(candidate):
            return candidate
    return None


def candidates(platform: str, environ: Mapping[str, str], which: Callable[[str], str | None],
               registry: Callable[[], list[str]]) -> Iterator[str]:
    """Every place soffice may be on ``platform``, most specific first."""
    if environ.get(ENV):
        yield environ[ENV]
    if platform == "win32":
        # soffice.exe, never soffice.com: the .com is a console program whose window would
        # flash up over the page
        yield which("soffice.exe") or ""
        yield from (str(PureWindowsPath(folder, "soffice.exe")) for folder in registry())
        yield from _windows_places(environ)
    elif platform == "darwin":
        yield which("soffice") or ""
        home = environ.get("HOME", "")
        for root in ("/Applications", *([f"{home}/Applications"] if home else [])):
            yield str(PurePosixPath(root, *_MAC_PROGRAM))
    else:
        yield which("soffice") or which("libreoffice") or ""
        yield from ("/usr/lib/libreoffice/program/soffice", "/snap/bin/libreoffice")
        yield from sorted(_opt_installs(), reverse=True)  # the newest version first


def _windows_places(environ: Mapping[str, str]) -> Iterator[str]:
    for variable, default in (("ProgramFiles", r"C:\Program Files"),
                              ("ProgramW6432", r"C:\Program Files"),
                              ("ProgramFiles(x86)", r"C:\Program Files (x86)")):
        yield str(PureWindowsPath(environ.get(variable, default), *_WINDOWS_PROGRAM))
    local = environ.get("LOCALAPPDATA")
    if local:
        yield str(PureWindowsPath(local, "Programs", *_WINDOWS_PROGRAM))
    profile = environ.get("USERPROFILE")
    roots: list[PurePath] = [PureWindowsPath(r"C:\PortableApps")]
    if profile:
        roots[:0] = [PureWindowsPath(profile, "PortableApps")]
        roots += [PureWindowsPath(profile, folder) for folder in
                  ("Downloads", "Desktop", "Documents")]
    yield from (str(root.joinpath(*_PORTABLE_PROGRAM)) for root in roots)


def _opt_installs() -> list[str]:
    try:
        names = os.listdir("/opt")
    except OSError:
        return []
    return [f"/opt/{name}/program/soffice" for name in names if name.startswith("libreoffice")]


def _registry_folders() -> list[str]:
    """The program folder LibreOffice's installer records (Windows only; empty elsewhere)."""
    if sys.platform != "win32":
        return []
    import winreg

    found = []
    for root in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):
        for view in (winreg.KEY_WOW64_64KEY, winreg.KEY_WOW64_32KEY):
            try:
                with winreg.OpenKey(root, r"SOFTWARE\LibreOffice\UNO\InstallPath", 0,
                                    winreg.KEY_READ | view) as key:
                    found.append(str(winreg.QueryValueEx(key, "")[0]))
            except OSError:
                continue
    return found


def install_hint(platform: str | None = None) -> str:
    """What a user on ``platform`` does to get LibreOffice, in their own terms."""
    platform = platform or sys.platform
    if platform == "win32":
        return (f"Install LibreOffice from {DOWNLOAD} (or ask your IT team). Without admin "
                f"rights, LibreOffice Portable from {PORTABLE} works too. If it is installed "
                f"somewhere else, set {ENV} to the full path of its soffice.exe.")
    if platform == "darwin":
        return (f"Install LibreOffice from {DOWNLOAD} and drag it into Applications, or set "
                f"{ENV} to the full path of its soffice program.")
    return ("Install LibreOffice: on Debian or Ubuntu, "
            "'sudo apt-get install libreoffice-writer-nogui'; on other systems, from "
            f"{DOWNLOAD} or your package manager. Or set {ENV} to the soffice program.")


def user_installation(profile: PurePath) -> str:
    """LibreOffice's option for a private profile folder: a file URI, which on Windows is
    file:///C:/... with spaces and accents percent-encoded, not 'file://C:\\...'."""
    return f"-env:UserInstallation={profile.as_uri()}"
