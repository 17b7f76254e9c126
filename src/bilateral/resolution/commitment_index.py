"""Meetings, reports, mechanisms and commitments, indexed for following commitments.

Each block's dated meetings and each mechanism's dated rounds are kept in date order with
their start days, so the meetings after a commitment are found by bisection and read in order
up to a bound; restatements of a commitment are found through its rarest words. Following
commitments so stays near-linear however many meetings a block holds.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from bilateral.resolution.evidence import Text
from bilateral.resolution.mechanism_names import (
    abbreviation_key,
    content_words,
    initials,
    name_words,
    parties_of,
)
from bilateral.resolution.periods import Period, period_of
from bilateral.resolved import Mechanism, MechanismRound, Meeting, Report

#: How far after a commitment without a due date later meetings are searched.
HORIZON = timedelta(days=5 * 365)
#: Later commitments sharing a rare word examined per commitment, at most.
MAX_RESTATEMENTS = 200
#: Content-word Jaccard similarity above which a later commitment restates an earlier one.
RESTATED = 0.75
#: Later meetings examined per commitment, at most.
MAX_LATER = 60
#: Two meetings of one mechanism this close together are taken for one round.
MIN_ROUND_GAP = timedelta(days=30)
#: Two meetings of one mechanism with one round number this close together are one round.
SAME_NUMBER_SPAN = timedelta(days=183)


@dataclass(frozen=True)
class Dated:
    meeting: Meeting
    period: Period


class Index:
    """Meetings, their reports and mechanisms, looked up the ways following commitments needs."""

    def __init__(
        self,
        reports: Sequence[Report],
        meetings: Sequence[Meeting],
        mechanisms: Sequence[Mechanism],
    ) -> None:
        self.meetings = {m.id: m for m in meetings}
        self.meeting_of = {str(key): m for m in meetings for key in m.members}
        self.reports_of: dict[str, list[Report]] = defaultdict(list)
        for report in sorted(reports, key=lambda r: str(r.key)):
            if (holder := self.meeting_of.get(str(report.key))) is not None:
                self.reports_of[holder.id].append(report)
        self.mechanisms = {m.id: m for m in mechanisms}
        self.round_of = {r.meeting_id: r for m in mechanisms for r in m.rounds}
        self.mechanism_of = {r.meeting_id: mech for mech in mechanisms for r in mech.rounds}
        self.mechanisms_in: dict[str, list[Mechanism]] = defaultdict(list)
        for mechanism in mechanisms:
            self.mechanisms_in[mechanism.block].append(mechanism)
        self.names = {m.id: _name_keys(m) for m in mechanisms}
        self.timeline = _timelines((m.block, m) for m in meetings)
        self.rounds = _timelines((mech.id, self.meetings[r.meeting_id]) for mech in mechanisms
                                 for r in mech.rounds if r.meeting_id in self.meetings)  # fmt: skip
        self._texts: dict[str, Text] = {}
        self.cities = {block: {city.lower() for d in line.dated if (city := d.meeting.record.city)}
                       for block, line in self.timeline.items()}  # fmt: skip

    def later(self, block: str, after: Period, until: date) -> Iterator[Dated]:
        """The block's meetings certainly after ``after`` that start by ``until``, in order."""
        return _after(self.timeline.get(block), after, until)

    def text_of(self, report: Report) -> Text:
        """The report's document text, read once per document."""
        read_text = self._texts.get(report.key.document_id)
        if read_text is None:
            read_text = self._texts[report.key.document_id] = Text(report.text)
        return read_text

    def next_round(self, mechanism: Mechanism, made: Period, at: str) -> list[Dated]:
        """The meetings of the mechanism's first round after a commitment made ``at`` a meeting
        (meetings taken for that meeting's own round left out)."""
        first: Dated | None = None
        out: list[Dated] = []
        for later in _after(self.rounds.get(mechanism.id), made, date.max):
            if first is not None and later.period != first.period:
                break
            if not self.same_round(at, later.meeting.id, later.period, made):
                first = first or later
                out.append(later)
        return out

    def same_round(self, at: str, later: str, held: Period, made: Period) -> bool:
        """True when meeting ``later`` (held ``held``) is taken for the round of meeting ``at``
        (held ``made``): a meeting of the same mechanism within :data:`MIN_ROUND_GAP` of it,
        or with its round number within :data:`SAME_NUMBER_SPAN` (a count restarted under a
        new name repeats numbers years apart)."""
        mechanism = self.mechanism_of.get(at)
        if mechanism is None or self.mechanism_of.get(later) is not mechanism:
            return False
        if held.start <= made.end + MIN_ROUND_GAP:
            return True
        number = _number(self.round_of.get(at))
        same_number = number is not None and _number(self.round_of.get(later)) == number
        return same_number and held.start <= made.end + SAME_NUMBER_SPAN

    def met_before(self, mechanism: Mechanism, made: Period) -> bool:
        """True when the mechanism had a round that did not come after ``made``."""
        line = self.rounds.get(mechanism.id)
        return line is not None and line.starts[0] <= made.start


def _number(round_: MechanismRound | None) -> int | None:
    return round_.round if round_ else None


@dataclass
class _Timeline:
    dated: list[Dated]
    starts: list[date]


def _timelines(pairs: Iterable[tuple[str, Meeting]]) -> dict[str, _Timeline]:
    """Dated meetings per key, in date order, with their start days for bisection."""
    grouped: dict[str, list[Dated]] = defaultdict(list)
    for key, meeting in pairs:
        if (period := period_of(meeting.record.date)) is not None:
            grouped[key].append(Dated(meeting, period))
    out = {}
    for key, dated in grouped.items():
        dated.sort(key=lambda d: (d.period.start, d.period.end, d.meeting.id))
        out[key] = _Timeline(dated, [d.period.start for d in dated])
    return out


def _after(line: _Timeline | None, after: Period, until: date) -> Iterator[Dated]:
    if line is None:
        return
    index = bisect_right(line.starts, after.start)
    seen = 0
    while index < len(line.dated) and line.starts[index] <= until and seen < MAX_LATER:
        if line.dated[index].period.is_after(after):
            seen += 1
            yield line.dated[index]
        index += 1


def _name_keys(mechanism: Mechanism) -> tuple[list[frozenset[str]], set[str]]:
    """A mechanism's names as word sets, and the abbreviations it goes by."""
    words = [name_words(n.name, mechanism.parties) for n in mechanism.names]
    words.append(name_words(mechanism.name, mechanism.parties))
    shorts = {initials(w) for w in words} | {abbreviation_key(mechanism.short or "")}
    return [frozenset(w) for w in words], {s for s in shorts if len(s) >= 2}


# --------------------------------------------------------------------------- restatements


class Stated(Protocol):
    """A commitment as restatements are looked for: where and when it was made, its text."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def block(self) -> str: ...
    @property
    def meeting_id(self) -> str: ...
    @property
    def made_on(self) -> str | None: ...


def restatements(index: Index, statuses: Sequence[Stated]) -> dict[str, str]:
    """For each commitment a later meeting restates nearly word for word: the earliest
    restatement (not one in another report of its own meeting or round).

    Candidates come from an index of each commitment's rarest words: two word sets at least
    :data:`RESTATED` alike always share one of them (prefix filtering).
    """
    words = {s.id: content_words(s.text, parties_of(s.block)) for s in statuses}
    frequency = Counter(word for found in words.values() for word in found)
    dated = {s.id: (s, made) for s in statuses
             if (made := period_of(s.made_on)) and len(words[s.id]) >= 2}  # fmt: skip
    prefixes = {i: _rarest(words[i], frequency) for i in dated}
    postings: dict[tuple[str, str], list[tuple[date, str]]] = defaultdict(list)
    for status_id, (status, made) in dated.items():
        for word in prefixes[status_id]:
            postings[status.block, word].append((made.start, status_id))
    for posting in postings.values():
        posting.sort()
    out = {}
    for status_id, (status, _) in dated.items():
        found = [_restatement(index, status_id, dated, words, postings[status.block, word])
                 for word in prefixes[status_id]]  # fmt: skip
        if earliest := min((f for f in found if f), default=None):
            out[status_id] = earliest[1]
    return out


def _rarest(words: frozenset[str], frequency: Counter[str]) -> list[str]:
    """The rarest words of a set, as many as prefix filtering at :data:`RESTATED` needs."""
    size = len(words) - math.ceil(RESTATED * len(words)) + 1
    return sorted(words, key=lambda w: (frequency[w], w))[:size]


def _restatement(
    index: Index,
    status_id: str,
    dated: dict[str, tuple[Stated, Period]],
    words: dict[str, frozenset[str]],
    posting: list[tuple[date, str]],
) -> tuple[date, str] | None:
    """The first commitment of ``posting`` that restates ``status_id`` at a later meeting."""
    status, made = dated[status_id]
    position = bisect_right(posting, (made.start, "\uffff"))
    for start, other_id in posting[position : position + MAX_RESTATEMENTS]:
        if start > made.end + HORIZON:
            break
        other, held = dated[other_id]
        if not held.is_after(made) or _jaccard(words[status_id], words[other_id]) < RESTATED:
            continue
        if not index.same_round(status.meeting_id, other.meeting_id, held, made):
            return start, other_id
    return None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
