"""The store: the one object the rest of bilateral uses to keep and read records.

Every method runs in one transaction, returns :mod:`bilateral.records` objects (never rows) and
raises only :class:`StoreError` (or its :class:`NotFound`) for database trouble.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy import delete, select, update

from bilateral.errors import NotFound, ValidationError
from bilateral.records import (
    DocumentRecord,
    Page,
    SearchHit,
    SourceDocument,
    StoredDocument,
    StoredEngagement,
)
from bilateral.store import documents as docs
from bilateral.store import engagements as engs
from bilateral.store import loading
from bilateral.store import search as fts
from bilateral.store.browsing import BrowsingMethods
from bilateral.store.database import Database, create_store_engine
from bilateral.store.insights import InsightMethods
from bilateral.store.resolution_repository import ResolutionMethods

Clock = Callable[[], datetime]
ITER_BATCH = 50


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _known(document_id: str) -> str:
    """``document_id``, or :class:`NotFound` at once for an id no document can have (PostgreSQL
    refuses even to compare strings holding NUL, which would be a StoreError)."""
    if "\x00" in document_id:
        raise NotFound(f"no document with id {document_id!r}")
    return document_id


class Store(ResolutionMethods, BrowsingMethods, InsightMethods):
    """Documents, their engagement records and provenance, in SQLite or PostgreSQL."""

    def __init__(self, database: Database, *, clock: Clock = _utcnow) -> None:
        self._db = database
        self._clock = clock

    # ------------------------------------------------------------------ lifecycle

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._db.dialect

    def upgrade(self) -> None:
        """Apply pending migrations (idempotent; ``open_store`` calls it)."""
        self._db.upgrade()

    def optimize(self) -> None:
        """Refresh planner statistics (and checkpoint SQLite's log) after bulk changes."""
        self._db.optimize()

    def close(self) -> None:
        """Close every pooled connection."""
        self._db.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def add_document(
        self,
        document: SourceDocument,
        record: DocumentRecord,
        *,
        extractor_version: str = "",
        sketch: bytes | None = None,
    ) -> bool:
        """Store a document and its engagements atomically (``sketch``: its text's MinHash).

        Returns False, changing nothing, when a document with that id is stored already.
        """
        with self._db.write(f"store document {document.name!r}") as connection:
            inserted = docs.insert_document(
                connection,
                document,
                record_document=record.document,
                extractor_version=extractor_version,
                ingested_at=self._clock(),
                sketch=sketch,
            )
            if inserted:
                engs.insert_engagements(connection, document.id, record.engagements)
            return inserted

    def add_documents(
        self,
        items: Sequence[tuple[SourceDocument, DocumentRecord]],
        *,
        extractor_version: str = "",
        sketches: Mapping[str, bytes | None] | None = None,
    ) -> list[str]:
        """Store many documents in one transaction (all or none); the ids newly stored.

        Documents stored already are left as they are, as :meth:`add_document` does;
        ``sketches`` maps document ids to their texts' MinHash.
        """
        added: list[str] = []
        with self._db.write(f"store {len(items)} documents") as connection:
            for document, record in items:
                if docs.insert_document(
                    connection, document, record_document=record.document,
                    extractor_version=extractor_version, ingested_at=self._clock(),
                    sketch=(sketches or {}).get(document.id),
                ):  # fmt: skip
                    engs.insert_engagements(connection, document.id, record.engagements)
                    added.append(document.id)
        return added

    def replace_record(
        self, document_id: str, record: DocumentRecord, *, extractor_version: str = ""
    ) -> None:
        """Replace a stored document's engagements (after re-extraction), atomically."""
        _known(document_id)
        with self._db.write(f"replace the record of document {document_id!r}") as connection:
            locked = connection.execute(
                select(docs.DOCUMENTS.c.id)
                .where(docs.DOCUMENTS.c.id == document_id)
                .with_for_update()
            ).first()
            if locked is None:
                raise NotFound(f"no document with id {document_id!r}")
            connection.execute(
                update(docs.DOCUMENTS)
                .where(docs.DOCUMENTS.c.id == document_id)
                .values(extractor_version=extractor_version, record_document=record.document)
            )
            engs.replace_engagements(connection, document_id, record.engagements)

    def delete_document(self, document_id: str) -> None:
        """Delete a document with its engagements; :class:`NotFound` if it is not stored."""
        _known(document_id)
        with self._db.write(f"delete document {document_id!r}") as connection:
            deleted = connection.execute(
                delete(docs.DOCUMENTS)
                .where(docs.DOCUMENTS.c.id == document_id)
                .returning(docs.DOCUMENTS.c.id)
            ).first()
            if deleted is None:
                raise NotFound(f"no document with id {document_id!r}")

    # ------------------------------------------------------------------ documents

    def has_document(self, document_id: str) -> bool:
        if "\x00" in document_id:
            return False
        with self._db.read("look up a document") as connection:
            statement = select(docs.DOCUMENTS.c.id).where(docs.DOCUMENTS.c.id == document_id)
            return connection.execute(statement).first() is not None

    def get_document(self, document_id: str) -> StoredDocument:
        """The document with its text and engagement ids; :class:`NotFound` otherwise."""
        _known(document_id)
        with self._db.read("read a document") as connection:
            return docs.get_document(connection, document_id, with_text=True)

    def find_document(self, name_or_id_prefix: str) -> StoredDocument:
        """The document with this id or name, or the only one whose id starts with it.

        :class:`NotFound` if none; :class:`ValidationError` (code ``ambiguous``) if several.
        """
        with self._db.read("find a document") as connection:
            return docs.find_document(connection, name_or_id_prefix)

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[StoredDocument]:
        """Documents by name, without their text."""
        with self._db.read("list documents") as connection:
            return docs.list_documents(connection, limit=limit, offset=offset)

    def count_documents(self) -> int:
        with self._db.read("count documents") as connection:
            return docs.count(connection, docs.DOCUMENTS)

    def count_engagements(self) -> int:
        with self._db.read("count engagements") as connection:
            return docs.count(connection, engs.ENGAGEMENTS)

    # ------------------------------------------------------------------ records

    def get_record(self, document_id: str) -> DocumentRecord:
        """The document's record as it was stored, provenance included."""
        _known(document_id)
        with self._db.read("read a record") as connection:
            return loading.document_record(connection, document_id)

    def iter_records(
        self, *, with_text: bool = False, batch_size: int = ITER_BATCH
    ) -> Iterator[tuple[StoredDocument, DocumentRecord]]:
        """Every document with its record, by document name, read ``batch_size`` at a time.

        Each batch is its own short transaction, so no connection is held between items.
        """
        size = max(1, batch_size)
        after: tuple[str, str] | None = None
        while True:
            with self._db.read("read records") as connection:
                batch = loading.record_batch(connection, after, with_text=with_text, size=size)
            yield from batch
            if len(batch) < size:
                return
            after = (batch[-1][0].name, batch[-1][0].id)

    # ------------------------------------------------------------------ engagements

    def list_engagements(self, *, page: int = 1, per_page: int = 50) -> Page:
        """Engagements newest meeting first (undated last, then by id)."""
        if page < 1 or per_page < 1:
            raise ValidationError("page and per_page must be at least 1")
        with self._db.read("list engagements") as connection:
            total = docs.count(connection, engs.ENGAGEMENTS)
            items = loading.summaries(connection, limit=per_page, offset=(page - 1) * per_page)
        return Page(items=items, total=total, page=page, per_page=per_page)

    def get_engagement(self, engagement_id: int) -> StoredEngagement:
        """One engagement with its document (text included); :class:`NotFound` otherwise."""
        with self._db.read("read an engagement") as connection:
            loaded = loading.load_engagements(connection, engs.ENGAGEMENTS.c.id == engagement_id)
            if not loaded:
                raise NotFound(f"no engagement with id {engagement_id}")
            _, document_id, record = loaded[0]
            document = docs.get_document(connection, document_id, with_text=True)
        return StoredEngagement(id=engagement_id, document=document, record=record)

    # ------------------------------------------------------------------ search

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Documents matching a web-search style query, best first; never a syntax error."""
        with self._db.read("search") as connection:
            return fts.search(connection, query, limit=limit)


def open_store(url: str, *, clock: Clock = _utcnow, upgrade: bool = True) -> Store:
    """Connect to the database at ``url`` and bring its schema up to date.

    ``sqlite:///path/to/file.db`` (the folder is created) or
    ``postgresql+psycopg://user@host/db`` (``postgresql://`` is read as psycopg too).
    """
    store = Store(Database(create_store_engine(url)), clock=clock)
    if upgrade:
        try:
            store.upgrade()
        except BaseException:
            store.close()
            raise
    return store
