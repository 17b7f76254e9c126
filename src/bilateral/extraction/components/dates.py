"""``bilateral_dates_v1``: date mentions, and where the dateline ends.

The publication date comes with the document (``doc._.published``, set by the caller from
the source's metadata); relative dates are resolved against it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.dates import parse_dates
from bilateral.extraction.extensions import DateMention, published_of, register_extensions

DATELINE_WINDOW = 400
# What may stand before a dateline's date on its line: "Washington, ", "ASTANA, Kazakhstan, ",
# "BEIJING (Xinhua) - ", " date ", "By U.S. Mission | ".
DATELINE_PREFIX = re.compile(
    r"\s*(?:date\s+)?(?:By\s+)?(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}\s*"
    r"(?:\([^)]{1,30}\))?\s*[,|–—-]\s*){0,3}"
)
# What may follow it: the end of the line, or a short publisher or label, then a separator.
DATELINE_SUFFIX = re.compile(
    r"(?:,?\s*\d{1,2}:\d{2})?(?:[,.]?\s*[^\n.:–—|]{0,40}?)?\s*(?:[:–—|]|\s-)\s"
)
LINE_END = re.compile(r"[^\n]{0,40}(?:\n|$)")


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        mentions = parse_dates(doc.text, published_of(doc))
        doc._.dates = mentions
        doc._.dateline_end = _dateline_end(doc.text, mentions)
        return doc


def _dateline_end(text: str, mentions: list[DateMention]) -> int:
    """Where the dateline ends: 0 if the document has none near its top."""
    end = 0
    for mention in mentions:
        if mention.start > DATELINE_WINDOW:
            break
        line_start = text.rfind("\n", 0, mention.start) + 1
        if not DATELINE_PREFIX.fullmatch(text[line_start : mention.start]):
            continue
        after = text[mention.end : mention.end + 60]
        tail = DATELINE_SUFFIX.match(after) or LINE_END.match(after)
        if tail:
            end = max(end, mention.end + tail.end())
    return end


@Language.factory("bilateral_dates_v1")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    register_extensions()
    return DatesComponent()
