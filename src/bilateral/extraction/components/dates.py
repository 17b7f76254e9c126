"""``bilateral_dates_v1``: date mentions, and where the dateline ends.

The publication date comes with the document (``doc._.published``, set by the caller from
the source's metadata); relative dates are resolved against it. Without one, dates written
without a year take the year the text counts from ("the 30th anniversary ... 1991").

The dateline is the head of a news item that says where and when it was filed: a labelled
date ("date 2024-03-31"), a place and date ("ASTANA, Kazakhstan, October 2.", "BEIJING,
Oct. 28 (Xinhua) --") or a place alone ("NUR-SULTAN. KAZINFORM", "BRASÍLIA —"). The body
starts after it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.dates import estimate_year, parse_dates
from bilateral.extraction.extensions import (
    DateMention,
    PlaceMention,
    published_of,
    register_extensions,
    text_of,
)

DATELINE_WINDOW = 400
# A label before a date: "date 2024-03-31", "Published: 7 December 2022".
LABEL = re.compile(r"[\s*_#>•]*(?:date|dated|published|posted|released|updated)\s*:?\s*", re.I)
# What may stand before a dateline's date on its line: "Washington, ", "ASTANA, Kazakhstan, ",
# "BEIJING (Xinhua) - ", "By U.S. Mission | ", "*Ottawa, Ontario, ".
DATELINE_PREFIX = re.compile(
    r"[\s*_#>•]*(?:By\s+)?(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}\s*"
    r"(?:\([^)]{1,30}\))?\s*[,.|–—-]\s*){0,3}"
)
# What may follow it: the end of the line, or a short publisher or label, then a separator,
# or a full stop closing the dateline ("October 2. Kazakhstan and ...").
DATELINE_SUFFIX = re.compile(
    r"(?:,?\s*\d{1,2}:\d{2})?(?:[,.]?\s*[^\n.:–—|]{0,40}?)?\s*(?:[:–—|]|\s-+)\s"
    r"|\.[ \t]+(?=[A-Z])"
)
LINE_END = re.compile(r"[^\n]{0,40}(?:\n|$)")
SENTENCE_END = re.compile(r"[.!?\"”]\s*$")
# What follows the place of a dateline without a date: ", Kazakhstan", "(Xinhua)",
# ". KAZINFORM", then a dash or colon (or, after an agency name, just a space).
PLACE_TAIL = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?(?:\s*\([^)\n]{1,30}\))?"
    r"(?P<agency>\.\s*[A-Z][A-Z\-]{2,}\b)?"
    r"(?:(?P<dash>\s+-{1,2}\s+|\s*[–—:|]\s*)|\s+(?=[A-Z]))"
)
LINE_LEAD = re.compile(r"[\s*_#>•]*")


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        published = published_of(doc)
        year = estimate_year(text) if published is None else None
        mentions = parse_dates(text, published, year)
        doc._.dates = mentions
        doc._.dateline_end = dateline_end(text, mentions, doc._.places or [])
        return doc


def dateline_end(text: str, dates: list[DateMention], places: list[PlaceMention]) -> int:
    """Where the dateline ends: 0 if the document has none near its top."""
    end = _labelled_date_end(text, dates)
    end = max(end, _dated_line_end(text, dates, end))
    return max(end, _place_line_end(text, places, end))


def _labelled_date_end(text: str, dates: list[DateMention]) -> int:
    """After "date 2024-03-31 " when the document opens with a labelled date."""
    first = next(iter(dates), None)
    if first is None or not LABEL.fullmatch(text, 0, first.start):
        return 0
    return first.end + len(LINE_LEAD.match(text, first.end).group())  # type: ignore[union-attr]


def _line_start(text: str, offset: int, floor: int) -> int:
    return max(text.rfind("\n", 0, offset) + 1, floor)


def _dated_line_end(text: str, dates: list[DateMention], floor: int) -> int:
    """After a place-and-date line: "Washington, April 24, 2024, The Europe Today: "."""
    end = 0
    for mention in dates:
        if mention.start > DATELINE_WINDOW:
            break
        if mention.start < floor:
            continue
        if not DATELINE_PREFIX.fullmatch(
            text, _line_start(text, mention.start, floor), mention.start
        ):
            continue
        tail = _dateline_tail(text[mention.end : mention.end + 60])
        if tail is not None:
            end = max(end, mention.end + tail)
    return end


def _dateline_tail(after: str) -> int | None:
    """How much after a dateline's date still belongs to it: a publisher and a separator, or
    the rest of a short line that is not a sentence ("– Global Affairs Canada")."""
    suffix, line = DATELINE_SUFFIX.match(after), LINE_END.match(after)
    if suffix and line and not SENTENCE_END.search(after, suffix.end(), line.end()):
        return line.end()
    if suffix or line:
        return (suffix or line).end()  # type: ignore[union-attr]
    return None


def _place_line_end(text: str, places: list[PlaceMention], floor: int) -> int:
    """After a place opening a line with no date: "ASTANA – ", "NUR-SULTAN. KAZINFORM "."""
    for place in places:
        if place.start > DATELINE_WINDOW:
            break
        if place.kind != "city" or place.start < floor:
            continue
        if not LINE_LEAD.fullmatch(text, _line_start(text, place.start, floor), place.start):
            continue
        tail = PLACE_TAIL.match(text, place.end)
        shouted = text[place.start : place.end].isupper()
        if tail and (tail.group("dash") or (shouted and tail.group("agency"))):
            return tail.end()
    return 0


@Language.factory("bilateral_dates_v1")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    register_extensions()
    return DatesComponent()
