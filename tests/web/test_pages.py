"""Every page through Flask's test client: token, CSRF, uploads, problems, downloads."""

from __future__ import annotations

import base64
import io
import re
import zipfile

from flask.testing import FlaskClient

from docgen.web.app import create_app
from tests.cli.test_reading_notes import NOTE, without_known_as_row
from tests.docx_helpers import all_text, table_rows
from tests.web.conftest import TOKEN, filled_form_bytes


def _downloads(html: str) -> dict[str, bytes]:
    found = re.findall(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"', html)
    return {name: base64.b64decode(data) for data, name in found}


def test_requests_without_the_token_are_refused() -> None:
    client = create_app(TOKEN).test_client()
    for path in ("/", "/check", "/pack", "/leaflet", "/forms/iep.docx"):
        response = client.get(path)
        assert response.status_code == 403
        assert "Open docgen from its own link" in response.text
    assert client.get("/?token=wrong").status_code == 403


def test_token_moves_from_the_url_to_a_strict_cookie() -> None:
    client = create_app(TOKEN).test_client()
    response = client.get(f"/check?token={TOKEN}")
    assert response.status_code == 302 and response.headers["Location"] == "/check"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/check").status_code == 200


def test_home_lists_every_task(client: FlaskClient) -> None:
    html = client.get("/").text
    assert "<h1>What would you like to do?</h1>" in html
    for text in ("Get a blank form", "Check a filled form and make the documents",
                 "Build a statutory assessment request pack", "Print a leaflet for parents",
                 "High Focus review - input form"):
        assert text in html
    assert 'lang="en-GB"' in html and 'href="#main"' in html


def test_blank_form_download(client: FlaskClient) -> None:
    response = client.get("/forms/hf_iep.docx")
    assert response.status_code == 200
    assert 'filename="hf_iep-form.docx"' in response.headers["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert "word/document.xml" in names
    assert client.get("/forms/wibble.docx").status_code == 404


def test_post_without_csrf_is_refused(client: FlaskClient) -> None:
    response = client.post("/check", data={"form": (io.BytesIO(b"x"), "form.docx")},
                           content_type="multipart/form-data")
    assert response.status_code == 403


def test_good_form_gives_the_iep_to_download(client: FlaskClient, csrf: str) -> None:
    response = client.post("/check", data={
        "csrf": csrf, "form": (io.BytesIO(filled_form_bytes()), "tom-iep.docx")},
        content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.text
    assert "Your documents" in html and "thing to put right" not in html
    files = _downloads(html)
    iep = files["Llŷr-Evans-Tomos-iep.docx"]
    assert table_rows(iep, "Targets")[1][1] == "Read the first 100 high-frequency words on sight"
    bundle = zipfile.ZipFile(io.BytesIO(files["documents.zip"]))
    assert sorted(bundle.namelist()) == ["Llŷr-Evans-Tomos-iep.docx",
                                         "Llŷr-Evans-Tomos-leaflet.docx"]


def test_problems_are_listed_by_label_errors_apart_from_warnings(
        client: FlaskClient, csrf: str) -> None:
    from docgen.definitions import load_definition
    from docgen.forms.filling import fill_form
    from docgen.forms.writer import write_blank_form
    from tests.robustness.conftest import sample

    data = sample("tomos-llyr-evans", "iep")
    del data["targets"][1]["how_often"]
    data["plan"]["review_date"] = "2027-08-01"
    definition = load_definition("iep")
    upload = fill_form(write_blank_form(definition), definition, data)
    html = client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(upload), "f.docx")},
                       content_type="multipart/form-data").text
    assert "1 thing to put right" in html
    assert "Targets, row 2, &#34;How often&#34;: This must be filled in." in html
    assert "Your documents" not in html


def test_bad_file_gives_a_clear_message_and_no_traceback(client: FlaskClient, csrf: str) -> None:
    response = client.post("/check", data={
        "csrf": csrf, "form": (io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
                               "old.docx")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "an older Word file (.doc) or a password-protected document" in response.text
    assert "Traceback" not in response.text and "File &#34;" not in response.text
    wrong = client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(b"x"), "a.pdf")},
                        content_type="multipart/form-data")
    assert "docgen cannot read &#39;.pdf&#39; files" in wrong.text


def test_upload_limit(csrf: str) -> None:
    app = create_app(TOKEN, max_upload_mb=0.25)
    client = app.test_client()
    client.get(f"/?token={TOKEN}")
    big = io.BytesIO(b"0" * (300 * 1024))  # under werkzeug's 500 KB spooling threshold
    response = client.post("/check", data={"csrf": csrf, "form": (big, "big.docx")},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert "Uploads can be up to 0.25 MB" in response.text


def test_leaflet_page(client: FlaskClient, csrf: str) -> None:
    assert "School name" in client.get("/leaflet").text
    html = client.post("/leaflet", data={"csrf": csrf, "school": "Hillside Primary",
                                         "senco": "Ms Adebayo", "contact": "01234 567890"}).text
    leaflet = _downloads(html)["parent-leaflet.docx"]
    text = all_text(leaflet)
    assert "At Hillside Primary the SENCo is Ms Adebayo." in text
    assert "Your child" not in text
    missing = client.post("/leaflet", data={"csrf": csrf, "school": "", "senco": ""})
    assert missing.status_code == 400


def test_pack_page_checks_a_case_and_offers_the_pack(client: FlaskClient, csrf: str) -> None:
    from pathlib import Path

    assert "Build a statutory assessment request pack" in client.get("/pack").text
    case = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in sorted(case.iterdir())
             if p.name != "salt-report.docx"]
    html = client.post("/pack", data={"csrf": csrf, "files": files},
                       content_type="multipart/form-data").text
    assert "Evidence checklist" in html and "<h3>Missing</h3>" in html
    assert "Table 2 evidence for 7. Understanding language" in html
    assert "Download the" not in html
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in sorted(case.iterdir())]
    html = client.post("/pack", data={"csrf": csrf, "files": files},
                       content_type="multipart/form-data").text
    pack = _downloads(html)["request-pack.docx"]
    assert "1. High Focus IEP" in all_text(pack)


def test_unexpected_errors_show_a_plain_page(client: FlaskClient, csrf: str,
                                             monkeypatch) -> None:
    import docgen.pipeline

    def boom(path: object) -> None:
        raise RuntimeError("secret pupil data")

    monkeypatch.setattr(docgen.pipeline, "check", boom)
    response = client.post("/check", data={
        "csrf": csrf, "form": (io.BytesIO(filled_form_bytes()), "f.docx")},
        content_type="multipart/form-data")
    assert response.status_code == 500
    assert "docgen met a problem it did not expect" in response.text
    assert "secret pupil data" not in response.text


def test_the_page_shows_how_the_form_was_read(client: FlaskClient, csrf: str) -> None:
    html = client.post("/check", data={
        "csrf": csrf, "form": (io.BytesIO(without_known_as_row()), "edited.docx")},
        content_type="multipart/form-data").text
    assert "How the form was read" in html
    assert NOTE in html
    assert "Your documents" in html
