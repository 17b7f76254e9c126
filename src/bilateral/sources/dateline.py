"""Publication dates from a document's dateline or byline.

Readouts usually say when they were published in their first lines. Only places that look
like a dateline count, so that a date inside a sentence is never taken for the publication
date:

* a labelled date in the head: ``date 2024-03-31``, ``Date : 2019-01-30``,
  ``Published: 7 December 2022``;
* a date opening a line, alone or after a place name: ``Washington, April 24, 2024, ...``,
  ``ASTANA, Nov. 7, 2023 – ...``, ``28 Feb 2023 13:38``. A date without a year
  (``BEIJING, Oct. 28 (Xinhua)``) takes the year that brings it closest to the first full
  date in the head, and is skipped when the head has none;
* a full date on a short line of its own: ``Special Issue No. 42, Jul 15, 2013``;
* failing those, a byline among the last lines: ``By U.S. Mission Kazakhstan | 7 December, 2022``.

Formats read: month names and their abbreviations (``Nov.``, ``Sept.``) in either order with
the day, ISO dates (``2022-12-07``, ``2022/12/07``), dotted European dates (``06.12.2022``,
always day first) and slashed dates only when the order is unambiguous (``25/12/2022``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

HEAD_CHARS = 600
"""Datelines are looked for in this many leading characters."""
TAIL_CHARS = 400
"""Bylines are looked for in this many trailing characters."""
SHORT_LINE = 80
"""A line at most this long that holds a full date is taken as a date line."""

DatelineKind = Literal["label", "dateline", "line", "byline"]

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_SP = r"[ \t\u00a0]"
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_PATTERNS = (
    # April 24, 2024 / Nov. 7, 2023 / Oct 4
    re.compile(rf"(?<![\w.]){_MONTH}{_SP}+{_DAY}(?:,?{_SP}*{_YEAR})?", re.IGNORECASE),
    # 7 December, 2022 / 2 March 2023 / 28 Feb 2023
    re.compile(rf"(?<![\w.]){_DAY}{_SP}+(?:of{_SP}+)?{_MONTH}(?:,?{_SP}*{_YEAR})?", re.IGNORECASE),
    # 2022-12-07 / 2022/12/07 / 2022.12.07
    re.compile(
        r"(?<![\w.\-/])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)"
        r"(?P<day>[0-3]?\d)(?!\d)"
    ),
    # 06.12.2022 (day first)
    re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
    # 25/12/2022 or 12/25/2022, only when the order is clear
    re.compile(r"(?<![\w/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?!\d)"),
)

_LABEL = re.compile(
    r"(?:^|\W)(?:dated?|published|posted|released|issued)(?:[ \t]+on)?[ \t]*[:\-–—]?[ \t]*$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^[ \t•·*>\-–—]*$")
_PLACE_PART = r"[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3}[ \t]*(?:[,.]|[ \t][–—-])[ \t]*"
_PLACE = re.compile(rf"^[ \t•·*>\-–—]*(?:{_PLACE_PART}){{1,3}}$")
_AFTER = re.compile(r"^[ \t]*(?:$|[,.:;(\[|–—-]|\d{1,2}:\d\d)")
_NOT_PLACES = frozenset({
    "on", "in", "by", "at", "since", "from", "until", "till", "before", "after", "during", "as",
    "of", "the", "this", "that", "last", "next", "today", "yesterday", "between", "through",
    "for", "and", "but", "with", "to",
})  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    """A publication date found in a text, with where it was found.

    ``start`` and ``end`` delimit the date's characters (half-open); ``kind`` says what made
    it count: a label, a dateline, a short date line or a closing byline.
    """

    date: date
    start: int
    end: int
    kind: DatelineKind


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    year: int | None
    month: int
    day: int


def find_publication_date(text: str) -> date | None:
    """The publication date stated by the dateline or byline of ``text``, if any."""
    found = find_dateline(text)
    return found.date if found is not None else None


def find_dateline(text: str) -> Dateline | None:
    """Where ``text`` states its publication date, or None when it does not say."""
    head_end = min(len(text), HEAD_CHARS)
    found = [f for f in _scan(text, 0, head_end + 40) if f.start < head_end]
    reference = next((_full_date(f) for f in found if f.year is not None), None)
    for candidate in found:
        kind = _classify(text, candidate)
        if kind is None:
            continue
        when = _resolve(candidate, reference)
        if when is not None:
            return Dateline(when, candidate.start, candidate.end, kind)
    return _find_byline(text)


def _find_byline(text: str) -> Dateline | None:
    for candidate in reversed(_scan(text, max(0, len(text) - TAIL_CHARS), len(text))):
        if candidate.year is None:
            continue
        before, after = _line_around(text, candidate)
        is_field = before.rstrip().endswith("|") and (
            not after.strip() or after.lstrip()[:1] == "|"
        )
        if _LABEL.search(before) or before.lstrip().lower().startswith("by ") or is_field:
            return Dateline(_full_date(candidate), candidate.start, candidate.end, "byline")
    return None


def _classify(text: str, found: _Found) -> DatelineKind | None:
    before, after = _line_around(text, found)
    if _LABEL.search(before):
        return "label"
    if (_LEAD.match(before) or _is_place(before)) and _AFTER.match(after):
        return "dateline"
    line = (before + text[found.start : found.end] + after).strip()
    if found.year is not None and len(line) <= SHORT_LINE and not line.endswith("."):
        return "line"
    return None


def _is_place(before: str) -> bool:
    if len(before) > 60 or not _PLACE.match(before):
        return False
    words = re.findall(r"[^\W\d_]+", before.lower())
    return not any(word in _NOT_PLACES for word in words)


def _line_around(text: str, found: _Found) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    if line_end < 0:
        line_end = len(text)
    return text[line_start : found.start], text[found.end : line_end]


def _scan(text: str, start: int, end: int) -> list[_Found]:
    """Every valid date between ``start`` and ``end``, in order, without overlaps."""
    found: list[_Found] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            candidate = _to_found(match)
            if candidate is not None:
                found.append(candidate)
    found.sort(key=lambda f: (f.start, f.start - f.end))
    kept: list[_Found] = []
    for candidate in found:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _to_found(match: re.Match[str]) -> _Found | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if "first" in groups:
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            day, month = second, first
        else:
            return None
    else:
        day = int(groups["day"])
        word = groups["month"]
        month = int(word) if word.isdigit() else _MONTH_NUMBERS[word[:3].lower()]
    if not _is_valid(year, month, day):
        return None
    return _Found(match.start(), match.end(), year, month, day)


def _is_valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year if year is not None else 2000, month, day)  # 2000 allows Feb 29
    except ValueError:
        return False
    return True


def _full_date(found: _Found) -> date:
    assert found.year is not None
    return date(found.year, found.month, found.day)


def _resolve(found: _Found, reference: date | None) -> date | None:
    if found.year is not None:
        return _full_date(found)
    if reference is None:
        return None
    options: list[date] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if _is_valid(year, found.month, found.day):
            options.append(date(year, found.month, found.day))
    return min(options, key=lambda d: abs((d - reference).days), default=None)
