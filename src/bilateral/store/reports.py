"""Engagements as resolution reports: what :mod:`bilateral.resolution` takes as input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, tuple_
from sqlalchemy.sql import ColumnElement

from bilateral.resolved import EngagementKey, Report
from bilateral.store import documents as docs
from bilateral.store.engagements import ENGAGEMENTS
from bilateral.store.loading import load_children, to_engagement

CHUNK = 500


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_reports(
    connection: Connection, where: ColumnElement[bool] | None, *, with_text: bool
) -> list[Report]:
    """The engagements matching ``where`` (all when None) as reports, by key, without their
    provenance spans."""
    d = docs.DOCUMENTS
    columns = [d.c.name, d.c.published, d.c.sketch] + ([d.c.text] if with_text else [])
    statement = select(ENGAGEMENTS, *columns).join(d, d.c.id == ENGAGEMENTS.c.document_id)
    if where is not None:
        statement = statement.where(where)
    rows = connection.execute(
        statement.order_by(ENGAGEMENTS.c.document_id, ENGAGEMENTS.c.ordinal)
    ).all()
    reports: list[Report] = []
    for batch in chunks(rows):
        children = load_children(connection, [row.id for row in batch], spans=False)
        reports += [
            Report(
                key=EngagementKey(document_id=row.document_id, ordinal=row.ordinal),
                document_name=row.name,
                published=row.published,
                engagement=to_engagement(row, children),
                text=row.text if with_text else "",
                sketch=row.sketch,
            )
            for row in batch
        ]
    return reports


def reports_in_blocks(
    connection: Connection, blocks: Sequence[str] | None, *, with_text: bool
) -> list[Report]:
    """Reports of the engagements in ``blocks`` (every engagement when None)."""
    if blocks is None:
        return load_reports(connection, None, with_text=with_text)
    reports: list[Report] = []
    for batch in chunks(sorted(set(blocks))):
        reports += load_reports(connection, ENGAGEMENTS.c.block.in_(batch), with_text=with_text)
    return reports


def reports_by_keys(
    connection: Connection, keys: Sequence[tuple[str, int]], *, with_text: bool
) -> list[Report]:
    reports: list[Report] = []
    pair = tuple_(ENGAGEMENTS.c.document_id, ENGAGEMENTS.c.ordinal)
    for batch in chunks(keys):
        reports += load_reports(connection, pair.in_(list(batch)), with_text=with_text)
    return reports


def blocks_of_documents(connection: Connection, document_ids: Sequence[str]) -> set[str]:
    """The blocks the engagements of these documents fall in."""
    found: set[str] = set()
    for batch in chunks(list(document_ids)):
        statement = select(ENGAGEMENTS.c.block).where(ENGAGEMENTS.c.document_id.in_(batch))
        found.update(connection.execute(statement).scalars())
    return found
