"""What resolution concluded, kept block by block: meetings, mechanisms, commitments, people.

Each object is stored whole as JSON (``data``) beside the columns pages filter and sort on;
:func:`replace_blocks` and :func:`replace_people` swap a set of blocks in one transaction,
which is what makes resolution incremental.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select

from bilateral.errors import NotFound
from bilateral.resolved import (
    Appearance,
    CommitmentStatus,
    EngagementKey,
    Mechanism,
    Meeting,
    Person,
)
from bilateral.store.engagements import ENGAGEMENTS, sort_date
from bilateral.store.reports import chunks
from bilateral.store.tables import (
    CommitmentStatusRow,
    MechanismRow,
    MeetingMemberRow,
    MeetingRow,
    PersonMentionRow,
    PersonRow,
)

MEETINGS: Table = MeetingRow.__table__  # type: ignore[assignment]
MEMBERS: Table = MeetingMemberRow.__table__  # type: ignore[assignment]
MECHANISMS: Table = MechanismRow.__table__  # type: ignore[assignment]
COMMITMENTS: Table = CommitmentStatusRow.__table__  # type: ignore[assignment]
PEOPLE: Table = PersonRow.__table__  # type: ignore[assignment]
MENTIONS: Table = PersonMentionRow.__table__  # type: ignore[assignment]


def _delete_blocks(connection: Connection, table: Table, blocks: Sequence[str] | None) -> None:
    if blocks is None:
        connection.execute(delete(table))
        return
    for batch in chunks(sorted(set(blocks))):
        connection.execute(delete(table).where(table.c.block.in_(batch)))


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for batch in chunks(rows, 2000):
        connection.execute(insert(table), list(batch))


def replace_blocks(
    connection: Connection,
    blocks: Sequence[str] | None,
    meetings: Sequence[Meeting],
    mechanisms: Sequence[Mechanism],
    commitments: Sequence[CommitmentStatus],
) -> None:
    """Make these the meetings, mechanisms and commitments of ``blocks`` (all when None)."""
    if blocks is None:
        connection.execute(delete(MEMBERS))
    else:
        for batch in chunks(sorted(set(blocks))):
            ids = select(MEETINGS.c.id).where(MEETINGS.c.block.in_(batch))
            connection.execute(delete(MEMBERS).where(MEMBERS.c.meeting_id.in_(ids)))
    for table in (MEETINGS, MECHANISMS, COMMITMENTS):
        _delete_blocks(connection, table, blocks)
    _insert(connection, MEETINGS, [_meeting_row(m) for m in meetings])
    _insert(connection, MEMBERS, [
        {"document_id": k.document_id, "ordinal": k.ordinal, "meeting_id": m.id}
        for m in meetings for k in m.members
    ])  # fmt: skip
    _insert(connection, MECHANISMS, [
        {"id": m.id, "block": m.block, "name": m.name, "data": m.model_dump_json()}
        for m in mechanisms
    ])  # fmt: skip
    _insert(connection, COMMITMENTS, [
        {"id": c.id, "block": c.block, "status": c.status, "due": c.due,
         "meeting_id": c.meeting_id, "data": c.model_dump_json()}
        for c in commitments
    ])  # fmt: skip


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "block": meeting.block,
        "sort_date": sort_date(meeting.record.date),
        "kind": meeting.record.kind,
        "mechanism_id": meeting.mechanism_id,
        "data": meeting.model_dump_json(),
    }


def replace_people(
    connection: Connection, blocks: Sequence[str] | None, people: Sequence[Person]
) -> None:
    """Make these the people of the person ``blocks`` (all when None), with their mentions."""
    for table in (MENTIONS, PEOPLE):
        _delete_blocks(connection, table, blocks)
    _insert(connection, PEOPLE, [
        {"id": p.id, "block": p.block, "name": p.name, "country": p.country,
         "data": p.model_dump_json()}
        for p in people
    ])  # fmt: skip
    _insert(connection, MENTIONS, [
        {"document_id": a.key.document_id, "ordinal": a.key.ordinal,
         "participant": a.participant, "block": p.block, "person_id": p.id, "name": a.name,
         "title": a.title, "organization": a.organization, "country": a.country,
         "role": a.role, "date": a.date}
        for p in people for a in p.appearances
    ])  # fmt: skip


# --------------------------------------------------------------------------- reading


def meeting_ids_of(connection: Connection, keys: Sequence[tuple[str, int]]) -> dict[str, str]:
    """``{"document_id:ordinal": meeting id}`` for the engagements given."""
    found: dict[str, str] = {}
    wanted = set(keys)
    for document_ids in chunks(sorted({d for d, _ in keys})):
        statement = select(MEMBERS).where(MEMBERS.c.document_id.in_(document_ids))
        for row in connection.execute(statement):
            if (row.document_id, row.ordinal) in wanted:
                found[f"{row.document_id}:{row.ordinal}"] = row.meeting_id
    return found


def load_meetings(connection: Connection, ids: Sequence[str]) -> list[Meeting]:
    meetings: list[Meeting] = []
    for batch in chunks(sorted(set(ids))):
        statement = select(MEETINGS.c.data).where(MEETINGS.c.id.in_(batch))
        meetings += [
            Meeting.model_validate_json(d) for d in connection.execute(statement).scalars()
        ]
    return meetings


def get_one(connection: Connection, table: Table, ident: str, label: str) -> str:
    """The ``data`` (JSON text) of one row; :class:`NotFound` if there is none."""
    data = connection.execute(select(table.c.data).where(table.c.id == ident)).scalar()
    if data is None:
        raise NotFound(f"no {label} with id {ident!r}")
    return str(data)


def load_appearances(
    connection: Connection, blocks: Sequence[str], *, skip: set[tuple[str, int]]
) -> list[Appearance]:
    """The stored appearances of people in the family-name ``blocks`` (except those of the
    engagements in ``skip``, and of engagements no longer stored), with the meeting each
    engagement belongs to now."""
    m, mm, e = MENTIONS, MEMBERS, ENGAGEMENTS
    found: list[Appearance] = []
    for batch in chunks(sorted(set(blocks))):
        statement = (
            select(m, mm.c.meeting_id.label("current_meeting"))
            .join(e, (e.c.document_id == m.c.document_id) & (e.c.ordinal == m.c.ordinal))
            .outerjoin(mm, (mm.c.document_id == m.c.document_id) & (mm.c.ordinal == m.c.ordinal))
            .where(m.c.block.in_(batch))
        )
        found += [
            Appearance(
                key=EngagementKey(document_id=row.document_id, ordinal=row.ordinal),
                participant=row.participant, name=row.name, title=row.title,
                organization=row.organization, country=row.country, role=row.role,
                date=row.date, meeting_id=row.current_meeting,
            )
            for row in connection.execute(statement)
            if (row.document_id, row.ordinal) not in skip
        ]  # fmt: skip
    return found


def with_current_meetings(connection: Connection, person: Person) -> Person:
    """The person with each appearance's meeting as it is now (meetings are re-resolved
    block by block, so the id stored with the person may be out of date)."""
    keys = [(a.key.document_id, a.key.ordinal) for a in person.appearances]
    current = meeting_ids_of(connection, keys)
    appearances = [
        a.model_copy(update={"meeting_id": current.get(str(a.key))}) for a in person.appearances
    ]
    return person.model_copy(update={"appearances": appearances})


def count_rows(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())
