"""Resolve the store: from scratch, or incrementally for what new documents touch.

Meetings, mechanisms and commitments are re-resolved per block (the engagements' party
set); people per family-name block. An incremental run re-resolves the blocks of the changed
documents and the family-name blocks of the people they name, reading the other appearances
of those people from the store (with the meeting each belongs to now), so that it leaves the
store as a full rebuild would, at a cost that grows with the change, not with the store.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from bilateral.resolution.commitments import follow_commitments
from bilateral.resolution.names import person_block
from bilateral.resolution.people import appearances_of, people_of
from bilateral.resolution.resolve import resolve_meetings
from bilateral.resolved import Resolution
from bilateral.services.constraints import apply_edits, fold
from bilateral.store import Store


@dataclass(frozen=True)
class ResolveReport:
    """What one resolution run did (``blocks`` is None for a full rebuild)."""

    blocks: int | None
    reports: int
    meetings: int
    people: int
    mechanisms: int
    commitments: int
    seconds: float


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Resolution allocates many small objects and frees few: pausing the cyclic garbage
    collector meanwhile saves a third of the time and changes nothing else."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def resolve_store(
    store: Store,
    *,
    today: date,
    blocks: Iterable[str] | None = None,
    person_blocks: Iterable[str] = (),
    changed: Iterable[str] = (),
) -> ResolveReport:
    """Re-resolve everything (``blocks`` None), or the meeting ``blocks`` and the family-name
    ``person_blocks`` given, taking the people named by the ``changed`` documents afresh."""
    started = time.perf_counter()
    with _no_gc_pauses():
        if blocks is None:
            counts = _resolve_all(store, today)
        else:
            counts = _resolve_some(store, today, sorted(set(blocks)), set(person_blocks),
                                   set(changed))  # fmt: skip
    return ResolveReport(*counts, seconds=time.perf_counter() - started)


Counts = tuple[int | None, int, int, int, int, int]


def _resolve_all(store: Store, today: date) -> Counts:
    folded = fold(store.list_corrections())
    reports = apply_edits(store.load_reports(with_text=True), folded.edits)
    meetings, mechanisms = resolve_meetings(reports, constraints=folded.constraints)
    commitments = follow_commitments(reports, meetings, mechanisms,
                                     constraints=folded.constraints, today=today)  # fmt: skip
    people = people_of(appearances_of(reports, meetings), constraints=folded.constraints)
    resolution = Resolution(meetings=meetings, people=people, mechanisms=mechanisms,
                            commitments=commitments)  # fmt: skip
    store.save_resolution(resolution, blocks=None, person_blocks=None)
    store.optimize()  # a full rebuild rewrites most tables
    return None, len(reports), len(meetings), len(people), len(mechanisms), len(commitments)


def _resolve_some(
    store: Store, today: date, blocks: list[str], person_blocks: set[str], changed: set[str]
) -> Counts:
    folded = fold(store.list_corrections())
    reports = apply_edits(store.load_reports(blocks=blocks, with_text=True), folded.edits)
    previous = [
        m for m in store.meetings_in_blocks(blocks)
        if not any(k.document_id in changed for k in m.members)
    ] if changed else []  # fmt: skip
    meetings, mechanisms = resolve_meetings(reports, constraints=folded.constraints,
                                            previous=previous)  # fmt: skip
    commitments = follow_commitments(reports, meetings, mechanisms,
                                     constraints=folded.constraints, today=today)  # fmt: skip
    fresh = appearances_of([r for r in reports if r.key.document_id in changed], meetings)
    named = person_blocks | {person_block(a.name, a.country) for a in fresh}
    person_blocks = _with_linked(_near(store, named), folded.constraints.same_person)
    store.save_resolution(Resolution(meetings=meetings, mechanisms=mechanisms,
                                     commitments=commitments),
                          blocks=blocks, person_blocks=[])  # fmt: skip
    skip = {(a.key.document_id, a.key.ordinal) for a in fresh}
    stored = store.load_appearances(sorted(person_blocks), skip=skip)
    people = [p for p in people_of(fresh + stored, constraints=folded.constraints)
              if p.block in person_blocks]  # fmt: skip
    store.save_resolution(Resolution(people=people), blocks=[],
                          person_blocks=sorted(person_blocks))  # fmt: skip
    return len(blocks), len(reports), len(meetings), len(people), len(mechanisms), len(commitments)


def _near(store: Store, blocks: set[str]) -> set[str]:
    """The person blocks whose people may change with these: a country's block and the
    country-less one of the same family name; for a country-less one, every country's (a
    person named without a country joins the one compatible person of any country)."""
    near = set(blocks) | {"-|" + block.partition("|")[2] for block in blocks}
    countryless = sorted({b.partition("|")[2] for b in blocks if b.startswith("-|")})
    return near | store.person_blocks_ending(countryless)


def _with_linked(blocks: set[str], same_person: Sequence[tuple[str, str]]) -> set[str]:
    """``blocks`` and the blocks that reviewers' merges of people tie to them (a merged
    person's spellings may fall in several blocks, which must be resolved together)."""
    links = [{_key_block(a), _key_block(b)} for a, b in same_person]
    grown = set(blocks)
    while True:
        more = {x for pair in links if pair & grown for x in pair} - grown
        if not more:
            return grown
        grown |= more


def _key_block(name_key: str) -> str:
    country, _, name = name_key.partition("|")
    return person_block(name, country or None)


def resolve_documents(store: Store, document_ids: Sequence[str], *, today: date) -> ResolveReport:
    """Re-resolve what these new or changed documents touch."""
    return resolve_store(store, today=today, blocks=store.blocks_of_documents(document_ids),
                         changed=document_ids)  # fmt: skip
