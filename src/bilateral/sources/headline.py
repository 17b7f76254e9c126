"""A plain text's headline: its first short line that reads like a title.

Pages copied from the web start with site furniture ("Breaking News", "Skip to main
content", "Images | gov.kz"), datelines and bylines before the headline; those lines are
skipped. The search stops at the first paragraph of body text, so a text that opens with its
body has no title.
"""

from __future__ import annotations

import re

from bilateral.sources.dateline import find_dateline

MAX_LINES = 15
"""Non-empty lines looked at before giving up."""
MIN_WORDS = 4
MAX_CHARS = 200

_BOILERPLATE = re.compile(
    r"(?:breaking news|latest news|top stories|skip to (?:the )?(?:main )?content|skip navigation"
    r"|go to (?:the )?main site|print|share(?: this)?|tell a friend|menu|home|search"
    r"|advertisement|subscribe\b.*|sign in|log in|countries information|category:.*"
    r"|an official website of .*|official websites use .*|secure \.\w+ websites use .*"
    r"|.*\bcookies?\b.*|.*\bjavascript\b.*)\W*",
    re.IGNORECASE,
)
_LABELLED_DATE = re.compile(r"^\W*date\s*:?\s*\d{4}-\d\d-\d\d\s*", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+|\s+#+$")
_BYLINE = re.compile(r"^(?:by|author|автор)\b\s*:?", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(?:\d+[.)]|[•·*\-–])\s")
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def find_title(text: str) -> str | None:
    """The headline of ``text``, or None when its first lines have none."""
    seen = 0
    for raw in text.split("\n"):
        line = _MARKDOWN_HEADING.sub("", _LABELLED_DATE.sub("", raw.strip()))
        if not line:
            continue
        seen += 1
        if seen > MAX_LINES or _is_body(line):
            return None
        if _is_headline(line):
            return line
    return None


def _is_body(line: str) -> bool:
    words = _WORD.findall(line)
    return len(line) > MAX_CHARS or (line.endswith(".") and len(words) > 12)


def _is_headline(line: str) -> bool:
    if _BOILERPLATE.fullmatch(line) or _BYLINE.match(line) or _LIST_ITEM.match(line):
        return False
    if "|" in line or line[-1] in ",;:" or _ends_sentence(line) or line.isupper():
        return False
    if not (line[0].isupper() or line[0].isdigit()) or len(line) < 20:
        return False
    words = _WORD.findall(line)
    own_words = _WORD.findall(_without_dateline(line))
    return len(words) >= MIN_WORDS and len(own_words) >= 3 and not _mixes_scripts(words)


def _ends_sentence(line: str) -> bool:
    """A final full stop that does not close an abbreviation such as "D.C." or "U.S."."""
    last = line.rsplit(maxsplit=1)[-1]
    return last.endswith(".") and "." not in last[:-1]


def _without_dateline(line: str) -> str:
    found = find_dateline(line)
    return line if found is None else line[: found.start] + line[found.end :]


def _mixes_scripts(words: list[str]) -> bool:
    """Site banners such as "Qazaq TV Телерадиокомпания" mix Latin and Cyrillic words."""
    cyrillic = sum(1 for word in words if "\u0400" <= word[0] <= "\u04ff")
    return 0 < cyrillic < len(words) and len(words) - cyrillic > 1 and cyrillic > 1
