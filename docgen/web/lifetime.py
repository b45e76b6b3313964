"""How the page's server ends, so nothing is left running unseen: the page's "Stop docgen"
button (a POST with the run's token and CSRF token, like every form), or by itself after a
time without use. An open docgen page says it is still there once a minute (static/alive.js),
so working in Word for an hour does not stop it; closing the page lets the idle time run.

Self-contained: it needs only ``install(app, lifetime)`` after the token check is installed,
and ``lifetime.watching(server)`` around ``serve_forever`` (any werkzeug or socketserver
server, threaded or not: ``shutdown`` is called from a thread of its own).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

from flask import Flask, Response, g, render_template

from docgen.errors import DocgenError

IDLE_ENV = "DOCGEN_IDLE_MINUTES"
DEFAULT_IDLE_MINUTES = 60
ALIVE_SECONDS = 60  # how often an open page says so
BUTTON, IDLE = "button", "idle"
STOP_GRACE_SECONDS = 2.0  # time for the stopped page to reach the browser


class _Server(Protocol):
    def shutdown(self) -> None: ...


class Lifetime:
    """When the server should stop: when asked, or after ``idle_minutes`` without a request
    (0 or None: never by itself)."""

    def __init__(self, idle_minutes: float | None = DEFAULT_IDLE_MINUTES, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.idle_minutes = idle_minutes or 0
        self._clock = clock
        self._last = clock()
        self._stop = threading.Event()
        self.reason = ""

    def touch(self) -> None:
        self._last = self._clock()

    def stop(self, reason: str = BUTTON) -> None:
        self.reason = self.reason or reason
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def idle_too_long(self) -> bool:
        return bool(self.idle_minutes) and \
            self._clock() - self._last >= self.idle_minutes * 60

    def wait(self, poll_seconds: float) -> bool:
        """Wait up to ``poll_seconds``; True once the server should stop."""
        if self._stop.wait(poll_seconds):
            return True
        if self.idle_too_long():
            self.stop(IDLE)
        return self.stopping

    @contextlib.contextmanager
    def watching(self, server: _Server, poll_seconds: float = 1.0) -> Iterator[None]:
        """Shut ``server`` down from a watcher thread when it should stop; the ``with`` body
        runs ``serve_forever`` (Ctrl-C still ends it there)."""

        def watch() -> None:
            while not self.wait(poll_seconds):
                pass
            server.shutdown()

        watcher = threading.Thread(target=watch, name="docgen-lifetime", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            self._stop.set()  # the watcher ends even if serve_forever ended some other way


def minutes(count: float) -> str:
    return f"{count:g} minute{'' if count == 1 else 's'}"


def idle_minutes_setting(environ: Mapping[str, str] | None = None) -> int:
    """The idle time from DOCGEN_IDLE_MINUTES (whole minutes, 0 for never), else 60."""
    value = (os.environ if environ is None else environ).get(IDLE_ENV, "").strip()
    if not value:
        return DEFAULT_IDLE_MINUTES
    if not value.isdigit():
        raise DocgenError(f"{IDLE_ENV} is '{value}', not a number of minutes",
                          hint=f"Set {IDLE_ENV} to whole minutes (0 never stops by itself), "
                               "or remove it for the default of 60.")
    return int(value)


def install(app: Flask, lifetime: Lifetime) -> None:
    """The Stop button's page, the open page's 'still here', and the idle clock. Install
    after docgen.web.security: a request it refuses never reaches these."""
    app.config["LIFETIME"] = lifetime

    @app.before_request
    def _in_use() -> None:
        lifetime.touch()
        g.may_stop = True  # the token was accepted: this page can offer the Stop button

    @app.context_processor
    def _stop_button() -> dict[str, Any]:
        return {"can_stop": g.get("may_stop", False), "alive_seconds": ALIVE_SECONDS,
                "idle_time": minutes(lifetime.idle_minutes) if lifetime.idle_minutes else ""}

    app.add_url_rule("/stop", "stop", _stop, methods=["POST"])
    app.add_url_rule("/alive", "alive", _alive)


def _stop() -> Response:
    from flask import current_app

    lifetime: Lifetime = current_app.config["LIFETIME"]
    response = Response(render_template("stopped.html", can_stop=False))
    # after the page has been sent, so the browser shows it rather than a broken connection
    response.call_on_close(lambda: lifetime.stop(BUTTON))
    # werkzeug skips that when the browser drops the connection before the page is read
    # (its read of what is left raises first): the stop must not depend on the browser
    late = threading.Timer(STOP_GRACE_SECONDS, lifetime.stop, args=(BUTTON,))
    late.daemon = True
    late.start()
    return response


def _alive() -> Response:
    return Response(status=204)
