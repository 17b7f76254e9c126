"""Storing, reading, listing and deleting documents."""

from __future__ import annotations

import pytest

from bilateral.errors import NotFound, StoreError, ValidationError
from bilateral.records import DocumentRecord, Span
from bilateral.store import Store
from conftest import (
    FIXED_NOW,
    make_document,
    make_engagement,
    make_participant,
    make_record,
    span_of,
)


def test_add_document_stores_document_and_engagements(store: Store) -> None:
    document = make_document()
    record = make_record(document, make_engagement(), make_engagement(kind="meeting"))

    assert store.add_document(document, record, extractor_version="rules-1") is True

    stored = store.get_document(document.id)
    assert stored.model_dump(exclude={"engagement_ids", "ingested_at", "extractor_version"}) == (
        document.model_dump()
    )
    assert stored.ingested_at == FIXED_NOW
    assert stored.extractor_version == "rules-1"
    assert len(stored.engagement_ids) == 2
    assert store.has_document(document.id)
    assert (store.count_documents(), store.count_engagements()) == (1, 2)


def test_add_document_twice_is_a_no_op(store: Store) -> None:
    document = make_document()
    assert store.add_document(document, make_record(document), extractor_version="v1")

    again = make_record(document, make_engagement(), make_engagement())
    assert store.add_document(document, again, extractor_version="v2") is False

    assert store.count_engagements() == 1
    assert store.get_document(document.id).extractor_version == "v1"
    assert store.get_record(document.id) == make_record(document)


def test_a_failure_mid_insert_leaves_nothing(store: Store) -> None:
    document = make_document()
    # The spans are written last; an inverted span breaks the span_range check there.
    broken = make_engagement(provenance={"city": [Span(start=9, end=3)]})
    record = make_record(document, make_engagement(), broken)

    with pytest.raises(StoreError) as raised:
        store.add_document(document, record)

    assert type(raised.value) is StoreError  # translated, not a SQLAlchemy error
    assert "could not store document" in str(raised.value)
    assert not store.has_document(document.id)
    assert (store.count_documents(), store.count_engagements()) == (0, 0)
    assert store.search("Kazakhstan") == []
    # and the store still works afterwards
    assert store.add_document(document, make_record(document))


def test_unicode_text_and_values_round_trip(store: Store) -> None:
    text = "Астана, 5 декабря. Министр Ержан Ашикбаев и Tokáyev 🤝 встретились в Нур-Султане."
    document = make_document(name="встреча-2022", text=text, title="Встреча в Астане")
    engagement = make_engagement(
        city="Астана",
        participants=[make_participant(name="Ержан Ашикбаев", spans=[span_of("Ержан", text)])],
        provenance={"city": [Span(start=0, end=6)]},
    )
    store.add_document(document, make_record(document, engagement))

    assert store.get_document(document.id).text == text
    assert store.get_record(document.id).engagements == [engagement]
    assert store.find_document("встреча-2022").id == document.id


@pytest.mark.parametrize("missing", ["nope", "", "nul\x00id", "x" * 1000])
def test_unknown_ids_are_not_found(store: Store, missing: str) -> None:
    with pytest.raises(NotFound):
        store.get_document(missing)
    with pytest.raises(NotFound):
        store.get_record(missing)
    with pytest.raises(NotFound):
        store.delete_document(missing)
    with pytest.raises(NotFound):
        store.replace_record(missing, DocumentRecord(document="x"))
    if missing.strip():
        with pytest.raises(NotFound):
            store.find_document(missing)
    assert store.has_document(missing) is False


def test_list_documents_by_name_without_text(store: Store) -> None:
    for name in ("b-doc", "a-doc", "c-doc"):
        document = make_document(name=name, text=f"text of {name}")
        store.add_document(document, make_record(document))

    listed = store.list_documents(limit=2)
    assert [d.name for d in listed] == ["a-doc", "b-doc"]
    assert all(d.text == "" and len(d.engagement_ids) == 1 for d in listed)
    assert [d.name for d in store.list_documents(limit=2, offset=2)] == ["c-doc"]
    assert store.list_documents(limit=10, offset=5) == []


def test_find_document_by_id_name_or_prefix(store: Store) -> None:
    first = make_document(name="first", text="one")
    second = make_document(name="second", text="two")
    for document in (first, second):
        store.add_document(document, make_record(document))

    assert store.find_document(first.id).name == "first"
    assert store.find_document("second").id == second.id
    assert store.find_document(second.id[:8]).name == "second"
    assert store.find_document("first").text == "one"
    with pytest.raises(NotFound):
        store.find_document("third")
    with pytest.raises(NotFound):
        store.find_document("%%%%%%%%")
    with pytest.raises(ValidationError):
        store.find_document("  ")


def test_find_document_with_shared_name_is_ambiguous(store: Store) -> None:
    for text in ("one", "two"):
        document = make_document(name="same", text=text)
        store.add_document(document, make_record(document))

    with pytest.raises(ValidationError) as raised:
        store.find_document("same")
    assert raised.value.code == "ambiguous"


def test_delete_document_cascades(store: Store) -> None:
    kept = make_document(name="kept", text="Kazakhstan kept")
    gone = make_document(name="gone", text="Kazakhstan gone")
    store.add_document(kept, make_record(kept))
    store.add_document(gone, make_record(gone, make_engagement(), make_engagement()))
    gone_ids = store.get_document(gone.id).engagement_ids

    store.delete_document(gone.id)

    assert not store.has_document(gone.id)
    assert store.count_engagements() == 1
    for engagement_id in gone_ids:
        with pytest.raises(NotFound):
            store.get_engagement(engagement_id)
    assert [hit.document_name for hit in store.search("Kazakhstan")] == ["kept"]
    assert store.get_record(kept.id) == make_record(kept)
    with pytest.raises(NotFound):
        store.delete_document(gone.id)


def test_postgresql_refuses_nul_characters_with_a_store_error(store: Store) -> None:
    document = make_document(text="before\x00after")
    if store.dialect == "sqlite":
        assert store.add_document(document, make_record(document))
        assert store.get_document(document.id).text == "before\x00after"
    else:
        with pytest.raises(StoreError):
            store.add_document(document, make_record(document))
        assert store.count_documents() == 0


def test_add_documents_stores_a_batch_and_skips_known_ones(store: Store) -> None:
    one, two = make_document(text="batch one"), make_document(text="batch two")
    store.add_document(one, make_record(one, make_engagement()))
    added = store.add_documents(
        [(one, make_record(one)), (two, make_record(two, make_engagement(), make_engagement()))]
    )
    assert added == [two.id]
    assert store.count_documents() == 2
    assert len(store.get_record(two.id).engagements) == 2
    assert len(store.get_record(one.id).engagements) == 1
