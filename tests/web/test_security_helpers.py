"""The page's origin checks, each case on its own."""

from __future__ import annotations

import pytest
from flask import Flask

from docgen.web.security import host_name, posted_from_here


@pytest.mark.parametrize(("host", "name"), [
    ("127.0.0.1:5000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:80", "::1"),
    ("[::1]x]:80", "::1"), ("[FE80::1]:80", "fe80::1"), ("fe80::1", "fe80::1")])
def test_the_host_name_without_its_port(host: str, name: str) -> None:
    assert host_name(host) == name


@pytest.mark.parametrize(("headers", "allowed"), [
    ({}, True),
    ({"Sec-Fetch-Site": "none"}, True),  # typed or bookmarked: the user's own request
    ({"Sec-Fetch-Site": "same-origin", "Origin": "null"}, True),
    ({"Origin": "null"}, False),
    ({"Sec-Fetch-Site": "cross-site"}, False),
    ({"Origin": "http://127.0.0.1:5000"}, True),
    ({"Origin": "http://evil.example"}, False),
    ({"Origin": "https://127.0.0.1:5000"}, False),
])
def test_a_post_from_this_page(headers: dict[str, str], allowed: bool) -> None:
    app = Flask(__name__)
    with app.test_request_context("/", method="POST", base_url="http://127.0.0.1:5000",
                                  headers=headers):
        assert posted_from_here() is allowed
