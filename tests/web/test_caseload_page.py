"""The Caseload page: a folder's files or a .zip in; the table and the five files out."""

from __future__ import annotations

import base64
import io
import re
import tempfile
import zipfile
from pathlib import Path

import icalendar
from flask.testing import FlaskClient

from docgen.web.caseload import relative_path
from tests.caseload.registers import TOM_AUTUMN_IEP, school_register
from tests.web.conftest import filled_form_bytes


def _downloads(html: str) -> dict[str, bytes]:
    found = re.findall(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"', html)
    return {name: base64.b64decode(data) for data, name in found}


def _folder_upload(tmp_path: Path) -> list[tuple[io.BytesIO, str]]:
    """The register as a browser sends a chosen folder: each file with its relative path."""
    register = school_register(tmp_path / "register")
    files = [(io.BytesIO(p.read_bytes()), f"register/{p.relative_to(register).as_posix()}")
             for p in sorted(register.rglob("*.yaml"))]
    files.append((io.BytesIO(filled_form_bytes(changes=TOM_AUTUMN_IEP)),
                  "register/Year 4/tom/iep.docx"))
    files.append((io.BytesIO(b"not a zip"), "register/Year 4/tom/damaged.docx"))
    return files


def test_the_page_offers_a_folder_and_a_zip(client: FlaskClient) -> None:
    html = client.get("/caseload").text
    assert 'name="files" multiple webkitdirectory' in html
    assert 'name="zip" accept=".zip"' in html
    assert 'name="csrf"' in html
    assert "Show the caseload" in client.get("/").text


def test_without_the_token_or_csrf_it_is_refused(client: FlaskClient, tmp_path: Path) -> None:
    from docgen.web.app import create_app
    from tests.web.conftest import TOKEN

    assert create_app(TOKEN).test_client().get("/caseload").status_code == 403
    response = client.post("/caseload", data={"files": _folder_upload(tmp_path)},
                           content_type="multipart/form-data")
    assert response.status_code == 403


def test_a_folder_gives_the_table_with_overdue_rows_and_the_downloads(
        client: FlaskClient, csrf: str, tmp_path: Path) -> None:
    response = client.post("/caseload", data={
        "csrf": csrf, "today": "2026-12-14", "files": _folder_upload(tmp_path)},
        content_type="multipart/form-data")
    assert response.status_code == 200, response.text
    html = response.text
    # the four pupils' IEP reviews were due on 11 December; Tom's on 14 December (today)
    assert "5 pupils; 4 reviews overdue; 1 due in the next 14 days; 1 form could not be used." \
        in html
    assert html.count('<tr class="overdue">') == 8  # four in "due soon", four in the years
    assert "OVERDUE by 3 days" in html
    assert "Tomos Llŷr-Evans" in html
    assert "register/Year_4/tom/damaged.docx: this is not a Word document (.docx)" in html
    files = _downloads(html)
    assert sorted(files) == ["caseload.csv", "caseload.docx", "caseload.zip", "deadlines.ics",
                             "provision-map.csv", "provision-map.docx"]
    events = icalendar.Calendar.from_ical(files["deadlines.ics"]).walk("VEVENT")
    assert len(events) == 5
    assert sorted(zipfile.ZipFile(io.BytesIO(files["caseload.zip"])).namelist()) == [
        "caseload.csv", "caseload.docx", "deadlines.ics", "provision-map.csv",
        "provision-map.docx"]


def test_a_zip_of_the_folder_and_settings(client: FlaskClient, csrf: str,
                                          tmp_path: Path) -> None:
    from tests.caseload.registers import SETTINGS

    register = school_register(tmp_path / "register")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in register.rglob("*.yaml"):
            archive.write(path, f"register/{path.relative_to(register).as_posix()}")
        archive.writestr("../../escape.yaml", "form: iep\n")
    buffer.seek(0)
    response = client.post("/caseload", data={
        "csrf": csrf, "today": "2026-11-30", "zip": (buffer, "register.zip"),
        "settings": (io.BytesIO(SETTINGS.encode()), "staff.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 200, response.text
    assert "4 pupils; 0 reviews overdue; 4 due in the next 14 days" in response.text
    provision = _downloads(response.text)["provision-map.csv"].decode("utf-8-sig")
    assert "Mrs Joy Hale" in provision and "760.00" in provision


def test_problems_are_one_message(client: FlaskClient, csrf: str) -> None:
    response = client.post("/caseload", data={"csrf": csrf},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Choose the register folder, or a .zip of it." in response.text
    response = client.post("/caseload", data={
        "csrf": csrf, "zip": (io.BytesIO(b"not a zip"), "register.zip")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    assert "register.zip: the .zip file is damaged" in response.text
    response = client.post("/caseload", data={
        "csrf": csrf, "files": [(io.BytesIO(b"form: iep\n"), "r/a.yaml")],
        "settings": (io.BytesIO(b"staf: 1\n"), "staff.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    assert "staff.yaml: &#39;staf&#39; is not a caseload setting" in response.text


def test_nothing_is_kept(client: FlaskClient, csrf: str, tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).glob("docgen-caseload-*"))
    client.post("/caseload", data={"csrf": csrf, "files": _folder_upload(tmp_path)},
                content_type="multipart/form-data")
    assert set(Path(tempfile.gettempdir()).glob("docgen-caseload-*")) == before


def test_uploaded_paths_stay_inside_the_folder() -> None:
    assert relative_path("register/Year 4/tom/iep.docx") == Path("register/Year_4/tom/iep.docx")
    assert relative_path("../../etc/passwd") == Path("etc/passwd")
    assert relative_path("C:\\Users\\x\\iep.docx") == Path("C/Users/x/iep.docx")
    assert relative_path("..") is None


def test_a_folder_of_thousands_of_files(client: FlaskClient, csrf: str) -> None:
    # Werkzeug refuses more than 1,000 parts unless told otherwise
    files = [(io.BytesIO(b"not a form"), f"register/p{n}/notes.json") for n in range(1500)]
    response = client.post("/caseload", data={"csrf": csrf, "files": files},
                           content_type="multipart/form-data")
    assert response.status_code == 200, response.text[:300]
    assert "0 pupils; 0 reviews overdue; 0 due in the next 14 days; 1500 forms could not be " \
           "used." in response.text
