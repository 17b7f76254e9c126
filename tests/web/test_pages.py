"""The server-rendered pages over a real SQLite store."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilateral.web import routes

Build = Callable[..., Any]


def engagement_ids(client: TestClient) -> list[int]:
    """The engagement ids linked from the list, in order."""
    found = re.findall(r'href="/engagements/(\d+)"', client.get("/engagements").text)
    return list(dict.fromkeys(int(i) for i in found))


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_empty_store_explains_how_to_ingest(client: TestClient) -> None:
    response = client.get("/engagements")
    assert response.status_code == 200
    assert "No engagements yet" in response.text
    assert "bilateral ingest PATH" in response.text
    assert 'action="/search"' in response.text


def test_list_shows_each_engagement(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build
) -> None:
    document = add(make_document(), make_engagement())
    page = client.get("/engagements").text
    assert "1 engagement," in page
    assert "2022-12-05" in page
    assert "United States-Kazakhstan Enhanced Strategic Partnership Dialogue" in page
    assert '<abbr title="Kazakhstan">KAZ</abbr>, <abbr title="United States">USA</abbr>' in page
    assert "Washington, <abbr" in page
    assert "Donald Lu; Kairat Umarov" in page
    assert f'href="/documents/{document.id}">espd-2022.txt</a>' in page
    assert ">dialogue</span>" in page


def test_list_is_newest_first_and_paginated(
    client: TestClient,
    add: Build,
    make_document: Build,
    make_engagement: Build,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(routes, "PER_PAGE", 2)
    for year in (2019, 2023, 2021):
        text = f"The sides met in Astana in {year}."
        add(
            make_document(text, name=f"{year}.txt"),
            make_engagement(text, date=str(year), participants=[], commitments=[], provenance={}),
        )
    first = client.get("/engagements").text
    assert first.index("2023.txt") < first.index("2021.txt")
    assert "2019.txt" not in first
    assert "Page 1 of 2" in first
    assert 'rel="next" href="/engagements?page=2"' in first
    second = client.get("/engagements?page=2").text
    assert "2019.txt" in second and "2023.txt" not in second
    assert 'rel="prev" href="/engagements?page=1"' in second
    past_the_end = client.get("/engagements?page=9")
    assert past_the_end.status_code == 200
    assert "Back to the first page" in past_the_end.text


@pytest.mark.parametrize("page", ["0", "-1", "two"])
def test_bad_page_number_is_a_400_page(client: TestClient, page: str) -> None:
    response = client.get(f"/engagements?page={page}")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "This request does not make sense" in response.text
    assert "Traceback" not in response.text


def test_engagement_page_shows_every_field_with_its_sentence(
    client: TestClient,
    add: Build,
    make_document: Build,
    make_engagement: Build,
    readout: str,
    make_span: Build,
) -> None:
    document = add(make_document(), make_engagement())
    [engagement_id] = engagement_ids(client)
    page = client.get(f"/engagements/{engagement_id}").text
    for value in (
        "United States-Kazakhstan Enhanced Strategic Partnership Dialogue (ESPD)",
        "2022-12-05",
        "Washington",
        "Assistant Secretary",
        "U.S. Department of State",
        "First Deputy Foreign Minister",
        "security.nonproliferation",
        "hold the next ESPD in 2023",
        "<dt>Due</dt><dd>2023</dd>",
        "<dt>Kind</dt><dd>meeting</dd>",
    ):
        assert value in page
    # fields the record leaves empty are listed as such
    round_row = page[page.index('data-label="Field">Round</th>') :]
    assert round_row.index("not stated") < round_row.index("</tr>")
    city = make_span(readout, "Washington")
    # the source sentence of the city, expanded to its boundaries, with the span marked
    city_excerpt = (
        '<span class="evidence__text">On December 5, 2022, Assistant Secretary Donald Lu and '
        "First Deputy Foreign Minister Kairat Umarov co-chaired the United States-Kazakhstan "
        "Enhanced Strategic Partnership Dialogue (ESPD) in "
        f'<mark data-field="city" data-start="{city.start}" data-end="{city.end}">'
        "Washington</mark>.</span>"
    )
    assert city_excerpt in page
    # the commitment's sentence starts after the line break
    assert '<span class="evidence__text">The sides agreed to <mark data-field="commitment:1"' in (
        page
    )
    # a keyboard-accessible link to the span in the document text
    assert (
        f'<a class="src-link" href="#document-text" data-start="{city.start}" data-end="{city.end}"'
    ) in page
    # the whole text with the engagement's spans marked
    text_block = page[page.index('id="document-text"') :]
    assert 'data-field="participant:Kairat Umarov"' in text_block
    assert f'data-start="{city.start}"' in text_block
    assert f'href="/documents/{document.id}"' in page


def test_engagement_page_lists_fields_without_provenance(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build
) -> None:
    add(make_document(), make_engagement(provenance={}, round=3, date_end="2022-12-06"))
    [engagement_id] = engagement_ids(client)
    page = client.get(f"/engagements/{engagement_id}").text
    assert "no source span" in page
    assert '<th scope="row" data-label="Field">Round</th>' in page
    assert "2022-12-05 – 2022-12-06" in page


def test_engagement_page_survives_spans_out_of_range(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build
) -> None:
    from bilateral.records import Span

    bad = {"city": [Span(start=5000, end=5010)], "kind": [Span(start=3, end=3)]}
    add(make_document(), make_engagement(provenance=bad))
    [engagement_id] = engagement_ids(client)
    response = client.get(f"/engagements/{engagement_id}")
    assert response.status_code == 200
    assert 'data-start="5000"' not in response.text


@pytest.mark.parametrize("path", ["/engagements/999", "/documents/nope", "/no/such/page"])
def test_missing_things_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


def test_missing_engagement_page_says_what_is_missing(client: TestClient) -> None:
    assert "no engagement with id 999" in client.get("/engagements/999").text
    assert client.get("/engagements/not-a-number").status_code == 404


def test_document_page(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build, readout: str
) -> None:
    document = add(make_document(), make_engagement(), make_engagement(kind="meeting"))
    page = client.get(f"/documents/{document.id}").text
    assert "<h1>Joint Statement on the ESPD</h1>" in page
    assert "2022-12-07" in page
    assert '<a href="https://example.org/espd-2022" rel="noopener noreferrer nofollow">' in page
    assert "<code>text/plain</code>" in page
    assert f'<div class="doc-text">{readout}</div>' in page
    assert len(re.findall(r'href="/engagements/\d+"', page)) == 2


def test_document_page_does_not_link_unsafe_sources(
    client: TestClient, add: Build, make_document: Build
) -> None:
    document = add(make_document(source="javascript:alert(1)", title=None))
    page = client.get(f"/documents/{document.id}").text
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page
    assert "<h1>espd-2022.txt</h1>" in page
    assert "No engagements were found" in page


def test_search_page(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build
) -> None:
    document = add(make_document(), make_engagement())
    page = client.get("/search", params={"q": "nonproliferation"}).text
    assert "1 document match <strong>nonproliferation</strong>" in page
    assert "<mark>nonproliferation</mark>" in page
    assert f'href="/documents/{document.id}">Joint Statement on the ESPD</a>' in page
    assert 'value="nonproliferation"' in page


def test_search_without_query_or_hits(
    client: TestClient, add: Build, make_document: Build, make_engagement: Build
) -> None:
    add(make_document(), make_engagement())
    assert "Type a word" in client.get("/search").text
    assert "Type a word" in client.get("/search?q=%20%20").text
    assert "No documents match <strong>zanzibar</strong>" in client.get("/search?q=zanzibar").text


def test_static_files_and_vendored_htmx(client: TestClient) -> None:
    page = client.get("/").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["/static/vendor/htmx-2.0.11.min.js", "/static/app.js"]
    for url in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert not url.startswith(("//", "http:", "https:")), url  # no CDN
    for url in [*scripts, "/static/app.css"]:
        assert client.get(url).status_code == 200
    assert "htmx" in client.get(scripts[0]).text[:2000]
    readme = Path(routes.__file__).parent / "static" / "vendor" / "README.md"
    notes = readme.read_text(encoding="utf-8")
    assert "2.0.11" in notes and "0BSD" in notes


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/engagements/1"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
