"""Records round-trip with their provenance; re-extraction replaces them; export streams them."""

from __future__ import annotations

import pytest

from bilateral.errors import NotFound, StoreError
from bilateral.records import Commitment, DocumentRecord, Engagement, Organization, Span
from bilateral.store import Store
from conftest import make_document, make_engagement, make_participant, make_record


def test_record_round_trips_with_provenance(store: Store) -> None:
    document = make_document()
    record = make_record(
        document,
        make_engagement(),
        make_engagement(kind="meeting", mechanism=None, date="2022-12", round=3),
        Engagement(),  # every field at its default
    )
    store.add_document(document, record)

    assert store.get_record(document.id) == record
    assert store.get_record(document.id).to_spec(with_provenance=True) == record.to_spec(
        with_provenance=True
    )


def test_round_trip_keeps_order_duplicates_and_empty_span_lists(store: Store) -> None:
    document = make_document()
    engagement = make_engagement(
        parties=["USA", "KAZ", "USA"],
        topics=["trade", "energy", "trade"],
        participants=[
            make_participant(name="Zed", role="member", spans=[]),
            make_participant(name="Amy", role="counterpart", title=None, organization=None),
            make_participant(name="Amy", spans=[Span(start=5, end=5), Span(start=1, end=2)]),
        ],
        organizations=[Organization(name="B"), Organization(name="A", country="KAZ")],
        commitments=[
            Commitment(text="x", by=[], spans=[Span(start=0, end=1), Span(start=0, end=1)]),
            Commitment(text="y", by=["USA"], kind="agreement", due="next year"),
        ],
        provenance={
            "date": [Span(start=9, end=12), Span(start=0, end=3)],
            "mechanism": [],  # a field with an empty span list survives
            "participant": [Span(start=1, end=2)],  # a key named like a list field
            "party:EU": [Span(start=4, end=6)],
        },
    )
    record = DocumentRecord(document="another label", engagements=[engagement])
    store.add_document(document, record)

    assert store.get_record(document.id) == record


def test_replace_record_keeps_ids_of_surviving_engagements(store: Store) -> None:
    document = make_document()
    store.add_document(
        document, make_record(document, make_engagement(), make_engagement(), make_engagement())
    )
    before = store.get_document(document.id).engagement_ids

    replacement = make_record(
        document, make_engagement(city="Astana", provenance={}), make_engagement(kind="call")
    )
    store.replace_record(document.id, replacement, extractor_version="rules-2")

    after = store.get_document(document.id)
    assert after.engagement_ids == before[:2]
    assert after.extractor_version == "rules-2"
    assert store.get_record(document.id) == replacement
    assert store.count_engagements() == 2
    with pytest.raises(NotFound):
        store.get_engagement(before[2])


def test_replace_record_can_grow_and_empty(store: Store) -> None:
    document = make_document()
    store.add_document(document, make_record(document))
    grown = make_record(document, make_engagement(), make_engagement(date="2023"))

    store.replace_record(document.id, grown)
    assert store.get_record(document.id) == grown
    store.replace_record(document.id, DocumentRecord(document=document.name))
    assert store.get_record(document.id) == DocumentRecord(document=document.name)
    assert store.count_engagements() == 0


def test_replace_record_is_atomic(store: Store) -> None:
    document = make_document()
    original = make_record(document)
    store.add_document(document, original, extractor_version="v1")
    broken = make_engagement(provenance={"date": [Span(start=4, end=1)]})

    with pytest.raises(StoreError):
        store.replace_record(document.id, make_record(document, make_engagement(), broken))

    assert store.get_record(document.id) == original
    assert store.get_document(document.id).extractor_version == "v1"


def test_replace_record_of_unknown_document_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.replace_record("nope", DocumentRecord(document="nope"))


def test_iter_records_streams_everything_by_name(store: Store) -> None:
    names = ["delta", "alpha", "charlie", "bravo", "echo"]
    records = {}
    for i, name in enumerate(names):
        document = make_document(name=name, text=f"text {name}")
        records[name] = make_record(document, *[make_engagement(round=j) for j in range(i)])
        store.add_document(document, records[name])

    listed = list(store.iter_records(batch_size=2))

    assert [stored.name for stored, _ in listed] == sorted(names)
    for stored, record in listed:
        assert record == records[stored.name]
        assert len(stored.engagement_ids) == len(record.engagements)
        assert stored.text == ""
    with_text = next(store.iter_records(with_text=True))
    assert with_text[0].text == "text alpha"


def test_iter_records_of_an_empty_store(store: Store) -> None:
    assert list(store.iter_records()) == []
