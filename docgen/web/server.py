"""Starts the web page on this computer only, on a free port, and opens the browser."""

from __future__ import annotations

import ipaddress
import logging
import webbrowser
from collections.abc import Callable

import click
from werkzeug.serving import WSGIRequestHandler, make_server

from docgen.web import lifetime
from docgen.web.app import create_app
from docgen.web.security import QUERY, new_token

LOOPBACK = "127.0.0.1"


class _QuietHandler(WSGIRequestHandler):
    """Request logs without the query string, so the run's secret never reaches a log."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        self.log("info", '"%s %s" %s', self.command, path, code)


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(host: str = LOOPBACK, port: int = 0, *, open_browser: bool = True,
          max_upload_mb: int = 20, idle_minutes: float = lifetime.DEFAULT_IDLE_MINUTES,
          on_ready: Callable[[str], None] | None = None) -> str:
    """Serve until Ctrl-C, the page's Stop button, or ``idle_minutes`` with no page open (0:
    never); return why it stopped. Port 0 asks the system for a free port. ``on_ready`` gets
    the page's address once the server listens (the windowed app opens it and logs)."""
    token = new_token()
    app = create_app(token, max_upload_mb=max_upload_mb)
    ending = lifetime.Lifetime(idle_minutes)
    lifetime.install(app, ending)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server(host, port, app, request_handler=_QuietHandler)
    address = f"http://{host}:{server.server_port}/?{QUERY}={token}"
    click.echo(f"docgen is running. Open this address in your browser:\n\n  {address}\n")
    click.echo("Keep this window open while you work. To stop, press Stop docgen on the page "
               "or Ctrl-C here" + (f"; docgen also stops by itself after "
                                   f"{lifetime.minutes(idle_minutes)} with no docgen page open."
                                   if idle_minutes else "."))
    if on_ready is not None:
        on_ready(address)
    if open_browser:
        webbrowser.open(address)
    try:
        with ending.watching(server):
            server.serve_forever()
    except KeyboardInterrupt:
        ending.stop("ctrl-c")
    finally:
        server.server_close()
    click.echo({lifetime.BUTTON: "Stopped from the page.",
                lifetime.IDLE: f"Stopped after {lifetime.minutes(idle_minutes)} without use."}
               .get(ending.reason, "Stopped."))
    return ending.reason
