"""End to end in Debian's headless Chromium: upload a filled form, download the IEP."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docgen.web.app import create_app
from tests.docx_helpers import table_rows
from tests.web.conftest import filled_form_bytes

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)),
    reason="Debian's chromium and chromium-driver are not installed; CI installs them")

# Screenshots land here when set (they are how we look at the pages); a temp folder otherwise.
SHOTS = os.environ.get("DOCGEN_SCREENSHOTS")


@pytest.fixture
def server() -> Iterator[str]:
    from werkzeug.serving import make_server

    token = "browser-test-token"
    httpd = make_server("127.0.0.1", 0, create_app(token))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/?token={token}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[tuple[object, Path]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="docgen-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1100,1400",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver, downloads
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _shot(driver: object, name: str, tmp_path: Path) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 5000
    return path


def test_upload_a_form_and_download_the_iep(server: str, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver, downloads = browser
    driver.get(server)
    assert driver.find_element(By.TAG_NAME, "h1").text == "What would you like to do?"
    _shot(driver, "home", tmp_path)

    driver.find_element(By.LINK_TEXT, "Check a form and make documents").click()
    form = tmp_path / "tom-iep.docx"
    form.write_bytes(filled_form_bytes())
    _wait_for(driver, By.ID, "form-file").send_keys(str(form))
    _shot(driver, "check", tmp_path)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # a form's submission does not wait for the next page as a link's does
    assert "Your documents" in _wait_for(driver, By.ID, "docs").text
    _shot(driver, "result", tmp_path)

    driver.find_element(By.LINK_TEXT, "Individual Education Plan").click()
    target = downloads / "Llŷr-Evans-Tomos-iep.docx"
    deadline = time.monotonic() + 20
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.exists(), list(downloads.iterdir())
    rows = table_rows(target.read_bytes(), "Targets")
    assert rows[1][1] == "Read the first 100 high-frequency words on sight"

    for page, heading in (("pack", "Build a statutory assessment request pack"),
                          ("leaflet", "Make a leaflet for parents")):
        driver.get(server.split("?")[0] + page)
        assert driver.find_element(By.TAG_NAME, "h1").text == heading
        _shot(driver, page, tmp_path)


def _wait_for(driver: Any, by: str, value: str, seconds: float = 20) -> Any:
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(
        expected_conditions.presence_of_element_located((by, value)))


def test_without_the_link_the_page_refuses(server: str, browser) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = browser
    driver.get(server.split("?")[0])
    assert driver.find_element(By.TAG_NAME, "h1").text == "Open docgen from its own link"
