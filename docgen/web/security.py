"""Per-run secret token (URL once, then a cookie), CSRF tokens for every form, the Host and
Origin of every request checked (so another site, or a DNS name rebound to this computer,
cannot drive the page), and headers that keep the pages out of frames, caches and referrers."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Flask, Response, abort, redirect, request

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
HEADERS = {
    # Only the page's own files run or load: its one script (alive.js, which tells docgen
    # once a minute that the page is open and shows when docgen has stopped) and the
    # address it asks; no inline script or style. Downloads are data: links (navigation,
    # which the policy does not govern).
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; connect-src 'self'; "
                               "style-src 'self'; img-src 'self' data:; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

COOKIE = "docgen_token"
QUERY = "token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(run_token: str) -> str:
    """A form token derived from the run's secret: another page cannot know it."""
    return hmac.new(run_token.encode(), b"csrf", hashlib.sha256).hexdigest()


def host_name(host: str) -> str:
    """The name in a Host header or URL netloc, without the port ('[::1]:80' -> '::1')."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


def same_origin(origin: str, host: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme == "http" and parts.netloc.lower() == host.lower()


def posted_from_here() -> bool:
    """A form posted by this page itself. With 'Referrer-Policy: no-referrer' browsers send
    'Origin: null' even for the page's own forms, so the browser's Sec-Fetch-Site (which
    every current browser sends) decides then; an origin that is given must be this one."""
    origin = request.headers.get("Origin")
    site = request.headers.get("Sec-Fetch-Site")
    if origin not in (None, "null") and not same_origin(origin, request.host):
        return False
    if site is not None and site not in ("same-origin", "none"):
        return False
    return not (origin == "null" and site != "same-origin")


def install(app: Flask, run_token: str, hosts: Iterable[str] = ()) -> None:
    """Refuse every request without the run's token, or addressed to another host name, or
    posted from another origin; move the token from the URL to a cookie."""
    allowed = LOOPBACK_NAMES | {host_name(h) for h in hosts}

    @app.after_request
    def _protect(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.before_request
    def _require_token() -> Response | None:
        if host_name(request.host) not in allowed:
            abort(403)
        if request.method == "POST" and not posted_from_here():
            abort(403)
        if request.endpoint == "static":
            return None
        given = request.args.get(QUERY)
        if given is not None:
            if not hmac.compare_digest(given, run_token):
                abort(403)
            # Keep the secret out of the address bar, history and logs from now on.
            response = redirect(request.path)
            response.set_cookie(COOKIE, run_token, httponly=True, samesite="Strict",
                                path="/")
            return response
        if not hmac.compare_digest(request.cookies.get(COOKIE, ""), run_token):
            abort(403)
        if request.method == "POST":
            limit = request.max_content_length
            if limit is not None and (request.content_length or 0) > limit:
                abort(413)  # before any parsing, so no temporary file is ever started
            sent = request.form.get("csrf", "")
            if not hmac.compare_digest(sent, csrf_token(run_token)):
                abort(403)
        return None
