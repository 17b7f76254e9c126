"""Dates of partial precision as day intervals.

Records give dates as ISO strings at day, month or year precision (``2024-05-31``,
``2024-05``, ``2024``). Read as intervals (``2024-05`` is May 1-31), two reports of one
meeting can be compared honestly: ``2024-05-31`` and ``2024-05`` agree, ``2024-05-31`` and
``2024-06`` do not, though they are one day apart.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

#: An undated report is placed in the month before its publication.
UNDATED_SPAN_DAYS = 30


@dataclass(frozen=True, order=True)
class Interval:
    """The closed day range ``[start, end]``."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """How many days the interval covers."""
        return (self.end - self.start).days + 1

    def distance(self, other: Interval) -> int:
        """Days from the end of the earlier interval to the start of the later (0: overlap)."""
        if self.overlaps(other):
            return 0
        return max(self.start, other.start).toordinal() - min(self.end, other.end).toordinal()

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end


@lru_cache(maxsize=8192)
def parse(value: str | None) -> Interval | None:
    """The interval an ISO date of any precision stands for; ``None`` if it is not one."""
    match = _ISO_PREFIX.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return Interval(date(year, 1, 1), date(year, 12, 31))
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return Interval(date(year, month, 1), date(year, month, last))
        return Interval(date(year, month, day), date(year, month, day))
    except ValueError:
        return None


def precision(value: str | None) -> int:
    """0 for no date, 1 for a year, 2 for a month, 3 for a day."""
    match = _ISO_PREFIX.match(value or "")
    if match is None:
        return 0
    return sum(1 for part in match.groups() if part)


def compatible(a: str, b: str) -> bool:
    """Whether one date contains the other (``2024-05`` and ``2024-05-31`` are compatible)."""
    if a == b:
        return True
    first, second = parse(a), parse(b)
    if first is None or second is None:
        return False
    return first.contains(second) or second.contains(first)


def report_interval(
    when: str | None, until: str | None = None, published: date | None = None
) -> Interval | None:
    """Where in time a report puts its engagement.

    The stated date (through ``until`` when it runs over several days), cut off at the
    publication date when that falls inside (a readout published on 4 June about "June"
    speaks of 1-4 June). An undated report takes the month before its publication; a report
    with neither date nor publication has no interval and is never matched on time.
    """
    stated = parse(when)
    if stated is None:
        if published is None:
            return None
        return Interval(published - timedelta(days=UNDATED_SPAN_DAYS), published)
    closing = parse(until)
    end = closing.end if closing is not None and closing.end >= stated.start else stated.end
    if published is not None and stated.start <= published < end:
        end = published
    return Interval(stated.start, end)
