"""Commitments: what a side will do, intends, agreed or pledged to do.

A commitment is cued ("agreed to", "intend to", "pledged to", "readiness to", "look forward
to [doing]", "reaffirmed their commitment to [doing]", "Japan will", "said Brazil would"); its
text is the shortest span saying what will be done, without the reporting verb. Statements of
support, appreciation or importance and reaffirmed positions are not commitments, nor is
"will" said of something that is not a side ("the forum will last three days"). The cues are
data (``data/commitment_cues.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from bilateral.extraction.vocabulary import load_yaml

MAX_WORDS = 32
BOUNDARY = re.compile(
    r"[,;:“«\"]|\s[–—-]\s|\b(?:that|which|who|while|whereas|said|says|announced|"
    r"noting|adding|added|stated)\b",
    re.IGNORECASE,
)
OCCURRING_BOUNDARY = re.compile(r"[,;:]|\bthat\b", re.IGNORECASE)
RELATIVE = re.compile(r"[;]|\b(?:that|which|who)\b", re.IGNORECASE)
RELATIVE_WORDS = frozenset({"which", "who", "that"})
COORDINATED = re.compile(
    r"\s*(?:and|but)?\s*(?:(?:is|are|was|were|has|have|also|further|still)\s*)*", re.IGNORECASE
)
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


PATTERNS = (
    "stating_verbs", "reporting_verbs", "not_actions", "splits", "sub_agreements",
    "clause_openers", "side_words", "occurs", "meeting_nouns", "upcoming",
    "meeting_start", "meeting_phrase", "agreement", "invitee", "accepted",
)  # fmt: skip
CUE_GROUPS = ("direct", "stated", "modal", "reported", "forward", "scheduled", "invited")


@dataclass(frozen=True)
class Cues:
    """The compiled cue data: the cue pattern (one named group per kind of cue) and the rest."""

    cue: re.Pattern[str]
    end: re.Pattern[str]
    rx: dict[str, re.Pattern[str]]
    actions: frozenset[str]
    modifiers: frozenset[str]
    subject_skip: frozenset[str]


def _alternation(patterns: list[str] | str) -> str:
    items = [patterns] if isinstance(patterns, str) else patterns
    return "|".join(f"(?:{p})" for p in items)


@cache
def cues() -> Cues:
    """The commitment cues of ``data/commitment_cues.yaml``, compiled once."""
    d: dict[str, Any] = load_yaml("commitment_cues.yaml")
    groups = "|".join(f"(?P<{g}>{_alternation(d[g])})" for g in CUE_GROUPS)
    return Cues(
        cue=re.compile(rf"\b(?:{groups})\s+", re.IGNORECASE),
        end=re.compile(_alternation(d["ends"]), re.IGNORECASE),
        rx={key: re.compile(d[key], re.IGNORECASE) for key in PATTERNS},
        actions=frozenset(d["action_nouns"]),
        modifiers=frozenset(d["modifiers"]),
        subject_skip=frozenset(d["subject_skip"]),
    )


def find_commitments(
    sentence: str, offset: int = 0, sides: Sequence[Span] = ()
) -> list[CommitmentSpan]:
    """Commitment spans in one sentence (offsets shifted by ``offset``).

    ``sides`` are the spans (document offsets) of mentions of countries, demonyms and
    people: a "will" commits only when its subject is one of them or a side word.
    """
    matches = list(cues().cue.finditer(sentence))
    licensed: list[tuple[re.Match[str], Clause]] = []
    clause: Clause | None = None
    for i, m in enumerate(matches):
        limit = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        here = Clause.before(sentence, m.start(), offset, sides, clause)
        if _commits(sentence, m, sentence[m.end() : limit], here):
            licensed.append((m, here))
            clause = here if here.side else clause
    found: list[CommitmentSpan] = []
    for i, (m, here) in enumerate(licensed):
        limit = licensed[i + 1][0].start() if i + 1 < len(licensed) else len(sentence)
        found.extend(_spans_at(sentence, m, limit, here))
    return found


@dataclass(frozen=True)
class Clause:
    """The words before a cue, back to the last clause boundary: who makes the commitment."""

    start: int  # in the sentence
    offset: int  # of the sentence in the document
    side: bool  # the subject is a side ("Japan", "the two sides", "she")
    tail_side: bool  # a side is named among its last words

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
        return cls(start, offset, tail and head, tail)


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

    tail = any(is_side(w) for w in words[-6:])
    head = next((w for w in words if w.group().lower() not in c.subject_skip), None)
    return tail, head is not None and (is_side(head) or head.group()[0].isupper())


def _commits(sentence: str, m: re.Match[str], body: str, clause: Clause) -> bool:
    """Whether a cue makes a commitment here (``body`` is what follows, to the next cue)."""
    c = cues()
    if c.rx["not_actions"].match(body):
        return False
    if _names_meeting(m, body):
        subject = _occurring_subject(sentence, m)[0]
        scheduled = m.lastgroup != "scheduled" or c.rx["upcoming"].search(subject)
        return bool(scheduled and c.rx["meeting_nouns"].search(subject))
    return _licensed(m.lastgroup or "direct", sentence, m, clause, body)


def _names_meeting(m: re.Match[str], body: str) -> bool:
    """ "The next round [will be held] / [is scheduled for]": a meeting to come, as subject."""
    if m.lastgroup == "scheduled":
        return True
    return m.lastgroup in ("modal", "reported") and bool(cues().rx["occurs"].match(body))


def _spans_at(
    sentence: str, m: re.Match[str], limit: int, clause: Clause
) -> Iterator[CommitmentSpan]:
    """The commitments a licensed cue makes, up to ``limit`` (the next licensed cue)."""
    if _names_meeting(m, sentence[m.end() : limit]):
        yield from _occurring(sentence, m, limit, clause.offset)
        return
    if m.lastgroup == "invited":
        yield from _invitation(sentence, m, limit, clause.offset)
        return
    doc_clause = clause.offset + (clause.start if clause.tail_side else 0)
    for start, end in _bodies(sentence, m.end(), limit):
        span = _span(sentence, start, end, clause.offset, m.start(), doc_clause)
        if span is not None:
            yield span


def _licensed(cue: str, sentence: str, m: re.Match[str], clause: Clause, body: str) -> bool:
    """Whether a cue commits here: its subject, the verb stating it, the action after it."""
    c = cues()
    if cue in ("modal", "reported"):
        if cue == "reported" and not c.rx["reporting_verbs"].search(sentence, 0, m.start()):
            return False
        return clause.side and not body.lower().startswith("be ")
    if cue == "stated":
        weak = [b.end() for b in RELATIVE.finditer(sentence, 0, m.start())]
        stated = "committed" in m.group().lower() or c.rx["stating_verbs"].search(
            sentence, weak[-1] if weak else 0, m.start()
        )
        return bool(stated) and is_action(body)
    if cue == "forward":
        return bool(re.match(r"\w+ing\b", body))
    if cue == "invited":  # "invited Li to visit Rome, and he accepted"
        return bool(c.rx["invitee"].match(body) and c.rx["accepted"].search(sentence, m.end()))
    return True


def is_action(body: str) -> bool:
    """Whether the words after "commitment to" are an action, not a cause or a position."""
    c = cues()
    words = re.findall(r"[\w’'-]+", body)[:6]
    determined = False
    for word in words:
        low = word.lower()
        if low in c.modifiers:
            determined = determined or low in {"the", "a", "an", "its", "their", "that", "this"}
            continue
        if low.endswith("ing") or low in c.actions:
            return True
        return not determined and word.islower()
    return False


def _bodies(sentence: str, start: int, limit: int) -> Iterator[Span]:
    """What follows a cue, cut where one cue governs two actions ("X and to Y") and where
    each clause ends; before the next cue, the words opening its clause are left out."""
    c = cues()
    parts = list(_split(c.rx["splits"], sentence, start, limit))
    for i, (part_start, part_end) in enumerate(parts):
        end = c.end.search(sentence, part_start, part_end)
        if end is not None:
            part_end = end.start()
        elif i == len(parts) - 1 and limit < len(sentence):
            openers = list(c.rx["clause_openers"].finditer(sentence, part_start, part_end))
            if openers and len(sentence[openers[-1].end() : part_end].split()) <= 5:
                part_end = openers[-1].start()  # "..., and Korea will": the next clause
        yield from _split(c.rx["sub_agreements"], sentence, part_start, part_end)


def _split(pattern: re.Pattern[str], sentence: str, start: int, end: int) -> Iterator[Span]:
    for s in pattern.finditer(sentence, start, end):
        yield start, s.start()
        start = s.end()
    yield start, end


def _occurring_subject(sentence: str, m: re.Match[str]) -> tuple[str, int]:
    """The subject naming a meeting to come, back to the last comma or "that"."""
    bounds = [b.end() for b in OCCURRING_BOUNDARY.finditer(sentence, 0, m.start())]
    start = bounds[-1] if bounds else 0
    return sentence[start : m.start()], start


def _occurring(
    sentence: str, m: re.Match[str], limit: int, offset: int
) -> Iterator[CommitmentSpan]:
    """ "The next round will be held in Lima": the meeting named by the subject."""
    subject, sub_start = _occurring_subject(sentence, m)
    upcoming = cues().rx["upcoming"].search(subject)
    start = sub_start + (upcoming.start() if upcoming else 0)
    end = next(_bodies(sentence, m.end(), limit))[1]
    span = _span(sentence, start, end, offset, m.start(), offset + sub_start)
    if span is not None:
        yield replace(span, kind="meeting")


def _invitation(
    sentence: str, m: re.Match[str], limit: int, offset: int
) -> Iterator[CommitmentSpan]:
    """An accepted invitation: the guest's visit, committed by the guest named after "invited"."""
    invitee = cues().rx["invitee"].match(sentence, m.end())
    end = next(_bodies(sentence, m.end(), limit))[1]
    span = _span(sentence, m.end(), end, offset, m.end(), offset + m.end())
    if invitee is not None and span is not None:
        yield replace(span, kind="meeting", cue_start=offset + invitee.start("to"))


def _span(
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
