"""Where a commitment's text starts and ends, and what kind of commitment it is.

The text is what follows the cue, cut where one cue governs two actions ("agreed to X and to
Y"), where the clause ends (data ``ends``: ", which", ", noting", a quote's close), and before
the words that open the next cue's clause ("..., and Korea will"). Leading articles go; at most
``MAX_WORDS`` words are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bilateral.extraction.commitment_cues import cues

MAX_WORDS = 32
LEADING = re.compile(r"^(?:(?:the|that|this|these|an?)\s+)+", re.IGNORECASE)
QUOTES = '"“”«»'
Span = tuple[int, int]


@dataclass(frozen=True)
class CommitmentSpan:
    """A commitment in the text: its span, its cue, the clause making it, and its kind."""

    start: int
    end: int
    cue_start: int
    text: str
    kind: str
    subject_start: int = -1


def bodies(sentence: str, start: int, limit: int) -> Iterator[Span]:
    """What follows a cue, cut where one cue governs two actions ("X and to Y") and where
    each clause ends; before the next cue, the words opening its clause are left out."""
    c = cues()
    parts = list(split(c.rx["splits"], sentence, start, limit))
    for i, (part_start, part_end) in enumerate(parts):
        end = c.end.search(sentence, part_start, part_end)
        if end is not None:
            part_end = end.start()
        elif i == len(parts) - 1 and limit < len(sentence):
            openers = list(c.rx["clause_openers"].finditer(sentence, part_start, part_end))
            if openers and len(sentence[openers[-1].end() : part_end].split()) <= 5:
                part_end = openers[-1].start()  # "..., and Korea will": the next clause
        yield from split(c.rx["sub_agreements"], sentence, part_start, part_end)


def split(pattern: re.Pattern[str], sentence: str, start: int, end: int) -> Iterator[Span]:
    """``sentence[start:end]`` cut at each match of ``pattern`` (the matches left out)."""
    for s in pattern.finditer(sentence, start, end):
        yield start, s.start()
        start = s.end()
    yield start, end


def antecedent(sentence: str, end: int) -> int | None:
    """Where the noun phrase ending at ``end`` starts ("covering trade and [the joint
    development of a satellite, CBERS-6]"): after the last list or clause boundary or the
    verb before it, a short capitalised apposition after a comma staying with the phrase
    before it. None when nothing bounds it."""
    bounds = list(cues().rx["antecedent_bounds"].finditer(sentence, 0, end))
    while bounds:
        last = bounds.pop()
        after = sentence[last.end() : end].split()
        if last.group() == "," and len(after) <= 2 and after and after[0][:1].isupper():
            continue  # ", CBERS-6": an apposition
        return last.end()
    return None


def make_span(
    sentence: str, start: int, end: int, offset: int, cue_start: int, clause: int
) -> CommitmentSpan | None:
    """A cleaned commitment span, or None when too little is left."""
    raw = sentence[start:end]
    lead = LEADING.match(raw)
    if lead:
        start += lead.end()
        raw = raw[lead.end() :]
    words = list(re.finditer(r"\S+", raw))
    if len(words) < 2:
        return None
    raw = raw[: words[min(len(words), MAX_WORDS) - 1].end()].rstrip(" ,;:–—-")
    if raw[-1:] in QUOTES and sum(raw.count(q) for q in QUOTES) % 2:
        raw = raw[:-1].rstrip(" ,;:")  # a closing quote whose opening one is outside
    text = " ".join(raw.split())
    return CommitmentSpan(
        offset + start, offset + start + len(raw), offset + cue_start, text, kind_of(text), clause
    )


def kind_of(text: str) -> str:
    """``meeting`` (hold, meet, a next round), ``agreement`` (sign, conclude) or ``action``."""
    c = cues()
    if c.rx["meeting_start"].search(text):
        return "meeting"
    if c.rx["agreement"].search(text):
        return "agreement"
    return "meeting" if c.rx["meeting_phrase"].search(text) else "action"
