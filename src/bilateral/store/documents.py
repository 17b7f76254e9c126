"""Document rows: insert, look up, list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from bilateral.errors import NotFound, ValidationError
from bilateral.records import SourceDocument, StoredDocument
from bilateral.store.engagements import ENGAGEMENTS
from bilateral.store.tables import DocumentRow

DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]
_META = [column for column in DOCUMENTS.c if column.name not in ("text", "sketch")]
MIN_PREFIX = 6


def insert_document(
    connection: Connection,
    document: SourceDocument,
    *,
    record_document: str,
    extractor_version: str,
    ingested_at: datetime,
    sketch: bytes | None = None,
) -> bool:
    """Insert the document row unless its id is stored already; whether it was inserted.

    ``sketch`` is the text's MinHash, computed by the caller (resolution uses it).
    """
    dialect_insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = (
        dialect_insert(DOCUMENTS)
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(DOCUMENTS.c.id)
    )
    result = connection.execute(
        statement,
        {
            **document.model_dump(),
            "ingested_at": ingested_at,
            "extractor_version": extractor_version,
            "record_document": record_document,
            "sketch": sketch,
        },
    )
    return result.first() is not None  # rowcount is not reliable here with psycopg


def select_documents(*, with_text: bool) -> Select[Any]:
    return select(*DOCUMENTS.c) if with_text else select(*_META)


def engagement_ids(connection: Connection, document_ids: Sequence[str]) -> dict[str, list[int]]:
    """The ids of each document's engagements, in document order."""
    ids: dict[str, list[int]] = defaultdict(list)
    if document_ids:
        statement = (
            select(ENGAGEMENTS.c.document_id, ENGAGEMENTS.c.id)
            .where(ENGAGEMENTS.c.document_id.in_(document_ids))
            .order_by(ENGAGEMENTS.c.document_id, ENGAGEMENTS.c.ordinal)
        )
        for document_id, engagement_id in connection.execute(statement):
            ids[document_id].append(engagement_id)
    return ids


def views(connection: Connection, rows: Sequence[Row[Any]]) -> list[StoredDocument]:
    """Stored documents (with their engagement ids) for document rows."""
    ids = engagement_ids(connection, [row.id for row in rows])
    return [to_view(row, ids[row.id]) for row in rows]


def to_view(row: Row[Any], engagement_ids: list[int]) -> StoredDocument:
    values = row._mapping
    return StoredDocument(
        id=values["id"],
        name=values["name"],
        title=values["title"],
        published=values["published"],
        source=values["source"],
        media_type=values["media_type"],
        ingested_at=values["ingested_at"],
        extractor_version=values["extractor_version"],
        text=values.get("text", ""),
        engagement_ids=engagement_ids,
    )


def get_document(connection: Connection, document_id: str, *, with_text: bool) -> StoredDocument:
    """One document; :class:`NotFound` if there is none with that id."""
    row = connection.execute(
        select_documents(with_text=with_text).where(DOCUMENTS.c.id == document_id)
    ).first()
    if row is None:
        raise NotFound(f"no document with id {document_id!r}")
    return views(connection, [row])[0]


def find_document(connection: Connection, key: str) -> StoredDocument:
    """The document whose id or name is ``key``, or whose id starts with it (unambiguously)."""
    key = key.strip()
    if not key:
        raise ValidationError("name a document by its name or id")
    if "\x00" in key:
        raise NotFound(f"no document named {key!r}")
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    conditions = [DOCUMENTS.c.id == key, DOCUMENTS.c.name == key]
    if len(key) >= MIN_PREFIX:
        conditions.append(DOCUMENTS.c.id.like(f"{escaped}%", escape="\\"))
    rows = connection.execute(
        select_documents(with_text=True).where(or_(*conditions)).order_by(DOCUMENTS.c.id).limit(20)
    ).all()
    exact = [row for row in rows if row.id == key] or [row for row in rows if row.name == key]
    matches = exact or rows
    if not matches:
        raise NotFound(f"no document named {key!r} and no id starting with it")
    if len(matches) > 1:
        listing = ", ".join(f"{row.id[:12]} ({row.name})" for row in matches[:5])
        raise ValidationError(f"{key!r} matches several documents: {listing}", code="ambiguous")
    return views(connection, matches)[0]


def list_documents(connection: Connection, *, limit: int, offset: int) -> list[StoredDocument]:
    """Documents without their text, ordered by name."""
    rows = connection.execute(
        select_documents(with_text=False)
        .order_by(DOCUMENTS.c.name, DOCUMENTS.c.id)
        .limit(max(0, limit))
        .offset(max(0, offset))
    ).all()
    return views(connection, rows)


def count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()
