"""Starts the web page on this computer only, on a free port, and opens the browser."""

from __future__ import annotations

import ipaddress
import logging
import webbrowser
from collections.abc import Callable

import click
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from docgen.web import lifetime
from docgen.web.app import create_app
from docgen.web.scratch import run_folder
from docgen.web.security import QUERY, new_token

LOOPBACK = "127.0.0.1"


SOCKET_TIMEOUT = 30  # seconds a connection may wait on the client, idle or mid-upload


class _QuietHandler(WSGIRequestHandler):
    """Request logs without the query string, so the run's secret never reaches a log; a
    malformed request gets its 400 and one plain log line, never a traceback; a connection
    that sends nothing is dropped after SOCKET_TIMEOUT (socketserver applies ``timeout``)."""

    timeout = SOCKET_TIMEOUT

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # path and command are not set when the request line could not be parsed
        path = getattr(self, "path", "").split("?", 1)[0]
        self.log("info", '"%s %s" %s', getattr(self, "command", "-") or "-", path, code)

    def log_error(self, format: str, *args: object) -> None:
        # The base logs the raw request line, which may hold the run's token.
        if format.startswith("code") and args:
            self.log("error", "refused a malformed request (HTTP %s)", args[0])
        else:
            self.log("error", "dropped a request (%s)", format.split(":")[0])


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def make_app_server(host: str, port: int, app: object) -> BaseWSGIServer:
    """A server that answers each connection in its own thread (one idle or slow browser
    never holds up the page) with socket timeouts."""
    return make_server(host, port, app, threaded=True,  # type: ignore[arg-type]
                       request_handler=_QuietHandler)


def serve(host: str = LOOPBACK, port: int = 0, *, open_browser: bool = True,
          max_upload_mb: int = 20, idle_minutes: float = lifetime.DEFAULT_IDLE_MINUTES,
          on_ready: Callable[[str], None] | None = None) -> str:
    """Serve until Ctrl-C, the page's Stop button, or ``idle_minutes`` with no page open (0:
    never); return why it stopped. Port 0 asks the system for a free port. ``on_ready`` gets
    the page's address once the server listens (the windowed app opens it and logs)."""
    token = new_token()
    run_folder()  # removes what a server that died mid-request left behind
    app = create_app(token, max_upload_mb=max_upload_mb, hosts=(host,))
    ending = lifetime.Lifetime(idle_minutes)
    lifetime.install(app, ending)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_app_server(host, port, app)
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
