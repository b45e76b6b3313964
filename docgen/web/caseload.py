"""The Caseload page: a register folder's files (or a .zip of it) in, the table and the five
files out. Uploads live in a temporary folder deleted before the response is sent; the files
come back inside the page (data: URLs), so nothing is kept."""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from flask import Flask, render_template, request
from werkzeug.utils import secure_filename

from docgen.errors import DocgenError, UnusableInput

MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_BYTES = 500 * 1024 * 1024  # unpacked, in all: a zip bomb stops here
TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".csv": "text/csv", ".ics": "text/calendar",
}


MAX_FORM_PARTS = 50_000  # a register folder's files, each its own part of the upload


def register(app: Flask) -> None:
    app.add_url_rule("/caseload", "caseload", caseload_page, methods=["GET", "POST"])
    # Werkzeug refuses more than 1,000 parts by default, and a school's register folder
    # holds thousands of forms; the upload's size stays limited by --max-upload-mb.
    app.config["MAX_FORM_PARTS"] = MAX_FORM_PARTS


def caseload_page() -> str | tuple[str, int]:
    if request.method == "GET":
        return render_template("caseload.html", today=dt.date.today().isoformat())
    files = [f for f in request.files.getlist("files") + request.files.getlist("zip")
             if f.filename]
    form = {"today": request.form.get("today", "")}
    if not files:
        return render_template("caseload.html", problem="Choose the register folder, or a "
                               ".zip of it.", **form), 400
    try:
        today = dt.date.fromisoformat(form["today"]) if form["today"] else dt.date.today()
    except ValueError:
        return render_template("caseload.html", problem="Type the date as a date, for example "
                               "2026-11-30.", **form), 400
    with tempfile.TemporaryDirectory(prefix="docgen-caseload-") as folder:
        try:
            return render_template("caseload.html", **form, **_report(Path(folder), files,
                                                                      today))
        except DocgenError as exc:
            message = exc.message if not exc.hint else f"{exc.message}. {exc.hint}"
            shown = Path(exc.file).name if exc.file else ""
            return render_template("caseload.html", problem=f"{shown}: {message}"
                                   if shown else message, **form), 400


def _report(folder: Path, files: list[Any], today: dt.date) -> dict[str, Any]:
    from docgen.caseload import build_caseload, render_outputs
    from docgen.caseload.view import HEADERS, days_text, due_soon, year_groups
    from docgen.web.app import _data_url, _zip

    register = folder / "register"
    register.mkdir()
    for upload in files:
        _save(upload, register)
    settings = _settings(folder)
    # One process: forking a pool from a threaded web server is not safe.
    caseload = build_caseload(register, today=today, jobs=1)
    outputs = render_outputs(caseload, settings).files
    downloads = [{"file": name, "href": _data_url(data, TYPES[Path(name).suffix])}
                 for name, data in outputs.items()]
    return {"caseload": caseload, "groups": year_groups(caseload), "headers": HEADERS,
            "days": days_text,
            "soon": due_soon(caseload), "downloads": downloads,
            "zip_href": _data_url(_zip(outputs), "application/zip")}


def _settings(folder: Path) -> Any:
    from docgen.caseload import load_settings

    upload = request.files.get("settings")
    if upload is None or not upload.filename:
        return load_settings(None)
    path = folder / "settings.yaml"
    upload.save(path)
    try:
        return load_settings(path)
    except UnusableInput as exc:
        exc.file = upload.filename
        raise


def relative_path(name: str) -> Path | None:
    """A browser's 'folder/sub/file.docx' as a safe path inside the upload folder."""
    parts = [secure_filename(p) for p in PurePosixPath(name.replace("\\", "/")).parts]
    parts = [p for p in parts if p and p not in (".", "..")]
    return Path(*parts) if parts else None


def _free(path: Path) -> Path:
    """Two names that sanitise alike must not overwrite each other."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _save(upload: Any, register: Path) -> None:
    relative = relative_path(upload.filename)
    if relative is None:
        return
    if relative.suffix.lower() == ".zip":
        _unzip(upload, register, upload.filename)
        return
    target = _free(register / relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    upload.save(target)


def _unzip(upload: Any, register: Path, shown: str) -> None:
    """A .zip of the register, unpacked with limits: members, and bytes actually read."""
    try:
        with zipfile.ZipFile(upload.stream) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                raise UnusableInput(f"the .zip holds more than {MAX_ZIP_MEMBERS:,} files",
                                    file=shown, hint="Zip the register folder alone.")
            budget = MAX_ZIP_BYTES
            for info in members:
                relative = relative_path(info.filename)
                if relative is None:
                    continue
                target = _free(register / relative)
                target.parent.mkdir(parents=True, exist_ok=True)
                budget -= _copy_bounded(archive, info, target, budget, shown)
    except zipfile.BadZipFile:
        raise UnusableInput("the .zip file is damaged", file=shown) from None


def _copy_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: int,
                  shown: str) -> int:
    written = 0
    with archive.open(info) as source, target.open("wb") as out:
        while chunk := source.read(1024 * 1024):
            written += len(chunk)
            if written > budget:
                raise UnusableInput("the .zip unpacks to more than 500 MB", file=shown,
                                    hint="Zip the register folder alone.")
            out.write(chunk)
    return written
