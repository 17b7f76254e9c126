"""Resolution from reports to the resolved picture, step by step.

Meetings, mechanisms and commitments are resolved per block (the engagement's party set, see
:func:`bilateral.resolved.block_of`), people per family-name skeleton; :func:`resolve` runs
everything over whatever reports it is given, so feeding it the reports of some blocks
re-resolves exactly those.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bilateral.resolution.commitments import follow_commitments
from bilateral.resolution.events import group_meetings
from bilateral.resolution.mechanisms import resolve_mechanisms
from bilateral.resolution.people import resolve_people
from bilateral.resolved import Constraints, Mechanism, Meeting, Report, Resolution

NO_CONSTRAINTS = Constraints()


def resolve_meetings(
    reports: Sequence[Report],
    *,
    constraints: Constraints = NO_CONSTRAINTS,
    previous: Sequence[Meeting] = (),
) -> tuple[list[Meeting], list[Mechanism]]:
    """Meetings with their mechanism ids set, and the mechanisms (``previous``: meetings
    still valid, see :func:`~bilateral.resolution.events.group_meetings`)."""
    meetings = group_meetings(reports, constraints, previous)
    mechanisms = resolve_mechanisms(meetings)
    by_meeting = {r.meeting_id: m.id for m in mechanisms for r in m.rounds}
    placed = [m.model_copy(update={"mechanism_id": by_meeting.get(m.id)}) for m in meetings]
    return placed, mechanisms


def resolve(
    reports: Sequence[Report], *, today: date, constraints: Constraints = NO_CONSTRAINTS
) -> Resolution:
    """Every step over ``reports``: meetings, mechanisms, commitments, people."""
    meetings, mechanisms = resolve_meetings(reports, constraints=constraints)
    commitments = follow_commitments(
        reports, meetings, mechanisms, constraints=constraints, today=today
    )
    people = resolve_people(reports, meetings, constraints=constraints)
    return Resolution(
        meetings=meetings, people=people, mechanisms=mechanisms, commitments=commitments
    )
