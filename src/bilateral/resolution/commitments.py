"""What became of each commitment: fulfilled, superseded, overdue or open.

:func:`follow_commitments` finds the later meetings that may have carried each commitment
out (:mod:`bilateral.resolution.commitment_links`), applies the reviewers' confirmations and
rejections, and settles its status: fulfilled with an accepted or confirmed link; else
superseded when a later meeting restates it; else overdue when its due period has passed;
else open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bilateral.records import Commitment
from bilateral.resolution.commitment_index import Index, restatements
from bilateral.resolution.commitment_links import candidate_links, link_to
from bilateral.resolution.periods import Period, period_of
from bilateral.resolved import (
    CommitmentState,
    CommitmentStatus,
    Constraints,
    EngagementKey,
    FulfillmentLink,
    Mechanism,
    Meeting,
    Report,
)

#: Link states that count as fulfilment.
FACT_STATES = frozenset({"accepted", "confirmed"})


# --------------------------------------------------------------------------- entry point


def follow_commitments(
    reports: Sequence[Report],
    meetings: Sequence[Meeting],
    mechanisms: Sequence[Mechanism],
    *,
    constraints: Constraints,
    today: date,
) -> list[CommitmentStatus]:
    """One status per commitment of every report, sorted by id."""
    index = Index(reports, meetings, mechanisms)
    made = [_made(index, report, ordinal, commitment)
            for report in reports
            for ordinal, commitment in enumerate(report.engagement.commitments)]  # fmt: skip
    superseded = restatements(index, made)
    statuses = [_status(index, m, constraints, superseded.get(m.id), today) for m in made]
    return sorted(statuses, key=lambda s: s.id)


@dataclass(frozen=True)
class _Made:
    """A commitment where it was made, before what became of it is known."""

    id: str
    report: Report
    ordinal: int
    commitment: Commitment
    text: str
    meeting: Meeting | None
    meeting_id: str
    block: str
    made_on: str | None


def _made(index: Index, report: Report, ordinal: int, commitment: Commitment) -> _Made:
    meeting = index.meeting_of.get(str(report.key))
    return _Made(
        id=CommitmentStatus.make_id(report.key, ordinal),
        report=report,
        ordinal=ordinal,
        commitment=commitment,
        text=commitment.text,
        meeting=meeting,
        meeting_id=meeting.id if meeting else str(report.key),
        block=meeting.block if meeting else report.block,
        made_on=(meeting.record if meeting else report.engagement).date,
    )


def _status(
    index: Index, made: _Made, constraints: Constraints, superseded_by: str | None, today: date
) -> CommitmentStatus:
    commitment, when = made.commitment, period_of(made.made_on)
    found = candidate_links(index, made.meeting, when, commitment) if made.meeting and when else []
    links = _constrained(index, made.id, found, constraints)
    state = _state(links, superseded_by, period_of(commitment.due), today)
    return CommitmentStatus(
        id=made.id,
        key=made.report.key,
        ordinal=made.ordinal,
        meeting_id=made.meeting_id,
        block=made.block,
        document_name=made.report.document_name,
        text=commitment.text,
        by=list(commitment.by),
        due=commitment.due,
        kind=commitment.kind,
        made_on=made.made_on,
        status=state,
        superseded_by=superseded_by if state == "superseded" else None,
        links=links,
    )


def _constrained(
    index: Index, commitment_id: str, links: list[FulfillmentLink], constraints: Constraints
) -> list[FulfillmentLink]:
    """Links with human decisions applied: confirmed ones added or promoted, rejected kept."""
    confirmed = {index.meeting_of[k].id: k for c, k in constraints.confirmed_links
                 if c == commitment_id and k in index.meeting_of}  # fmt: skip
    rejected = {index.meeting_of[k].id for c, k in constraints.rejected_links
                if c == commitment_id and k in index.meeting_of}  # fmt: skip
    out = []
    for link in links:
        if link.meeting_id in rejected:
            link = link.model_copy(update={"state": "rejected"})
        elif confirmed.pop(link.meeting_id, None) is not None:
            link = link.model_copy(update={"state": "confirmed", "confidence": 1.0})
        out.append(link)
    for meeting_id, key in sorted(confirmed.items()):
        if meeting_id not in rejected:
            link = link_to(index.meetings[meeting_id], "confirmed by a reviewer", 1.0)
            update = {"state": "confirmed", "engagement": EngagementKey.parse(key)}
            out.append(link.model_copy(update=update))
    return out


# --------------------------------------------------------------------------- status


def _state(
    links: list[FulfillmentLink], superseded_by: str | None, due: Period | None, today: date
) -> CommitmentState:
    """Fulfilled, superseded, overdue or open."""
    if any(link.state in FACT_STATES for link in links):
        return "fulfilled"
    if superseded_by is not None:
        return "superseded"
    if due is not None and due.end < today:
        return "overdue"
    return "open"
