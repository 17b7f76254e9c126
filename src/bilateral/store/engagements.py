"""Engagement records to rows: the write side (:mod:`.loading` reads them back).

An engagement is one ``engagements`` row plus rows in the child tables, written with one bulk
statement per table. Its provenance goes to ``field_spans``:

- ``Engagement.provenance[key]`` -> rows with ``field = key`` and ``target_ordinal`` NULL
  (``kind``, ``date``, ``city``, ``party:USA``, ``topic:migration``, ...);
- the spans of participant, organization and commitment *i* -> rows with ``field`` =
  ``participant`` / ``organization`` / ``commitment`` and ``target_ordinal = i``.

``ordinal`` keeps the order of the spans; a key whose span list is empty is one row with
NULL ``start`` and ``end``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from bilateral.records import Engagement, Span
from bilateral.resolved import block_of
from bilateral.store.tables import (
    CommitmentRow,
    EngagementRow,
    FieldSpanRow,
    OrganizationRow,
    ParticipantRow,
    PartyRow,
    TopicRow,
)

ENGAGEMENTS: Table = EngagementRow.__table__  # type: ignore[assignment]
PARTIES: Table = PartyRow.__table__  # type: ignore[assignment]
PARTICIPANTS: Table = ParticipantRow.__table__  # type: ignore[assignment]
ORGANIZATIONS: Table = OrganizationRow.__table__  # type: ignore[assignment]
TOPICS: Table = TopicRow.__table__  # type: ignore[assignment]
COMMITMENTS: Table = CommitmentRow.__table__  # type: ignore[assignment]
SPANS: Table = FieldSpanRow.__table__  # type: ignore[assignment]
CHILD_TABLES = (PARTIES, PARTICIPANTS, ORGANIZATIONS, TOPICS, COMMITMENTS, SPANS)

_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Row = dict[str, Any]
Rows = list[Row]


def sort_date(value: str | None) -> date | None:
    """The first day of the period an ISO date names (``2022-12`` -> 2022-12-01), else None."""
    match = _ISO_PREFIX.fullmatch(value.strip()) if value else None
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


# --------------------------------------------------------------------------- writing


def engagement_row(engagement: Engagement) -> Row:
    """The ``engagements`` columns of one engagement (without id, document and ordinal)."""
    return {
        "kind": engagement.kind,
        "mechanism": engagement.mechanism,
        "mechanism_short": engagement.mechanism_short,
        "round": engagement.round,
        "date": engagement.date,
        "date_end": engagement.date_end,
        "sort_date": sort_date(engagement.date),
        "city": engagement.city,
        "country": engagement.country,
        "block": block_of(engagement.parties),
    }


def _span_rows(engagement_id: int, field: str, target: int | None, spans: Sequence[Span]) -> Rows:
    if not spans:
        return [_span_row(engagement_id, field, target, 0, None, None)]
    return [
        _span_row(engagement_id, field, target, i, span.start, span.end)
        for i, span in enumerate(spans)
    ]


def _span_row(
    engagement_id: int, field: str, target: int | None, ordinal: int, start: Any, end: Any
) -> Row:
    return {
        "engagement_id": engagement_id,
        "field": field,
        "target_ordinal": target,
        "ordinal": ordinal,
        "start": start,
        "end": end,
    }


def child_rows(engagement_id: int, engagement: Engagement) -> dict[Table, Rows]:
    """The rows of every child table for one stored engagement."""
    eid = engagement_id
    spans: Rows = []
    for key, key_spans in engagement.provenance.items():
        spans += _span_rows(eid, key, None, key_spans)
    item_spans = (
        [("participant", i, p.spans) for i, p in enumerate(engagement.participants)]
        + [("organization", i, o.spans) for i, o in enumerate(engagement.organizations)]
        + [("commitment", i, c.spans) for i, c in enumerate(engagement.commitments)]
    )
    for field, i, field_spans in item_spans:
        if field_spans:
            spans += _span_rows(eid, field, i, field_spans)
    return {
        PARTIES: [
            {"engagement_id": eid, "ordinal": i, "code": c}
            for i, c in enumerate(engagement.parties)
        ],
        PARTICIPANTS: [
            {
                "engagement_id": eid,
                "ordinal": i,
                "name": p.name,
                "title": p.title,
                "organization": p.organization,
                "country": p.country,
                "role": p.role,
            }
            for i, p in enumerate(engagement.participants)
        ],
        ORGANIZATIONS: [
            {"engagement_id": eid, "ordinal": i, "name": o.name, "country": o.country}
            for i, o in enumerate(engagement.organizations)
        ],
        TOPICS: [
            {"engagement_id": eid, "ordinal": i, "code": code}
            for i, code in enumerate(engagement.topics)
        ],
        COMMITMENTS: [
            {
                "engagement_id": eid,
                "ordinal": i,
                "text": c.text,
                "by": list(c.by),
                "due": c.due,
                "kind": c.kind,
            }
            for i, c in enumerate(engagement.commitments)
        ],
        SPANS: spans,
    }


def insert_children(connection: Connection, items: Iterable[tuple[int, Engagement]]) -> None:
    """Bulk-insert the child rows of engagements already in ``engagements``."""
    rows: dict[Table, Rows] = defaultdict(list)
    for engagement_id, engagement in items:
        for table, table_rows in child_rows(engagement_id, engagement).items():
            rows[table] += table_rows
    for table in CHILD_TABLES:
        if rows[table]:
            connection.execute(insert(table), rows[table])


def insert_engagements(
    connection: Connection, document_id: str, engagements: Sequence[Engagement], *, first: int = 0
) -> list[int]:
    """Insert engagements (ordinals from ``first``) with their children; their new ids."""
    if not engagements:
        return []
    rows = [
        {"document_id": document_id, "ordinal": first + i, **engagement_row(e)}
        for i, e in enumerate(engagements)
    ]
    statement = insert(ENGAGEMENTS).returning(ENGAGEMENTS.c.id, sort_by_parameter_order=True)
    ids = list(connection.execute(statement, rows).scalars())
    insert_children(connection, zip(ids, engagements, strict=True))
    return ids


def replace_engagements(
    connection: Connection, document_id: str, engagements: Sequence[Engagement]
) -> None:
    """Make ``engagements`` the document's engagements.

    Rows whose ordinal survives keep their id (links to ``/engagements/<id>`` stay valid);
    surplus rows go, extra engagements get new rows; all child rows are rewritten.
    """
    existing: dict[int, int] = dict(
        connection.execute(
            select(ENGAGEMENTS.c.ordinal, ENGAGEMENTS.c.id)
            .where(ENGAGEMENTS.c.document_id == document_id)
            .order_by(ENGAGEMENTS.c.ordinal)
        ).all()
    )
    if existing:
        for table in CHILD_TABLES:
            connection.execute(delete(table).where(table.c.engagement_id.in_(existing.values())))
    surplus = [eid for ordinal, eid in existing.items() if ordinal >= len(engagements)]
    if surplus:
        connection.execute(delete(ENGAGEMENTS).where(ENGAGEMENTS.c.id.in_(surplus)))
    kept = [(existing[i], e) for i, e in enumerate(engagements) if i in existing]
    if kept:
        statement = update(ENGAGEMENTS).where(ENGAGEMENTS.c.id == bindparam("engagement_id"))
        connection.execute(
            statement, [{"engagement_id": eid, **engagement_row(e)} for eid, e in kept]
        )
        insert_children(connection, kept)
    insert_engagements(connection, document_id, engagements[len(kept) :], first=len(kept))
