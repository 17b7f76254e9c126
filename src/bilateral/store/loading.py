"""Rows back to records: whole documents' records, engagements, list summaries.

The inverse of :mod:`.engagements`: one query per table for any number of engagements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Table, select, tuple_
from sqlalchemy.sql import ColumnElement

from bilateral.errors import NotFound
from bilateral.records import (
    Commitment,
    DocumentRecord,
    Engagement,
    EngagementSummary,
    Organization,
    Participant,
    Span,
    StoredDocument,
)
from bilateral.store import documents as docs
from bilateral.store.engagements import (
    CHILD_TABLES,
    COMMITMENTS,
    ENGAGEMENTS,
    ORGANIZATIONS,
    PARTICIPANTS,
    PARTIES,
    SPANS,
    TOPICS,
)


def load_engagements(
    connection: Connection, where: ColumnElement[bool]
) -> list[tuple[int, str, Engagement]]:
    """``(id, document_id, record)`` of the engagements matching ``where``, in document order."""
    rows = connection.execute(
        select(ENGAGEMENTS).where(where).order_by(ENGAGEMENTS.c.document_id, ENGAGEMENTS.c.ordinal)
    ).all()
    ids = [row.id for row in rows]
    children = load_children(connection, ids)
    return [(row.id, row.document_id, to_engagement(row, children)) for row in rows]


Children = dict[Table, dict[int, list[Any]]]


def load_children(connection: Connection, ids: list[int], *, spans: bool = True) -> Children:
    """The child rows of these engagements; without provenance spans if ``spans`` is false
    (resolution needs values, not where they came from)."""
    children: Children = {table: defaultdict(list) for table in CHILD_TABLES}
    if not ids:
        return children
    for table in CHILD_TABLES if spans else CHILD_TABLES[:-1]:
        order = [table.c.engagement_id, table.c.ordinal]
        if table is SPANS:
            order = [SPANS.c.engagement_id, SPANS.c.field, SPANS.c.target_ordinal, SPANS.c.ordinal]
        statement = select(table).where(table.c.engagement_id.in_(ids)).order_by(*order)
        for row in connection.execute(statement):
            children[table][row.engagement_id].append(row)
    return children


def to_engagement(row: Row[Any], children: Children) -> Engagement:
    """The engagement of a row and its children, built without validation: every value was
    validated before it was stored, and loading thousands of them is on the hot path."""
    eid: int = row.id
    provenance: dict[str, list[Span]] = {}
    item_spans: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for span in children[SPANS][eid]:
        if span.target_ordinal is None:
            target = provenance.setdefault(span.field, [])
        else:
            target = item_spans[(span.field, span.target_ordinal)]
        if span.start is not None:
            target.append(Span.model_construct(start=span.start, end=span.end))
    return Engagement.model_construct(
        kind=row.kind,
        mechanism=row.mechanism,
        mechanism_short=row.mechanism_short,
        round=row.round,
        date=row.date,
        date_end=row.date_end,
        city=row.city,
        country=row.country,
        parties=[party.code for party in children[PARTIES][eid]],
        participants=[
            Participant.model_construct(
                name=p.name,
                title=p.title,
                organization=p.organization,
                country=p.country,
                role=p.role,
                spans=item_spans.get(("participant", p.ordinal), []),
            )
            for p in children[PARTICIPANTS][eid]
        ],
        organizations=[
            Organization.model_construct(
                name=o.name,
                country=o.country,
                spans=item_spans.get(("organization", o.ordinal), []),
            )
            for o in children[ORGANIZATIONS][eid]
        ],
        topics=[topic.code for topic in children[TOPICS][eid]],
        commitments=[
            Commitment.model_construct(
                text=c.text,
                by=list(c.by),
                due=c.due,
                kind=c.kind,
                spans=item_spans.get(("commitment", c.ordinal), []),
            )
            for c in children[COMMITMENTS][eid]
        ],
        provenance=provenance,
    )


def parties_and_heads(
    connection: Connection, ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """For each engagement id: its parties, and the names of its participants with role head."""
    parties: dict[int, list[str]] = defaultdict(list)
    heads: dict[int, list[str]] = defaultdict(list)
    if ids:
        for eid, code in connection.execute(
            select(PARTIES.c.engagement_id, PARTIES.c.code)
            .where(PARTIES.c.engagement_id.in_(ids))
            .order_by(PARTIES.c.engagement_id, PARTIES.c.ordinal)
        ):
            parties[eid].append(code)
        for eid, name in connection.execute(
            select(PARTICIPANTS.c.engagement_id, PARTICIPANTS.c.name)
            .where(PARTICIPANTS.c.engagement_id.in_(ids), PARTICIPANTS.c.role == "head")
            .order_by(PARTICIPANTS.c.engagement_id, PARTICIPANTS.c.ordinal)
        ):
            heads[eid].append(name)
    return parties, heads


def document_record(connection: Connection, document_id: str) -> DocumentRecord:
    """The record stored for one document; :class:`NotFound` if there is no such document."""
    label = connection.execute(
        select(docs.DOCUMENTS.c.record_document).where(docs.DOCUMENTS.c.id == document_id)
    ).scalar()
    if label is None:
        raise NotFound(f"no document with id {document_id!r}")
    loaded = load_engagements(connection, ENGAGEMENTS.c.document_id == document_id)
    return DocumentRecord(document=label, engagements=[e for _, _, e in loaded])


def record_batch(
    connection: Connection, after: tuple[str, str] | None, *, with_text: bool, size: int
) -> list[tuple[StoredDocument, DocumentRecord]]:
    """Up to ``size`` documents with their records, by (name, id), from after ``after``."""
    table = docs.DOCUMENTS
    statement = docs.select_documents(with_text=with_text).add_columns(table.c.record_document)
    if after is not None:
        statement = statement.where(tuple_(table.c.name, table.c.id) > after)
    rows = connection.execute(statement.order_by(table.c.name, table.c.id).limit(size)).all()
    ids = [row.id for row in rows]
    by_document: dict[str, list[tuple[int, Engagement]]] = {i: [] for i in ids}
    for eid, document_id, engagement in load_engagements(
        connection, ENGAGEMENTS.c.document_id.in_(ids)
    ):
        by_document[document_id].append((eid, engagement))
    return [
        (
            docs.to_view(row, [eid for eid, _ in by_document[row.id]]),
            DocumentRecord(
                document=row.record_document, engagements=[e for _, e in by_document[row.id]]
            ),
        )
        for row in rows
    ]


_SUMMARY_COLUMNS = ("id", "document_id", "kind", "mechanism", "date", "city", "country")


def summaries(connection: Connection, *, limit: int, offset: int) -> list[EngagementSummary]:
    """Engagement list items, newest meeting first (undated last, then by id)."""
    e, d = ENGAGEMENTS, docs.DOCUMENTS
    statement = (
        select(*(e.c[n] for n in _SUMMARY_COLUMNS), d.c.name)
        .join(d, d.c.id == e.c.document_id)
        .order_by(e.c.sort_date.desc().nulls_last(), e.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = connection.execute(statement).all()
    parties, heads = parties_and_heads(connection, [row.id for row in rows])
    return [
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
