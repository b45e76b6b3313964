"""In Debian's headless Chromium: the Stop button stops the server, another open page then
says docgen has stopped, and an open page keeps the server from stopping while idle."""

from __future__ import annotations

import os
import time

import pytest

from docgen.web import lifetime
from tests.desktop.test_stop_and_idle import running
from tests.web.test_browser import CHROMIUM, DRIVER, browser  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)),
    reason="Debian's chromium and chromium-driver are not installed; CI installs them")


def _wait_for(condition: object, seconds: float = 10) -> bool:
    """True once ``condition()`` is; an element of the page being left counts as not yet."""
    from selenium.common.exceptions import WebDriverException

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if condition():  # type: ignore[operator]
                return True
        except WebDriverException:
            pass
        time.sleep(0.2)
    return False


def test_stop_button_and_the_stopped_notice(browser, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    driver, _downloads = browser
    monkeypatch.setattr(lifetime, "ALIVE_SECONDS", 1)
    with running(idle_minutes=60) as (address, result):
        driver.get(address)
        first = driver.current_window_handle
        notice = driver.find_element(By.ID, "docgen-stopped")
        assert not notice.is_displayed()
        driver.switch_to.new_window("tab")
        driver.get(address.split("?")[0])
        button = driver.find_element(By.XPATH, "//button[text()='Stop docgen']")
        assert button.is_displayed()
        button.click()
        assert _wait_for(lambda: driver.find_element(By.TAG_NAME, "h1").text
                         == "docgen has stopped")
        driver.switch_to.window(first)
        assert _wait_for(lambda: driver.find_element(By.ID, "docgen-stopped").is_displayed())
        assert "start docgen again from its shortcut" in notice.text
    assert result["reason"] == "button"


def test_an_open_page_keeps_it_running_and_a_closed_one_lets_it_stop(
        browser, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    driver, _downloads = browser
    monkeypatch.setattr(lifetime, "ALIVE_SECONDS", 1)
    with running(idle_minutes=0.03) as (address, result):  # 1.8 seconds
        driver.get(address)
        time.sleep(4)
        assert "reason" not in result  # still serving: the page said it was open
        driver.get("about:blank")
    assert result["reason"] == "idle"
