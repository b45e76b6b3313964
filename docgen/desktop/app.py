"""docgen-app: the windowed program a shortcut starts. It opens the page in the browser and
runs until the page's Stop button or the idle time ends it; there is no console window.

Under Windows' pythonw there is no stdout or stderr at all (sys.stdout is None), so nothing
may print: the app logs to a file in the user's local app-data folder instead, without
personal data (what happened and where in docgen, never an error's text, a file name or the
page's token), and shows any problem in the browser.
"""

from __future__ import annotations

import html
import logging
import logging.handlers
import os
import sys
import threading
import traceback
import webbrowser
from pathlib import Path
from types import TracebackType

from docgen.desktop.folders import log_dir

LOG_NAME = "docgen-app.log"
PROBLEM_PAGE = "problem.html"
log = logging.getLogger("docgen")


def main() -> int:
    """Start the page; return 0 when it was stopped, 1 when it could not run."""
    folder = log_dir()
    saved = sys.stdout, sys.stderr
    # Nothing a windowed program prints is seen, and the page's address carries its secret
    # token: everything printed goes nowhere, and the log says what matters.
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    handler = _log_to(folder)
    previous_hooks = sys.excepthook, threading.excepthook
    sys.excepthook = _log_uncaught
    threading.excepthook = lambda args: _log_uncaught(args.exc_type, args.exc_value,
                                                      args.exc_traceback)
    try:
        return run(folder)
    finally:
        sys.excepthook, threading.excepthook = previous_hooks
        log.removeHandler(handler)
        handler.close()
        sys.stdout.close()
        sys.stdout, sys.stderr = saved


def run(folder: Path, idle_minutes: float | None = None) -> int:
    from docgen import __version__
    from docgen.errors import DocgenError

    log.info("docgen-app %s started (Python %s, %s)", __version__,
             sys.version.split()[0], sys.platform)
    try:
        from docgen.web.lifetime import idle_minutes_setting
        from docgen.web.server import LOOPBACK, serve

        if idle_minutes is None:
            idle_minutes = idle_minutes_setting()
        reason = serve(LOOPBACK, 0, open_browser=False, idle_minutes=idle_minutes,
                       on_ready=_open_page)
    except DocgenError as exc:  # a setting to correct: its message is the user's own words
        log.error("docgen-app could not start (%s)", type(exc).__name__)
        show_problem(folder, "docgen could not start", exc.format_message())
        return 1
    except Exception as exc:  # the one place an unexpected error becomes a page, not a crash
        _log_uncaught(type(exc), exc, exc.__traceback__)
        show_problem(folder, "docgen met a problem it did not expect",
                     "Nothing you wrote was changed. Please send the log file named below to "
                     "whoever looks after docgen for you.")
        return 1
    log.info("docgen-app stopped (%s)", reason or "interrupted")
    return 0


def _open_page(address: str) -> None:
    """In a thread of its own: some browser launchers wait for the browser, which must not
    hold up the server it is about to ask for the page."""

    def open_it() -> None:
        if webbrowser.open(address):
            log.info("the page was opened in the browser")
        else:
            log.error("no browser could be opened for the page")

    threading.Thread(target=open_it, name="docgen-browser", daemon=True).start()


def show_problem(folder: Path, title: str, message: str) -> Path:
    """Write a small page saying what went wrong and open it in the browser: a windowed
    program has nowhere else to say it."""
    page = folder / PROBLEM_PAGE
    log_path = os.path.realpath(folder / LOG_NAME)  # the Store's Python redirects AppData
    lines = [html.escape(line) for line in message.splitlines()]
    page.write_text(
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} – docgen</title></head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{'<br>'.join(lines)}</p>\n"
        f"<p>docgen keeps a log, without any pupil's details, at "
        f"<code>{html.escape(log_path)}</code>.</p>\n</body></html>\n", encoding="utf-8")
    if not webbrowser.open(page.resolve().as_uri()):
        log.error("no browser could be opened to show a problem")
    return page


def _log_to(folder: Path) -> logging.Handler:
    """A small rotating log (three files of 256 KB at most); if the folder cannot be made,
    logging goes nowhere rather than stopping the app."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=256 * 1024, backupCount=2, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def _log_uncaught(kind: type[BaseException], error: BaseException | None,
                  trace: TracebackType | None) -> None:
    """An error's kind and where it happened in the code, never its text (which can hold a
    file or pupil's name)."""
    frames = [f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
              for frame in traceback.extract_tb(trace)]
    log.error("unexpected %s at %s", kind.__name__, " <- ".join(reversed(frames)) or "?")


if __name__ == "__main__":
    sys.exit(main())
