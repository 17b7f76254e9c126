"""Resolve the store: from scratch, or incrementally for the blocks new documents touch.

Meetings, mechanisms and commitments are re-resolved per block (the engagements' party set);
people per family-name block, for every name appearing in the re-resolved blocks, so that
an incremental update leaves the store exactly as a full rebuild would.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from bilateral.resolution.commitments import follow_commitments
from bilateral.resolution.names import block_key
from bilateral.resolution.people import resolve_people
from bilateral.resolution.resolve import resolve_meetings
from bilateral.resolved import Meeting, Report, Resolution
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


def resolve_store(
    store: Store, *, today: date, blocks: Iterable[str] | None = None
) -> ResolveReport:
    """Re-resolve ``blocks`` (every block when None) and save the result."""
    started = time.perf_counter()
    wanted = None if blocks is None else sorted(set(blocks))
    folded = fold(store.list_corrections())
    reports = apply_edits(store.load_reports(blocks=wanted, with_text=True), folded.edits)
    meetings, mechanisms = resolve_meetings(reports, constraints=folded.constraints)
    commitments = follow_commitments(
        reports, meetings, mechanisms, constraints=folded.constraints, today=today
    )
    person_blocks = None if wanted is None else sorted(_person_blocks(reports))
    people_reports, people_meetings = _people_inputs(store, reports, meetings, person_blocks)
    people = resolve_people(
        apply_edits(people_reports, folded.edits), people_meetings, constraints=folded.constraints
    )
    if person_blocks is not None:
        keep = set(person_blocks)
        people = [p for p in people if p.block in keep]
    resolution = Resolution(
        meetings=meetings, people=people, mechanisms=mechanisms, commitments=commitments
    )
    store.save_resolution(resolution, blocks=wanted, person_blocks=person_blocks)
    return ResolveReport(
        blocks=None if wanted is None else len(wanted),
        reports=len(reports),
        meetings=len(meetings),
        people=len(people),
        mechanisms=len(mechanisms),
        commitments=len(commitments),
        seconds=time.perf_counter() - started,
    )


def resolve_documents(store: Store, document_ids: Sequence[str], *, today: date) -> ResolveReport:
    """Re-resolve the blocks of these (new or changed) documents."""
    return resolve_store(store, today=today, blocks=store.blocks_of_documents(document_ids))


def _person_blocks(reports: Iterable[Report]) -> set[str]:
    return {block_key(p.name, p.country) for r in reports for p in r.engagement.participants}


def _people_inputs(
    store: Store,
    reports: list[Report],
    meetings: list[Meeting],
    person_blocks: Sequence[str] | None,
) -> tuple[list[Report], list[Meeting]]:
    """Reports and meetings people resolution needs: for a partial run, every report naming
    someone in the affected name blocks, and the stored meetings of those outside the
    re-resolved blocks."""
    if person_blocks is None:
        return reports, meetings
    known = {str(r.key) for r in reports}
    others = [r for r in store.load_reports_of_people(person_blocks) if str(r.key) not in known]
    stored = store.meetings_of([(r.key.document_id, r.key.ordinal) for r in others])
    return reports + others, meetings + stored
