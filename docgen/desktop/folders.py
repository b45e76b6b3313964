"""The user's own folders on each platform: the desktop, the programs menu, and where a program
keeps its log. Every function takes the platform and environment, so tests can stand in for a
Windows or macOS computer on Linux; by default they are this computer's."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Mapping
from pathlib import Path

# Windows' Known Folder IDs (KNOWNFOLDERID): the real folders, wherever a school's IT has
# moved them (OneDrive's "Known Folder Move" puts the desktop under OneDrive, for example).
FOLDERID_DESKTOP = "B4BFCC3A-DB2C-424C-B029-7FE99A87C641"
FOLDERID_PROGRAMS = "A77F5D77-2E2B-44C3-A6A2-ABA601054A51"  # the user's Start menu Programs


def _platform(platform: str | None) -> str:
    return platform or sys.platform


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def home_dir(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """The user's home folder (USERPROFILE first on Windows, where HOME is rarely set)."""
    environ = _env(environ)
    order = ("USERPROFILE", "HOME") if _platform(platform) == "win32" else ("HOME",
                                                                            "USERPROFILE")
    return Path(next((environ[k] for k in order if environ.get(k)), None) or Path.home())


def log_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where the windowed app keeps its log: %LOCALAPPDATA%\\docgen\\Logs on Windows,
    ~/Library/Logs/docgen on macOS, $XDG_STATE_HOME/docgen (~/.local/state) elsewhere."""
    platform, environ = _platform(platform), _env(environ)
    if platform == "win32":
        home = home_dir(environ, platform)
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "docgen" / "Logs"
    if platform == "darwin":
        return home_dir(environ, platform) / "Library" / "Logs" / "docgen"
    state = environ.get("XDG_STATE_HOME") or str(home_dir(environ, platform) / ".local" / "state")
    return Path(state) / "docgen"


def desktop_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The user's desktop: Windows' own answer (it may be under OneDrive), the XDG user
    folder on Linux (a translated name such as ~/Pulpit), ~/Desktop otherwise."""
    platform, environ = _platform(platform), _env(environ)
    if platform == "win32":
        known = known_folder(FOLDERID_DESKTOP) if sys.platform == "win32" else None
        return Path(known) if known else home_dir(environ, platform) / "Desktop"
    if platform == "darwin":
        return home_dir(environ, platform) / "Desktop"
    return _xdg_user_dir("DESKTOP", environ) or home_dir(environ, platform) / "Desktop"


def menu_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where programs are listed: the Start menu's Programs folder, ~/Applications on macOS
    (Launchpad and Spotlight find apps there), $XDG_DATA_HOME/applications on Linux."""
    platform, environ = _platform(platform), _env(environ)
    if platform == "win32":
        known = known_folder(FOLDERID_PROGRAMS) if sys.platform == "win32" else None
        if known:
            return Path(known)
        roaming = environ.get("APPDATA") or str(home_dir(environ, platform) / "AppData" / "Roaming")
        return Path(roaming) / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    if platform == "darwin":
        return home_dir(environ, platform) / "Applications"
    data = environ.get("XDG_DATA_HOME") or str(home_dir(environ, platform) / ".local" / "share")
    return Path(data) / "applications"


def _xdg_user_dir(name: str, environ: Mapping[str, str]) -> Path | None:
    """XDG_<NAME>_DIR from ~/.config/user-dirs.dirs (lines like XDG_DESKTOP_DIR="$HOME/x")."""
    home = home_dir(environ, "linux")
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() == f"XDG_{name}_DIR":
            value = value.strip().strip('"').replace("$HOME", str(home))
            return Path(value) if value.startswith("/") else None
    return None


def known_folder(folder_id: str) -> str | None:
    """SHGetKnownFolderPath through ctypes (Windows only): no extra package needed."""
    import ctypes

    if not hasattr(ctypes, "windll"):  # not Windows after all
        return None
    guid = (ctypes.c_char * 16).from_buffer_copy(uuid.UUID(folder_id).bytes_le)
    path = ctypes.c_wchar_p()
    shell32 = ctypes.windll.shell32
    if shell32.SHGetKnownFolderPath(ctypes.byref(guid), 0, None, ctypes.byref(path)) != 0:
        return None
    try:
        return path.value
    finally:
        ctypes.windll.ole32.CoTaskMemFree(path)
