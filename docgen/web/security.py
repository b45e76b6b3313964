"""Per-run secret token (URL once, then a cookie) and CSRF tokens for every form."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Flask, Response, abort, redirect, request

COOKIE = "docgen_token"
QUERY = "token"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(run_token: str) -> str:
    """A form token derived from the run's secret: another page cannot know it."""
    return hmac.new(run_token.encode(), b"csrf", hashlib.sha256).hexdigest()


def install(app: Flask, run_token: str) -> None:
    """Refuse every request without the run's token; move the token from the URL to a cookie."""

    @app.before_request
    def _require_token() -> Response | None:
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
