"""Fixtures for the web pages: a real SQLite store in tmp_path, a client, record builders."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI

from bilateral.app import create_app
from bilateral.records import (
    Commitment,
    DocumentRecord,
    Engagement,
    Participant,
    SourceDocument,
    Span,
)
from bilateral.settings import Settings
from bilateral.store import Store, open_store

with warnings.catch_warnings():
    # Starlette 1.x asks for httpx2 under its TestClient; httpx still works.
    warnings.filterwarnings("ignore", message=r".*install `httpx2` instead", category=Warning)
    from fastapi.testclient import TestClient

READOUT = (
    "On December 5, 2022, Assistant Secretary Donald Lu and First Deputy Foreign Minister "
    "Kairat Umarov co-chaired the United States-Kazakhstan Enhanced Strategic Partnership "
    "Dialogue (ESPD) in Washington. The delegations discussed regional security and "
    "nonproliferation.\n"
    "The sides agreed to hold the next ESPD in 2023 in Astana."
)


def span(text: str, fragment: str) -> Span:
    """The span of the first occurrence of ``fragment`` in ``text``."""
    start = text.index(fragment)
    return Span(start=start, end=start + len(fragment))


def build_document(text: str = READOUT, **overrides: Any) -> SourceDocument:
    values: dict[str, Any] = {
        "id": hashlib.sha256(text.encode()).hexdigest(),
        "name": "espd-2022.txt",
        "text": text,
        "title": "Joint Statement on the ESPD",
        "published": date(2022, 12, 7),
        "source": "https://example.org/espd-2022",
        "media_type": "text/plain",
    }
    values.update(overrides)
    return SourceDocument(**values)


def build_engagement(text: str = READOUT, **overrides: Any) -> Engagement:
    """The ESPD engagement of :data:`READOUT`, with provenance; override any field.

    Spans point at the fragments in ``text``; a fragment ``text`` lacks has no span.
    """

    def spans(fragment: str) -> list[Span]:
        return [span(text, fragment)] if fragment in text else []

    values: dict[str, Any] = {
        "kind": "dialogue",
        "mechanism": "United States-Kazakhstan Enhanced Strategic Partnership Dialogue",
        "mechanism_short": "ESPD",
        "date": "2022-12-05",
        "city": "Washington",
        "country": "USA",
        "parties": ["KAZ", "USA"],
        "participants": [
            Participant(
                name="Donald Lu",
                title="Assistant Secretary",
                organization="U.S. Department of State",
                country="USA",
                role="head",
                spans=spans("Donald Lu"),
            ),
            Participant(
                name="Kairat Umarov",
                title="First Deputy Foreign Minister",
                country="KAZ",
                role="head",
                spans=spans("Kairat Umarov"),
            ),
        ],
        "topics": ["security.nonproliferation"],
        "commitments": [
            Commitment(
                text="hold the next ESPD in 2023",
                by=["KAZ", "USA"],
                due="2023",
                kind="meeting",
                spans=spans("hold the next ESPD in 2023"),
            )
        ],
        "provenance": {
            "kind": spans("Dialogue"),
            "mechanism": spans("United States-Kazakhstan Enhanced Strategic Partnership Dialogue"),
            "date": spans("December 5, 2022"),
            "city": spans("Washington"),
            "topic:security.nonproliferation": spans("nonproliferation"),
        },
    }
    values["provenance"] = {key: found for key, found in values["provenance"].items() if found}
    values.update(overrides)
    return Engagement(**values)


def store_record(
    store: Store, document: SourceDocument, *engagements: Engagement
) -> SourceDocument:
    """Store ``document`` with ``engagements`` as its record."""
    record = DocumentRecord(document=document.id, engagements=list(engagements))
    store.add_document(document, record)
    return document


Add = Callable[..., SourceDocument]


@pytest.fixture
def readout() -> str:
    """A short readout that :func:`build_engagement`'s spans point into."""
    return READOUT


@pytest.fixture
def make_document() -> Callable[..., SourceDocument]:
    return build_document


@pytest.fixture
def make_engagement() -> Callable[..., Engagement]:
    return build_engagement


@pytest.fixture
def make_span() -> Callable[[str, str], Span]:
    return span


@pytest.fixture
def add(store: Store) -> Add:
    """``add(document, *engagements)`` stores a document with those engagements."""

    def add_to_store(document: SourceDocument, *engagements: Engagement) -> SourceDocument:
        return store_record(store, document, *engagements)

    return add_to_store


@pytest.fixture
def store(tmp_path: Any) -> Iterator[Store]:
    with open_store(f"sqlite:///{(tmp_path / 'web.db').as_posix()}") as opened:
        yield opened


@pytest.fixture
def app(store: Store, tmp_path: Any) -> FastAPI:
    return create_app(Settings(data_dir=tmp_path), store=store)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
