"""Corrections read back as what resolution must respect, and as edits to apply to records.

The store keeps corrections as an append-only log; this module folds that log into the
:class:`~bilateral.resolved.Constraints` resolution obeys and the field edits that overlay
the extracted engagements, later corrections winning over earlier ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.records import Engagement
from bilateral.resolved import Constraints, Correction, EngagementKey, Report

#: Engagement fields a correction may set.
EDITABLE = frozenset(
    {"kind", "mechanism", "mechanism_short", "round", "date", "date_end", "city", "country",
     "parties", "participants", "organizations", "topics", "commitments"}
)  # fmt: skip


@dataclass
class Folded:
    """The correction log folded: constraints plus per-engagement field edits."""

    constraints: Constraints = field(default_factory=Constraints)
    edits: dict[str, dict[str, Any]] = field(default_factory=lambda: defaultdict(dict))


def fold(corrections: Iterable[Correction]) -> Folded:
    """Constraints and edits from corrections, oldest first (a later one overrides)."""
    folded = Folded()
    c = folded.constraints
    for item in corrections:
        pair = (item.target, item.other or "")
        match item.action:
            case "edit_engagement":
                folded.edits[item.target][item.field or ""] = item.after
            case "edit_meeting":
                c.meeting_fields.setdefault(item.target, {})[item.field or ""] = item.after
            case "merge_meetings" | "split_meeting":
                _meeting_pair(c, item.action == "merge_meetings", *_keys(pair))
            case "merge_people" | "split_people":
                _person_pair(c, item.action == "merge_people", pair)
            case "confirm_link" | "reject_link":
                _link(c, item.action == "confirm_link", pair)
    return folded


def _keys(pair: tuple[str, str]) -> tuple[EngagementKey, EngagementKey]:
    return EngagementKey.parse(pair[0]), EngagementKey.parse(pair[1])


def _meeting_pair(c: Constraints, same: bool, a: EngagementKey, b: EngagementKey) -> None:
    undo, do = (
        (c.different_meeting, c.same_meeting) if same else (c.same_meeting, c.different_meeting)
    )
    undo[:] = [p for p in undo if set(p) != {a, b}]
    do.append((a, b))


def _person_pair(c: Constraints, same: bool, pair: tuple[str, str]) -> None:
    undo, do = (c.different_person, c.same_person) if same else (c.same_person, c.different_person)
    undo[:] = [p for p in undo if set(p) != set(pair)]
    do.append(pair)


def _link(c: Constraints, confirm: bool, pair: tuple[str, str]) -> None:
    undo, do = (
        (c.rejected_links, c.confirmed_links) if confirm else (c.confirmed_links, c.rejected_links)
    )
    undo[:] = [p for p in undo if p != pair]
    do.append(pair)


def edited(engagement: Engagement, edits: dict[str, Any]) -> Engagement:
    """The engagement with corrected field values (validated like any record)."""
    if not edits:
        return engagement
    data = engagement.model_dump() | {k: v for k, v in edits.items() if k in EDITABLE}
    return Engagement.model_validate(data)


def apply_edits(reports: Sequence[Report], edits: dict[str, dict[str, Any]]) -> list[Report]:
    """Reports with their engagements' corrections applied."""
    return [
        r.model_copy(update={"engagement": edited(r.engagement, edits[str(r.key)])})
        if str(r.key) in edits else r
        for r in reports
    ]  # fmt: skip
