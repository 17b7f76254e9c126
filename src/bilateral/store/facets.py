"""The SQL of the meetings timeline: filters, facet counts and the page, in one statement.

The matching meetings are read once per statement (a ``MATERIALIZED`` CTE; a filter on
``kind`` has no index to use), and every count and the page's ids come out of that one read.
Used by :class:`bilateral.store.browsing.BrowsingMethods`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, literal, select, union_all

from bilateral.resolved import Meeting
from bilateral.store import resolutions as res

#: The facets of the timeline, in the order pages show them.
FACETS = ("pair", "mechanism", "kind", "topic", "person")
#: Counting meetings by person joins every mention of every matching meeting: it is done
#: only for timelines narrowed to this many meetings or fewer.
PEOPLE_FACET_LIMIT = 2000

_M, _T, _MM, _PM = res.MEETINGS, res.TOPICS, res.MEMBERS, res.MENTIONS


@dataclass(frozen=True)
class MeetingQuery:
    """Filters of the meetings timeline; None means any. Dates are inclusive bounds on the
    first day of each meeting's date (``2022-12`` counts as 1 December 2022)."""

    block: str | None = None
    mechanism_id: str | None = None
    kind: str | None = None
    topic: str | None = None  # a topic code; its refinements (``trade.x``) match too
    person_id: str | None = None
    start: date | None = None
    end: date | None = None

    def chosen(self, facet: str) -> str | None:
        """The value chosen for one of :data:`FACETS`."""
        return {"pair": self.block, "mechanism": self.mechanism_id, "kind": self.kind,
                "topic": self.topic, "person": self.person_id}[facet]  # fmt: skip


@dataclass(frozen=True)
class Count:
    """How many meetings have one value (a block, mechanism id, kind, topic, person id)."""

    value: str
    count: int
    label: str | None = None


def _conditions(query: MeetingQuery) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``query`` on ``meetings``."""
    found: list[ColumnElement[bool]] = []
    if query.block is not None:
        found.append(_M.c.block == query.block)
    if query.mechanism_id is not None:
        found.append(_M.c.mechanism_id == query.mechanism_id)
    if query.kind is not None:
        found.append(_M.c.kind == query.kind)
    if query.topic is not None:
        code, topic = _T.c.code, query.topic
        nested = (code > topic + ".") & (code < topic + "/")  # "/" follows "." in ASCII
        topical = select(_T.c.meeting_id).where((code == topic) | nested)
        found.append(_M.c.id.in_(topical))
    if query.person_id is not None:
        found.append(_M.c.id.in_(_meetings_of_person(query.person_id)))
    if query.start is not None:
        found.append(_M.c.sort_date >= query.start)
    if query.end is not None:
        found.append(_M.c.sort_date <= query.end)
    return found


def _members_join() -> Any:
    return _PM.join(_MM, (_MM.c.document_id == _PM.c.document_id)
                    & (_MM.c.ordinal == _PM.c.ordinal))  # fmt: skip


def _meetings_of_person(person_id: str) -> Select[Any]:
    return select(_MM.c.meeting_id).select_from(_members_join()).where(_PM.c.person_id == person_id)


def _matching(query: MeetingQuery) -> Any:
    """The meetings matching ``query``: the table itself when nothing is filtered, else a
    CTE computed once per statement (a filter on ``kind`` has no index to use)."""
    where = _conditions(query)
    if not where:
        return _M
    columns = (_M.c.id, _M.c.block, _M.c.kind, _M.c.mechanism_id, _M.c.sort_date)
    return select(*columns).where(*where).cte("matching").prefix_with("MATERIALIZED")


def _grouped(
    name: str, column: Any, source: Any, count: Any, limit: int, where: Any = None
) -> Select[Any]:
    """``(facet, value, n)`` rows: the ``limit`` most frequent values of ``column``."""
    n = count.label("n")
    inner = select(column.label("value"), n).select_from(source).where(column.is_not(None))
    if where is not None:
        inner = inner.where(where)
    inner = inner.group_by(column).order_by(n.desc(), column).limit(limit)
    sub = inner.subquery()
    return select(literal(name).label("facet"), sub.c.value, sub.c.n)


def _facet_statement(name: str, source: Any, limit: int) -> Select[Any]:
    # Side tables are read for the matching meetings (``IN``), which SQLite plans from the
    # meetings side: a join would scan the whole side table instead.
    if name == "topic":
        inside = None if source is _M else _T.c.meeting_id.in_(select(source.c.id))
        return _grouped(name, _T.c.code, _T, func.count(), limit, inside)
    if name == "person":
        inside = None if source is _M else _MM.c.meeting_id.in_(select(source.c.id))
        count = func.count(_MM.c.meeting_id.distinct())
        return _grouped(name, _PM.c.person_id, _members_join(), count, limit, inside)
    column = {"pair": source.c.block, "kind": source.c.kind, "mechanism": source.c.mechanism_id}
    return _grouped(name, column[name], source, func.count(), limit)


def _summary(source: Any, limit: int, offset: int) -> list[Select[Any]]:
    """``(facet, value, n)`` rows of the total (``total``) and the page's ids (``page``)."""
    total = select(literal("total").label("facet"), literal(None).label("value"),
                   func.count().label("n")).select_from(source)  # fmt: skip
    order = (source.c.sort_date.desc().nulls_last(), source.c.id)
    ids = select(source.c.id).order_by(*order).limit(limit).offset(offset).subquery()
    return [total, select(literal("page"), ids.c.id, literal(None))]


def _names(connection: Connection, facet: str, ids: set[str]) -> dict[str, str]:
    """The names of these mechanism or person ids."""
    table = {"mechanism": res.MECHANISMS, "person": res.PEOPLE}.get(facet)
    if table is None or not ids:
        return {}
    statement = select(table.c.id, table.c.name).where(table.c.id.in_(sorted(ids)))
    return {i: str(name) for i, name in connection.execute(statement)}


def browse(
    connection: Connection, query: MeetingQuery, facets: Sequence[str], limit: int,
    offset: int, facet_limit: int, people_up_to: int,
) -> tuple[list[str], int, dict[str, list[Count]]]:  # fmt: skip
    """The page's meeting ids, the total and the facets, reading the matches once."""
    source = _matching(query)
    wanted = [f for f in facets if f != "person"]
    statement = union_all(
        *_summary(source, limit, offset),
        *(_facet_statement(f, source, facet_limit) for f in wanted),
    )
    rows: list[Any] = list(connection.execute(statement).all())
    total = next(int(n) for facet, _, n in rows if facet == "total")
    if "person" in facets and (total <= people_up_to or query.person_id is not None):
        rows += connection.execute(_facet_statement("person", source, facet_limit)).all()
    found: dict[str, list[Count]] = {f: [] for f in facets}
    for facet, value, n in rows:
        if facet in found:
            found[facet].append(Count(value=str(value), count=int(n)))
    for facet, counts in found.items():
        names = _names(connection, facet, {c.value for c in counts} | {query.chosen(facet) or ""})
        found[facet] = [Count(c.value, c.count, names.get(c.value)) for c in counts]
    page = [str(value) for facet, value, _ in rows if facet == "page"]
    return page, total, found


def in_order(connection: Connection, ids: Sequence[str]) -> list[Meeting]:
    by_id = {m.id: m for m in res.load_meetings(connection, ids)}
    return [by_id[i] for i in ids if i in by_id]
