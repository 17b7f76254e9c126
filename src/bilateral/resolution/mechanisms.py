"""Mechanisms: the dialogue formats whose rounds the meetings of a block are.

Meetings that name a mechanism are grouped per block by their name's distinctive words
(:func:`bilateral.resolution.mechanism_names.name_words`), so every wording of one format is
one mechanism. Two more rules join groups: a name whose words are a strict subset of another
name's, all of whose rounds come before that other's first round, is the same format under an
earlier name (a rename); an abbreviation given without a name joins the mechanism whose
initials or abbreviation it is. Each mechanism then gets its rounds in date order with
reconciled round numbers, its cadence, its venues and its names over time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from bilateral.resolution.mechanism_names import (
    abbreviation_key,
    initials,
    name_words,
    parties_of,
    slug,
)
from bilateral.resolution.periods import Period, days_between, period_of
from bilateral.resolved import Mechanism, MechanismName, MechanismRound, Meeting

Key = frozenset[str]


@dataclass
class _Round:
    meeting: Meeting
    period: Period | None
    words: tuple[str, ...]

    @property
    def sort_key(self) -> tuple[bool, str, str, str]:
        """Dated rounds by start and end, undated ones last."""
        start, end = (str(self.period.start), str(self.period.end)) if self.period else ("", "")
        return (self.period is None, start, end, self.meeting.id)


@dataclass
class _Group:
    keys: list[Key]
    rounds: list[_Round] = field(default_factory=list)

    def first(self) -> Period | None:
        """The period of the group's first dated round."""
        return min((r.period for r in self.rounds if r.period), default=None)

    def last(self) -> Period | None:
        """The period of the group's last dated round."""
        return max((r.period for r in self.rounds if r.period), default=None)


def resolve_mechanisms(meetings: Sequence[Meeting]) -> list[Mechanism]:
    """Every mechanism the meetings are rounds of, per block, sorted by id."""
    by_block: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        if meeting.record.mechanism or meeting.record.mechanism_short:
            by_block[meeting.block].append(meeting)
    mechanisms: list[Mechanism] = []
    for block in sorted(by_block):
        mechanisms += _block_mechanisms(block, by_block[block])
    return sorted(mechanisms, key=lambda m: m.id)


def _block_mechanisms(block: str, meetings: list[Meeting]) -> list[Mechanism]:
    parties = parties_of(block)
    groups: dict[Key, _Group] = {}
    unnamed: list[Meeting] = []
    for meeting in sorted(meetings, key=lambda m: m.id):
        words = name_words(meeting.record.mechanism or "", parties)
        if not words:
            unnamed.append(meeting)
            continue
        group = groups.setdefault(frozenset(words), _Group(keys=[frozenset(words)]))
        group.rounds.append(_Round(meeting, period_of(meeting.record.date), words))
    merged = _join_renames(groups)
    _join_abbreviations(unnamed, merged)
    made = [_mechanism(block, parties, group) for group in merged]
    return _unique_ids(made)


def _join_renames(groups: dict[Key, _Group]) -> list[_Group]:
    """Groups after folding each earlier, shorter name into the one it was renamed to."""
    index: dict[str, set[Key]] = defaultdict(set)
    for key in groups:
        for word in key:
            index[word].add(key)
    owner = {key: key for key in groups}
    for key in sorted(groups, key=lambda k: (len(k), sorted(k))):
        target = _renamed_to(key, groups, index) if len(key) >= 2 else None
        if target is not None:
            into = groups[owner[target]]
            into.keys += groups[owner[key]].keys
            into.rounds += groups[owner[key]].rounds
            for moved in groups[owner[key]].keys:
                owner[moved] = owner[target]
    return [groups[key] for key in groups if owner[key] == key]


def _renamed_to(key: Key, groups: dict[Key, _Group], index: dict[str, set[Key]]) -> Key | None:
    """The one longer name ``key`` became: a strict superset whose rounds all come later."""
    supersets = set.intersection(*(index[word] for word in key)) - {key}
    last = groups[key].last()
    if last is None:
        return None
    later = [k for k in supersets if (first := groups[k].first()) and first.start > last.end]
    minimal = [k for k in later if not any(other < k for other in later)]
    return minimal[0] if len(minimal) == 1 else None


def _join_abbreviations(meetings: list[Meeting], groups: list[_Group]) -> None:
    """Put meetings known only by an abbreviation into the mechanisms they abbreviate: the
    one whose name has those initials or whose rounds give that abbreviation, else a new one.
    """
    by_short: dict[str, _Group] = {}
    for group in groups:
        for round_ in group.rounds:
            given = abbreviation_key(round_.meeting.record.mechanism_short or "")
            for short in (initials(round_.words), given):
                if short:
                    by_short.setdefault(short, group)
    for meeting in meetings:
        short = abbreviation_key(meeting.record.mechanism_short or "")
        if not short:
            continue
        round_ = _Round(meeting, period_of(meeting.record.date), (short,))
        if short not in by_short:
            by_short[short] = _Group(keys=[frozenset({short})])
            groups.append(by_short[short])
        by_short[short].rounds.append(round_)


def _mechanism(block: str, parties: list[str], group: _Group) -> Mechanism:
    rounds = sorted(group.rounds, key=lambda r: r.sort_key)
    current = _current_wording(rounds)
    words = name_words(current, parties, stemmed=False) or rounds[-1].words
    numbers = reconcile_rounds([(r.period, r.meeting.record.round, frozenset(r.words))
                                for r in rounds])  # fmt: skip
    return Mechanism(
        id=f"{block}:{slug(words)}",
        block=block,
        parties=parties,
        name=current,
        short=_short(rounds),
        names=_history(rounds, current),
        cadence=cadence_of([r.period for r in rounds if r.period]),
        rounds=[_round(r, number) for r, number in zip(rounds, numbers, strict=True)],
        venues=_venues(r.meeting.record.city for r in rounds),
    )


def _round(round_: _Round, number: int | None) -> MechanismRound:
    record = round_.meeting.record
    return MechanismRound(
        meeting_id=round_.meeting.id,
        date=record.date,
        stated_round=record.round,
        round=number,
        city=record.city,
        country=record.country,
        name=record.mechanism or record.mechanism_short,
    )


def _wordings(meeting: Meeting) -> Counter[str]:
    """Each wording of the meeting's mechanism name, counted by the documents that give it."""
    counts: Counter[str] = Counter()
    resolved = meeting.fields.get("mechanism")
    for sourced in resolved.values if resolved else []:
        if isinstance(sourced.value, str) and sourced.value:
            counts[sourced.value] += max(1, len(sourced.documents))
    if not counts and meeting.record.mechanism:
        counts[meeting.record.mechanism] = max(1, len(meeting.documents))
    return counts


def _most_common(counts: Counter[str]) -> str:
    """The wording given most often; on a tie the fullest, then the first alphabetically."""
    return min(counts, key=lambda w: (-counts[w], -len(w), w))


def _current_wording(rounds: list[_Round]) -> str:
    """The most common full wording of the most recent round that has one."""
    for round_ in reversed(rounds):
        counts = _wordings(round_.meeting)
        if counts:
            return _most_common(counts)
    return rounds[-1].meeting.record.mechanism_short or "unnamed"


def _short(rounds: list[_Round]) -> str | None:
    counts = Counter(r.meeting.record.mechanism_short for r in rounds
                     if r.meeting.record.mechanism_short)  # fmt: skip
    if not counts:
        return None
    latest = {s: i for i, r in enumerate(rounds) if (s := r.meeting.record.mechanism_short)}
    return max(counts, key=lambda s: (counts[s], latest[s]))


def _history(rounds: list[_Round], current: str) -> list[MechanismName]:
    """One entry per name the mechanism went by, with its first and last dated rounds.

    The entry of the current name's words is worded as the current name.
    """
    last_key = frozenset(next((r.words for r in reversed(rounds) if r.meeting.record.mechanism),
                              ()))  # fmt: skip
    by_key: dict[Key, list[_Round]] = defaultdict(list)
    for round_ in rounds:
        if round_.meeting.record.mechanism:
            by_key[frozenset(round_.words)].append(round_)
    names = []
    for members in by_key.values():
        counts: Counter[str] = sum((_wordings(r.meeting) for r in members), Counter())
        dated = [r.meeting.record.date for r in members if r.period]
        first, last = (dated[0], dated[-1]) if dated else (None, None)
        name = current if frozenset(members[0].words) == last_key else _most_common(counts)
        names.append(MechanismName(name=name, first=first, last=last))
    return sorted(names, key=lambda n: (n.first is None, n.first or "", n.name))


def cadence_of(periods: Iterable[Period]) -> str | None:
    """``annual``, ``semiannual``, ``biennial`` or ``irregular`` from the median gap in days."""
    distinct = sorted(set(periods))
    gaps = [days_between(a, b) for a, b in pairwise(distinct)]
    if not gaps:
        return None
    gap = median(gaps)
    if 120 <= gap < 270:
        return "semiannual"
    if 270 <= gap <= 460:
        return "annual"
    if 600 <= gap <= 860:
        return "biennial"
    return "irregular"


def reconcile_rounds(rounds: Sequence[tuple[Period | None, int | None, Key]]) -> list[int | None]:
    """Round numbers for rounds in date order: stated ones kept, the others counted from them.

    Rounds on the same date share a position. An unstated position is numbered from the
    stated position before it, else from the one after it, whichever keeps the numbers
    increasing; where stated numbers conflict (a count restarted under a new name), from the
    stated position under the same name, else from the later one.
    """
    positions = sorted({period for period, _, _ in rounds if period})
    slot = {period: index for index, period in enumerate(positions)}
    stated: dict[int, Counter[int]] = defaultdict(Counter)
    names: dict[int, Key] = {}
    for period, number, key in rounds:
        if period is not None:
            names.setdefault(slot[period], key)
            if number is not None:
                stated[slot[period]][number] += 1
    anchors = {i: min(c, key=lambda n: (-c[n], n)) for i, c in stated.items()}
    numbered = _count_from_anchors(len(positions), anchors, names)
    return [number if number is not None or period is None else numbered[slot[period]]
            for period, number, _ in rounds]  # fmt: skip


def _count_from_anchors(
    size: int, anchors: dict[int, int], names: dict[int, Key]
) -> list[int | None]:
    before: list[int | None] = [None] * size  # nearest anchor position at or before i
    after: list[int | None] = [None] * size  # nearest anchor position at or after i
    for i in range(size):
        before[i] = i if i in anchors else (before[i - 1] if i else None)
    for i in reversed(range(size)):
        after[i] = i if i in anchors else (after[i + 1] if i + 1 < size else None)
    return [anchors[i] if i in anchors else _inferred(i, before[i], after[i], anchors, names)
            for i in range(size)]  # fmt: skip


def _inferred(
    i: int, prev: int | None, next_: int | None, anchors: dict[int, int], names: dict[int, Key]
) -> int | None:
    """The number of position ``i`` counted from the stated position before or after it."""
    options = [(a, anchors[a] + i - a) for a in (prev, next_) if a is not None]
    options = [(a, number) for a, number in options if number >= 1]
    low = anchors[prev] if prev is not None else 0
    high = anchors[next_] if next_ is not None else None
    fitting = [o for o in options if o[1] > low and (high is None or o[1] < high)]
    same_name = [o for o in options if names.get(o[0]) == names.get(i)]
    chosen = fitting or same_name or options[-1:]
    return chosen[0][1] if chosen else None


def _venues(cities: Iterable[str | None]) -> list[str]:
    venues: list[str] = []
    for city in cities:
        if city and (not venues or venues[-1] != city):
            venues.append(city)
    return venues


def _unique_ids(mechanisms: list[Mechanism]) -> list[Mechanism]:
    seen: Counter[str] = Counter()
    out = []
    for mechanism in sorted(mechanisms, key=lambda m: (m.id, m.rounds[0].meeting_id)):
        seen[mechanism.id] += 1
        suffix = f"-{seen[mechanism.id]}" if seen[mechanism.id] > 1 else ""
        out.append(mechanism.model_copy(update={"id": mechanism.id + suffix}))
    return out
