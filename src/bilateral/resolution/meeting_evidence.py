"""Evidence that two reports describe one meeting, or that they cannot.

A :class:`Sighting` is a report prepared for comparison (its date interval, heads by
country, folded mechanism names); :func:`strength` weighs what two sightings share and
:func:`conflict` says when nothing can make them one meeting. :mod:`.events` decides which
pairs to compare and joins them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz import fuzz

from bilateral.records import Engagement
from bilateral.resolution.canonical import fold_text
from bilateral.resolution.dates import Interval, report_interval
from bilateral.resolution.names import block_key, compatible
from bilateral.resolved import EngagementKey, Report

#: Reports further apart than this many days are never one meeting.
WINDOW_DAYS = 10
#: Two reports dated to different single days are one meeting only this close, on strong evidence.
DAY_SLIP_DAYS = 2
#: Intervals longer than this (a year) are vague: they need heads shared on two sides.
VAGUE_DAYS = 31
#: Mechanism names at least this similar (word order aside) are one mechanism.
SAME_MECHANISM = 88.0
#: The strength of a re-published text, above any other evidence.
DUPLICATE_STRENGTH = 100

KeyTuple = tuple[str, int]


def key_of(key: EngagementKey) -> KeyTuple:
    """An engagement key as a sortable tuple."""
    return key.document_id, key.ordinal


@dataclass(frozen=True)
class Sighting:
    """A report prepared for comparison: its interval, heads by country, folded names."""

    report: Report
    interval: Interval | None
    heads: dict[str, list[str]]
    mechanism: str
    shorts: frozenset[str]
    acronyms: frozenset[str]
    city: str

    @property
    def head_keys(self) -> set[str]:
        """``country|family-name skeleton`` of each head, to find reports naming them."""
        return {f"{c}|{block_key(n, c)}" for c, names in self.heads.items() for n in names}

    @property
    def parties(self) -> set[str]:
        return set(self.report.engagement.parties)

    @property
    def order(self) -> tuple[date, date, KeyTuple]:
        """Sort key: by date (undated last), then by key."""
        interval = self.interval or Interval(date.max, date.max)
        return interval.start, interval.end, key_of(self.report.key)

    def reaches(self, day: date) -> bool:
        """Whether a report starting on ``day`` is within the window of this one."""
        return self.interval is not None and self.interval.end + timedelta(WINDOW_DAYS) >= day

    def distance(self, other: Sighting) -> int:
        if self.interval is None or other.interval is None:
            return 0
        return self.interval.distance(other.interval)

    def exact(self) -> bool:
        return self.interval is not None and self.interval.days == 1

    def vague(self) -> bool:
        return self.interval is not None and self.interval.days > VAGUE_DAYS


def acronyms(name: str) -> frozenset[str]:
    """Initials of the last three or more significant words of a folded name, so
    ``united states kazakhstan enhanced strategic partnership dialogue`` gives ``espd``."""
    initials = "".join(w[0] for w in name.split() if w not in {"of", "on", "and", "the", "for"})
    return frozenset(initials[-size:] for size in range(3, len(initials) + 1))


def short_names(engagement: Engagement) -> frozenset[str]:
    """The mechanism's short names (``espd``, ``c51``), and its name when that is short."""
    name = fold_text(engagement.mechanism or "")
    labels = {fold_text(engagement.mechanism_short or "")} | (
        {name} if name.count(" ") < 2 else set()
    )
    return frozenset(label.replace(" ", "") for label in labels if len(label) > 1)


def sighting_of(report: Report) -> Sighting:
    engagement = report.engagement
    heads: dict[str, list[str]] = defaultdict(list)
    for person in engagement.participants:
        if person.role == "head" and person.country:
            heads[person.country].append(person.name)
    mechanism = fold_text(engagement.mechanism or "")
    return Sighting(
        report=report,
        interval=report_interval(engagement.date, engagement.date_end, report.published),
        heads=dict(heads),
        mechanism=mechanism,
        shorts=short_names(engagement),
        acronyms=acronyms(mechanism),
        city=fold_text(engagement.city or ""),
    )


def shared_heads(a: Sighting, b: Sighting) -> tuple[int, bool]:
    """How many countries both name a compatible head for, and whether any country clashes."""
    shared, clash = 0, False
    for country in a.heads.keys() & b.heads.keys():
        if any(compatible(x, y, country) for x in a.heads[country] for y in b.heads[country]):
            shared += 1
        else:
            clash = True
    return shared, clash


def same_mechanism(a: Sighting, b: Sighting) -> bool:
    """Same short name, a short name that is the other's acronym, or alike full names."""
    if a.shorts & (b.shorts | b.acronyms) or b.shorts & a.acronyms:
        return True
    if not a.mechanism or not b.mechanism:
        return False
    return fuzz.token_sort_ratio(a.mechanism, b.mechanism) >= SAME_MECHANISM


def same_round(a: Sighting, b: Sighting) -> bool:
    """Whether both state the same round of the same mechanism, which names one meeting."""
    round_a, round_b = a.report.engagement.round, b.report.engagement.round
    return round_a is not None and round_a == round_b and same_mechanism(a, b)


def conflict(a: Sighting, b: Sighting) -> bool:
    """Whether two reports cannot be one meeting, whatever else they share."""
    ea, eb = a.report.engagement, b.report.engagement
    if a.report.key.document_id == b.report.key.document_id:
        return True  # one document's engagements are distinct by construction
    if (ea.kind == "call") != (eb.kind == "call"):
        return True
    if ea.round is not None and eb.round is not None and ea.round != eb.round:
        return True
    distance = a.distance(b)
    if distance > WINDOW_DAYS:
        return True
    if a.exact() and b.exact() and distance > DAY_SLIP_DAYS and not same_round(a, b):
        return True  # two stated days a week apart: two meetings, unless one round of one format
    if distance > 0 and a.city and b.city and a.city != b.city:
        return True
    return shared_heads(a, b)[1]


def strength(a: Sighting, b: Sighting, duplicate: bool) -> int | None:
    """How strongly the evidence says one meeting, or ``None`` when it does not.

    Evidence is a shared head, the same stated round of the same mechanism, or the same
    mechanism on the same day; reports dated only to a year need both sides' heads, and two
    such reports the same round as well. A re-published text is enough by itself.
    """
    if conflict(a, b):
        return None
    if duplicate:
        return DUPLICATE_STRENGTH
    if len(a.parties) < 2:
        return None  # one side unknown: a date and a head are not enough
    ea, eb = a.report.engagement, b.report.engagement
    shared = shared_heads(a, b)[0]
    mechanism, one_round = same_mechanism(a, b), same_round(a, b)
    if (a.vague() or b.vague()) and (shared < 2 or (a.vague() and b.vague() and not one_round)):
        return None
    both_exact, distance = a.exact() and b.exact(), a.distance(b)
    if both_exact and distance > 0 and not (shared >= 2 or one_round):
        return None
    same_day = both_exact and distance == 0
    if not (shared or one_round or (mechanism and same_day)):
        return None
    same_city = bool(a.city) and a.city == b.city
    same_country = ea.country is not None and ea.country == eb.country
    return 4 * shared + 6 * one_round + 2 * (mechanism + same_day) + same_city + same_country
