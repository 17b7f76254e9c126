"""The store's tables as SQLAlchemy declarative models.

One row per document, one per engagement, and one child table per list an engagement holds
(parties, participants, organizations, topics, commitments), each keyed by
``(engagement_id, ordinal)`` so that list order survives and a later ``corrections`` table can
point at any value as ``(engagement_id, field, target_ordinal)``. ``field_spans`` holds the
provenance of every value: see :mod:`bilateral.store.engagements` for how fields are named.

The full-text search objects (an FTS5 table on SQLite, a generated ``tsvector`` column on
PostgreSQL) are created by the migrations only; :func:`include_name` hides them from
Alembic's comparison of models and database.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Tables, columns and indexes that exist only for full-text search (see :mod:`.search`).
SEARCH_TABLES = frozenset(
    {
        "documents_fts",
        "documents_fts_data",
        "documents_fts_idx",
        "documents_fts_content",
        "documents_fts_docsize",
        "documents_fts_config",
    }
)
SEARCH_COLUMNS = frozenset({("documents", "search_vector")})
SEARCH_INDEXES = frozenset({"ix_documents_search_vector"})


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic filter: leave the search objects out of autogenerate and comparisons."""
    if type_ == "table":
        return name not in SEARCH_TABLES
    if type_ == "column":
        return (parent_names.get("table_name"), name) not in SEARCH_COLUMNS
    if type_ == "index":
        return name not in SEARCH_INDEXES
    return True


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite drops zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


JSONList = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _engagement_fk() -> Mapped[int]:
    return mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


def _ordinal() -> Mapped[int]:
    return mapped_column(Integer, primary_key=True, autoincrement=False)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    extractor_version: Mapped[str] = mapped_column(String)
    record_document: Mapped[str] = mapped_column(String)  # DocumentRecord.document
    sketch: Mapped[bytes | None] = mapped_column(LargeBinary)  # MinHash of the text

    __table_args__ = (Index(None, "name", "id"),)


class EngagementRow(Base):
    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    mechanism: Mapped[str | None] = mapped_column(Text)
    mechanism_short: Mapped[str | None] = mapped_column(String)
    round: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String)
    date_end: Mapped[str | None] = mapped_column(String)
    sort_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    city: Mapped[str | None] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    block: Mapped[str] = mapped_column(String, index=True, server_default="-")

    __table_args__ = (Index(None, "document_id", "ordinal", unique=True),)


class PartyRow(Base):
    __tablename__ = "engagement_parties"

    engagement_id: Mapped[int] = _engagement_fk()
    ordinal: Mapped[int] = _ordinal()
    code: Mapped[str] = mapped_column(String, index=True)


class ParticipantRow(Base):
    __tablename__ = "participants"

    engagement_id: Mapped[int] = _engagement_fk()
    ordinal: Mapped[int] = _ordinal()
    name: Mapped[str] = mapped_column(String, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String)
    role: Mapped[str] = mapped_column(String)


class OrganizationRow(Base):
    __tablename__ = "organizations"

    engagement_id: Mapped[int] = _engagement_fk()
    ordinal: Mapped[int] = _ordinal()
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String)


class TopicRow(Base):
    __tablename__ = "engagement_topics"

    engagement_id: Mapped[int] = _engagement_fk()
    ordinal: Mapped[int] = _ordinal()
    code: Mapped[str] = mapped_column(String, index=True)


class CommitmentRow(Base):
    __tablename__ = "commitments"

    engagement_id: Mapped[int] = _engagement_fk()
    ordinal: Mapped[int] = _ordinal()
    text: Mapped[str] = mapped_column(Text)
    by: Mapped[list[str]] = mapped_column(JSONList)
    due: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)


class FieldSpanRow(Base):
    """One provenance span of one value; ``start``/``end`` are NULL for a field whose span
    list is empty (kept so that an empty list round-trips)."""

    __tablename__ = "field_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String)
    target_ordinal: Mapped[int | None] = mapped_column(Integer)
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint(
            '(start IS NULL AND "end" IS NULL) OR (start >= 0 AND start <= "end")',
            name="span_range",
        ),
    )


# --------------------------------------------------------------------------- corrections


class CorrectionRow(Base):
    """A human correction (see :class:`bilateral.resolved.Correction`); never updated."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String, index=True)
    target: Mapped[str] = mapped_column(Text, index=True)
    other: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String)
    before: Mapped[Any] = mapped_column(JSONList, nullable=True)
    after: Mapped[Any] = mapped_column(JSONList, nullable=True)
    author: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --------------------------------------------------------------------------- resolution
# What resolution concluded, replaced block by block. Each row keeps its object as JSON text
# in ``data`` (written and read by pydantic in one step, much faster than a JSON column's
# dict round trip) and the columns that pages filter and sort on.


class MeetingRow(Base):
    __tablename__ = "meetings"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    block: Mapped[str] = mapped_column(String, index=True)
    sort_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String)
    mechanism_id: Mapped[str | None] = mapped_column(String, index=True)
    data: Mapped[str] = mapped_column(Text)


class MeetingTopicRow(Base):
    """The topics of each meeting, for filters, facets and trends."""

    __tablename__ = "meeting_topics"

    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String, primary_key=True, index=True)


class MeetingMemberRow(Base):
    """Which meeting each reported engagement belongs to."""

    __tablename__ = "meeting_members"

    document_id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    meeting_id: Mapped[str] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )


class MechanismRow(Base):
    __tablename__ = "mechanisms"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    block: Mapped[str] = mapped_column(String, index=True)
    name: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)


class CommitmentStatusRow(Base):
    __tablename__ = "commitment_statuses"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    block: Mapped[str] = mapped_column(String, index=True)
    status: Mapped[str] = mapped_column(String, index=True)
    due: Mapped[str | None] = mapped_column(String)
    meeting_id: Mapped[str] = mapped_column(String, index=True)
    data: Mapped[str] = mapped_column(Text)


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    block: Mapped[str] = mapped_column(String, index=True)
    name: Mapped[str] = mapped_column(String, index=True)
    country: Mapped[str | None] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class PersonMentionRow(Base):
    """Which person each named participant of an engagement is, with what resolving that
    person's family-name block again needs (so an update need not reload whole records)."""

    __tablename__ = "person_mentions"

    document_id: Mapped[str] = mapped_column(String, primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    participant: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    block: Mapped[str] = mapped_column(String, index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String)
    role: Mapped[str] = mapped_column(String)
    date: Mapped[str | None] = mapped_column(String)
