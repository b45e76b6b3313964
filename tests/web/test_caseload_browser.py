"""End to end in headless Chromium: choose a register folder, see the caseload."""

from __future__ import annotations

from pathlib import Path

from tests.caseload.registers import TOM_AUTUMN_IEP, school_register
from tests.web.conftest import filled_form_bytes
from tests.web.test_browser import _shot, _wait_for, browser, server  # fixtures, reused

__all__ = ["browser", "server"]


def test_choose_the_register_folder_and_see_what_is_overdue(server: str, browser,
                                                             tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = browser
    register = school_register(tmp_path / "register")
    (register / "Year 4").mkdir()
    tom = filled_form_bytes(changes=TOM_AUTUMN_IEP)
    (register / "Year 4" / "tom-iep.docx").write_bytes(tom)
    driver.get(server)
    driver.find_element(By.LINK_TEXT, "Show the caseload").click()
    # a folder given to a webkitdirectory input uploads every file in it, with its path
    _wait_for(driver, By.ID, "register-folder").send_keys(str(register))
    driver.execute_script("document.getElementById('today').value = '2026-12-14'")
    _shot(driver, "caseload", tmp_path)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    summary = _wait_for(driver, By.CSS_SELECTOR, "p.summary").text
    assert summary == "5 pupils; 4 reviews overdue; 1 due in the next 14 days."
    overdue = driver.find_elements(By.CSS_SELECTOR, "table.caseload tr.overdue")
    assert len(overdue) == 4
    assert "OVERDUE by 3 days" in overdue[0].text
    links = [a.get_attribute("download") for a in driver.find_elements(By.CSS_SELECTOR,
                                                                        "a[download]")]
    assert links == ["caseload.docx", "caseload.csv", "deadlines.ics", "provision-map.docx",
                     "provision-map.csv", "caseload.zip"]
    _shot(driver, "caseload-result", tmp_path)
