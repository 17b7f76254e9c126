"""The store's methods for resolution: reports in, resolved objects and corrections out.

:class:`ResolutionMethods` is a part of :class:`bilateral.store.Store`; it is kept in its own
module so that each file stays about one thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import select

from bilateral.errors import ValidationError
from bilateral.resolved import (
    Appearance,
    CommitmentStatus,
    Correction,
    Mechanism,
    Meeting,
    Person,
    Report,
    Resolution,
)
from bilateral.store import corrections as corr
from bilateral.store import reports as rep
from bilateral.store import resolutions as res
from bilateral.store.database import Database


class ResolutionMethods:
    _db: Database
    _clock: Callable[[], datetime]

    # ------------------------------------------------------------------ input

    def load_reports(
        self, *, blocks: Sequence[str] | None = None, with_text: bool = False
    ) -> list[Report]:
        """The engagements of ``blocks`` (every engagement when None) as resolution reports."""
        with self._db.read("load reports") as connection:
            return rep.reports_in_blocks(connection, blocks, with_text=with_text)

    def load_appearances(
        self, person_blocks: Sequence[str], *, skip: set[tuple[str, int]] | None = None
    ) -> list[Appearance]:
        """Stored appearances of the people in ``person_blocks``, except those of the
        engagements in ``skip`` (``(document_id, ordinal)`` pairs)."""
        with self._db.read("load appearances") as connection:
            return res.load_appearances(connection, person_blocks, skip=skip or set())

    def person_blocks_ending(self, suffixes: Sequence[str]) -> set[str]:
        """The stored person blocks written ``<anything>|<suffix>``, for these suffixes."""
        with self._db.read("find person blocks") as connection:
            return res.blocks_ending(connection, suffixes)

    def blocks_of_documents(self, document_ids: Sequence[str]) -> set[str]:
        with self._db.read("find the blocks of documents") as connection:
            return rep.blocks_of_documents(connection, document_ids)

    # ------------------------------------------------------------------ output

    def save_resolution(
        self,
        resolution: Resolution,
        *,
        blocks: Sequence[str] | None,
        person_blocks: Sequence[str] | None,
    ) -> None:
        """Replace what is stored for ``blocks`` and ``person_blocks`` (all when None)."""
        with self._db.write("save the resolution") as connection:
            res.replace_blocks(connection, blocks, resolution.meetings,
                               resolution.mechanisms, resolution.commitments)  # fmt: skip
            res.replace_people(connection, person_blocks, resolution.people)

    def meetings_of(self, keys: Sequence[tuple[str, int]]) -> list[Meeting]:
        """The stored meetings holding these engagements."""
        with self._db.read("read meetings") as connection:
            ids = res.meeting_ids_of(connection, keys)
            return res.load_meetings(connection, sorted(set(ids.values())))

    def meetings_in_blocks(self, blocks: Sequence[str]) -> list[Meeting]:
        """The stored meetings of these blocks."""
        with self._db.read("read meetings") as connection:
            return res.meetings_in_blocks(connection, blocks)

    def meeting_id_of(self, document_id: str, ordinal: int) -> str | None:
        with self._db.read("find a meeting") as connection:
            return res.meeting_ids_of(connection, [(document_id, ordinal)]).get(
                f"{document_id}:{ordinal}"
            )

    # ------------------------------------------------------------------ reading

    def get_meeting(self, meeting_id: str) -> Meeting:
        with self._db.read("read a meeting") as connection:
            return Meeting.model_validate_json(
                res.get_one(connection, res.MEETINGS, meeting_id, "meeting")
            )

    def find_meeting(self, id_or_prefix: str) -> Meeting:
        """The meeting with this id, or the only one whose id starts with it (at least 6
        characters); :class:`NotFound` if none, :class:`ValidationError` if several."""
        with self._db.read("find a meeting") as connection:
            ident = res.unique_id(connection, res.MEETINGS, id_or_prefix, "meeting")
            return Meeting.model_validate_json(
                res.get_one(connection, res.MEETINGS, ident, "meeting")
            )

    def get_person(self, person_id: str) -> Person:
        with self._db.read("read a person") as connection:
            person = Person.model_validate_json(
                res.get_one(connection, res.PEOPLE, person_id, "person")
            )
            return res.appearances_of_person(connection, person)

    def get_mechanism(self, mechanism_id: str) -> Mechanism:
        with self._db.read("read a mechanism") as connection:
            data = res.get_one(connection, res.MECHANISMS, mechanism_id, "mechanism")
            return Mechanism.model_validate_json(data)

    def get_commitment(self, commitment_id: str) -> CommitmentStatus:
        with self._db.read("read a commitment") as connection:
            data = res.get_one(connection, res.COMMITMENTS, commitment_id, "commitment")
            return CommitmentStatus.model_validate_json(data)

    def list_meetings(
        self,
        *,
        block: str | None = None,
        mechanism_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Meeting]:
        """Meetings newest first (undated last), optionally of one block or mechanism."""
        _check_page(limit, offset)
        t = res.MEETINGS
        statement = select(t.c.data).order_by(t.c.sort_date.desc().nulls_last(), t.c.id)
        if block is not None:
            statement = statement.where(t.c.block == block)
        if mechanism_id is not None:
            statement = statement.where(t.c.mechanism_id == mechanism_id)
        with self._db.read("list meetings") as connection:
            rows = connection.execute(statement.limit(limit).offset(offset)).scalars()
            return [Meeting.model_validate_json(d) for d in rows]

    def list_people(
        self, *, name: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Person]:
        """People by name; only those whose canonical name contains ``name`` if given."""
        _check_page(limit, offset)
        t = res.PEOPLE
        statement = select(t.c.data).order_by(t.c.name, t.c.id)
        if name:
            statement = statement.where(t.c.name.ilike(f"%{name}%"))
        with self._db.read("list people") as connection:
            rows = connection.execute(statement.limit(limit).offset(offset)).scalars()
            return [Person.model_validate_json(d) for d in rows]

    def list_mechanisms(self, *, block: str | None = None) -> list[Mechanism]:
        t = res.MECHANISMS
        statement = select(t.c.data).order_by(t.c.block, t.c.name, t.c.id)
        if block is not None:
            statement = statement.where(t.c.block == block)
        with self._db.read("list mechanisms") as connection:
            rows = connection.execute(statement).scalars()
            return [Mechanism.model_validate_json(d) for d in rows]

    def list_commitments(
        self, *, status: str | None = None, block: str | None = None, limit: int | None = None
    ) -> list[CommitmentStatus]:
        """Commitments by id, optionally of one status or block."""
        t = res.COMMITMENTS
        statement = select(t.c.data).order_by(t.c.id)
        if status is not None:
            statement = statement.where(t.c.status == status)
        if block is not None:
            statement = statement.where(t.c.block == block)
        if limit is not None:
            statement = statement.limit(limit)
        with self._db.read("list commitments") as connection:
            rows = connection.execute(statement).scalars()
            return [CommitmentStatus.model_validate_json(d) for d in rows]

    def count_meetings(self) -> int:
        with self._db.read("count meetings") as connection:
            return res.count_rows(connection, res.MEETINGS)

    # ------------------------------------------------------------------ corrections

    def add_correction(self, correction: Correction) -> Correction:
        """Record a correction (who and when are kept); returns it with its id and time."""
        with self._db.write("record a correction") as connection:
            return corr.add_correction(connection, correction, now=self._clock())

    def list_corrections(self, *, targets: Sequence[str] | None = None) -> list[Correction]:
        with self._db.read("list corrections") as connection:
            return corr.list_corrections(connection, targets=targets)


def _check_page(limit: int, offset: int) -> None:
    if limit < 1 or offset < 0:
        raise ValidationError("limit must be at least 1 and offset at least 0")
