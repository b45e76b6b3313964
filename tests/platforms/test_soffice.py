"""LibreOffice is found where its installers put it on each platform (simulated here), and
the profile option is a proper file URI on Windows."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.errors import MissingTool
from docgen.render import pdf
from docgen.render.soffice import find_soffice, install_hint, user_installation

WINDOWS_ENV = {"ProgramFiles": r"C:\Program Files", "ProgramW6432": r"C:\Program Files",
               "ProgramFiles(x86)": r"C:\Program Files (x86)",
               "LOCALAPPDATA": r"C:\Users\sjones\AppData\Local",
               "USERPROFILE": r"C:\Users\sjones"}


def simulate(platform: str, present: set[str], *, environ: dict[str, str] | None = None,
             on_path: dict[str, str] | None = None, registry: list[str] | None = None
             ) -> str | None:
    return find_soffice(platform=platform, environ=environ or {},
                        which=lambda name: (on_path or {}).get(name),
                        is_file=lambda path: path in present,
                        registry=lambda: registry or [])


@pytest.mark.parametrize("where", [
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    r"C:\Users\sjones\AppData\Local\Programs\LibreOffice\program\soffice.exe",
    r"C:\Users\sjones\PortableApps\LibreOfficePortable\App\libreoffice\program\soffice.exe",
    r"C:\PortableApps\LibreOfficePortable\App\libreoffice\program\soffice.exe",
    r"C:\Users\sjones\Downloads\LibreOfficePortable\App\libreoffice\program\soffice.exe",
])
def test_windows_install_locations(where: str) -> None:
    assert simulate("win32", {where}, environ=WINDOWS_ENV) == where


def test_windows_prefers_the_installed_over_the_portable_copy() -> None:
    installed = r"C:\Program Files\LibreOffice\program\soffice.exe"
    portable = r"C:\PortableApps\LibreOfficePortable\App\libreoffice\program\soffice.exe"
    assert simulate("win32", {installed, portable}, environ=WINDOWS_ENV) == installed


def test_windows_registry_names_a_custom_install_folder() -> None:
    custom = r"D:\Apps\LibreOffice 24\program"
    found = simulate("win32", {custom + r"\soffice.exe"}, environ=WINDOWS_ENV,
                     registry=[custom])
    assert found == r"D:\Apps\LibreOffice 24\program\soffice.exe"


def test_windows_looks_for_soffice_exe_on_path_never_the_console_com() -> None:
    asked: list[str] = []

    def which(name: str) -> str | None:
        asked.append(name)
        return r"C:\tools\soffice.exe" if name == "soffice.exe" else r"C:\tools\soffice.com"

    found = find_soffice(platform="win32", environ={}, which=which,
                         is_file=lambda path: True, registry=lambda: [])
    assert found == r"C:\tools\soffice.exe" and asked == ["soffice.exe"]


def test_windows_uses_the_defaults_without_environment_variables() -> None:
    where = r"C:\Program Files\LibreOffice\program\soffice.exe"
    assert simulate("win32", {where}, environ={}) == where


@pytest.mark.parametrize("where", ["/Applications/LibreOffice.app/Contents/MacOS/soffice",
                                   "/Users/sjones/Applications/LibreOffice.app/Contents/MacOS/"
                                   "soffice"])
def test_macos_app_bundle(where: str) -> None:
    assert simulate("darwin", {where}, environ={"HOME": "/Users/sjones"}) == where


@pytest.mark.parametrize(("on_path", "present", "expected"), [
    ({"soffice": "/usr/bin/soffice"}, {"/usr/bin/soffice"}, "/usr/bin/soffice"),
    ({"libreoffice": "/usr/local/bin/libreoffice"}, {"/usr/local/bin/libreoffice"},
     "/usr/local/bin/libreoffice"),
    ({}, {"/usr/lib/libreoffice/program/soffice"}, "/usr/lib/libreoffice/program/soffice"),
    ({}, {"/snap/bin/libreoffice"}, "/snap/bin/libreoffice"),
    ({}, set(), None),
])
def test_linux(on_path: dict[str, str], present: set[str], expected: str | None) -> None:
    assert simulate("linux", present, on_path=on_path) == expected


def test_docgen_soffice_names_any_other_place() -> None:
    own = r"E:\LO\program\soffice.exe"
    assert simulate("win32", {own}, environ={**WINDOWS_ENV, "DOCGEN_SOFFICE": own}) == own
    with pytest.raises(MissingTool) as caught:
        simulate("win32", set(), environ={"DOCGEN_SOFFICE": r"E:\LO\nothing.exe"})
    assert r"DOCGEN_SOFFICE is set to 'E:\LO\nothing.exe', which is not a file" in \
        caught.value.format_message()


def test_not_found_message_speaks_to_each_platform() -> None:
    windows = install_hint("win32")
    assert "https://www.libreoffice.org/download/" in windows
    assert "LibreOffice Portable" in windows and "soffice.exe" in windows
    assert "apt-get" not in windows and "sudo" not in windows
    mac = install_hint("darwin")
    assert "drag it into Applications" in mac and "apt-get" not in mac
    assert "sudo apt-get install libreoffice-writer-nogui" in install_hint("linux")


def test_a_windows_user_without_libreoffice_is_told_where_to_get_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("docgen.render.pdf.soffice_path", lambda: None)
    monkeypatch.setattr("sys.platform", "win32")
    result = CliRunner().invoke(main, ["make", "samples/tomos-llyr-evans/iep.yaml", "-o",
                                       str(tmp_path), "--only", "iep", "--pdf"])
    assert result.exit_code == 2
    assert "LibreOffice is not installed, so no PDF was made" in result.stderr
    assert "https://www.libreoffice.org/download/" in result.stderr
    assert "apt-get" not in result.stderr
    assert (tmp_path / "Llŷr-Evans-Tomos-iep.docx").is_file()


def test_profile_option_is_a_file_uri_on_windows_and_posix() -> None:
    windows = PureWindowsPath(r"C:\Users\Zoë Nowak\AppData\Local\Temp\docgen-lo-x1")
    assert user_installation(windows) == (
        "-env:UserInstallation=file:///C:/Users/Zo%C3%AB%20Nowak/AppData/Local/Temp/"
        "docgen-lo-x1")
    assert user_installation(PurePosixPath("/tmp/docgen-lo-x1")) == \
        "-env:UserInstallation=file:///tmp/docgen-lo-x1"


def test_to_pdf_runs_soffice_with_the_uri_and_no_console_window(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[list[str], dict]] = []

    def fake_run(args: list[str], **options: object) -> subprocess.CompletedProcess:
        calls.append((args, options))
        outdir = Path(args[args.index("--outdir") + 1])
        (outdir / "plan.pdf").write_bytes(b"%PDF-1.7")
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(pdf, "soffice_path", lambda: "soffice")
    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", 0x08000000, raising=False)
    docx = tmp_path / "plan.docx"
    docx.write_bytes(b"x")
    assert pdf.to_pdf(docx, tmp_path).read_bytes() == b"%PDF-1.7"
    (args, options), = calls
    profile = next(a for a in args if a.startswith("-env:UserInstallation="))
    assert profile.startswith("-env:UserInstallation=file:///") and "docgen-lo-" in profile
    assert options["creationflags"] == 0x08000000
