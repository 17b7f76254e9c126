"""Topic cues: which taxonomy codes a passage talks about, and where.

Each code has one compiled pattern: the taxonomy's own ``cues``, else the extractor's cue
list (``data/topic_cues.yaml``), else the phrases of the code's description. A cue is not a
topic when it sits inside the capitalised name of a body or an office ("International Atomic
Energy Agency"), right after "on the margins of" (the place of another event), or on a line
of site furniture ("Also read: ...", trailing tag lines). A commitment to a future meeting or
visit is itself a topic (``meeting_commitments``: high-level exchanges), tagged at assembly.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilateral.errors import ConfigError
from bilateral.extraction.extensions import TopicHit
from bilateral.extraction.vocabulary import load_yaml
from bilateral.taxonomy import Topic

CAPITAL = r"[A-Z][\w'’.&-]*"
BODY_NAME = re.compile(
    rf"{CAPITAL}(?:(?:,\s+(?:and\s+)?|\s+(?:(?:of|for|and|on|the)\s+)*){CAPITAL})*"
)
PROSE_END = re.compile(r"[.!?\"”»)]\s*$")
Span = tuple[int, int]


@dataclass(frozen=True)
class TopicMatcher:
    """One compiled pattern per topic code, and what makes a cue not count."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    after: re.Pattern[str] | None = None
    furniture: re.Pattern[str] | None = None
    name_heads: frozenset[str] = frozenset()
    meeting_code: str | None = None  # the topic a commitment to meet again implies
    not_meeting: re.Pattern[str] | None = None  # commitments that do not imply it
    working_level: frozenset[str] = frozenset()  # kinds of format whose meetings do not

    @classmethod
    def build(cls, taxonomy: Sequence[Topic]) -> TopicMatcher:
        data = _cue_data()
        cues: dict[str, list[str]] = data.get("cues") or {}
        patterns = []
        for topic in taxonomy:
            phrases = list(topic.cues) or cues.get(topic.code) or _description_phrases(topic)
            if phrases:
                patterns.append((topic.code, _compile(topic.code, phrases)))
        ignore = data.get("ignore") or {}
        meetings = data.get("meeting_commitments") or {}
        return cls(
            tuple(patterns),
            after=_alternation(ignore.get("after"), suffix="$"),
            furniture=_alternation(ignore.get("lines"), prefix=r"\W*"),
            name_heads=frozenset(ignore.get("name_heads") or ()),
            meeting_code=_known(meetings.get("topic"), taxonomy),
            not_meeting=_alternation(meetings.get("unless"), prefix="^"),
            working_level=frozenset(meetings.get("unless_kinds") or ()),
        )

    def meeting_topic(self, commitment: str, format_kind: str | None = None) -> str | None:
        """The topic a commitment to a future meeting implies ("hold the next round in
        2025"), unless it only continues the format ("continue the consultations") or the
        format is a working-level one (``format_kind`` "consultations")."""
        if format_kind in self.working_level:
            return None
        if self.not_meeting is not None and self.not_meeting.search(commitment):
            return None
        return self.meeting_code

    def find(self, text: str, offset: int = 0) -> Iterator[TopicHit]:
        """Topic cues in ``text`` that count (offsets shifted by ``offset``)."""
        names = body_names(text, self.name_heads)
        skipped = furniture_lines(text, self.furniture)
        for code, pattern in self.patterns:
            for m in pattern.finditer(text):
                if inside(m.start(), skipped) or _in_name(m, names) or self._after(text, m):
                    continue
                yield TopicHit(code, offset + m.start(), offset + m.end())

    def _after(self, text: str, m: re.Match[str]) -> bool:
        return bool(self.after and self.after.search(text, max(0, m.start() - 80), m.start()))


def _known(code: Any, taxonomy: Sequence[Topic]) -> str | None:
    """``code`` if the taxonomy has it (a user taxonomy may not)."""
    return code if any(t.code == code for t in taxonomy) else None


def _compile(code: str, phrases: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in phrases)
    try:
        return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"a cue of topic {code!r} is not a valid pattern: {exc}") from exc


@cache
def _cue_data() -> dict[str, Any]:
    data = load_yaml("topic_cues.yaml") or {}
    return data if isinstance(data, dict) else {}


def _alternation(
    items: list[str] | None, prefix: str = "", suffix: str = ""
) -> re.Pattern[str] | None:
    if not items:
        return None
    return re.compile(prefix + "(?:" + "|".join(items) + ")" + suffix, re.IGNORECASE)


def body_names(text: str, heads: frozenset[str]) -> list[Span]:
    """Spans of capitalised names that contain a word naming a body or an office."""
    if not heads:
        return []
    return [
        (m.start(), m.end())
        for m in BODY_NAME.finditer(text)
        if any(w.strip(".,'’") in heads for w in m.group().split())
    ]


def _in_name(m: re.Match[str], names: list[Span]) -> bool:
    """A capitalised cue strictly inside a body's name (an acronym is a name of its own)."""
    word = m.group()
    if not word[:1].isupper() or word.isupper():
        return False
    i = bisect_right(names, (m.start(), sys.maxsize)) - 1
    if i < 0:
        return False
    start, end = names[i]
    return start <= m.start() and m.end() <= end and (start, end) != (m.start(), m.end())


def furniture_lines(text: str, furniture: re.Pattern[str] | None) -> list[Span]:
    """Lines that are not the report: "Also read" links, and trailing lines without prose."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    prose = [i for i, (a, b) in enumerate(lines) if PROSE_END.search(text[a:b])]
    last = prose[-1] if prose else len(lines)
    return [
        (a, b)
        for i, (a, b) in enumerate(lines)
        if i > last or (furniture is not None and furniture.match(text, a, b))
    ]


def inside(offset: int, spans: list[Span]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _description_phrases(topic: Topic) -> list[str]:
    """Cues made from a label and description: their comma-separated phrases ("visa
    issuance", "human rights"), each word allowing a plural, leading stop words dropped."""
    fallback = _cue_data().get("fallback") or {}
    stop, generic = set(fallback.get("stop") or ()), set(fallback.get("generic") or ())
    phrases: set[str] = set()
    for chunk in re.split(r"[,;.()]|\s(?:and|or)\s", f"{topic.label}, {topic.description}"):
        words = re.findall(r"[A-Za-z][\w+-]*", chunk)
        while words and words[0].lower() in stop:
            words.pop(0)
        if len(words) == 1 and words[0].lower() in generic | stop:
            continue
        if 0 < len(words) <= 4:
            phrases.add(r"\s+".join(re.escape(w) for w in words) + "s?")
    return sorted(phrases, key=len, reverse=True)
