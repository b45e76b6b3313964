"""Each run of the page has its own secret: unguessable, and never the same twice."""

from __future__ import annotations

from docgen.web.app import create_app
from docgen.web.security import csrf_token


def test_a_run_without_a_given_token_makes_a_strong_one_of_its_own() -> None:
    tokens = {create_app().config["RUN_TOKEN"] for _ in range(5)}
    assert len(tokens) == 5
    # secrets.token_urlsafe(32): 32 random bytes, 43 characters of URL-safe base64
    assert all(len(token) >= 43 for token in tokens)
    app = create_app()
    client = app.test_client()
    assert client.get("/").status_code == 403
    assert client.get(f"/?token={app.config['RUN_TOKEN']}").status_code == 302


def test_form_tokens_differ_between_runs_and_are_not_the_run_token() -> None:
    first, second = csrf_token("run-one"), csrf_token("run-two")
    assert first != second and first == csrf_token("run-one")
    assert "run-one" not in first and len(first) == 64
