"""Adding documents from the browser: uploads and pasted text, each reported on its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bilateral.app import create_app
from bilateral.extraction import Extractor
from bilateral.services.extracting import make_extractor
from bilateral.settings import Settings
from bilateral.store import Store
from bilateral.web import upload

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
LIMIT = 2_000  # bytes of text per document in these tests

READOUT_A = (
    "Washington, December 5, 2022. Assistant Secretary Donald Lu and First Deputy Foreign "
    "Minister Kairat Umarov co-chaired the United States-Kazakhstan Enhanced Strategic "
    "Partnership Dialogue (ESPD) in Washington. The sides agreed to hold the next ESPD in 2023."
)
READOUT_B = (
    "Astana, March 1, 2023. Foreign Minister Murat Nurtleu spoke by phone with Foreign "
    "Minister Wang Yi of China. They discussed trade and transport links."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """One extractor for the module (building it takes a second)."""
    return make_extractor(Settings())


@pytest.fixture
def app(store: Store, tmp_path: Path, extractor: Extractor) -> FastAPI:
    application = create_app(Settings(data_dir=tmp_path, max_document_bytes=LIMIT), store=store)
    application.state.extractor = extractor
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def token(client: TestClient) -> str:
    return TOKEN.findall(client.get("/documents/new").text)[0]


Files = list[tuple[str, tuple[str, bytes, str]]]


def send(
    client: TestClient, files: Files | None = None, *, htmx: bool = False, **data: str
) -> object:
    """POST the upload form with a fresh token."""
    headers = {"HX-Request": "true"} if htmx else {}
    form = {"csrf_token": token(client), **data}
    return client.post("/documents/new", data=form, files=files or [], headers=headers)


def text_file(name: str, text: str) -> tuple[str, tuple[str, bytes, str]]:
    return ("files", (name, text.encode(), "text/plain"))


def test_the_form_uploads_with_htmx_or_plainly(client: TestClient) -> None:
    response = client.get("/documents/new")
    assert response.status_code == 200
    page = response.text
    assert 'enctype="multipart/form-data"' in page and 'action="/documents/new"' in page
    assert 'hx-post="/documents/new"' in page and 'hx-indicator="#upload-progress"' in page
    assert 'accept=".txt,.md,.html,.htm,.pdf"' in page and "multiple" in page
    assert '<label for="paste-text">' in page and "review.js" in page


def test_two_good_files_and_a_binary_one(client: TestClient, store: Store) -> None:
    files = [
        text_file("espd.txt", READOUT_A),
        ("files", ("scan.txt", b"\x00\x01\x02binary\x00" * 10, "text/plain")),
        text_file("call.md", READOUT_B),
    ]
    response = send(client, files)
    assert response.status_code == 200
    page = response.text
    assert "2 added, 0 already stored, 1 error." in page
    errors = re.findall(r'upload-outcome--error">(.*?)</li>', page, re.S)
    assert len(errors) == 1 and "scan.txt" in errors[0] and "binary" in errors[0]
    assert len(store.list_documents()) == 2
    assert len(re.findall(r'href="/documents/[0-9a-f]{64}"', page)) == 2


def test_a_file_already_stored_is_not_added_again(client: TestClient, store: Store) -> None:
    send(client, [text_file("espd.txt", READOUT_A)])
    page = send(client, [text_file("espd-copy.txt", READOUT_A)]).text
    assert "0 added, 1 already stored, 0 errors." in page
    assert len(store.list_documents()) == 1


def test_pasted_text_is_ingested_under_its_name(client: TestClient, store: Store) -> None:
    page = send(client, name="call-readout", text=READOUT_B).text
    assert "1 added" in page and "call-readout" in page
    (document,) = store.list_documents()
    assert document.name == "call-readout"


def test_oversized_files_are_errors_and_the_rest_goes_in(client: TestClient, store: Store) -> None:
    files = [
        text_file("long.txt", "word " * (LIMIT // 4)),  # text over the limit
        ("files", ("huge.pdf", b"%PDF" + b"0" * (LIMIT * 20), "application/pdf")),
        text_file("espd.txt", READOUT_A),
    ]
    response = send(client, files, name="pasted", text="x" * (LIMIT + 10))
    assert response.status_code == 200
    page = response.text
    assert "1 added, 0 already stored, 3 errors." in page
    assert "over the upload limit" in page and "over the limit" in page
    assert len(store.list_documents()) == 1


def test_unsupported_files_are_named_with_the_reason(client: TestClient) -> None:
    page = send(client, [("files", ("notes.docx", b"PK\x03\x04", "application/zip"))]).text
    assert "notes.docx" in page and ".docx files are not supported" in page


def test_nothing_chosen_is_refused(client: TestClient) -> None:
    response = send(client, name="empty", text="   ")
    assert response.status_code == 422
    assert "Choose at least one file" in response.text


def test_with_htmx_only_the_results_come_back(client: TestClient) -> None:
    response = send(client, [text_file("espd.txt", READOUT_A)], htmx=True)
    assert response.status_code == 200
    assert "<html" not in response.text and "1 added" in response.text


def test_document_text_is_shown_escaped(client: TestClient) -> None:
    text = READOUT_A + " <script>alert('x')</script> <img src=x onerror=alert(1)>"
    page = send(client, [text_file("<script>alert(2)</script>.txt", text)]).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    link = re.search(r'href="(/documents/[0-9a-f]+)"', page)
    assert link is not None
    document = client.get(link.group(1)).text
    assert "<script>alert" not in document and "<img src=x" not in document
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in document


def test_an_upload_without_the_token_is_refused(client: TestClient, store: Store) -> None:
    client.get("/documents/new")
    response = client.post("/documents/new", data={"name": "x", "text": READOUT_B})
    assert response.status_code == 403
    assert store.list_documents() == []


def test_the_extractor_is_built_once_and_kept(
    client: TestClient, app: FastAPI, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Settings] = []

    def build(settings: Settings) -> Extractor:
        built.append(settings)
        return extractor

    monkeypatch.setattr(upload, "make_extractor", build)
    del app.state.extractor
    send(client, name="a", text=READOUT_A)
    send(client, name="b", text=READOUT_B)
    assert len(built) == 1 and app.state.extractor is extractor
