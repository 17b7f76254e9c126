"""A person's role timeline: the titles they held, from when to when.

Appearances with a title are walked in date order; consecutive ones that name the same job
collapse into one :class:`~bilateral.resolved.RolePeriod`. Two titles name the same job when

* their *rank words* agree exactly (``first``, ``deputy``, ``assistant``, ``under``, ``prime``,
  ...), so ``Deputy Foreign Minister`` never merges into ``Foreign Minister`` nor ``Deputy
  Minister`` into ``First Deputy Minister``; a rank change is the promotion a timeline exists to
  show;
* and their remaining words are alike by token-set similarity (rapidfuzz ``token_set_ratio``
  >= :data:`SAME_JOB`), which is order-free and accepts a subset: ``Foreign Minister`` and
  ``Minister of Foreign Affairs``, ``Assistant Secretary for South and Central Asian Affairs``
  and ``Bureau of South and Central Asian Affairs Assistant Secretary``.

This is deliberately conservative: a compound title (``Deputy Prime Minister, Minister of
Foreign Affairs``) is a different job from ``Minister of Foreign Affairs``, because its rank
words differ; the timeline then shows how sources described the person rather than
guessing which office they meant. A period joins a title only if it names the same job as
every wording already in the period, so similar titles cannot chain.

The organization never splits a period: a period shows the organization its appearances
name most often, normalized (:func:`~bilateral.resolution.organizations.normalize_organization`),
so ``MFA`` and ``Kazakh Foreign Ministry`` count as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from anyascii import anyascii
from rapidfuzz import fuzz

from bilateral.resolution.organizations import normalize_organization, preferred_organization
from bilateral.resolved import Appearance, RolePeriod

#: Titles name the same job at and above this token-set similarity (their rank words equal).
SAME_JOB = 90.0

#: Words that set a rank within a job family; titles must agree on all of them.
RANK_WORDS = frozenset(
    {
        "acting",
        "assistant",
        "associate",
        "chief",
        "deputy",
        "executive",
        "first",
        "former",
        "general",
        "permanent",
        "prime",
        "principal",
        "second",
        "senior",
        "special",
        "under",
    }
)
_SYNONYMS = {"vice": "deputy", "interim": "acting", "undersecretary": "under secretary"}
_FILLERS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Job:
    """A title reduced for comparison: its rank words and its other words."""

    ranks: frozenset[str]
    words: str


@lru_cache(maxsize=1 << 14)
def job_of(title: str) -> Job:
    """``title`` reduced to rank words and other words (fillers dropped, synonyms mapped)."""
    text = _NOT_WORD.sub(" ", anyascii(title).lower())
    words = " ".join(_SYNONYMS.get(w, w) for w in text.split()).split()
    kept = [w for w in words if w not in _FILLERS]
    ranks = frozenset(w for w in kept if w in RANK_WORDS)
    return Job(ranks, " ".join(w for w in kept if w not in RANK_WORDS))


def same_job(a: str, b: str) -> bool:
    """Whether two titles name the same job (see the module docstring)."""
    return _same(job_of(a), job_of(b))


@lru_cache(maxsize=1 << 16)
def _same(a: Job, b: Job) -> bool:
    if a.ranks != b.ranks:
        return False
    return a.words == b.words or float(fuzz.token_set_ratio(a.words, b.words)) >= SAME_JOB


@dataclass
class _Period:
    jobs: dict[str, Job] = field(default_factory=dict)
    appearances: list[Appearance] = field(default_factory=list)

    def accepts(self, title: str) -> bool:
        job = job_of(title)
        return all(_same(job, other) for other in self.jobs.values())

    def add(self, appearance: Appearance) -> None:
        assert appearance.title is not None
        self.jobs.setdefault(appearance.title, job_of(appearance.title))
        self.appearances.append(appearance)


def role_timeline(appearances: Iterable[Appearance]) -> list[RolePeriod]:
    """The role periods of one person's appearances: dated periods in date order, then any
    job seen only in undated appearances."""
    titled = [a for a in appearances if a.title]
    dated = sorted((a for a in titled if a.date), key=_chronological)
    periods: list[_Period] = []
    for _, same_day in groupby(dated, key=lambda a: a.date):
        _walk_day(list(same_day), periods)
    undated_periods: list[_Period] = []
    for appearance in sorted((a for a in titled if not a.date), key=_chronological):
        assert appearance.title is not None
        home = next((p for p in periods if p.accepts(appearance.title)), None)
        home = home or next((p for p in undated_periods if p.accepts(appearance.title)), None)
        if home is None:
            home = _Period()
            undated_periods.append(home)
        home.add(appearance)
    return [_role_period(p) for p in periods + undated_periods]


def _walk_day(day: list[Appearance], periods: list[_Period]) -> None:
    """Place one date's appearances: those continuing the current job first, so that sources
    wording one day's title differently do not make the timeline flap."""
    pending = day
    while pending:
        current = periods[-1] if periods else None
        fits = [a for a in pending if current is not None and current.accepts(a.title or "")]
        if current is None or not fits:
            current = _Period()
            periods.append(current)
            fits = [a for a in pending if current.accepts(a.title or "")][:1]
        for appearance in fits:
            current.add(appearance)
        placed = {id(a) for a in fits}
        pending = [a for a in pending if id(a) not in placed]


def _role_period(period: _Period) -> RolePeriod:
    dates = [a.date for a in period.appearances if a.date]
    evidence = list(dict.fromkeys(a.key for a in period.appearances))
    organization = preferred_organization(
        normalize_organization(a.organization, a.country)
        for a in period.appearances
        if a.organization
    )
    return RolePeriod(
        title=preferred(a.title for a in period.appearances),
        organization=organization.name if organization else None,
        start=dates[0] if dates else None,
        end=dates[-1] if dates else None,
        evidence=evidence,
    )


def preferred(values: Iterable[str | None]) -> str | None:
    """The most frequent value; ties go to the longest (fullest), then alphabetical."""
    counts: dict[str, int] = {}
    for value in values:
        if value:
            counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda v: (-counts[v], -len(v), v)) if counts else None


def _chronological(appearance: Appearance) -> tuple[str, str, int, int]:
    key = appearance.key
    return (appearance.date or "", key.document_id, key.ordinal, appearance.participant)
