"""The home page: what changed, what is due, where most meetings are."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from bilateral.records import Commitment
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.web import meetings as meetings_module

TESTS = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)


def load_readouts(config: pytest.Config) -> ModuleType:
    """``support.readouts``. It imports the suite's top ``conftest`` by name, which under
    ``tests/web`` is this folder's: the top one is lent to it while it loads."""
    if "support.readouts" in sys.modules:
        return sys.modules["support.readouts"]
    top = next(plugin for plugin in config.pluginmanager.get_plugins()
               if getattr(plugin, "__file__", None) == str(TESTS / "conftest.py"))  # fmt: skip
    local = sys.modules.get("conftest")
    sys.modules["conftest"] = top
    try:
        return importlib.import_module("support.readouts")
    finally:
        if local is not None:
            sys.modules["conftest"] = local


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meetings_module, "today", lambda: TODAY)


@pytest.fixture
def resolved(store: Store, request: pytest.FixtureRequest) -> Store:
    """The readouts, and two more rounds: one committing to 2027 (open, due next year), one
    to 2024 (overdue: nothing followed)."""
    readouts = load_readouts(request.config)
    readouts.store_readouts(store)
    store.add_documents([
        readouts.readout("round-2025", "Washington hosted the sixth round in 2025.",
                         date="2025-10-01", round=6, commitments=[Commitment(
                             text="sign a visa agreement by 2027", by=["KAZ", "USA"],
                             due="2027", kind="agreement")]),
        readouts.readout("call-2023-bis", "The ministers spoke again.", kind="call",
                         mechanism=None, date="2023-05-01", city=None, country=None,
                         parties=["CHN", "KAZ"], participants=[], commitments=[Commitment(
                             text="open a consulate in 2024", by=["CHN"], due="2024")]),
    ])  # fmt: skip
    resolve_store(store, today=TODAY)
    return store


def test_empty_store_explains_how_to_start(client: TestClient) -> None:
    page = client.get("/").text
    assert "Nothing here yet" in page
    assert "bilateral ingest PATH" in page
    assert 'href="/documents/new"' in page
    assert '<a class="brand" href="/">bilateral</a>' in page


def test_home_lists_what_changed(client: TestClient, resolved: Store) -> None:
    page = client.get("/").text
    assert "7 documents reporting 6 meetings." in page
    recent = section(page, "recent-heading")
    documents = re.findall(r'href="/documents/([0-9a-f]{64})"', recent)
    newest = [
        d.id
        for d in resolved.list_documents(limit=100)
        if d.name in ("round-2025", "call-2023-bis")
    ]
    assert set(documents[:2]) == set(newest)  # the documents added last come first
    assert len(documents) == 7
    # each with the meeting it reports
    meeting = resolved.meeting_id_of(newest[0], 0)
    assert meeting is not None
    assert f'href="/meetings/{meeting}"' in recent
    assert 'href="/engagements">All reports</a>' in recent


def test_home_lists_commitments_due_and_overdue(client: TestClient, resolved: Store) -> None:
    page = client.get("/").text
    due = section(page, "due-heading")
    assert "Open commitments due in 2026 or 2027." in due
    assert "sign a visa agreement by 2027" in due
    assert "due <strong>2027</strong>" in due
    assert "open a consulate" not in due
    assert 'href="/commitments?status=open"' in due
    overdue = section(page, "overdue-heading")
    assert "open a consulate in 2024" in overdue
    assert '<span class="status status--overdue">overdue</span>' in overdue
    assert "All 1 overdue commitment</a>" in overdue
    [late] = resolved.list_commitments(status="overdue")
    assert f'href="/meetings/{late.meeting_id}"' in overdue


def test_home_counts_pairs_and_mechanisms(client: TestClient, resolved: Store) -> None:
    page = client.get("/").text
    pairs = section(page, "pairs-heading")
    assert re.search(r'href="/meetings\?pair=KAZ-USA">.*?</a> <span class="count">4</span>',
                     pairs)  # fmt: skip
    assert re.search(r'href="/meetings\?pair=CHN-KAZ">.*?</a> <span class="count">2</span>',
                     pairs)  # fmt: skip
    assert pairs.index("KAZ-USA") < pairs.index("CHN-KAZ")
    mechanisms = section(page, "mechanisms-heading")
    espd = next(m for m in resolved.list_mechanisms(block="KAZ-USA"))
    assert f'href="/mechanisms/{quote(espd.id)}">{espd.name}</a> <span class="count">4</span>' in (
        mechanisms
    )
    assert 'href="/mechanisms">All mechanisms</a>' in mechanisms


def test_commitments_list_by_status(
    client: TestClient, resolved: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = client.get("/commitments").text
    assert "3 commitments" in everything
    overdue = client.get("/commitments", params={"status": "overdue"}).text
    assert "1 commitment, latest due first." in overdue
    assert "open a consulate in 2024" in overdue and "visa agreement" not in overdue
    monkeypatch.setattr(meetings_module, "PER_PAGE", 2)
    first = client.get("/commitments").text
    assert "Page 1 of 2." in first
    assert 'rel="next" href="/commitments?page=2"' in first
    for bad in ("status=lost", "page=0", "page=x"):
        response = client.get(f"/commitments?{bad}")
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("text/html")
