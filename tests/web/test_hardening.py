"""The page's server and uploads under hostile use: idle and malformed connections, other
hosts and origins, zip bombs, non-Latin file names, leftovers of a server that died."""

from __future__ import annotations

import io
import logging
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from docgen.web import scratch
from docgen.web.app import create_app
from docgen.web.server import make_app_server
from docgen.web.uploads import safe_name
from tests.robustness import hostile
from tests.web.conftest import TOKEN, filled_form_bytes

CASE = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"


@pytest.fixture
def live() -> Iterator[int]:
    """The page served as `docgen serve` serves it, on a free port."""
    server = make_app_server("127.0.0.1", 0, create_app(TOKEN))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def _ask(port: int, raw: bytes, timeout: float = 5) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(raw)
        return connection.recv(4096)


def test_an_idle_connection_does_not_block_the_page(live: int) -> None:
    with socket.create_connection(("127.0.0.1", live)):  # connects, then says nothing
        started = time.perf_counter()
        answer = _ask(live, f"GET /?token={TOKEN} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        assert answer.startswith(b"HTTP/1.1 302")
        assert time.perf_counter() - started < 2


def test_idle_connections_are_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    from docgen.web import server as web_server

    monkeypatch.setattr(web_server._QuietHandler, "timeout", 0.5)
    httpd = make_app_server("127.0.0.1", 0, create_app(TOKEN))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with socket.create_connection(("127.0.0.1", httpd.server_port), timeout=5) as idle:
            started = time.perf_counter()
            assert idle.recv(100) == b""  # the server closed it
            assert time.perf_counter() - started < 4
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("line", [b"GARBAGE\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\xfc\r\n\r\n",
                                  b"GET / HTTP/9.9\r\n\r\n"])
def test_a_malformed_request_gets_400_and_no_traceback(live: int, line: bytes,
                                                       caplog: pytest.LogCaptureFixture
                                                       ) -> None:
    caplog.set_level(logging.INFO, logger="werkzeug")
    answer = _ask(live, line)
    assert b"Error code: 400" in answer or b"Error code: 505" in answer
    time.sleep(0.1)
    assert "Traceback" not in caplog.text
    assert "refused a malformed request" in caplog.text
    assert _ask(live, f"GET /?token={TOKEN} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()
                ).startswith(b"HTTP/1.1 302")  # still serving


def test_security_headers_on_every_page(client: FlaskClient) -> None:
    for path in ("/", "/check", "/pack", "/leaflet", "/forms/iep.docx", "/nowhere"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Content-Security-Policy"] == (
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Frame-Options"] == "DENY"


def test_other_host_names_are_refused(client: FlaskClient) -> None:
    """A web site whose name is made to point at this computer (DNS rebinding)."""
    assert client.get("/", headers={"Host": "evil.example:5000"}).status_code == 403
    assert client.get(f"/?token={TOKEN}", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"Host": "localhost:5000"}).status_code == 200
    assert client.get(f"/?token={TOKEN}", headers={"Host": "127.0.0.1:5000"}).status_code == 302
    assert client.get(f"/?token={TOKEN}", headers={"Host": "[::1]:5000"}).status_code == 302
    app = create_app(TOKEN, hosts=("192.168.1.20",))
    other = app.test_client()
    assert other.get(f"/?token={TOKEN}", headers={"Host": "192.168.1.20:80"}).status_code == 302


@pytest.mark.parametrize(("headers", "status"), [
    ({"Origin": "http://evil.example"}, 403),
    ({"Origin": "http://localhost:9999"}, 403),
    ({"Origin": "null"}, 403),
    ({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, 200),
    ({"Origin": "http://localhost", "Sec-Fetch-Site": "cross-site"}, 403),
    ({"Sec-Fetch-Site": "same-site"}, 403),
    ({"Origin": "http://localhost"}, 200),
])
def test_posts_from_other_origins_are_refused(client: FlaskClient, csrf: str,
                                              headers: dict[str, str], status: int) -> None:
    response = client.post("/leaflet", data={"csrf": csrf, "school": "Hillside Primary",
                                             "senco": "Ms Adebayo"}, headers=headers)
    assert response.status_code == status


def test_a_zip_bomb_upload_is_refused_within_the_budget(client: FlaskClient, csrf: str
                                                       ) -> None:
    bomb = hostile.zip_upload_bomb(300)
    started = time.perf_counter()
    response = client.post("/pack", data={"csrf": csrf, "files": [(io.BytesIO(bomb),
                                                                   "case.zip")]},
                           content_type="multipart/form-data")
    assert time.perf_counter() - started < 5
    assert response.status_code == 400
    assert ("case.zip: docgen refused to open this file because the part case.yaml would "
            "unpack to 314 MB, more than the 50 MB docgen allows for one part") in response.text
    assert _uploads_kept() == []


def test_a_zip_that_lies_about_its_sizes_stops_at_the_budget(client: FlaskClient, csrf: str
                                                            ) -> None:
    import struct

    data = bytearray(hostile.zip_upload_bomb(60))
    entry = data.rindex(b"PK\x01\x02")
    data[entry + 24:entry + 28] = struct.pack("<I", 1024)  # claims 1 KB
    response = client.post("/pack", data={"csrf": csrf, "files": [(io.BytesIO(bytes(data)),
                                                                   "case.zip")]},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "case.zip: the file is damaged or incomplete" in response.text


def _case_zip(rename: dict[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(CASE.iterdir()):
            data = path.read_bytes()
            name = (rename or {}).get(path.name, path.name)
            if path.name == "case.yaml":
                for old, new in (rename or {}).items():
                    data = data.replace(old.encode(), new.encode())
            archive.writestr(f"zofia/{name}", data)
    return out.getvalue()


def test_non_latin_evidence_names_build_the_same_pack(client: FlaskClient, csrf: str,
                                                      tmp_path: Path) -> None:
    from click.testing import CliRunner

    from docgen.cli import main
    from tests.docx_helpers import all_text
    from tests.web.test_pages import _downloads

    names = {"parents-views.docx": "poglądy-rodziców-Wiśniewska.docx",
             "pupil-views.docx": "آراء-التلميذ.docx"}
    html = client.post("/pack", data={"csrf": csrf, "files": [(io.BytesIO(_case_zip(names)),
                                                               "zofia.zip")]},
                       content_type="multipart/form-data").text
    web_pack = _downloads(html)["request-pack.docx"]
    folder = tmp_path / "case"
    shutil.copytree(CASE, folder)
    for old, new in names.items():
        (folder / old).rename(folder / new)
        yaml_file = folder / "case.yaml"
        yaml_file.write_text(yaml_file.read_text("utf-8").replace(old, new), "utf-8")
    assert CliRunner().invoke(main, ["pack", str(folder), "-o", str(tmp_path / "p.docx")]
                              ).exit_code == 0
    made_here = all_text((tmp_path / "p.docx").read_bytes())
    # both renamed files were read and merged (the pack names sections, not files)
    assert "Given through an interpreter (Mr Piotr Zieliński)" in made_here
    assert "Recorded by Mrs Joanna Kowalczyk with picture cards" in made_here
    assert all_text(web_pack) == made_here


def test_safe_names_keep_letters_and_extension() -> None:
    assert safe_name("poglądy-rodziców.docx") == "poglądy-rodziców.docx"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\x\\آراء.docx") == "آراء.docx"
    assert safe_name("a\nb<c>.docx") == "a-b-c-.docx"
    assert safe_name(".hidden.yaml") == "hidden.yaml"
    assert safe_name("CON.docx") == "file-CON.docx"
    assert safe_name("...", fallback="form") == "form"
    assert safe_name("x" * 300 + ".docx") == "x" * 115 + ".docx"
    assert safe_name("Zo\u0301fia.docx") == "Zófia.docx"  # NFC, as case.yaml is typed


def test_the_page_gives_advice_for_the_page_not_commands(client: FlaskClient, csrf: str
                                                        ) -> None:
    response = client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(
        _a_document_docgen_made()), "Evans-iep.docx")}, content_type="multipart/form-data")
    assert "Upload the filled &#39;iep&#39; form it was made from." in response.text
    assert "docgen form new" not in response.text
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in CASE.iterdir()
             if p.name != "case.yaml"]
    html = client.post("/pack", data={"csrf": csrf, "files": files},
                       content_type="multipart/form-data").text
    assert "Include the case folder&#39;s case.yaml, which lists the evidence." in html
    assert "docgen case init" not in html


def _a_document_docgen_made() -> bytes:
    from docgen.pipeline import check, render_all

    sample = Path(__file__).resolve().parents[2] / "samples" / "tomos-llyr-evans" / "iep.yaml"
    return render_all(check(sample), only=["iep"])[0].data


def test_uploads_are_gone_after_each_request(client: FlaskClient, csrf: str) -> None:
    client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(filled_form_bytes()),
                                                       "iep.docx")},
                content_type="multipart/form-data")
    assert _uploads_kept() == []


def _uploads_kept() -> list[Path]:
    return [p for p in scratch.run_folder().iterdir() if p.name != ".lock"]


def test_a_dead_servers_uploads_are_removed_at_the_next_start(tmp_path: Path) -> None:
    """A server killed mid-request leaves its folder; the next one removes it, and leaves a
    running server's alone."""
    script = textwrap.dedent("""
        import os, sys
        from docgen.web import scratch
        with scratch.request_folder("check-") as folder:
            open(os.path.join(folder, "pupil-form.docx"), "wb").write(b"personal data")
            print(folder, flush=True)
            sys.stdin.read()  # 'mid-request' until killed
    """)
    root = tmp_path / "tmp"
    root.mkdir()
    env = {**os.environ, "TMPDIR": str(root)}
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          stdin=subprocess.PIPE, text=True, env=env) as running, \
            subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stdin=subprocess.PIPE, text=True, env=env) as dying:
        kept = Path(running.stdout.readline().strip())
        left = Path(dying.stdout.readline().strip())
        dying.kill()
        dying.wait()
        assert (left / "pupil-form.docx").is_file()  # a killed server cannot tidy up
        removed = scratch.remove_leftovers(left.parents[1])
        assert left.parent in removed and not left.exists()
        assert kept.exists()
        running.stdin.close()
        running.wait()


def test_a_form_with_a_non_latin_file_name_is_checked(client: FlaskClient, csrf: str) -> None:
    response = client.post("/check", data={"csrf": csrf, "form": (io.BytesIO(
        filled_form_bytes()), "فارم-عائشہ.docx")}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert "Your documents" in response.text
    assert "File: فارم-عائشہ.docx" in response.text
