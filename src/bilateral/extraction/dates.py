"""Date expressions to ISO values at the precision the text gives (pure functions).

``parse_dates(text, anchor)`` finds absolute dates ("December 5, 2022", "5 Dec. 2022",
"Nov. 6", "2022-12-05", "23.04.2020", "December 2022", "5-6 June 2023") and relative ones
("today", "yesterday", "on Monday", "Tuesday's talks", "this week", "November last year")
resolved against ``anchor`` (the document's dateline). A day or month without a year takes
the anchor's year. Month words count only when capitalised: "may" and "march" are verbs.
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

# Month words count only capitalised ("May", "MAY"), so the patterns are case-sensitive (and fast).
_MONTH_WORDS = sorted({f(m) for m in MONTHS for f in (str.title, str.upper)}, key=len, reverse=True)
_MONTH = r"(?P<{g}>" + "|".join(_MONTH_WORDS) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_WEEKDAY = "|".join(w.title() for w in WEEKDAYS)
# Between the days of a range, perhaps naming the second one's weekday ("26 to Tuesday 28").
_DASH = r"\s*(?:-|–|—|to|and)\s*(?:(?:" + _WEEKDAY + r"),?\s+)?"
# Each pattern opens with a lookahead on its first character, which lets the regex engine
# skip most positions quickly (an alternation of words alone gives it no such hint).
_AT_DIGIT, _AT_CAPITAL = r"(?=\d)", r"(?=[A-Z])"

PATTERNS = [
    # 2022-12-05 / 2022/12/05 / 2022.12.05
    re.compile(_AT_DIGIT + r"\b(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)"
               r"(?P<d>[0-3]?\d)\b"),
    # 23.04.2020 (day first, as Europe writes it) and 23/04/2020 when the order is clear
    re.compile(_AT_DIGIT + r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),
    re.compile(_AT_DIGIT + r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b"),
    # November 30 - December 2, 2022 / 30 November to 2 December 2022
    re.compile(
        _AT_CAPITAL + r"\b" + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d") + _DASH
        + _MONTH.format(g="m2") + r"\s+" + _DAY.format(g="d2")
        + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b"
    ),
    re.compile(
        _AT_DIGIT + r"\b" + _DAY.format(g="d") + r"\s+" + _MONTH.format(g="m") + _DASH
        + _DAY.format(g="d2") + r"\s+" + _MONTH.format(g="m2")
        + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b"
    ),
    # December 5-6, 2022 / December 5, 2022 / Dec. 5
    re.compile(
        _AT_CAPITAL + r"\b" + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d")
        + r"(?:" + _DASH + _DAY.format(g="d2") + r")?"
        + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b",
    ),
    # 5-6 December 2022 / 5 December, 2022 / 6 Nov
    re.compile(
        _AT_DIGIT + r"\b" + _DAY.format(g="d") + r"(?:" + _DASH + _DAY.format(g="d2") + r")?\s+"
        + r"(?:of\s+)?" + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR.format(g="y") + r")?\b",
    ),
    # December 2022 / in March of 2021
    re.compile(_AT_CAPITAL + r"\b" + _MONTH.format(g="m") + r"\s+(?:of\s+)?"
               + _YEAR.format(g="y") + r"\b"),
    # November last year / in June this year
    re.compile(_AT_CAPITAL + r"\b" + _MONTH.format(g="m")
               + r",?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    # in December (the latest such month up to the anchor)
    re.compile(r"(?=[IiSsDdEeLlMm])\b(?P<bare>[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+"
               + _MONTH.format(g="m") + r"(?!\s*\d)\b"),
]  # fmt: skip
YEAR_ONLY = re.compile(r"\b(?:in|of|since|until|by|for|during)\s+(?P<y>(?:19|20)\d\d)\b")
# Case matters: "The Europe Today" is a publisher, "today" a date; "Today," opens a sentence.
# A weekday may span to another ("Tuesday and Wednesday", "Monday to Thursday") and name its
# week ("on Tuesday of last week"); a part of the day ("this evening") is the dateline's day.
RELATIVE = re.compile(
    r"\b(?P<word>today|Today(?=,)|yesterday|Yesterday(?=,)"
    r"|(?P<part>[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight|(?P<night>[Ll]ast\s+night)"
    r"|(?:[Ee]arlier|[Ll]ater)\s+today)"
    r"|(?:(?P<mod>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<wd>" + _WEEKDAY + r")"
    r"(?:\s*(?:and|to|through|until|-|–)\s*(?:on\s+)?(?P<wd2>" + _WEEKDAY + r"))?"
    r"(?:,?\s+of\s+(?P<week>this|last|next)\s+week)?"
    r"|(?P<span>[Tt]his|[Ll]ast)\s+(?P<unit>week|month))\b"
)
# A weekday that only names the day of a full date: "Monday, November 11, 2024".
WEEKDAY_OF_DATE = re.compile(r"\s*,?\s*(?:the\s+)?\d|\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d")
ONE_DAY = timedelta(days=1)
# "the 30th anniversary", "30-year anniversary", "11 years ago": a count of years from a base.
SINCE_CUE = re.compile(
    r"\b(?P<n>[1-9]\d{0,2})(?:st|nd|rd|th)?[\s-]+(?:years?[\s-]+)?anniversary\b"
    r"|\b(?P<n2>[1-9]\d?) years ago\b"
)
FOUR_DIGITS = re.compile(r"\b(?:19|20)\d\d\b")
YEAR_REACH = 150
"""How far from an anniversary or "years ago" its base year may be written."""
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|to be|scheduled|planned|next)\b[^.;,]{0,40}$")


def _make(y: int, m: int, d: int | None) -> date | None:
    try:
        return date(y, m, d or 1)
    except ValueError:
        return None


def _month_of(groups: dict[str, str | None]) -> int | None:
    """The month a match names; None for a lowercase month word ("may", "march")."""
    if groups.get("a"):  # slashed: only when one side cannot be a month, or both agree
        a, b = int(groups["a"] or 0), int(groups["b"] or 0)
        if a == b or b > 12 >= a:
            return a
        return b if a > 12 >= b else None
    word = (groups.get("m") or "").rstrip(".")
    if word.isdigit():
        return int(word)
    if not word[:1].isupper():
        return None
    return MONTHS.get(word.lower())


def _day_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("a"):
        a, b = int(groups["a"] or 0), int(groups["b"] or 0)
        return a if a > 12 else b
    day = groups.get("d")
    return int(day) if day else None


def _year_of(groups: dict[str, str | None], month: int, anchor: date | None) -> int | None:
    """The stated year; else the anchor's, or the latest year putting the month by the anchor."""
    if groups.get("y"):
        return int(groups["y"] or 0)
    if anchor is None:
        return None
    rel = (groups.get("rel") or "").lower()
    if rel:
        return anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    if groups.get("bare") and month > anchor.month:
        return anchor.year - 1  # "in December", written in April
    return anchor.year


def _mention(m: re.Match[str], anchor: date | None) -> DateMention | None:
    """The date one pattern match stands for, or None when it is not a usable date."""
    groups = m.groupdict()
    month = _month_of(groups)
    if not month:
        return None
    year = _year_of(groups, month, anchor)
    day = _day_of(groups)
    if not year:
        return None
    start = _make(year, month, day)
    if start is None:
        return None
    if day is None:
        relative = bool(groups.get("rel") or groups.get("bare"))
        return DateMention(m.start(), m.end(), f"{year:04d}-{month:02d}", "month", None, relative)
    return DateMention(m.start(), m.end(), start.isoformat(), "day", _end_of(groups, start))


def _end_of(groups: dict[str, str | None], start: date) -> str | None:
    """The last day of a range ("5-6 June", "30 November - 2 December"), if it is later."""
    if not groups.get("d2"):
        return None
    month = MONTHS.get((groups.get("m2") or "").rstrip(".").lower(), start.month)
    year = start.year + (month < start.month)  # "30 December - 2 January"
    end = _make(year, month, int(groups["d2"] or 0))
    return end.isoformat() if end and end > start else None


def _absolute(text: str, anchor: date | None) -> Iterator[DateMention]:
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            found = _mention(m, anchor)
            if found is not None:
                taken.append((m.start(), m.end()))
                yield found
    for m in YEAR_ONLY.finditer(text):
        if not any(s <= m.start("y") < e for s, e in taken):
            yield DateMention(m.start("y"), m.end("y"), m.group("y"), "year")


def _weekday(m: re.Match[str], text: str, anchor: date) -> date:
    """The weekday's date: in the week the text names ("of last week"), else the latest one
    up to the anchor, unless the text looks ahead."""
    target = WEEKDAYS.index(m.group("wd").lower())
    week = m.group("week")
    if week:
        monday = anchor - timedelta(days=anchor.weekday())
        return monday + timedelta(days=target + 7 * {"last": -1, "this": 0, "next": 1}[week])
    mod = (m.group("mod") or "").lower()
    ahead = mod == "next" or bool(FUTURE_BEFORE.search(text, max(0, m.start() - 50), m.start()))
    if ahead:
        return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - target) % 7
    if mod == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _weekday_end(m: re.Match[str], start: date) -> str | None:
    """The last day of a span of weekdays ("Tuesday and Wednesday"): the next such day."""
    if not m.group("wd2"):
        return None
    days = (WEEKDAYS.index(m.group("wd2").lower()) - start.weekday()) % 7
    return (start + timedelta(days=days)).isoformat() if days else None


def _relative_day(m: re.Match[str], text: str, anchor: date) -> DateMention | None:
    """The day a relative word names; None for a weekday that only names a full date's day."""
    word = m.group("word").lower()
    end_value = None
    if word.startswith(("today", "earlier", "later")) or (m.group("part") and not m.group("night")):
        value = anchor
    elif word == "yesterday" or m.group("night"):
        value = anchor - ONE_DAY
    elif WEEKDAY_OF_DATE.match(text, m.end()):
        return None
    else:
        value = _weekday(m, text, anchor)
        end_value = _weekday_end(m, value)
    return DateMention(m.start(), m.end(), value.isoformat(), "day", end_value, relative=True)


def _relative(text: str, anchor: date) -> Iterator[DateMention]:
    for m in RELATIVE.finditer(text):
        if m.group("span"):
            value = anchor
            if m.group("span").lower() == "last":
                week = m.group("unit") == "week"
                value = anchor - timedelta(days=7) if week else anchor.replace(day=1) - ONE_DAY
            yield DateMention(m.start(), m.end(), value.isoformat()[:7], "month", relative=True)
            continue
        found = _relative_day(m, text, anchor)
        if found is not None:
            yield found


def parse_dates(
    text: str, anchor: date | None = None, year: int | None = None
) -> list[DateMention]:
    """All date mentions in ``text``, in text order. Without an ``anchor``, ``year`` (if
    known, see :func:`estimate_year`) completes dates written without one; failing that,
    the year of the first date written in full ("from 26 to 28 May 2024 ... on 27 May")."""
    if anchor is None and year is None:
        found = sorted(_absolute(text, None), key=lambda d: d.start)
        year = next((int(d.value[:4]) for d in found if d.precision != "year"), None)
        if year is None:
            return found
    if anchor is None and year is not None:
        found = list(_absolute(text, date(year, 12, 31)))
    else:
        found = list(_absolute(text, anchor))
    if anchor is not None:
        found += _relative(text, anchor)
    return sorted(found, key=lambda d: (d.start, -d.end))


def estimate_year(text: str) -> int | None:
    """The year a text without a dateline was written, when it counts years from one it
    names: "the 30th anniversary of relations established on Dec. 25, 1991" is 2021,
    "last visited 11 years ago ... in 2013" is 2024."""
    for cue in SINCE_CUE.finditer(text):
        window = text[max(0, cue.start() - YEAR_REACH) : cue.end() + YEAR_REACH]
        middle = cue.start() - max(0, cue.start() - YEAR_REACH)
        years = [(abs(m.start() - middle), int(m.group())) for m in FOUR_DIGITS.finditer(window)]
        if years:
            return min(years)[1] + int(cue.group("n") or cue.group("n2"))
    return None


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
