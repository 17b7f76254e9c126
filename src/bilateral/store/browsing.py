"""The store's queries for browsing: timelines with facets, the home page, a meeting's page.

:class:`BrowsingMethods` is a part of :class:`bilateral.store.Store`. Filtering, counting and
paging happen in SQL on the ``meetings`` columns and their side tables (``meeting_topics``,
``meeting_members`` and ``person_mentions``), so a page reads the 50 meetings it shows, not
every meeting of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    func,
    literal_column,
    select,
    tuple_,
)

from bilateral.errors import ValidationError
from bilateral.records import StoredDocument
from bilateral.resolved import CommitmentStatus, Meeting, Person
from bilateral.store import documents as docs
from bilateral.store import resolutions as res
from bilateral.store.database import Database
from bilateral.store.facets import (
    FACETS,
    PEOPLE_FACET_LIMIT,
    Count,
    MeetingQuery,
    browse,
    in_order,
)

__all__ = ["FACETS", "BrowsingMethods", "Count", "MeetingPage", "MeetingQuery", "Mention",
           "RecentDocument"]  # fmt: skip

_MM, _PM = res.MEMBERS, res.MENTIONS


@dataclass(frozen=True)
class MeetingPage:
    """One page of the timeline, the number of meetings matching, and the facets."""

    meetings: list[Meeting]
    total: int
    facets: dict[str, list[Count]] = field(default_factory=dict)


@dataclass(frozen=True)
class RecentDocument:
    """A document as the home page lists it: without its text, with its meetings."""

    document: StoredDocument
    meetings: list[Meeting]


@dataclass(frozen=True)
class Mention:
    """A participant of one reported engagement and the person resolution made of them."""

    document_id: str
    ordinal: int
    participant: int
    name: str
    country: str | None
    person: Person


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _check_page(limit: int, offset: int) -> None:
    if limit < 1 or offset < 0:
        raise ValidationError("limit must be at least 1 and offset at least 0")


class BrowsingMethods:
    _db: Database
    _clock: Callable[[], datetime]

    # ------------------------------------------------------------------ timeline

    def browse_meetings(
        self,
        query: MeetingQuery,
        *,
        limit: int = 50,
        offset: int = 0,
        facets: Sequence[str] = FACETS,
        facet_limit: int = 12,
        people_up_to: int = PEOPLE_FACET_LIMIT,
    ) -> MeetingPage:
        """Meetings matching ``query`` newest first (undated last), how many match, and for
        each facet its ``facet_limit`` most frequent values among them. People are counted
        only when at most ``people_up_to`` meetings match (or one person is chosen)."""
        _check_page(limit, offset)
        with self._db.read("browse meetings") as connection:
            ids, total, counts = browse(connection, query, facets, limit, offset,
                                         facet_limit, people_up_to)  # fmt: skip
            return MeetingPage(in_order(connection, ids), total, counts)

    def count_values(self, facet: str, *, limit: int = 10) -> list[Count]:
        """The ``limit`` values of a facet (``pair``, ``mechanism``, ...) with most meetings."""
        if facet not in FACETS:
            raise ValidationError(f"no facet {facet!r}; facets: {', '.join(FACETS)}")
        return self.browse_meetings(MeetingQuery(), limit=1, facets=[facet], facet_limit=limit,
                                    people_up_to=1 << 62).facets[facet]  # fmt: skip

    # ------------------------------------------------------------------ home

    def recent_documents(self, *, limit: int = 10) -> list[RecentDocument]:
        """The documents ingested last, newest first, each with the meetings it reports."""
        d = docs.DOCUMENTS
        # On SQLite the rowid is the order of insertion, which is the order of ingestion,
        # and reading it needs no scan of the (large) document rows.
        newest = (literal_column("documents.rowid").desc(),) if self._db.dialect == "sqlite" else (
            d.c.ingested_at.desc(), d.c.id)  # fmt: skip
        with self._db.read("list recent documents") as connection:
            rows = connection.execute(
                docs.select_documents(with_text=False).order_by(*newest).limit(limit)
            ).all()
            found = docs.views(connection, rows)
            links = connection.execute(
                select(_MM.c.document_id, _MM.c.meeting_id)
                .where(_MM.c.document_id.in_([r.id for r in found]))
                .order_by(_MM.c.document_id, _MM.c.ordinal)
            ).all()
            meetings = {m.id: m for m in res.load_meetings(connection, [m for _, m in links])}
        return [
            RecentDocument(document=document, meetings=list({
                m: meetings[m] for doc, m in links if doc == document.id and m in meetings
            }.values()))
            for document in found
        ]  # fmt: skip

    def find_commitments(
        self,
        *,
        status: str | None = None,
        due_from: str | None = None,
        due_before: str | None = None,
        latest_first: bool = False,
        limit: int = 10,
        offset: int = 0,
    ) -> tuple[list[CommitmentStatus], int]:
        """Commitments of a status whose due date (an ISO date or prefix) is at or after
        ``due_from`` and before ``due_before``, by due date; and how many there are."""
        _check_page(limit, offset)
        c = res.COMMITMENTS
        where: list[ColumnElement[bool]] = []
        if status is not None:
            where.append(c.c.status == status)
        if due_from is not None:
            where.append(c.c.due >= due_from)
        if due_before is not None:
            where.append(c.c.due < due_before)
        due = c.c.due.desc().nulls_last() if latest_first else c.c.due.asc().nulls_last()
        with self._db.read("find commitments") as connection:
            total = connection.execute(select(func.count()).select_from(c).where(*where))
            rows = connection.execute(
                select(c.c.data).where(*where).order_by(due, c.c.id).limit(limit).offset(offset)
            ).scalars()
            found = [CommitmentStatus.model_validate_json(data) for data in rows]
            return found, int(total.scalar_one())

    # ------------------------------------------------------------------ one meeting

    def mentions_in(self, keys: Sequence[tuple[str, int]]) -> list[Mention]:
        """The people named in these engagements (``(document id, ordinal)`` pairs)."""
        if not keys:
            return []
        people = _PM.join(res.PEOPLE, res.PEOPLE.c.id == _PM.c.person_id)
        statement = (
            select(_PM.c.document_id, _PM.c.ordinal, _PM.c.participant, _PM.c.name,
                   _PM.c.country, res.PEOPLE.c.data)
            .select_from(people)
            .where(tuple_(_PM.c.document_id, _PM.c.ordinal).in_(list(keys)))
            .order_by(_PM.c.document_id, _PM.c.ordinal, _PM.c.participant)
        )  # fmt: skip
        with self._db.read("find the people of a meeting") as connection:
            rows = connection.execute(statement).all()
        return [
            Mention(document_id=d, ordinal=o, participant=p, name=name, country=country,
                    person=Person.model_validate_json(data))
            for d, o, p, name, country, data in rows
        ]  # fmt: skip

    def commitments_of_meeting(self, meeting: Meeting) -> tuple[list[CommitmentStatus], ...]:
        """The commitments made at ``meeting``, and those of its block it carried out."""
        c = res.COMMITMENTS
        pattern = f'%"meeting_id":"{_escape_like(meeting.id)}"%'
        with self._db.read("read the commitments of a meeting") as connection:
            made = connection.execute(
                select(c.c.data).where(c.c.meeting_id == meeting.id).order_by(c.c.id)
            ).scalars()
            made_here = [CommitmentStatus.model_validate_json(data) for data in made]
            linked = connection.execute(
                select(c.c.data).where(c.c.block == meeting.block, c.c.meeting_id != meeting.id,
                                       c.c.data.like(pattern, escape="\\")).order_by(c.c.id)
            ).scalars()  # fmt: skip
            carried = [CommitmentStatus.model_validate_json(data) for data in linked]
        fulfilled = [c for c in carried if any(k.meeting_id == meeting.id for k in c.links)]
        return made_here, fulfilled

    def meetings_by_id(self, ids: Sequence[str]) -> list[Meeting]:
        """The stored meetings with these ids, in the order given (unknown ids left out)."""
        with self._db.read("read meetings") as connection:
            return in_order(connection, list(dict.fromkeys(ids)))
