"""What resolution concluded, kept block by block: meetings, mechanisms, commitments, people.

Each object is stored whole as JSON (``data``) beside the columns pages filter and sort on;
:func:`replace_blocks` and :func:`replace_people` swap a set of blocks in one transaction,
which is what makes resolution incremental.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    tuple_,
    update,
)

from bilateral.errors import NotFound, ValidationError
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
    MeetingTopicRow,
    PersonMentionRow,
    PersonRow,
)

MEETINGS: Table = MeetingRow.__table__  # type: ignore[assignment]
MEMBERS: Table = MeetingMemberRow.__table__  # type: ignore[assignment]
TOPICS: Table = MeetingTopicRow.__table__  # type: ignore[assignment]
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
    """Make these the meetings, mechanisms and commitments of ``blocks`` (all when None).

    Only rows whose object changed are rewritten: adding a document to a block usually
    changes a meeting or two of it, not the dozens of others.
    """
    changed = _sync(connection, MEETINGS, blocks, [_meeting_row(m) for m in meetings])
    for batch in chunks(sorted(changed)):
        connection.execute(delete(MEMBERS).where(MEMBERS.c.meeting_id.in_(batch)))
    _insert(connection, MEMBERS, [
        {"document_id": k.document_id, "ordinal": k.ordinal, "meeting_id": m.id}
        for m in meetings if m.id in changed for k in m.members
    ])  # fmt: skip
    for batch in chunks(sorted(changed)):
        connection.execute(delete(TOPICS).where(TOPICS.c.meeting_id.in_(batch)))
    _insert(connection, TOPICS, [
        {"meeting_id": m.id, "code": code}
        for m in meetings if m.id in changed for code in sorted(set(m.record.topics))
    ])  # fmt: skip
    _sync(connection, MECHANISMS, blocks, [
        {"id": m.id, "block": m.block, "name": m.name, "data": m.model_dump_json()}
        for m in mechanisms
    ])  # fmt: skip
    _sync(connection, COMMITMENTS, blocks, [
        {"id": c.id, "block": c.block, "status": c.status, "due": c.due,
         "meeting_id": c.meeting_id, "data": c.model_dump_json()}
        for c in commitments
    ])  # fmt: skip


def _sync(
    connection: Connection, table: Table, blocks: Sequence[str] | None, rows: list[dict[str, Any]]
) -> set[str]:
    """Make ``rows`` the rows of ``blocks`` in ``table``, touching only what differs; the ids
    of the rows deleted, replaced or added."""
    statements = (
        [select(table.c.id, table.c.data)]
        if blocks is None
        else [select(table.c.id, table.c.data).where(table.c.block.in_(b))
              for b in chunks(sorted(set(blocks)))]
    )  # fmt: skip
    stored = {i: data for statement in statements for i, data in connection.execute(statement)}
    wanted = {row["id"]: row for row in rows}
    stale = [i for i, data in stored.items() if i not in wanted or wanted[i]["data"] != data]
    for batch in chunks(sorted(stale)):
        connection.execute(delete(table).where(table.c.id.in_(batch)))
    fresh = [row for i, row in wanted.items() if stored.get(i) != row["data"]]
    _insert(connection, table, fresh)
    return set(stale) | {row["id"] for row in fresh}


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
    """Make these the people of the person ``blocks`` (all when None), with their mentions.

    A person's appearances are kept as ``person_mentions`` rows, not in its JSON; rows that
    did not change (same engagement, participant, person and wording) are left in place, so
    an update writes what changed, not every appearance of everyone it touched.
    """
    old = _mention_rows(connection, blocks)
    new = {_mention_key(row): row for row in _rows_of(people)}
    gone = [key for key, row in old.items() if new.get(key) != row]
    for batch in chunks(gone):
        connection.execute(delete(MENTIONS).where(
            tuple_(MENTIONS.c.document_id, MENTIONS.c.ordinal, MENTIONS.c.participant)
            .in_(list(batch))))  # fmt: skip
    _upsert_people(connection, blocks, people)
    _insert(connection, MENTIONS, [row for key, row in new.items() if old.get(key) != row])


def _upsert_people(
    connection: Connection, blocks: Sequence[str] | None, people: Sequence[Person]
) -> None:
    """Delete the people of ``blocks`` that are gone (their mentions go with them), update
    the ones that stay (so their unchanged mention rows stay too) and insert the new ones."""
    rows = [{"person": p.id, "block": p.block, "name": p.name, "country": p.country,
             "data": p.model_dump_json(exclude={"appearances"})} for p in people]  # fmt: skip
    wanted = {row["person"] for row in rows}
    statements = (
        [select(PEOPLE.c.id)]
        if blocks is None
        else [select(PEOPLE.c.id).where(PEOPLE.c.block.in_(b)) for b in chunks(sorted(set(blocks)))]
    )
    existing = {i for statement in statements for i in connection.execute(statement).scalars()}
    for batch in chunks(sorted(existing - wanted)):
        connection.execute(delete(PEOPLE).where(PEOPLE.c.id.in_(batch)))
    kept = [row for row in rows if row["person"] in existing]
    if kept:
        statement = update(PEOPLE).where(PEOPLE.c.id == bindparam("person"))
        connection.execute(statement, kept)
    _insert(connection, PEOPLE, [
        {"id": row.pop("person"), **row} for row in rows if row["person"] not in existing
    ])  # fmt: skip


_MENTION_COLUMNS = ("document_id", "ordinal", "participant", "block", "person_id", "name",
                    "title", "organization", "country", "role", "date")  # fmt: skip
MentionKey = tuple[str, int, int]


def _mention_key(row: dict[str, Any]) -> MentionKey:
    return row["document_id"], row["ordinal"], row["participant"]


def _rows_of(people: Sequence[Person]) -> list[dict[str, Any]]:
    return [
        {"document_id": a.key.document_id, "ordinal": a.key.ordinal,
         "participant": a.participant, "block": p.block, "person_id": p.id, "name": a.name,
         "title": a.title, "organization": a.organization, "country": a.country,
         "role": a.role, "date": a.date}
        for p in people for a in p.appearances
    ]  # fmt: skip


def _mention_rows(
    connection: Connection, blocks: Sequence[str] | None
) -> dict[MentionKey, dict[str, Any]]:
    columns = [MENTIONS.c[name] for name in _MENTION_COLUMNS]
    statements = (
        [select(*columns)]
        if blocks is None
        else [select(*columns).where(MENTIONS.c.block.in_(b)) for b in chunks(sorted(set(blocks)))]
    )
    rows: dict[MentionKey, dict[str, Any]] = {}
    for statement in statements:
        for values in connection.execute(statement):
            row = dict(zip(_MENTION_COLUMNS, values, strict=True))
            rows[_mention_key(row)] = row
    return rows


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
            select(m.c.document_id, m.c.ordinal, m.c.participant, m.c.name, m.c.title,
                   m.c.organization, m.c.country, m.c.role, m.c.date, mm.c.meeting_id)
            .join(e, (e.c.document_id == m.c.document_id) & (e.c.ordinal == m.c.ordinal))
            .outerjoin(mm, (mm.c.document_id == m.c.document_id) & (mm.c.ordinal == m.c.ordinal))
            .where(m.c.block.in_(batch))
        )  # fmt: skip
        found += [
            _appearance(row) for row in connection.execute(statement)
            if (row[0], row[1]) not in skip
        ]  # fmt: skip
    return found


def _appearance(row: Any) -> Appearance:
    """An appearance from trusted columns, without validation (thousands per update)."""
    document_id, ordinal, participant, name, title, organization, country, role, when, meeting = row
    return Appearance.model_construct(
        key=EngagementKey.model_construct(document_id=document_id, ordinal=ordinal),
        participant=participant, name=name, title=title, organization=organization,
        country=country, role=role, date=when, meeting_id=meeting,
    )  # fmt: skip


def appearances_of_person(connection: Connection, person: Person) -> Person:
    """The person with its appearances, each with the meeting its engagement is in now."""
    m, mm = MENTIONS, MEMBERS
    statement = (
        select(m.c.document_id, m.c.ordinal, m.c.participant, m.c.name, m.c.title,
               m.c.organization, m.c.country, m.c.role, m.c.date, mm.c.meeting_id)
        .outerjoin(mm, (mm.c.document_id == m.c.document_id) & (mm.c.ordinal == m.c.ordinal))
        .where(m.c.person_id == person.id)
    )  # fmt: skip
    found = [_appearance(row) for row in connection.execute(statement)]
    found.sort(key=lambda a: (a.date is None, a.date or "", a.key.document_id, a.key.ordinal,
                              a.participant))  # fmt: skip
    return person.model_copy(update={"appearances": found})


def count_rows(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def blocks_ending(connection: Connection, suffixes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for suffix in suffixes:
        pattern = "%|" + suffix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = select(PEOPLE.c.block).where(PEOPLE.c.block.like(pattern, escape="\\"))
        found.update(connection.execute(statement.distinct()).scalars())
    return found


def meetings_in_blocks(connection: Connection, blocks: Sequence[str]) -> list[Meeting]:
    meetings: list[Meeting] = []
    for batch in chunks(sorted(set(blocks))):
        statement = select(MEETINGS.c.data).where(MEETINGS.c.block.in_(batch))
        meetings += [
            Meeting.model_validate_json(d) for d in connection.execute(statement).scalars()
        ]
    return meetings


MIN_PREFIX = 6


def unique_id(connection: Connection, table: Table, id_or_prefix: str, label: str) -> str:
    """``id_or_prefix`` itself if a row has it, else the one id starting with it."""
    if connection.execute(select(table.c.id).where(table.c.id == id_or_prefix)).first():
        return id_or_prefix
    if len(id_or_prefix) >= MIN_PREFIX:
        pattern = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = (
            connection.execute(
                select(table.c.id).where(table.c.id.like(pattern, escape="\\")).limit(2)
            )
            .scalars()
            .all()
        )
        if len(found) == 1:
            return str(found[0])
        if found:
            raise ValidationError(f"several {label}s have ids starting with {id_or_prefix!r}",
                                  code="ambiguous")  # fmt: skip
    raise NotFound(f"no {label} with id {id_or_prefix!r}")
