"""Resolving the store: meetings across reports, incremental updates, the corpus export."""

from __future__ import annotations

from datetime import date
from typing import Any

from bilateral.services.export import corpus_of
from bilateral.services.resolving import resolve_documents, resolve_store
from bilateral.store import Store
from support.readouts import store_readouts

TODAY = date(2026, 11, 23)


def snapshot(store: Store) -> dict[str, Any]:
    return {
        "meetings": [m.model_dump() for m in store.list_meetings(limit=1000)],
        "people": [p.model_dump() for p in store.list_people(limit=1000)],
        "mechanisms": [m.model_dump() for m in store.list_mechanisms()],
        "commitments": [c.model_dump() for c in store.list_commitments()],
    }


def test_two_reports_of_one_round_become_one_meeting(store: Store) -> None:
    store_readouts(store)
    report = resolve_store(store, today=TODAY)
    assert report.reports == 5
    meetings = {m.record.date: m for m in store.list_meetings()}
    assert sorted(meetings["2022-12-05"].document_names) == ["round-2022-news", "round-2022-state"]
    assert report.meetings == 4
    assert corpus_of(store)["same_event"] == [["round-2022-news", "round-2022-state"]]


def test_the_next_round_fulfils_the_commitment(store: Store) -> None:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    [made] = store.list_commitments()
    assert made.status == "fulfilled"
    assert made.links[0].document_names == ["round-2023"]
    assert corpus_of(store)["fulfillments"] == [
        {"document": "round-2022-state", "commitment": "hold the next round in 2023",
         "fulfilled_by": ["round-2023"]}
    ]  # fmt: skip


def test_without_the_next_round_the_commitment_is_overdue_or_open(store: Store) -> None:
    store_readouts(store, "round-2021", "round-2022-state")
    resolve_store(store, today=TODAY)
    assert [c.status for c in store.list_commitments()] == ["overdue"]
    resolve_store(store, today=date(2023, 6, 1))
    assert [c.status for c in store.list_commitments()] == ["open"]


def test_people_are_resolved_across_reports(store: Store) -> None:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    [lu] = store.list_people(name="Lu")
    assert lu.name == "Donald Lu"
    assert lu.mentions == 4
    assert len(store.get_person(lu.id).appearances) == 4
    [umarov] = store.list_people(name="Umarov")
    assert umarov.country == "KAZ"


def test_incremental_updates_equal_a_full_rebuild(store: Store) -> None:
    first = store_readouts(store, "round-2021", "round-2022-news", "call-2023")
    resolve_documents(store, first, today=TODAY)
    second = store_readouts(store, "round-2022-state", "round-2023")
    update = resolve_documents(store, second, today=TODAY)
    assert update.blocks == 1  # only KAZ-USA was touched
    incremental = snapshot(store)
    resolve_store(store, today=TODAY)
    assert snapshot(store) == incremental


def test_ingest_resolves_what_it_adds(store: Store) -> None:
    from bilateral.extraction import Extractor
    from bilateral.services.ingest import ingest_text

    text = (
        "Astana, 6 November 2023. First Deputy Foreign Minister Kairat Umarov and Assistant "
        "Secretary Donald Lu held the Enhanced Strategic Partnership Dialogue in Astana."
    )
    report = ingest_text(store, Extractor(), text, name="espd-2023", max_bytes=100_000)
    assert report.resolution is not None and report.resolution.meetings >= 1
    assert store.list_meetings()[0].document_names == ["espd-2023"]
    assert store.load_reports()[0].sketch is not None  # the MinHash is kept at ingest
