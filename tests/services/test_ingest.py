from pathlib import Path
from typing import Any

import pytest

from bilateral.errors import StoreError
from bilateral.extraction import Extractor
from bilateral.records import DocumentRecord, SourceDocument
from bilateral.services.ingest import ingest_documents, ingest_paths, ingest_text
from bilateral.services.samples import sample_paths
from bilateral.store import Store, open_store

MAX = 5 * 1024 * 1024


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Store:
    store = open_store(f"sqlite:///{tmp_path / 'test.db'}")
    yield store  # type: ignore[misc]
    store.close()


def test_ingesting_twice_stores_once(sqlite_store: Store, extractor: Extractor) -> None:
    first = ingest_paths(sqlite_store, extractor, sample_paths(), max_bytes=MAX)
    assert len(first.added) == len(sample_paths()) and not first.errors
    assert first.engagements == sqlite_store.count_engagements() > 0
    second = ingest_paths(sqlite_store, extractor, sample_paths(), max_bytes=MAX)
    assert (len(second.added), len(second.skipped)) == (0, len(sample_paths()))
    assert sqlite_store.count_documents() == len(sample_paths())


def test_same_text_under_two_names_is_one_document(
    sqlite_store: Store, extractor: Extractor, tmp_path: Path
) -> None:
    text = "The ministers of Chile and Peru met in Lima on May 2, 2024 to discuss trade."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    report = ingest_paths(sqlite_store, extractor, [tmp_path], max_bytes=MAX)
    assert (len(report.added), len(report.skipped)) == (1, 1)


def test_bad_files_are_reported_and_the_rest_go_in(
    sqlite_store: Store, extractor: Extractor, tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text("Chile and Peru held political consultations in Lima.")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    report = ingest_paths(sqlite_store, extractor, [tmp_path], max_bytes=MAX)
    assert [d.name for d in report.added] == ["good"]
    messages = sorted(e.message for e in report.errors)
    assert len(messages) == 2
    assert "binary.txt" in messages[0] and "empty.txt" in messages[1]


def test_a_store_failure_is_reported_and_nothing_half_written(
    sqlite_store: Store, extractor: Extractor
) -> None:
    class FailingStore:
        """Delegates to the real store but refuses one document."""

        def __init__(self, inner: Store) -> None:
            self.inner = inner

        def __getattr__(self, name: str) -> Any:
            return getattr(self.inner, name)

        def has_document(self, document_id: str) -> bool:
            return self.inner.has_document(document_id)

        def add_document(self, doc: SourceDocument, record: DocumentRecord, **kw: str) -> bool:
            if doc.name == "bad":
                raise StoreError("disk full")
            return self.inner.add_document(doc, record, **kw)

    from bilateral.sources import read_text

    docs = [read_text("Chile and Peru met in Lima.", name=n) for n in ("ok",)]
    docs.append(read_text("Peru and Chile met in Santiago.", name="bad"))
    report = ingest_documents(FailingStore(sqlite_store), extractor, docs)  # type: ignore[arg-type]
    assert [d.name for d in report.added] == ["ok"]
    assert [e.message for e in report.errors] == ["disk full"]
    assert sqlite_store.count_documents() == 1


def test_ingest_text(sqlite_store: Store, extractor: Extractor) -> None:
    text = "Foreign Minister of Chile Alberto van Klaveren met Peru's foreign minister in Lima."
    report = ingest_text(sqlite_store, extractor, text, name="pasted", max_bytes=MAX)
    (doc,) = report.added
    assert sqlite_store.get_document(doc.id).text == text
