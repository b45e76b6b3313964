"""Starts the web page on this computer only, on a free port, and opens the browser."""

from __future__ import annotations

import ipaddress
import logging
import webbrowser

import click
from werkzeug.serving import WSGIRequestHandler, make_server

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
          max_upload_mb: int = 20) -> None:
    """Serve until Ctrl-C. Port 0 asks the system for a free port."""
    token = new_token()
    app = create_app(token, max_upload_mb=max_upload_mb)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server(host, port, app, request_handler=_QuietHandler)
    address = f"http://{host}:{server.server_port}/?{QUERY}={token}"
    click.echo(f"docgen is running. Open this address in your browser:\n\n  {address}\n")
    click.echo("Keep this window open while you work; press Ctrl-C to stop.")
    if open_browser:
        webbrowser.open(address)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
