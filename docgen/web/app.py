"""The web app's pages: blank forms, check and make, packs, the parent leaflet."""

from __future__ import annotations

import base64
import io
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from docgen.errors import DocgenError
from docgen.web import caseload, security
from docgen.web.scratch import request_folder

log = logging.getLogger("docgen.web")
ACCEPTED = (".docx", ".docm", ".yaml", ".yml", ".json")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def create_app(token: str | None = None, max_upload_mb: float = 20,
               hosts: tuple[str, ...] = ()) -> Flask:
    """The app for one run; every request must carry ``token`` and be addressed to this
    computer (or one of ``hosts``, the address given with --host) (see docgen.web.security).
    """
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = int(max_upload_mb * 1024 * 1024)
    app.config["RUN_TOKEN"] = token or security.new_token()
    app.config["MAX_UPLOAD_MB"] = max_upload_mb
    security.install(app, app.config["RUN_TOKEN"], hosts)

    @app.context_processor
    def _common() -> dict[str, Any]:
        return {"csrf": security.csrf_token(app.config["RUN_TOKEN"]),
                "max_upload_mb": max_upload_mb}

    app.add_url_rule("/", "home", home)
    app.add_url_rule("/forms/<name>.docx", "blank_form", blank_form)
    app.add_url_rule("/check", "check", check_page, methods=["GET", "POST"])
    app.add_url_rule("/pack", "pack", pack_page, methods=["GET", "POST"])
    app.add_url_rule("/leaflet", "leaflet", leaflet_page, methods=["GET", "POST"])
    caseload.register(app)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def home() -> str:
    from docgen.definitions import load_definition
    from docgen.frameworks import all_frameworks

    frameworks = [{"key": f.key, "title": f.title, "summary": f.summary,
                   "forms": [(name, load_definition(name).title) for name in f.forms()]}
                  for f in all_frameworks()]
    return render_template("home.html", frameworks=frameworks)


def blank_form(name: str) -> Response:
    from docgen.definitions import available_forms, load_definition
    from docgen.forms.writer import write_blank_form

    if name not in available_forms():
        return Response(render_template("message.html", title="No such form",
                                        message=f"There is no form called '{name}'."), 404)
    data = write_blank_form(load_definition(name))
    return Response(data, mimetype=DOCX_TYPE,
                    headers={"Content-Disposition": f'attachment; filename="{name}-form.docx"'})


def check_page() -> str | tuple[str, int]:
    if request.method == "GET":
        return render_template("check.html")
    upload = request.files.get("form")
    if upload is None or not upload.filename:
        return render_template("check.html", problem="Choose a filled form to upload."), 400
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in ACCEPTED:
        return render_template(
            "check.html", problem=f"docgen cannot read '{suffix or 'this kind of'}' files. "
            "Upload a filled docgen form (.docx)."), 400
    from docgen.pipeline import check, render_all
    from docgen.web.uploads import safe_name

    with request_folder("check-") as folder:
        path = Path(folder) / safe_name(upload.filename, fallback="form")
        upload.save(path)
        try:
            checked = check(path)
            documents = render_all(checked) if checked.result.valid else []
        except DocgenError as exc:
            return render_template("check.html", problem=_for_page(exc, upload.filename)), 400
    return render_template(
        "result.html", name=upload.filename, title=checked.input.definition.title,
        errors=checked.result.errors, warnings=checked.result.warnings,
        notes=checked.input.notes,
        nothing=_nothing_made(checked) if checked.result.valid and not documents else None,
        documents=[{"title": d.title, "file": d.file_name, "href": _data_url(d.data)}
                   for d in documents],
        zip_href=_data_url(_zip({d.file_name: d.data for d in documents}), "application/zip")
        if documents else None,
    )


def _nothing_made(checked: Any) -> str:
    """Why a valid form gave no document to download (so it does not look lost)."""
    from docgen.documents import for_form

    if not for_form(checked.form):
        return ("This form makes no document by itself: it was added to docgen by your school "
                "or authority, so docgen checks its answers but makes none of its documents "
                "from them.")
    return "This form's answers make none of the documents it can make."


def pack_page() -> str | tuple[str, int]:
    try:
        from docgen import packs
    except ImportError:
        return render_template("pack.html", unavailable=True)
    if request.method == "GET":
        return render_template("pack.html")
    files = [f for f in request.files.getlist("files") if f.filename]
    if not files:
        return render_template("pack.html", problem="Choose the case folder's files."), 400
    draft = request.form.get("draft") == "yes"
    from docgen.web.uploads import save_uploads

    with request_folder("pack-") as folder:
        case = Path(folder) / "case"
        case.mkdir()
        try:
            save_uploads(files, case, current_app.config["MAX_CONTENT_LENGTH"])
            checked = packs.check_case(case)
            data = packs.build_pack(case, draft=draft) if (draft or not checked.missing) \
                else None
        except DocgenError as exc:
            uploaded = exc.file if exc.file in {f.filename for f in files} else None
            return render_template("pack.html", problem=_for_page(exc, uploaded)), 400
    return render_template("pack.html", checked=checked, draft=draft,
                           href=_data_url(data) if data else None)


def leaflet_page() -> str | tuple[str, int]:
    if request.method == "GET":
        return render_template("leaflet.html")
    from docgen.families.parents import render_generic_leaflet

    school = request.form.get("school", "").strip()
    senco = request.form.get("senco", "").strip()
    if not school or not senco:
        return render_template("leaflet.html", problem="Type the school's name and the "
                               "SENCo's name.", form=request.form), 400
    try:
        data = render_generic_leaflet(school, senco, request.form.get("contact", "").strip())
    except DocgenError as exc:
        return render_template("leaflet.html", problem=_for_page(exc), form=request.form), 400
    return render_template("leaflet.html", href=_data_url(data), form=request.form)


def _data_url(data: bytes, mimetype: str = DOCX_TYPE) -> str:
    """Downloads travel inside the page, so nothing is kept on disk after the response."""
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _for_page(exc: DocgenError, shown_name: str | None = None) -> str:
    """The message with advice for the page: the error's web hint, or its hint unless that
    is a command to type (the page has its own buttons)."""
    hint = exc.web_hint or (exc.hint if exc.hint and not _COMMAND.search(exc.hint) else None)
    message = f"{exc.message}. {hint}" if hint else exc.message
    return f"{shown_name}: {message}" if shown_name else message


_COMMAND = re.compile(r"\bdocgen [a-z]|(^|\s)-{1,2}[a-z]")


def _http_error(exc: HTTPException) -> tuple[str, int]:
    if isinstance(exc, RequestEntityTooLarge):
        limit = (request.max_content_length or 0) / (1024 * 1024)
        return render_template("message.html", title="That file is too large",
                               message=f"Uploads can be up to {limit:g} MB. A filled form is "
                                       "usually well under 1 MB: check you chose the right "
                                       "file."), 413
    if exc.code == 403:
        return render_template("message.html", title="Open docgen from its own link",
                               message="This page only answers the link docgen printed when "
                                       "it started. Copy that link into the browser."), 403
    return render_template("message.html", title=exc.name, message=exc.description or ""), \
        exc.code or 500


def _unexpected(exc: Exception) -> tuple[str, int]:
    log.error("unexpected error in the web page: %s", type(exc).__name__)  # no personal data
    return render_template("message.html", title="Something went wrong",
                           message="docgen met a problem it did not expect. Nothing was "
                                   "saved. Try again, or use the docgen command with --debug "
                                   "and report it."), 500
