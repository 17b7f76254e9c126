"""What the people and mechanism pages show, from the store's aggregates.

Each function makes a few indexed queries (see :mod:`bilateral.store.insights`) and shapes
their rows into plain objects for the templates; none loads every meeting. A mechanism's
topic matrix and commitments tracker are built in :mod:`bilateral.services.rounds`, topic
trends in :mod:`bilateral.services.trends`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from bilateral.errors import NotFound
from bilateral.resolved import Mechanism, MechanismName, Person, RolePeriod
from bilateral.services.rounds import (
    RoundView,
    TopicMarks,
    TrackedCommitment,
    topic_matrix,
    track_commitments,
)
from bilateral.services.trends import topic_labels
from bilateral.store import Store
from bilateral.store.insights import AttendedMeeting, PersonRef

PER_PAGE = 50


def _known(ident: str, label: str) -> str:
    """``ident``, or :class:`NotFound` at once for an id nothing can have (NUL in it)."""
    if "\x00" in ident or not ident:
        raise NotFound(f"no {label} with id {ident!r}")
    return ident


def _pages(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def parties_of(block: str) -> list[str]:
    """``KAZ-USA`` as ``["KAZ", "USA"]``; the party-less block ``-`` as ``[]``."""
    return [p for p in block.split("-") if p]


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonSummary:
    """A row of the people list."""

    id: str
    name: str
    country: str | None
    title: str | None
    mentions: int


@dataclass(frozen=True)
class PeoplePage:
    """One page of the people list; ``query`` as searched (trimmed)."""

    items: list[PersonSummary]
    total: int
    page: int
    pages: int
    query: str


def find_people(
    store: Store, *, query: str = "", page: int = 1, per_page: int = PER_PAGE
) -> PeoplePage:
    """People whose name or any spelling contains ``query``, by name, with their latest title."""
    query = query.replace("\x00", "").strip()
    page = max(1, page)
    people, total = store.find_people(name=query or None, limit=per_page,
                                      offset=(page - 1) * per_page)  # fmt: skip
    items = [PersonSummary(p.id, p.name, p.country, p.title_on(None), p.mentions) for p in people]
    return PeoplePage(items, total, page, _pages(total, per_page), query)


@dataclass(frozen=True)
class MeetingAttended:
    """A meeting on a person's page: what it was, their role and their title then."""

    meeting_id: str
    date: str | None
    kind: str
    parties: list[str]
    mechanism_id: str | None
    mechanism: str | None
    role: str
    title: str | None


@dataclass(frozen=True)
class PersonProfile:
    """A person's page: roles by date, meetings newest first, counterparts and spellings."""

    person: Person
    roles: list[RolePeriod]
    meetings: list[MeetingAttended]
    counterparts: list[PersonRef]
    spellings: list[tuple[str, int]]


def person_profile(store: Store, person_id: str) -> PersonProfile:
    """A person's role timeline, meetings, counterparts and spellings; raises NotFound."""
    person = store.get_person(_known(person_id, "person"))
    roles: dict[str, set[str]] = defaultdict(set)
    for appearance in person.appearances:
        if appearance.meeting_id is not None:
            roles[appearance.meeting_id].add(appearance.role)
    meetings = [_attended(row, person, roles[row.meeting_id])
                for row in store.meetings_attended(person.id)]  # fmt: skip
    spellings = Counter(a.name for a in person.appearances)
    for variant in person.variants:
        spellings.setdefault(variant, 0)
    return PersonProfile(
        person=person,
        roles=sorted(person.roles, key=lambda r: (r.start is None, r.start or "", r.end or "")),
        meetings=meetings,
        counterparts=store.counterparts_of(person.id, person.country),
        spellings=sorted(spellings.items(), key=lambda item: (-item[1], item[0])),
    )


def _attended(row: AttendedMeeting, person: Person, roles: set[str]) -> MeetingAttended:
    role = "head" if "head" in roles else min(roles, default="member")
    return MeetingAttended(
        meeting_id=row.meeting_id, date=row.date, kind=row.kind, parties=parties_of(row.block),
        mechanism_id=row.mechanism_id, mechanism=row.mechanism, role=role,
        title=person.title_on(row.date),
    )  # fmt: skip


# --------------------------------------------------------------------------- mechanisms


@dataclass(frozen=True)
class MechanismSummary:
    """A row of the mechanisms list: its rounds and their first and last dates."""

    id: str
    name: str
    short: str | None
    parties: list[str]
    cadence: str | None
    rounds: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class MechanismsPage:
    """One page of the mechanisms list."""

    items: list[MechanismSummary]
    total: int
    page: int
    pages: int
    query: str


def find_mechanisms(
    store: Store, *, query: str = "", page: int = 1, per_page: int = PER_PAGE
) -> MechanismsPage:
    """Mechanisms by pair and name (those whose name contains ``query``), with their rounds."""
    query = query.replace("\x00", "").strip()
    page = max(1, page)
    found, total = store.find_mechanisms(name=query or None, limit=per_page,
                                         offset=(page - 1) * per_page)  # fmt: skip
    return MechanismsPage([_summary(m) for m in found], total, page, _pages(total, per_page), query)


def _summary(mechanism: Mechanism) -> MechanismSummary:
    dates = sorted(r.date for r in mechanism.rounds if r.date)
    return MechanismSummary(
        id=mechanism.id, name=mechanism.name, short=mechanism.short, parties=mechanism.parties,
        cadence=mechanism.cadence, rounds=len(mechanism.rounds),
        first=dates[0] if dates else None, last=dates[-1] if dates else None,
    )  # fmt: skip


@dataclass(frozen=True)
class MechanismProfile:
    """A mechanism's page: names by date, rounds in order, topic matrix, commitments."""

    mechanism: Mechanism
    names: list[MechanismName]
    rounds: list[RoundView]
    topics: list[TopicMarks]
    commitments: list[TrackedCommitment]

    @property
    def statuses(self) -> dict[str, int]:
        """How many commitments are in each status."""
        return dict(Counter(t.commitment.status for t in self.commitments))


def mechanism_profile(
    store: Store, mechanism_id: str, *, taxonomy: Path | None = None
) -> MechanismProfile:
    """A mechanism's names, rounds in order with their heads, the topics of each round and
    every commitment made at a round with what became of it; raises NotFound."""
    mechanism = store.get_mechanism(_known(mechanism_id, "mechanism"))
    heads: dict[str, list[PersonRef]] = defaultdict(list)
    for head in store.mechanism_heads(mechanism.id):
        heads[head.meeting_id].append(PersonRef(head.person_id, head.name, head.country))
    ordered = sorted(mechanism.rounds, key=lambda r: (r.date is None, r.date or "",
                                                      r.round or 0, r.meeting_id))  # fmt: skip
    rounds = [RoundView(r, heads.get(r.meeting_id, [])) for r in ordered]
    return MechanismProfile(
        mechanism=mechanism,
        names=sorted(mechanism.names, key=lambda n: (n.first is None, n.first or "", n.name)),
        rounds=rounds,
        topics=topic_matrix(rounds, store.mechanism_topics(mechanism.id), topic_labels(taxonomy)),
        commitments=track_commitments(store.mechanism_commitments(mechanism.id), rounds),
    )
