"""docgen-app, the windowed program: it starts the page and opens the browser, stops from the
page's button or when idle, and with no console at all (pythonw: sys.stdout is None) it logs
to the user's app-data folder without personal data and shows problems in the browser."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import textwrap
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

# Imported before a test pretends to be Windows: click would load its Windows console support.
import docgen.cli
import docgen.web.server  # noqa: F401
from docgen.desktop import app

ROOT = Path(__file__).resolve().parents[2]


class FakeBrowser:
    """Stands in for webbrowser.open: records what was opened and, for the page, uses it
    in a thread of its own as a person would, then presses Stop docgen."""

    def __init__(self, press_stop: bool = True) -> None:
        self.opened: list[str] = []
        self.pages: list[str] = []
        self.press_stop = press_stop

    def __call__(self, url: str, *args: object, **kwargs: object) -> bool:
        self.opened.append(url)
        if url.startswith("http://") and self.press_stop:
            threading.Thread(target=self._use, args=(url,), daemon=True).start()
        return True

    def _use(self, address: str) -> None:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        home = opener.open(address, timeout=60).read().decode()
        self.pages.append(home)
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', home).group(1)
        base = address.split("/?")[0]
        self.pages.append(opener.open(f"{base}/stop", urllib.parse.urlencode(
            {"csrf": csrf}).encode(), timeout=60).read().decode())


@pytest.fixture
def windows_without_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """pythonw on Windows: no stdout or stderr, LOCALAPPDATA for the log."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.delenv("DOCGEN_IDLE_MINUTES", raising=False)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    return tmp_path / "AppData" / "Local" / "docgen" / "Logs"


def test_starts_the_page_and_stops_from_its_button(windows_without_console: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.open", browser)
    assert app.main() == 0
    (address,) = browser.opened
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{40,}", address)
    assert "What would you like to do?" in browser.pages[0]
    assert "Stop docgen" in browser.pages[0]
    assert "<h1>docgen has stopped</h1>" in browser.pages[1]
    log = (windows_without_console / "docgen-app.log").read_text("utf-8")
    assert "docgen-app 0.1.0 started (Python" in log and ", win32)" in log
    assert "the page was opened in the browser" in log
    assert "docgen-app stopped (button)" in log
    token = address.split("token=")[1]
    assert token not in log and "127.0.0.1" not in log
    assert not (windows_without_console / "problem.html").exists()


def test_stops_by_itself_when_idle(windows_without_console: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser(press_stop=False)
    monkeypatch.setattr("webbrowser.open", browser)
    windows_without_console.mkdir(parents=True)
    assert app.run(windows_without_console, idle_minutes=0.01) == 0
    assert len(browser.opened) == 1


def test_a_setting_to_correct_is_shown_in_the_browser(windows_without_console: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.open", browser)
    monkeypatch.setenv("DOCGEN_IDLE_MINUTES", "after lunch")
    assert app.main() == 1
    (page_uri,) = browser.opened
    page = windows_without_console / "problem.html"
    assert page_uri == page.resolve().as_uri()
    text = page.read_text("utf-8")
    assert "<h1>docgen could not start</h1>" in text
    assert "DOCGEN_IDLE_MINUTES is &#x27;after lunch&#x27;, not a number of minutes" in text
    assert str(windows_without_console / "docgen-app.log") in text
    log = (windows_without_console / "docgen-app.log").read_text("utf-8")
    assert "docgen-app could not start (DocgenError)" in log
    assert "after lunch" not in log


def test_an_unexpected_error_is_logged_without_personal_data(
        windows_without_console: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.open", browser)

    def fails(*args: object, **kwargs: object) -> str:
        raise ValueError("C:\\Users\\sjones\\Zofia Wiśniewska IEP.docx is odd")

    monkeypatch.setattr("docgen.web.server.serve", fails)
    assert app.main() == 1
    log = (windows_without_console / "docgen-app.log").read_text("utf-8")
    assert re.search(r"unexpected ValueError at test_app\.py:\d+ in fails <- app\.py:\d+ in run",
                     log)
    assert "Wiśniewska" not in log and "sjones" not in log
    text = (windows_without_console / "problem.html").read_text("utf-8")
    assert "<h1>docgen met a problem it did not expect</h1>" in text
    assert "Wiśniewska" not in text


def test_a_problem_on_a_page_is_shown_there_and_logged(windows_without_console: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_home() -> str:
        raise RuntimeError("Aisha Rahman")

    monkeypatch.setattr("docgen.web.app.home", broken_home)
    # If the browser below fails before pressing Stop, the idle clock still ends the server
    # within seconds: the test fails with the browser's error instead of hanging.
    monkeypatch.setattr("docgen.web.lifetime.idle_minutes_setting", lambda: 0.2)
    seen: list[tuple[int, str]] = []
    failures: list[BaseException] = []

    def browser(address: str, *args: object, **kwargs: object) -> bool:
        def use() -> None:
            opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            try:
                opener.open(address, timeout=60)
            except urllib.error.HTTPError as error:
                seen.append((error.code, error.read().decode()))
            check = opener.open(address.split("/?")[0] + "/check", timeout=60).read().decode()
            csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', check).group(1)
            opener.open(address.split("/?")[0] + "/stop",
                        urllib.parse.urlencode({"csrf": csrf}).encode(), timeout=60)

        def recorded() -> None:
            try:
                use()
            except BaseException as exc:  # the test reports it after the server has stopped
                failures.append(exc)

        threading.Thread(target=recorded, daemon=True).start()
        return True

    monkeypatch.setattr("webbrowser.open", browser)
    assert app.main() == 0
    assert not failures, failures
    (code, page), = seen
    assert code == 500 and "Something went wrong" in page
    log = (windows_without_console / "docgen-app.log").read_text("utf-8")
    assert "unexpected error in the web page: RuntimeError" in log
    assert "Aisha" not in log


def test_runs_even_where_no_log_can_be_written(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "AppData"
    blocked.write_text("a file where the folder should be", "utf-8")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(blocked))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.open", browser)
    assert app.main() == 0
    assert "<h1>docgen has stopped</h1>" in browser.pages[1]


FAKE_BROWSER = textwrap.dedent("""\
    import http.cookiejar, re, sys, urllib.parse, urllib.request
    address = sys.argv[1]
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    home = opener.open(address, timeout=60).read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', home).group(1)
    stopped = opener.open(address.split("/?")[0] + "/stop",
                          urllib.parse.urlencode({"csrf": csrf}).encode(), timeout=60).read()
    open(sys.argv[2], "wb").write(home.encode() + b"\\n----\\n" + stopped)
    """)


def test_the_installed_gui_script_runs_without_stdout_or_stderr(tmp_path: Path) -> None:
    """The docgen-app script pip installed, started with file descriptors 1 and 2 closed, so
    Python gives it sys.stdout = sys.stderr = None as pythonw does; $BROWSER is a script that
    uses the page and presses Stop docgen."""
    script = Path(sys.executable).parent / "docgen-app"
    if not script.is_file():
        pytest.skip("docgen is not installed in this environment (pip install -e .)")
    record = tmp_path / "browser-saw.html"
    browser = tmp_path / "browser.py"
    browser.write_text(FAKE_BROWSER, "utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state"),
           "BROWSER": f"{sys.executable} {browser} %s {record}"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    probe = ("import sys; open(sys.argv[1], 'w').write(repr((sys.stdout, sys.stderr)))")
    seen = tmp_path / "streams.txt"
    subprocess.run([sys.executable, "-c", probe, str(seen)], env=env, check=True,
                   preexec_fn=_close_output, timeout=30)
    assert seen.read_text() == "(None, None)"  # the simulation is faithful
    done = subprocess.run([str(script)], env=env, preexec_fn=_close_output, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0
    home, stopped = record.read_text("utf-8").split("\n----\n")
    assert "Stop docgen" in home and "docgen has stopped" in stopped
    log = (tmp_path / "state" / "docgen" / "docgen-app.log").read_text("utf-8")
    assert "docgen-app stopped (button)" in log


def _close_output() -> None:
    os.close(1)
    os.close(2)
