"""People across documents: every participant mention placed in one :class:`Person`.

Mentions are blocked by the skeleton of their family name (:func:`names.block_key`), and
only mentions of one block are ever compared, so the work grows with the number of mentions,
not with the number of pairs. Within a block:

1. spellings (name keys) are the units; ``same_person`` constraints join them into one unit;
2. full names (a given name and a family name) are clustered by *complete linkage*: a unit
   joins a cluster only if it is compatible (:func:`names.compatible`) with every spelling
   already in it, so ``A ~ B ~ C`` cannot chain ``A`` to ``C``. Countries must be equal; a
   mention without a country joins the unique compatible person of any country, or else
   stays with other country-less spellings. ``different_person`` keeps units apart;
3. a bare family name (``Blinken``) joins the unique full-name person it is compatible with;
   if several, the one seen in the same meeting; else it stays a person of its own;
4. ``same_person`` pairs that span blocks merge their clusters at the end.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from bilateral.resolution.names import (
    ParsedName,
    fold,
    name_key,
    parse,
    parsed_compatible,
    person_block,
    similarity,
    skeleton,
)
from bilateral.resolution.roles import preferred, role_timeline
from bilateral.resolved import Appearance, Constraints, Meeting, Person, Report

_SLUG = re.compile(r"[^a-z0-9]+")
Key = TypeVar("Key", str, int)


@dataclass(frozen=True)
class Mention:
    """One participant of one report, ready to compare."""

    appearance: Appearance
    country: str | None
    key: str
    parsed: ParsedName
    meeting: str
    order: tuple[str, int, int]


@dataclass
class Cluster:
    """Mentions believed to be one person, with what comparisons need."""

    country: str | None
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    names: dict[ParsedName, str] = field(default_factory=dict)
    meetings: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> Cluster:
        cluster = cls(country=None)
        for mention in mentions:
            cluster.add(mention)
        cluster.country = preferred(m.country for m in cluster.mentions)
        return cluster

    @property
    def full(self) -> bool:
        return any(name.given for name in self.names)

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.keys.add(mention.key)
        self.names.setdefault(
            mention.parsed, " ".join((*mention.parsed.given, mention.parsed.family))
        )
        self.meetings.add(mention.meeting)

    def absorb(self, other: Cluster) -> None:
        for mention in other.mentions:
            self.add(mention)


class Rules:
    """The person constraints: forced groups of name keys and pairs kept apart."""

    def __init__(self, constraints: Constraints) -> None:
        same = [(_normal_key(a), _normal_key(b)) for a, b in constraints.same_person]
        self.group_of = _roots(same)
        self.apart: dict[str, set[str]] = defaultdict(set)
        for a, b in constraints.different_person:
            self.apart[_normal_key(a)].add(_normal_key(b))
            self.apart[_normal_key(b)].add(_normal_key(a))

    def group(self, key: str) -> str:
        return self.group_of.get(key, key)

    def forced(self, cluster: Cluster) -> bool:
        return any(key in self.group_of for key in cluster.keys)

    def allows(self, a: Cluster, b: Cluster) -> bool:
        return not any(self.apart[key] & b.keys for key in a.keys if key in self.apart)


def resolve_people(
    reports: Sequence[Report], meetings: Sequence[Meeting], *, constraints: Constraints
) -> list[Person]:
    """Every participant of ``reports`` placed in one person, sorted by id."""
    return people_of(appearances_of(reports, meetings), constraints=constraints)


def people_of(appearances: Iterable[Appearance], *, constraints: Constraints) -> list[Person]:
    """The people these appearances are of, sorted by id.

    An incremental update feeds it every appearance of the affected family-name blocks
    (stored ones and new ones) and gets the same people a full run would.
    """
    rules = Rules(constraints)
    blocks: dict[str, list[Mention]] = defaultdict(list)
    for mention in map(_mention, appearances):
        blocks[skeleton(mention.parsed.family)].append(mention)
    clusters = [c for block in sorted(blocks) for c in _resolve_block(blocks[block], rules)]
    return _with_unique_ids([_person(c) for c in _merge_forced(clusters, rules)])


def appearances_of(reports: Sequence[Report], meetings: Sequence[Meeting]) -> list[Appearance]:
    """Every named participant of ``reports`` (with a family name), dated by its engagement
    or else by its meeting."""
    meeting_of = {key: meeting for meeting in meetings for key in meeting.members}
    found = []
    for report in reports:
        meeting = meeting_of.get(report.key)
        when = report.engagement.date or (meeting.record.date if meeting else None)
        for ordinal, participant in enumerate(report.engagement.participants):
            if not parse(participant.name, participant.country).family:
                continue
            found.append(Appearance(
                key=report.key, participant=ordinal, name=participant.name,
                title=participant.title, organization=participant.organization,
                country=participant.country, role=participant.role, date=when,
                meeting_id=meeting.id if meeting else None,
            ))  # fmt: skip
    return found


def _mention(appearance: Appearance) -> Mention:
    key = appearance.key
    return Mention(
        appearance=appearance,
        country=appearance.country,
        key=name_key(appearance.name, appearance.country),
        parsed=parse(appearance.name, appearance.country),
        meeting=appearance.meeting_id or str(key),
        order=(key.document_id, key.ordinal, appearance.participant),
    )


def _resolve_block(mentions: list[Mention], rules: Rules) -> list[Cluster]:
    """The people of one block: full names clustered, bare names attached or left alone."""
    by_group: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.order):
        by_group[rules.group(mention.key)].append(mention)
    units = [Cluster.of(group) for group in by_group.values()]
    people = _place([u for u in units if u.full], rules)
    bare = sorted((u for u in units if not u.full), key=_unit_order)
    by_country = _by_country(people)
    left = [piece for unit in bare for piece in _attach_bare(unit, by_country, rules)]
    return people + _place(_regroup(left), rules)


def _place(units: list[Cluster], rules: Rules) -> list[Cluster]:
    """Greedy complete-linkage clustering; units with a country first, most mentioned first."""
    clusters: list[Cluster] = []
    by_country: dict[str | None, list[Cluster]] = defaultdict(list)
    for unit in sorted(units, key=_unit_order):
        home = _home(unit, by_country, rules)
        if home is None:
            clusters.append(unit)
            by_country[unit.country].append(unit)
        else:
            home.absorb(unit)
    return clusters


def _home(
    unit: Cluster, by_country: dict[str | None, list[Cluster]], rules: Rules
) -> Cluster | None:
    """The cluster ``unit`` joins: the most similar fitting one of its country; for a unit
    without a country, the unique fitting one with a country, else the most similar other
    country-less one."""
    if unit.country is None:
        known = [c for c in _candidates(unit, by_country, rules) if c.country is not None]
        if len(known) == 1:
            return known[0]
    fits = [c for c in by_country.get(unit.country, ()) if _fits(unit, c, rules)]
    return max(fits, key=lambda c: _affinity(unit, c), default=None)


def _candidates(
    unit: Cluster, by_country: dict[str | None, list[Cluster]], rules: Rules
) -> list[Cluster]:
    """The clusters ``unit`` fits: of its country, or of any country if it has none."""
    if unit.country is not None:
        pool = by_country.get(unit.country, [])
    else:
        pool = [c for group in by_country.values() for c in group]
    return [c for c in pool if _fits(unit, c, rules)]


def _by_country(clusters: Iterable[Cluster]) -> dict[str | None, list[Cluster]]:
    grouped: dict[str | None, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        grouped[cluster.country].append(cluster)
    return grouped


def _fits(unit: Cluster, cluster: Cluster, rules: Rules) -> bool:
    """Whether every spelling of ``unit`` is compatible with every one of ``cluster``."""
    if not rules.allows(unit, cluster):
        return False
    return all(parsed_compatible(a, b) for a in unit.names for b in cluster.names)


def _affinity(unit: Cluster, cluster: Cluster) -> tuple[float, int]:
    best = max(similarity(a, b) for a in unit.names.values() for b in cluster.names.values())
    return best, len(cluster.mentions)


def _attach_bare(
    unit: Cluster, people: dict[str | None, list[Cluster]], rules: Rules
) -> list[Cluster]:
    """Attach a bare family name to the full-name person it means; return what stays alone.

    Each mention is decided on its own (``Lu`` may mean one person in one meeting and
    another elsewhere), unless a constraint binds the spelling, then the unit goes whole.
    """
    fits = _candidates(unit, people, rules)
    pieces = [unit] if rules.forced(unit) else [Cluster.of([m]) for m in unit.mentions]
    left = []
    for piece in pieces:
        home = fits[0] if len(fits) == 1 else None
        if home is None:
            met = [c for c in fits if c.meetings & piece.meetings]
            home = met[0] if len(met) == 1 else None
        if home is None:
            left.append(piece)
        else:
            home.absorb(piece)
    return left


def _regroup(pieces: list[Cluster]) -> list[Cluster]:
    """Pieces of the same spelling and country back into one unit each."""
    grouped: dict[tuple[str, ...], Cluster] = {}
    for piece in pieces:
        key = tuple(sorted(piece.keys))
        if key in grouped:
            grouped[key].absorb(piece)
        else:
            grouped[key] = piece
    return list(grouped.values())


def _merge_forced(clusters: list[Cluster], rules: Rules) -> list[Cluster]:
    """Clusters of different blocks holding one ``same_person`` group, merged."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, cluster in enumerate(clusters):
        for group in sorted({rules.group(k) for k in cluster.keys if k in rules.group_of}):
            holders[group].append(index)
    links = [(i, j) for held in holders.values() for i, j in pairwise(held)]
    root_of = _roots(links)
    merged: dict[int, Cluster] = {}
    for index, cluster in enumerate(clusters):
        root = root_of.get(index, index)
        if root in merged:
            merged[root].absorb(cluster)
        else:
            merged[root] = cluster
    return list(merged.values())


def _person(cluster: Cluster) -> Person:
    mentions = sorted(cluster.mentions, key=lambda m: m.order)
    full = [m.appearance.name for m in mentions if m.parsed.given]
    name = preferred(full or [m.appearance.name for m in mentions]) or ""
    country = preferred(m.country for m in mentions)
    appearances = sorted((m.appearance for m in mentions), key=by_date)
    return Person(
        id=f"{(country or 'unk').lower()}-{_SLUG.sub('-', fold(name)).strip('-')}",
        name=name,
        country=country,
        block=person_block(name, country),
        variants=sorted({m.appearance.name for m in mentions}),
        name_keys=sorted({m.key for m in mentions}),
        appearances=appearances,
        mentions=len(appearances),
        roles=role_timeline(appearances),
    )


def _with_unique_ids(people: list[Person]) -> list[Person]:
    """People sorted by id; a repeated id gets ``-2``, ``-3``... in order of first appearance."""
    seen: Counter[str] = Counter()
    unique = []
    for person in sorted(people, key=lambda p: (p.id, by_date(p.appearances[0]))):
        seen[person.id] += 1
        if seen[person.id] > 1:
            person = person.model_copy(update={"id": f"{person.id}-{seen[person.id]}"})
        unique.append(person)
    return sorted(unique, key=lambda p: p.id)


def _unit_order(unit: Cluster) -> tuple[bool, int, int, str]:
    longest = max(len(m.appearance.name) for m in unit.mentions)
    return (unit.country is None, -len(unit.mentions), -longest, min(unit.keys))


def by_date(appearance: Appearance) -> tuple[bool, str, str, int, int]:
    key = appearance.key
    when = appearance.date
    return (when is None, when or "", key.document_id, key.ordinal, appearance.participant)


def _normal_key(key: str) -> str:
    """A constraint's name key re-folded, so hand-typed keys match computed ones."""
    country, _, name = key.partition("|")
    return name_key(name, country or None)


def _roots(pairs: Sequence[tuple[Key, Key]]) -> dict[Key, Key]:
    """Union-find over ``pairs``: each key's group, named by its smallest key."""
    parent: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for a, b in pairs:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    return {key: root(key) for key in parent}
