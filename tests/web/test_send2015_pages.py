"""The web page with the 2015 Code: forms grouped by framework, a filled SEN Support plan
made into its documents, an EHC needs assessment request pack built from uploaded files."""

from __future__ import annotations

import base64
import io
import re

import yaml
from flask.testing import FlaskClient

from docgen.definitions import load_definition
from docgen.forms.filling import fill_form
from docgen.forms.writer import write_blank_form
from tests.docx_helpers import all_text
from tests.send2015.conftest import SAMPLES


def _downloads(html: str) -> dict[str, bytes]:
    found = re.findall(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"', html)
    return {name: base64.b64decode(data) for data, name in found}


def test_home_groups_the_forms_by_framework(client: FlaskClient) -> None:
    html = client.get("/").text
    birmingham = html.index("<h3 id=\"framework-birmingham\">Following the Code "
                            "(Birmingham)</h3>")
    send2015 = html.index("<h3 id=\"framework-send2015\">SEND Code of Practice 2015</h3>")
    assert birmingham < html.index("Individual Education Plan (IEP) - input form") < send2015
    for title in ("SEN Support plan - input form", "Meeting with parents - input form",
                  "Request for an EHC needs assessment - input form",
                  "EHC plan annual review - input form"):
        assert send2015 < html.index(title)
    assert 'href="/forms/sen_support.docx"' in html


def test_blank_2015_form_downloads(client: FlaskClient) -> None:
    response = client.get("/forms/annual_review.docx")
    assert response.status_code == 200
    assert "annual_review-form.docx" in response.headers["Content-Disposition"]


def test_a_filled_sen_support_plan_makes_its_documents(client: FlaskClient, csrf: str) -> None:
    data = yaml.safe_load((SAMPLES / "leo-brennan" / "sen_support.yaml").read_text("utf-8"))
    data.pop("form")
    definition = load_definition("sen_support")
    upload = fill_form(write_blank_form(definition), definition, data)
    html = client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(upload), "leo.docx")},
                       content_type="multipart/form-data").text
    assert "Your documents" in html and "thing to put right" not in html
    files = _downloads(html)
    assert {"Brennan-Leo-sen-support-plan.docx", "Brennan-Leo-one-page-profile.docx",
            "Brennan-Leo-letter-sen-support.docx"} <= set(files)
    assert "SPLD: Specific learning difficulty" in all_text(
        files["Brennan-Leo-sen-support-plan.docx"])


def test_the_pack_page_builds_an_ehc_request_pack(client: FlaskClient, csrf: str) -> None:
    case = SAMPLES / "amira-haddad" / "case"
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in sorted(case.iterdir())
             if p.name != "paediatrician-letter.docx"]
    html = client.post("/pack", data={"csrf": csrf, "files": files},
                       content_type="multipart/form-data").text
    assert "<h3>Missing</h3>" in html
    assert "case.yaml lists paediatrician-letter.docx, which is not in the folder" in html
    assert "Download the" not in html
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in sorted(case.iterdir())]
    html = client.post("/pack", data={"csrf": csrf, "files": files},
                       content_type="multipart/form-data").text
    text = all_text(_downloads(html)["request-pack.docx"])
    assert "1. The school's request" in text and "26 April 2027" in text
