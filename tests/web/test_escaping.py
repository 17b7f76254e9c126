"""Document text is data, never markup: hostile titles and texts stay escaped on every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

Build = Callable[..., Any]

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
HOSTILE = (
    f"Talks in Astana {SCRIPT} were held.\n"
    f"The delegation {IMG} met in Washington & agreed [to] meet again.\n"
    "A closing </div></pre><b>bold</b> line."
)
RAW = (SCRIPT, "<img", 'onerror="', "</pre><b>", "<b>bold")


def assert_escaped(html: str) -> None:
    for raw in RAW:
        assert raw not in html, raw
    # the only script elements are the two we ship
    assert len(re.findall(r"<script\b", html)) == 2


def test_no_page_renders_document_markup(
    client: TestClient,
    add: Build,
    make_document: Build,
    make_engagement: Build,
    make_span: Build,
) -> None:
    document = add(
        make_document(
            HOSTILE,
            title=f"Readout {SCRIPT} {IMG}",
            name=f"evil{IMG}.txt",
            source=f"https://example.org/?q={SCRIPT}",
        ),
        make_engagement(
            HOSTILE,
            mechanism=f"Dialogue {SCRIPT}",
            city=IMG,
            participants=[],
            commitments=[],
            provenance={
                "city": [make_span(HOSTILE, IMG)],
                "kind": [make_span(HOSTILE, SCRIPT)],
                "mechanism": [make_span(HOSTILE, "Talks in Astana <script>")],
            },
        ),
    )
    listed = client.get("/engagements").text
    [engagement_id] = {int(i) for i in re.findall(r"/engagements/(\d+)", listed)}
    pages = {
        "list": client.get("/engagements"),
        "engagement": client.get(f"/engagements/{engagement_id}"),
        "document": client.get(f"/documents/{document.id}"),
        "search": client.get("/search", params={"q": "alert"}),
        "search-query": client.get("/search", params={"q": SCRIPT}),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_escaped(response.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["document"].text
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in pages["engagement"].text
    assert "<mark>alert</mark>" in pages["search"].text
    assert "&lt;script&gt;" in pages["search"].text


def test_error_pages_escape_what_the_user_typed(client: TestClient) -> None:
    response = client.get(f"/documents/{SCRIPT}")
    assert response.status_code == 404
    assert_escaped(response.text)
