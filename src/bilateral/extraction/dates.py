"""Date expressions to ISO values at the precision the text gives (pure functions).

``parse_dates(text, anchor)`` finds absolute dates ("December 5, 2022", "5 Dec. 2022",
"Nov. 6", "2022-12-05", "December 2022", "5-6 June 2023") and relative ones ("today",
"yesterday", "on Monday") resolved against ``anchor`` (the document's dateline).
A day or month without a year takes the anchor's year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from bilateral.extraction.extensions import DateMention

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<{g}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|and)\s*"

PATTERNS = [
    # 2022-12-05
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    # December 5-6, 2022 / December 5, 2022 / Dec. 5
    re.compile(
        r"\b" + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d")
        + r"(?:" + _DASH + _DAY.format(g="d2") + r")?"
        + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b",
        re.IGNORECASE,
    ),
    # 5-6 December 2022 / 5 December, 2022 / 6 Nov
    re.compile(
        r"\b" + _DAY.format(g="d") + r"(?:" + _DASH + _DAY.format(g="d2") + r")?\s+"
        + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b",
        re.IGNORECASE,
    ),
    # December 2022 / in March of 2021
    re.compile(r"\b" + _MONTH.format(g="m") + r"\s+(?:of\s+)?" + _YEAR.format(g="y") + r"\b",
               re.IGNORECASE),
]  # fmt: skip
YEAR_ONLY = re.compile(r"\b(?:in|of|since|until|by|for|during)\s+(?P<y>(?:19|20)\d\d)\b")
# Case matters: "The Europe Today" is a publisher, "today" a date.
RELATIVE = re.compile(
    r"\b(?P<word>today|yesterday|(?:[Oo]n|[Ll]ast|[Tt]his)\s+(?P<wd>"
    + "|".join(w.title() for w in WEEKDAYS)
    + r"))\b"
)


def _make(y: int, m: int, d: int | None) -> date | None:
    try:
        return date(y, m, d or 1)
    except ValueError:
        return None


def _absolute(text: str, anchor: date | None) -> Iterator[DateMention]:
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            groups = m.groupdict()
            month_text = (groups.get("m") or "").lower().rstrip(".")
            month = MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
            year = int(groups["y"]) if groups.get("y") else (anchor.year if anchor else None)
            if not month or not year:
                continue
            # "May" alone is too ambiguous without a day or year.
            if month_text == "may" and not groups.get("d"):
                continue
            day = int(groups["d"]) if groups.get("d") else None
            start = _make(year, month, day)
            if start is None:
                continue
            taken.append((m.start(), m.end()))
            if day is None:
                yield DateMention(m.start(), m.end(), f"{year:04d}-{month:02d}", "month")
                continue
            end_value = None
            if groups.get("d2"):
                end = _make(year, month, int(groups["d2"]))
                if end and end > start:
                    end_value = end.isoformat()
            yield DateMention(m.start(), m.end(), start.isoformat(), "day", end_value)
    for m in YEAR_ONLY.finditer(text):
        if not any(s <= m.start("y") < e for s, e in taken):
            yield DateMention(m.start("y"), m.end("y"), m.group("y"), "year")


def _relative(text: str, anchor: date) -> Iterator[DateMention]:
    for m in RELATIVE.finditer(text):
        word = m.group("word").lower()
        if word == "today":
            value = anchor
        elif word == "yesterday":
            value = anchor - timedelta(days=1)
        else:
            target = WEEKDAYS.index(m.group("wd").lower())
            back = (anchor.weekday() - target) % 7
            if word.startswith("last") and back == 0:
                back = 7
            value = anchor - timedelta(days=back)
        yield DateMention(m.start(), m.end(), value.isoformat(), "day", relative=True)


def parse_dates(text: str, anchor: date | None = None) -> list[DateMention]:
    """All date mentions in ``text``, in text order."""
    found = list(_absolute(text, anchor))
    if anchor is not None:
        found += _relative(text, anchor)
    return sorted(found, key=lambda d: (d.start, -d.end))


def resolve_year_phrase(phrase: str, anchor: date | None) -> str | None:
    """A due period as a year (or year-month): "in 2023", "next year", "early 2022"."""
    m = re.search(r"\b((?:19|20)\d\d)\b", phrase)
    if m:
        month = next(
            (
                v
                for k, v in MONTHS.items()
                if re.search(rf"\b{k}\b\.?\s+{m.group(1)}", phrase, re.I)
            ),
            None,
        )
        return f"{m.group(1)}-{month:02d}" if month else m.group(1)
    if anchor is None:
        return None
    lowered = phrase.lower()
    if re.search(r"\bnext year\b|\bthe following year\b", lowered):
        return str(anchor.year + 1)
    if re.search(
        r"\b(this year|later this year|by the end of the year|end of this year)\b", lowered
    ):
        return str(anchor.year)
    return None
