"""Topic trends: how many meetings discussed each topic, year by year.

Counted in SQL (``meeting_topics`` joined with ``meetings``, the year from ``sort_date``) for
the whole store, one country pair (a block such as ``KAZ-USA``) or one mechanism.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bilateral.errors import NotFound, ValidationError
from bilateral.resolved import Mechanism, block_of
from bilateral.store import Store
from bilateral.store.insights import YearCount
from bilateral.taxonomy import load_taxonomy

DEFAULT_SERIES = 6  # topics charted when none is chosen: the most discussed
MAX_SERIES = 12  # a chart with more lines than this cannot be read
MAX_YEAR_SPAN = 80  # a wider range lists only the years that have meetings
_PARTY = re.compile(r"[A-Z0-9]{2,10}")


def topic_labels(path: Path | None = None) -> dict[str, str]:
    """``{code: label}`` in taxonomy order (the bundled taxonomy unless ``path`` is given)."""
    return {topic.code: topic.label for topic in load_taxonomy(path)}


def normalize_pair(value: str | None) -> str | None:
    """A country pair as a block: ``usa-kaz`` is ``KAZ-USA``; blank is None.

    Raises :class:`ValidationError` for anything that is not two or more party codes.
    """
    if value is None or not value.strip():
        return None
    parties = [p.strip().upper() for p in value.split("-")]
    if len(parties) < 2 or not all(_PARTY.fullmatch(p) for p in parties):
        raise ValidationError(
            f"not a country pair: {value[:40]!r} (expected codes like KAZ-USA)",
            code="invalid_pair",
        )
    return block_of(parties)


@dataclass(frozen=True)
class TopicTrend:
    """One topic's meetings per year (aligned with :attr:`TopicTrends.years`)."""

    code: str
    label: str
    counts: list[int]
    charted: bool

    @property
    def total(self) -> int:
        """Meetings over every year."""
        return sum(self.counts)


@dataclass(frozen=True)
class TopicTrends:
    """Meetings per year per topic, for the whole store or one pair and/or mechanism."""

    years: list[int]
    topics: list[TopicTrend]  # most discussed first
    meetings: list[int]  # meetings per year, whatever their topics
    undated: int  # meetings without a date, not counted by year
    pair: str | None
    mechanism: Mechanism | None
    pairs: list[str]  # every pair with meetings, for the filter
    chosen: list[str]  # the topics asked for (those that have meetings here); [] for default

    @property
    def charted(self) -> list[TopicTrend]:
        """The topics drawn in the chart (the table has them all)."""
        return [t for t in self.topics if t.charted]


def topic_trends(
    store: Store,
    *,
    pair: str | None = None,
    mechanism_id: str | None = None,
    topics: Sequence[str] = (),
    taxonomy: Path | None = None,
) -> TopicTrends:
    """Meetings per year per topic, of one pair and/or mechanism if given; ``topics`` are
    the codes to chart (the most discussed ones when empty). Raises NotFound for an unknown
    mechanism, ValidationError for a malformed pair."""
    block = normalize_pair(pair)
    mechanism = None
    if mechanism_id:
        if "\x00" in mechanism_id:
            raise NotFound(f"no mechanism with id {mechanism_id!r}")
        mechanism = store.get_mechanism(mechanism_id)
    rows = store.topic_years(block=block, mechanism_id=mechanism.id if mechanism else None)
    years = _years(rows)
    trends = _trends(rows, years, topic_labels(taxonomy))
    chosen = [c for c in dict.fromkeys(topics) if any(t.code == c for t in trends)]
    charted = set(chosen[:MAX_SERIES] or [t.code for t in trends[:DEFAULT_SERIES]])
    per_year = {r.year: r.meetings for r in rows if r.code is None}
    return TopicTrends(
        years=years,
        topics=[TopicTrend(t.code, t.label, t.counts, t.code in charted) for t in trends],
        meetings=[per_year.get(y, 0) for y in years],
        undated=per_year.get(None, 0),
        pair=block,
        mechanism=mechanism,
        pairs=[b for b, _ in store.meeting_blocks() if b != "-"],
        chosen=chosen[:MAX_SERIES],
    )


def _years(rows: Sequence[YearCount]) -> list[int]:
    """Every year from the first to the last with meetings (only those, if too many)."""
    present = sorted({r.year for r in rows if r.year is not None})
    if not present or present[-1] - present[0] > MAX_YEAR_SPAN:
        return present
    return list(range(present[0], present[-1] + 1))


def _trends(
    rows: Sequence[YearCount], years: Sequence[int], labels: dict[str, str]
) -> list[TopicTrend]:
    """Each topic's counts, most discussed first (then in taxonomy order)."""
    counts: dict[str, dict[int, int]] = defaultdict(dict)
    for row in rows:
        if row.code is not None and row.year is not None:
            counts[row.code][row.year] = row.meetings
    order = {code: i for i, code in enumerate(labels)}
    trends = [
        TopicTrend(code, labels.get(code, code), [by_year.get(y, 0) for y in years], False)
        for code, by_year in counts.items()
    ]
    trends.sort(key=lambda t: (-t.total, order.get(t.code, len(order)), t.code))
    return trends
