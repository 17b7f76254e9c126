"""Who makes a commitment: the clause before a cue, and whether its subject is a side.

A "will" commits only when its subject is a side of the meeting: a country, demonym or person
(spans the pipeline found), or a side word ("both", "the delegations", "she"). The subject runs
back from the cue to the last clause boundary; a side named in its head ("Japan", "the
Japanese side") counts, a side that only qualifies a thing does not ("Azerbaijani-Turkish
relations will continue to grow").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilateral.extraction.commitment_cues import cues

BOUNDARY = re.compile(
    r"[,;:“«\"]|\s[–—-]\s|\b(?:that|which|who|while|whereas|said|says|announced|"
    r"noting|adding|added|stated)\b",
    re.IGNORECASE,
)
RELATIVE_WORDS = frozenset({"which", "who", "that"})
COORDINATED = re.compile(
    r"\s*(?:and|but)?\s*(?:(?:is|are|was|were|has|have|also|further|still)\s*)*", re.IGNORECASE
)
Span = tuple[int, int]


@dataclass(frozen=True)
class Clause:
    """The words before a cue, back to the last clause boundary: who makes the commitment."""

    start: int  # in the sentence
    offset: int  # of the sentence in the document
    side: bool  # the subject is a side ("Japan", "the two sides", "she")
    tail_side: bool  # a side is named among its last words
    relative: int = -1  # "X, which [the sides] will": where ", which" starts, else -1

    @classmethod
    def before(
        cls, sentence: str, cue_start: int, offset: int, sides: Sequence[Span], prev: Clause | None
    ) -> Clause:
        bounds = list(BOUNDARY.finditer(sentence, 0, cue_start))
        start = bounds[-1].end() if bounds else 0
        subject = sentence[start:cue_start]
        if bounds and not subject.strip() and bounds[-1].group().lower() in RELATIVE_WORDS:
            return cls(start, offset, False, False)  # "..., which will": not a side
        if not subject.strip() and len(bounds) > 1 and sentence[start - 1] == ",":
            start = bounds[-2].end()  # "The embassy, in Ottawa, will": the segment before
            subject = sentence[start:cue_start]
        elif prev is not None and COORDINATED.fullmatch(subject):
            return prev  # "Kazakhstan will X, and [is] willing to Y": the same subject
        tail, head = _tail_and_head(subject, offset + start, sides)
        return cls(start, offset, tail and head, tail, _object_relative(sentence, bounds))


def _object_relative(sentence: str, bounds: list[re.Match[str]]) -> int:
    """Where ", which" opens the clause, when the subject follows it ("X, which Japan will
    build"): the commitment is then about X. -1 otherwise."""
    if not bounds or bounds[-1].group().lower() not in ("which", "that"):
        return -1
    comma = sentence.rfind(",", 0, bounds[-1].start())
    between = sentence[comma + 1 : bounds[-1].start()] if comma >= 0 else "x"
    return comma if not between.strip() else -1


def _tail_and_head(subject: str, start: int, sides: Sequence[Span]) -> tuple[bool, bool]:
    """Whether a side is named among the subject's last words, and whether its head is one."""
    words = list(re.finditer(r"\S+", subject))
    if not words:
        return False, False
    c = cues()

    def is_side(w: re.Match[str]) -> bool:
        return bool(
            c.rx["side_words"].fullmatch(w.group().strip(",’'s"))
            or c.rx["side_words"].match(w.group())
        ) or any(a <= start + w.start() < b for a, b in sides)

    tail = any(is_side(w) for w in words[-6:]) and not _thing_last(words[-1].group())
    head = next((w for w in words if w.group().lower() not in c.subject_skip), None)
    return tail, head is not None and (is_side(head) or head.group()[0].isupper())


def _thing_last(word: str) -> bool:
    """The subject ends on a thing, not a side: "relations of alliance [will]"."""
    return bool(cues().rx["not_side_heads"].fullmatch(word.strip(",’'").lower()))
