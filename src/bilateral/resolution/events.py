"""Meetings from reports: which reports describe the same real-world engagement.

Reports are compared only within their block (the party set) and only with reports whose
date intervals lie within :data:`WINDOW_DAYS` of each other, found by a sweep over the
reports sorted by date, so the work grows with the number of reports, not of pairs. A pair
is the same meeting on evidence (shared heads, the same round of the same mechanism, the
same mechanism on the same day, a re-published text) and when nothing contradicts it
(incompatible heads, different rounds, a call against an in-person meeting, distant dates).
Pairs are joined strongest first, and a join is refused when it would put two contradicting
reports, two reports of one document or a pair a reviewer split into one meeting.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

from bilateral.resolution.canonical import merge_reports
from bilateral.resolution.duplicates import near_duplicate_documents
from bilateral.resolution.meeting_evidence import (
    WINDOW_DAYS,
    Sighting,
    conflict,
    key_of,
    sighting_of,
    strength,
)
from bilateral.resolved import Constraints, Meeting, Report, block_of

PairIterator = Iterator[tuple[int, int]]


class _Groups:
    """Union-find over sightings that keeps each group's members, to check a join first."""

    def __init__(self, sightings: Sequence[Sighting], constraints: Constraints) -> None:
        self.sightings = sightings
        self.index = {key_of(s.report.key): i for i, s in enumerate(sightings)}
        self.parent = list(range(len(sightings)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(sightings))}
        self.apart: dict[int, set[int]] = defaultdict(set)
        for a, b in constraints.different_meeting:
            first, second = self.index.get(key_of(a)), self.index.get(key_of(b))
            if first is not None and second is not None:
                self.apart[first].add(second)
                self.apart[second].add(first)

    def join_required(self, constraints: Constraints) -> None:
        """Join every ``same_meeting`` pair a reviewer set, whatever the evidence says."""
        for first, second in constraints.same_meeting:
            a, b = self.index.get(key_of(first)), self.index.get(key_of(second))
            if a is not None and b is not None:
                self.union(a, b)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the groups of ``a`` and ``b`` unconditionally."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)

    def may_join(self, a: int, b: int) -> bool:
        """Whether the groups of ``a`` and ``b`` can be one meeting: no split, no conflict."""
        left, right = self.members[self.find(a)], self.members[self.find(b)]
        right_set = set(right)
        if any(self.apart[i] & right_set for i in left if i in self.apart):
            return False
        sightings = self.sightings
        return not any(conflict(sightings[i], sightings[j]) for i in left for j in right)

    def groups(self) -> list[list[int]]:
        return [sorted(members) for members in self.members.values()]


def dated_by_block(sightings: Sequence[Sighting]) -> dict[str, list[int]]:
    """Per block of two or more parties, its dated sightings in date order."""
    by_block: dict[str, list[int]] = defaultdict(list)
    for i in sorted(range(len(sightings)), key=lambda i: sightings[i].order):
        if len(sightings[i].parties) > 1 and sightings[i].interval is not None:
            by_block[sightings[i].report.block].append(i)
    return by_block


def window_pairs(by_block: dict[str, list[int]], sightings: Sequence[Sighting]) -> PairIterator:
    """Pairs of one block whose date intervals lie within the window, vague ones left out.

    A sweep in date order keeps the reports still within reach, so a report is compared only
    with the few of its block from the days around it.
    """
    for members in by_block.values():
        active: list[int] = []
        for i in (i for i in members if not sightings[i].vague()):
            start = sightings[i].order[0]
            active = [j for j in active if sightings[j].reaches(start)]
            yield from ((j, i) for j in active)
            active.append(i)


def vague_pairs(by_block: dict[str, list[int]], sightings: Sequence[Sighting]) -> PairIterator:
    """Pairs of a vaguely dated report (a year) with reports of its block naming one of its
    heads, within the window: a year holds too many meetings to compare them all."""
    for members in by_block.values():
        if not any(sightings[i].vague() for i in members):
            continue
        by_head: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for head in sightings[i].head_keys:
                by_head[head].append(i)
        for i in (i for i in members if sightings[i].vague()):
            near = {j for head in sightings[i].head_keys for j in by_head[head]}
            yield from ((i, j) for j in near if sightings[i].distance(sightings[j]) <= WINDOW_DAYS)


def duplicate_pairs(sightings: Sequence[Sighting]) -> Iterator[tuple[int, int]]:
    """Pairs with the same ordinal and block in near-duplicate documents."""
    by_document: dict[str, dict[tuple[int, str], int]] = defaultdict(dict)
    for i, sighting in enumerate(sightings):
        key = sighting.report.key
        by_document[key.document_id][(key.ordinal, sighting.report.block)] = i
    for first, second in near_duplicate_documents([s.report for s in sightings]):
        twins = by_document[second]
        for place, i in by_document[first].items():
            if place in twins:
                yield i, twins[place]


def ranked_candidates(sightings: Sequence[Sighting]) -> list[tuple[int, int]]:
    """Candidate pairs that the evidence calls one meeting, strongest and closest first."""
    by_block = dated_by_block(sightings)
    duplicates = {(min(a, b), max(a, b)) for a, b in duplicate_pairs(sightings)}
    timely = chain(window_pairs(by_block, sightings), vague_pairs(by_block, sightings))
    scored = []
    for a, b in {(min(a, b), max(a, b)) for a, b in timely if a != b} | duplicates:
        score = strength(sightings[a], sightings[b], (a, b) in duplicates)
        if score is not None:
            scored.append((-score, sightings[a].distance(sightings[b]), a, b))
    return [(a, b) for *_, a, b in sorted(scored)]


def corrections_for(members: Sequence[Report], constraints: Constraints) -> dict[str, Any]:
    """Hand-set fields of a meeting: those given for any member, the first member winning."""
    fields: dict[str, Any] = {}
    for report in members:
        for name, value in constraints.meeting_fields.get(str(report.key), {}).items():
            fields.setdefault(name, value)
    return fields


def build_meeting(members: Sequence[Report], constraints: Constraints) -> Meeting:
    """The meeting of ``members`` (sorted by key), with its canonical record."""
    record, fields = merge_reports(members, corrections_for(members, constraints) or None)
    names: dict[str, str] = {}
    for report in members:
        names.setdefault(report.key.document_id, report.document_name)
    blocks = {report.block for report in members}
    return Meeting(
        id=str(members[0].key),
        block=blocks.pop() if len(blocks) == 1 else block_of(record.parties),
        members=[report.key for report in members],
        documents=list(names),
        document_names=list(names.values()),
        record=record,
        fields=fields,
    )


def group_meetings(
    reports: Sequence[Report], constraints: Constraints, previous: Sequence[Meeting] = ()
) -> list[Meeting]:
    """Reports grouped into meetings, sorted by block, date and id; deterministic.

    ``constraints.same_meeting`` pairs are always joined; ``different_meeting`` pairs never
    end up in one meeting. A group with exactly the members of a ``previous`` meeting reuses
    it instead of merging its reports again: the caller passes only meetings whose reports
    and corrections have not changed since they were built.
    """
    known = {tuple(m.members): m for m in previous}
    unique = {key_of(r.key): r for r in reversed(reports)}
    sightings = [sighting_of(unique[key]) for key in sorted(unique)]
    groups = _Groups(sightings, constraints)
    groups.join_required(constraints)
    for a, b in ranked_candidates(sightings):
        if groups.find(a) != groups.find(b) and groups.may_join(a, b):
            groups.union(a, b)
    meetings = []
    for group in groups.groups():
        members = [sightings[i].report for i in group]
        reused = known.get(tuple(r.key for r in members))
        meetings.append(reused or build_meeting(members, constraints))
    return sorted(meetings, key=lambda m: (m.block, m.record.date or "", m.id))
