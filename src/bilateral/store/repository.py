"""The store: the one object the rest of bilateral uses to keep and read records.

Every method runs in one transaction, returns :mod:`bilateral.records` objects (never rows) and
raises only :class:`StoreError` (or its :class:`NotFound`) for database trouble.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy import delete, func, select, tuple_, update

from bilateral.errors import NotFound, ValidationError
from bilateral.records import (
    DocumentRecord,
    Engagement,
    EngagementSummary,
    Page,
    SearchHit,
    SourceDocument,
    StoredDocument,
    StoredEngagement,
)
from bilateral.store import documents as docs
from bilateral.store import engagements as engs
from bilateral.store import search as fts
from bilateral.store.database import Database, create_store_engine

Clock = Callable[[], datetime]
ITER_BATCH = 50


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Store:
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
        self, document: SourceDocument, record: DocumentRecord, *, extractor_version: str = ""
    ) -> bool:
        """Store a document and its engagements atomically.

        Returns False, changing nothing, when a document with that id is stored already.
        """
        with self._db.write(f"store document {document.name!r}") as connection:
            inserted = docs.insert_document(
                connection,
                document,
                record_document=record.document,
                extractor_version=extractor_version,
                ingested_at=self._clock(),
            )
            if inserted:
                engs.insert_engagements(connection, document.id, record.engagements)
            return inserted

    def replace_record(
        self, document_id: str, record: DocumentRecord, *, extractor_version: str = ""
    ) -> None:
        """Replace a stored document's engagements (after re-extraction), atomically."""
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
        with self._db.read("look up a document") as connection:
            statement = select(docs.DOCUMENTS.c.id).where(docs.DOCUMENTS.c.id == document_id)
            return connection.execute(statement).first() is not None

    def get_document(self, document_id: str) -> StoredDocument:
        """The document with its text and engagement ids; :class:`NotFound` otherwise."""
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
        with self._db.read("read a record") as connection:
            label = connection.execute(
                select(docs.DOCUMENTS.c.record_document).where(docs.DOCUMENTS.c.id == document_id)
            ).scalar()
            if label is None:
                raise NotFound(f"no document with id {document_id!r}")
            loaded = engs.load_engagements(
                connection, engs.ENGAGEMENTS.c.document_id == document_id
            )
        return DocumentRecord(document=label, engagements=[e for _, _, e in loaded])

    def iter_records(
        self, *, with_text: bool = False, batch_size: int = ITER_BATCH
    ) -> Iterator[tuple[StoredDocument, DocumentRecord]]:
        """Every document with its record, by document name, read ``batch_size`` at a time.

        Each batch is its own short transaction, so no connection is held between items.
        """
        size = max(1, batch_size)
        after: tuple[str, str] | None = None
        while True:
            batch = self._record_batch(after, with_text=with_text, size=size)
            yield from batch
            if len(batch) < size:
                return
            after = (batch[-1][0].name, batch[-1][0].id)

    def _record_batch(
        self, after: tuple[str, str] | None, *, with_text: bool, size: int
    ) -> list[tuple[StoredDocument, DocumentRecord]]:
        table = docs.DOCUMENTS
        statement = docs.select_documents(with_text=with_text).add_columns(table.c.record_document)
        if after is not None:
            statement = statement.where(tuple_(table.c.name, table.c.id) > after)
        statement = statement.order_by(table.c.name, table.c.id).limit(size)
        with self._db.read("read records") as connection:
            rows = connection.execute(statement).all()
            ids = [row.id for row in rows]
            loaded = engs.load_engagements(connection, engs.ENGAGEMENTS.c.document_id.in_(ids))
        by_document: dict[str, list[tuple[int, Engagement]]] = {i: [] for i in ids}
        for engagement_id, document_id, engagement in loaded:
            by_document[document_id].append((engagement_id, engagement))
        return [
            (
                docs.to_view(row, [eid for eid, _ in by_document[row.id]]),
                DocumentRecord(
                    document=row.record_document, engagements=[e for _, e in by_document[row.id]]
                ),
            )
            for row in rows
        ]

    # ------------------------------------------------------------------ engagements

    def list_engagements(self, *, page: int = 1, per_page: int = 50) -> Page:
        """Engagements newest meeting first (undated last, then by id)."""
        if page < 1 or per_page < 1:
            raise ValidationError("page and per_page must be at least 1")
        e, d = engs.ENGAGEMENTS, docs.DOCUMENTS
        statement = (
            select(
                e.c.id,
                e.c.document_id,
                d.c.name,
                e.c.kind,
                e.c.mechanism,
                e.c.date,
                e.c.city,
                e.c.country,
            )
            .join(d, d.c.id == e.c.document_id)
            .order_by(e.c.sort_date.desc().nulls_last(), e.c.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        with self._db.read("list engagements") as connection:
            total = connection.execute(select(func.count()).select_from(e)).scalar_one()
            rows = connection.execute(statement).all()
            parties, heads = engs.parties_and_heads(connection, [row.id for row in rows])
        items = [
            EngagementSummary(
                id=row.id,
                document_id=row.document_id,
                document_name=row.name,
                kind=row.kind,
                mechanism=row.mechanism,
                date=row.date,
                city=row.city,
                country=row.country,
                parties=parties.get(row.id, []),
                heads=heads.get(row.id, []),
            )
            for row in rows
        ]
        return Page(items=items, total=total, page=page, per_page=per_page)

    def get_engagement(self, engagement_id: int) -> StoredEngagement:
        """One engagement with its document (text included); :class:`NotFound` otherwise."""
        with self._db.read("read an engagement") as connection:
            loaded = engs.load_engagements(connection, engs.ENGAGEMENTS.c.id == engagement_id)
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
