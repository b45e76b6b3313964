"""A case folder uploaded as a .zip: names inside it never reach the file system as given."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.docx_helpers import all_text
from tests.fixtures import ELLIS_CASE
from tests.web.test_pages import _downloads


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The page's temporary folders go here, so a test can see anything written beside them."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def hostile_zip(escape_to: Path) -> bytes:
    """Ellis Morgan's case folder with every file behind a '../' climb or at an absolute path,
    plus two files that would land outside the upload's folder if the names were used."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number, path in enumerate(sorted(ELLIS_CASE.iterdir())):
            name = ("../" * (number % 3 + 1) + path.name if number % 2
                    else f"/ellis/case/{path.name}")
            archive.writestr(name, path.read_bytes())
        archive.writestr("../../../escaped.txt", "climbed out")  # into tmp_path
        archive.writestr(str(escape_to / "absolute.txt"), "written at an absolute path")
        archive.writestr("case/", "")  # a folder entry: nothing to save
    return out.getvalue()


def test_zip_names_are_flattened_into_the_upload_folder(client: FlaskClient, csrf: str,
                                                        temp_root: Path, tmp_path: Path
                                                        ) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    before = sorted(tmp_path.rglob("*"))
    response = client.post("/pack", data={"csrf": csrf, "files": [
        (io.BytesIO(hostile_zip(outside)), "ellis-case.zip")]},
        content_type="multipart/form-data")
    assert response.status_code == 200, response.text
    # every file arrived under its own name: the checklist is complete and the pack is offered
    assert "<h3>Missing</h3>" not in response.text
    pack = _downloads(response.text)["request-pack.docx"]
    assert "5. High Focus IEP from 27 April 2026" in all_text(pack).splitlines()
    # nothing was written outside the upload's folder, and the folder itself is gone: all
    # that may be left is the page's own scratch folder (docgen.web.scratch) and its lock
    new = sorted(set(tmp_path.rglob("*")) - set(before))
    assert all(path.relative_to(temp_root).parts[0].startswith("docgen-web-") for path in new)
    assert [path.name for path in new if path.is_file()] in ([], [".lock"])
    assert not (outside / "absolute.txt").exists()
    assert not Path("/ellis").exists()
