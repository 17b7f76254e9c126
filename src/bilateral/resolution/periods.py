"""ISO dates of day, month or year precision as date ranges.

Records give dates at the precision the source allows (``2022-12-05``, ``2022-12``, ``2022``)
and commitments give due periods the same way. A :class:`Period` is the range such a value
covers, so "strictly later", "within the due period" and gaps between rounds can be decided
without pretending to know more than the source says.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Period(NamedTuple):
    """The days ``start`` to ``end``, both included."""

    start: date
    end: date

    @property
    def middle(self) -> date:
        return self.start + (self.end - self.start) / 2

    def is_after(self, other: Period) -> bool:
        """True when this period certainly comes after ``other``'s start and end.

        ``2024-06`` is after ``2024-05-31``, ``2024`` is after ``2023-11-06``, but ``2024-05``
        is not after ``2024-05-31`` (it may be the same day).
        """
        return self.start > other.start and self.end > other.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def widened(self, days: int) -> Period:
        """This period with ``days`` of slack after its end."""
        return Period(self.start, self.end + timedelta(days=days))


@lru_cache(maxsize=65536)
def period_of(value: str | None) -> Period | None:
    """The range an ISO date prefix covers (``2024-06`` -> June 2024); None when unreadable."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return Period(date(year, 1, 1), date(year, 12, 31))
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return Period(date(year, month, 1), date(year, month, last))
        return Period(date(year, month, day), date(year, month, day))
    except ValueError:
        return None


def days_between(earlier: Period, later: Period) -> int:
    """Days from the middle of ``earlier`` to the middle of ``later``."""
    return (later.middle - earlier.middle).days
