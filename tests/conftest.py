"""Fixtures and builders shared by the whole test suite.

Each area keeps its fixtures in its own section, headed ``# --- <area> fixtures``. Prefer
small builder functions (``make_document(**overrides)``) to piles of fixtures; tests import
them with ``from conftest import make_document``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bilateral.records import (
    Commitment,
    DocumentRecord,
    Engagement,
    Organization,
    Participant,
    SourceDocument,
    Span,
)
from bilateral.store import Store, open_store
from bilateral.store.tables import Base
from support.postgres import (
    URL_VARIABLE,
    PostgresServer,
    PostgresUnavailableError,
    external_server,
    start_server,
)

# --- suite options


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/extraction/golden/baseline.json from the current extractor",
    )


# --- store fixtures

REQUIRE_VARIABLE = "BILATERAL_REQUIRE_POSTGRES"

FIXED_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

READOUT = (
    "United States-Kazakhstan Enhanced Strategic Partnership Dialogue\n"
    "Washington, December 5, 2022. Assistant Secretary for South and Central Asian Affairs "
    "Donald Lu and First Deputy Foreign Minister Kairat Umarov co-chaired the annual "
    "Enhanced Strategic Partnership Dialogue (ESPD) in Washington. The delegations discussed "
    "regional security, nonproliferation and counterterrorism. The sides agreed to hold the "
    "next ESPD in 2023. The delegation also met with the Eurasia Foundation."
)


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def span_of(phrase: str, text: str = READOUT, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase))


def make_document(**overrides: Any) -> SourceDocument:
    """A source document; ``id`` defaults to the hash of ``text``."""
    values: dict[str, Any] = {
        "name": "espd-2022-state",
        "text": READOUT,
        "title": "U.S.-Kazakhstan Enhanced Strategic Partnership Dialogue",
        "published": date(2022, 12, 6),
        "source": "https://www.state.gov/espd-2022",
        "media_type": "text/plain",
    }
    values.update(overrides)
    values.setdefault("id", content_id(values["text"]))
    return SourceDocument(**values)


def make_participant(**overrides: Any) -> Participant:
    values: dict[str, Any] = {
        "name": "Donald Lu",
        "title": "Assistant Secretary for South and Central Asian Affairs",
        "organization": "U.S. Department of State",
        "country": "USA",
        "role": "head",
        "spans": [span_of("Donald Lu")],
    }
    return Participant(**(values | overrides))


def make_engagement(**overrides: Any) -> Engagement:
    """A fully populated engagement (every list filled, provenance on every kind of field)."""
    values: dict[str, Any] = {
        "kind": "dialogue",
        "mechanism": "United States-Kazakhstan Enhanced Strategic Partnership Dialogue",
        "mechanism_short": "ESPD",
        "round": None,
        "date": "2022-12-05",
        "city": "Washington",
        "country": "USA",
        "parties": ["KAZ", "USA"],
        "participants": [
            make_participant(),
            make_participant(
                name="Kairat Umarov",
                title="First Deputy Foreign Minister",
                organization="Ministry of Foreign Affairs of Kazakhstan",
                country="KAZ",
                spans=[span_of("Kairat Umarov")],
            ),
        ],
        "organizations": [
            Organization(name="Eurasia Foundation", spans=[span_of("Eurasia Foundation")])
        ],
        "topics": ["regional", "security.nonproliferation", "security.counterterrorism"],
        "commitments": [
            Commitment(
                text="hold the next ESPD in 2023",
                by=["KAZ", "USA"],
                due="2023",
                kind="meeting",
                spans=[span_of("hold the next ESPD in 2023")],
            )
        ],
        "provenance": {
            "kind": [span_of("Dialogue"), span_of("Dialogue", occurrence=1)],
            "date": [span_of("December 5, 2022")],
            "city": [span_of("Washington")],
            "party:USA": [span_of("United States")],
            "party:KAZ": [span_of("Kazakhstan")],
            "topic:security.nonproliferation": [span_of("nonproliferation")],
        },
    }
    return Engagement(**(values | overrides))


def make_record(document: SourceDocument, *engagements: Engagement) -> DocumentRecord:
    """The record of ``document``: the given engagements, or one default engagement."""
    return DocumentRecord(
        document=document.name, engagements=list(engagements) or [make_engagement()]
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server: the one ``BILATERAL_TEST_POSTGRES_URL`` names, else a
    throwaway one started here. Skips when PostgreSQL is not installed; a URL that does not
    work or a server that does not start is an error, not a skip."""
    url = os.environ.get(URL_VARIABLE)
    try:
        server = external_server(url) if url else start_server()
    except PostgresUnavailableError as exc:
        if os.environ.get(REQUIRE_VARIABLE):  # CI: the PostgreSQL half must run
            pytest.fail(f"{REQUIRE_VARIABLE} is set but there is no PostgreSQL: {exc}")
        pytest.skip(f"no PostgreSQL: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_store_database(postgres_server: PostgresServer) -> Iterator[str]:
    """One migrated PostgreSQL database for the session's ``store`` fixtures (emptied per test)."""
    name = postgres_server.create_database()
    open_store(postgres_server.url_for(name)).close()
    try:
        yield name
    finally:
        postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Each store test runs once per backend: ``sqlite``, then ``postgresql``."""
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database (not migrated) on each backend in turn."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'bilateral.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url_for(name)
    finally:
        server.drop_database(name)


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An open store on a clean, migrated database (clock fixed at ``FIXED_NOW``).

    SQLite: a new file per test. PostgreSQL: the session's database, every table of the
    models emptied first (ids keep counting up: do not rely on their values).
    """
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'store' / 'bilateral.db'}"
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        name: str = request.getfixturevalue("postgres_store_database")
        server.clear(name, [table.name for table in reversed(Base.metadata.sorted_tables)])
        url = server.url_for(name)
    with open_store(url, clock=lambda: FIXED_NOW) as opened:
        yield opened
