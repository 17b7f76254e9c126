"""The store's queries about people, mechanisms and topic trends.

:class:`InsightMethods` is a part of :class:`bilateral.store.Store`. Its queries aggregate in
SQL over indexed columns (``person_mentions.person_id``, the keys of ``meeting_members``,
``meetings.mechanism_id`` and ``block``, ``meeting_topics``) and parse stored JSON only for
the rows of one page, so that a page costs the same in a store of ten or ten thousand
documents. The one value read out of a meeting's JSON in SQL (its resolved date) goes
through :func:`_json_text`, which speaks both SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    distinct,
    extract,
    func,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB

from bilateral.resolved import CommitmentStatus, Mechanism, Person
from bilateral.store.database import Database
from bilateral.store.resolutions import (
    COMMITMENTS,
    MECHANISMS,
    MEETINGS,
    MEMBERS,
    MENTIONS,
    PEOPLE,
    TOPICS,
)


@dataclass(frozen=True)
class AttendedMeeting:
    """A meeting someone appears in: its resolved date, kind, block and mechanism."""

    meeting_id: str
    date: str | None
    kind: str
    block: str
    mechanism_id: str | None
    mechanism: str | None


@dataclass(frozen=True)
class PersonRef:
    """A person to link to; ``meetings`` counts the meetings shared with someone."""

    person_id: str
    name: str
    country: str | None
    meetings: int = 0


@dataclass(frozen=True)
class MeetingHead:
    """A person who led a side at a meeting."""

    meeting_id: str
    person_id: str
    name: str
    country: str | None


@dataclass(frozen=True)
class YearCount:
    """How many meetings of a year (None: undated) discussed a topic (None: any topic)."""

    code: str | None
    year: int | None
    meetings: int


def _json_text(dialect: str, column: Any, *path: str) -> ColumnElement[str]:
    """A text value inside a JSON text column (``record.date``), on SQLite or PostgreSQL."""
    if dialect == "postgresql":
        return func.jsonb_extract_path_text(cast(column, JSONB), *path, type_=String)
    return func.json_extract(column, "$." + ".".join(path), type_=String)


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive ``column`` contains ``text``, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")  # type: ignore[no-any-return]


def _same_engagement(a: Any, b: Any) -> ColumnElement[bool]:
    return and_(a.c.document_id == b.c.document_id, a.c.ordinal == b.c.ordinal)


def _meeting_filter(block: str | None, mechanism_id: str | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if block is not None:
        where.append(MEETINGS.c.block == block)
    if mechanism_id is not None:
        where.append(MEETINGS.c.mechanism_id == mechanism_id)
    return where


class InsightMethods:
    _db: Database
    _clock: Callable[[], datetime]

    # ------------------------------------------------------------------ people

    def find_people(
        self, *, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> tuple[list[Person], int]:
        """One page of people by name, and how many match in all. ``name`` matches the
        canonical name or any spelling seen (case-insensitive, as a substring)."""
        where: list[ColumnElement[bool]] = []
        if name:
            spelled = select(MENTIONS.c.person_id).where(_contains(MENTIONS.c.name, name))
            where.append(or_(_contains(PEOPLE.c.name, name), PEOPLE.c.id.in_(spelled)))
        page = select(PEOPLE.c.data).where(*where).order_by(PEOPLE.c.name, PEOPLE.c.id)
        total = select(func.count()).select_from(PEOPLE).where(*where)
        with self._db.read("find people") as connection:
            rows = connection.execute(page.limit(max(1, limit)).offset(max(0, offset)))
            people = [Person.model_validate_json(data) for data in rows.scalars()]
            return people, int(connection.execute(total).scalar_one())

    def meetings_attended(self, person_id: str) -> list[AttendedMeeting]:
        """The meetings a person appears in, newest first (undated last)."""
        me, mm, mt, mc = MENTIONS, MEMBERS, MEETINGS, MECHANISMS
        date = _json_text(self._db.dialect, mt.c.data, "record", "date")
        statement = (
            select(mt.c.id, date, mt.c.kind, mt.c.block, mt.c.mechanism_id, mc.c.name,
                   mt.c.sort_date)
            .select_from(me)
            .join(mm, _same_engagement(mm, me))
            .join(mt, mt.c.id == mm.c.meeting_id)
            .outerjoin(mc, mc.c.id == mt.c.mechanism_id)
            .where(me.c.person_id == person_id)
            .distinct()
            .order_by(mt.c.sort_date.desc().nulls_last(), mt.c.id)
        )  # fmt: skip
        with self._db.read("list the meetings of a person") as connection:
            return [AttendedMeeting(*row[:6]) for row in connection.execute(statement)]

    def counterparts_of(self, person_id: str, country: str | None) -> list[PersonRef]:
        """Who led the other side (a country other than ``country``) of the meetings a person
        appears in, with the number of such meetings; most met first."""
        me, mm, p = MENTIONS.alias("me"), MEMBERS.alias("mm"), PEOPLE
        other_mm, other = MEMBERS.alias("other_mm"), MENTIONS.alias("other")
        shared = func.count(distinct(mm.c.meeting_id))
        side = func.coalesce(p.c.country, other.c.country)
        statement = (
            select(p.c.id, p.c.name, p.c.country, shared)
            .select_from(me)
            .join(mm, _same_engagement(mm, me))
            .join(other_mm, other_mm.c.meeting_id == mm.c.meeting_id)
            .join(other, _same_engagement(other, other_mm))
            .join(p, p.c.id == other.c.person_id)
            .where(me.c.person_id == person_id, other.c.role == "head",
                   other.c.person_id != person_id)
            .group_by(p.c.id, p.c.name, p.c.country)
            .order_by(shared.desc(), p.c.name, p.c.id)
        )  # fmt: skip
        if country is not None:
            statement = statement.where(or_(side.is_(None), side != country))
        with self._db.read("find the counterparts of a person") as connection:
            return [PersonRef(*row) for row in connection.execute(statement)]

    # ------------------------------------------------------------------ mechanisms

    def find_mechanisms(
        self,
        *,
        block: str | None = None,
        name: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Mechanism], int]:
        """One page of mechanisms by block and name, and how many match in all."""
        t = MECHANISMS
        where: list[ColumnElement[bool]] = []
        if block is not None:
            where.append(t.c.block == block)
        if name:
            where.append(_contains(t.c.name, name))
        page = select(t.c.data).where(*where).order_by(t.c.block, t.c.name, t.c.id)
        total = select(func.count()).select_from(t).where(*where)
        with self._db.read("find mechanisms") as connection:
            rows = connection.execute(page.limit(max(1, limit)).offset(max(0, offset)))
            found = [Mechanism.model_validate_json(data) for data in rows.scalars()]
            return found, int(connection.execute(total).scalar_one())

    def mechanism_heads(self, mechanism_id: str) -> list[MeetingHead]:
        """Who led each side of each meeting of a mechanism, by meeting, country and name."""
        mt, mm, me, p = MEETINGS, MEMBERS, MENTIONS, PEOPLE
        statement = (
            select(mt.c.id, p.c.id, p.c.name, p.c.country)
            .select_from(mt)
            .join(mm, mm.c.meeting_id == mt.c.id)
            .join(me, _same_engagement(me, mm))
            .join(p, p.c.id == me.c.person_id)
            .where(mt.c.mechanism_id == mechanism_id, me.c.role == "head")
            .distinct()
            .order_by(mt.c.id, p.c.country, p.c.name, p.c.id)
        )
        with self._db.read("list the heads of a mechanism's rounds") as connection:
            return [MeetingHead(*row) for row in connection.execute(statement)]

    def mechanism_topics(self, mechanism_id: str) -> list[tuple[str, str]]:
        """``(meeting id, topic code)`` for every topic of every meeting of a mechanism."""
        statement = (
            select(TOPICS.c.meeting_id, TOPICS.c.code)
            .join(MEETINGS, MEETINGS.c.id == TOPICS.c.meeting_id)
            .where(MEETINGS.c.mechanism_id == mechanism_id)
            .order_by(TOPICS.c.meeting_id, TOPICS.c.code)
        )
        with self._db.read("list the topics of a mechanism") as connection:
            return [(str(m), str(c)) for m, c in connection.execute(statement)]

    def mechanism_commitments(self, mechanism_id: str) -> list[CommitmentStatus]:
        """The commitments made at the meetings of a mechanism, oldest meeting first."""
        statement = (
            select(COMMITMENTS.c.data)
            .join(MEETINGS, MEETINGS.c.id == COMMITMENTS.c.meeting_id)
            .where(MEETINGS.c.mechanism_id == mechanism_id)
            .order_by(MEETINGS.c.sort_date.nulls_last(), COMMITMENTS.c.id)
        )
        with self._db.read("list the commitments of a mechanism") as connection:
            rows = connection.execute(statement).scalars()
            return [CommitmentStatus.model_validate_json(data) for data in rows]

    # ------------------------------------------------------------------ topics

    def topic_years(
        self, *, block: str | None = None, mechanism_id: str | None = None
    ) -> list[YearCount]:
        """Meetings per topic and year, then (``code`` None) meetings per year whatever their
        topics, undated ones (``year`` None) included; of one block and/or mechanism."""
        year = extract("year", MEETINGS.c.sort_date)
        where = _meeting_filter(block, mechanism_id)
        by_topic: Select[Any] = (
            select(TOPICS.c.code, year, func.count())
            .select_from(MEETINGS)
            .join(TOPICS, TOPICS.c.meeting_id == MEETINGS.c.id)
            .where(MEETINGS.c.sort_date.is_not(None), *where)
            .group_by(year, TOPICS.c.code)  # year first: SQLite then skips the code index,
        )  # and its scan in code order that costs a row lookup per topic, twice as slow
        by_year = select(year, func.count()).select_from(MEETINGS).where(*where).group_by(year)
        with self._db.read("count topics by year") as connection:
            found = [YearCount(c, int(y), int(n)) for c, y, n in connection.execute(by_topic)]
            found += [
                YearCount(None, None if y is None else int(y), int(n))
                for y, n in connection.execute(by_year)
            ]
            return found

    def meeting_blocks(self) -> list[tuple[str, int]]:
        """Every block that has meetings, with how many, by block."""
        count = func.count()
        statement = (
            select(MEETINGS.c.block, count).group_by(MEETINGS.c.block).order_by(MEETINGS.c.block)
        )
        with self._db.read("list the blocks of meetings") as connection:
            return [(str(b), int(n)) for b, n in connection.execute(statement)]
