"""The rounds of a mechanism: which topics each discussed, and what became of the
commitments made at them (a part of :func:`bilateral.services.insights.mechanism_profile`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bilateral.resolved import CommitmentStatus, FulfillmentLink, MechanismRound
from bilateral.store.insights import PersonRef

_STATUS_RANK = {"fulfilled": 0, "superseded": 1, "overdue": 2, "open": 3}


@dataclass(frozen=True)
class RoundView:
    """A round of a mechanism, with the people who led each side."""

    round: MechanismRound
    heads: list[PersonRef]

    @property
    def label(self) -> str:
        """``Round 5``; the date when the round has no number."""
        number = self.round.round
        return f"Round {number}" if number is not None else (self.round.date or "Undated round")


@dataclass(frozen=True)
class TopicMarks:
    """One row of the topic matrix: a topic and, per round, whether it was discussed."""

    code: str
    label: str
    marks: list[bool]

    @property
    def count(self) -> int:
        """The number of rounds that discussed the topic."""
        return sum(self.marks)


@dataclass(frozen=True)
class Fulfilment:
    """A meeting that carried a commitment out, and the round of the mechanism it was."""

    link: FulfillmentLink
    round: RoundView | None


@dataclass(frozen=True)
class TrackedCommitment:
    """A commitment made at a round, its fulfilments, and how many reports give it."""

    commitment: CommitmentStatus
    made_at: RoundView | None
    fulfilled_by: list[Fulfilment]
    reports: int


def topic_matrix(
    rounds: Sequence[RoundView], pairs: Sequence[tuple[str, str]], labels: dict[str, str]
) -> list[TopicMarks]:
    """Topic rows in taxonomy order (codes it lacks last), one mark per round."""
    discussed: dict[str, set[str]] = defaultdict(set)
    for meeting_id, code in pairs:
        discussed[code].add(meeting_id)
    order = {code: i for i, code in enumerate(labels)}
    codes = sorted(discussed, key=lambda c: (order.get(c, len(order)), c))
    return [
        TopicMarks(code, labels.get(code, code),
                   [r.round.meeting_id in discussed[code] for r in rounds])
        for code in codes
    ]  # fmt: skip


def track_commitments(
    commitments: Sequence[CommitmentStatus], rounds: Sequence[RoundView]
) -> list[TrackedCommitment]:
    """One row per commitment of a round (the same words reported twice count once, with
    its best-established status), in round order."""
    by_meeting = {r.round.meeting_id: r for r in rounds}
    groups: dict[tuple[str, str], list[CommitmentStatus]] = defaultdict(list)
    for c in commitments:
        groups[(c.meeting_id, " ".join(c.text.casefold().split()))].append(c)
    tracked = []
    for group in groups.values():
        best = min(group, key=lambda c: (_STATUS_RANK.get(c.status, 9), c.id))
        fulfilled = [Fulfilment(link, by_meeting.get(link.meeting_id))
                     for link in best.links if link.state != "rejected"]  # fmt: skip
        tracked.append(TrackedCommitment(best, by_meeting.get(best.meeting_id), fulfilled,
                                         len(group)))  # fmt: skip
    position = {r.round.meeting_id: i for i, r in enumerate(rounds)}
    tracked.sort(key=lambda t: (position.get(t.commitment.meeting_id, len(position)),
                                t.commitment.id))  # fmt: skip
    return tracked
