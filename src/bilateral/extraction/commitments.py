"""Commitments: what a side will do, intends, agreed or pledged to do.

A commitment is cued ("agreed to", "intend to", "pledged to", "readiness to", "look forward
to [doing]", "reaffirmed their commitment to [doing]", "Japan will", "said Brazil would"); its
text is the shortest span saying what will be done, without the reporting verb. Statements of
support, appreciation or importance and reaffirmed positions are not commitments, nor is
"will" said of something that is not a side ("the forum will last three days"). The cues are
data (``data/commitment_cues.yaml``, compiled in ``commitment_cues``); who makes a commitment
is decided in ``commitment_subjects``, where its text ends in ``commitment_spans``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from bilateral.extraction.commitment_cues import cues
from bilateral.extraction.commitment_spans import (
    CommitmentSpan,
    antecedent,
    bodies,
    kind_of,
    make_span,
)
from bilateral.extraction.commitment_subjects import Clause, Span

__all__ = ["CommitmentSpan", "Span", "find_commitments", "is_action", "kind_of"]

OCCURRING_BOUNDARY = re.compile(r"[,;:]|\bthat\b", re.IGNORECASE)
RELATIVE = re.compile(r"[;]|\b(?:that|which|who)\b", re.IGNORECASE)
SIDES_MEET = re.compile(r"(?:meet|convene)\b", re.IGNORECASE)
SHORT_PREDICATE = 3  # "which the two countries will [build together]": words left to the end


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


def _commits(sentence: str, m: re.Match[str], body: str, clause: Clause) -> bool:
    """Whether a cue makes a commitment here (``body`` is what follows, to the next cue)."""
    c = cues()
    if c.rx["not_actions"].match(body):
        return False
    if _names_meeting(m, body, clause):
        subject = _occurring_subject(sentence, m)[0]
        scheduled = m.lastgroup != "scheduled" or c.rx["upcoming"].search(subject)
        return bool(scheduled and c.rx["meeting_nouns"].search(subject))
    return _licensed(m.lastgroup or "direct", sentence, m, clause, body)


def _names_meeting(m: re.Match[str], body: str, clause: Clause) -> bool:
    """ "The next round [will be held] / [is scheduled for]": a meeting to come, as subject.
    Not when the sides themselves will meet ("the delegations plan to [meet again]")."""
    if m.lastgroup == "scheduled":
        return True
    if clause.side and SIDES_MEET.match(body):
        return False
    return m.lastgroup in ("modal", "reported") and bool(cues().rx["occurs"].match(body))


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
    """Whether the words after "commitment to" are an action, not a cause or a position
    ("to deepen ties", "to the expansion of trade"; not "to democracy", "to peace")."""
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
        if c.rx["cause_nouns"].fullmatch(low):
            return False
        return not determined and word.islower()
    return False


def _spans_at(
    sentence: str, m: re.Match[str], limit: int, clause: Clause
) -> Iterator[CommitmentSpan]:
    """The commitments a licensed cue makes, up to ``limit`` (the next licensed cue)."""
    if _names_meeting(m, sentence[m.end() : limit], clause):
        yield from _occurring(sentence, m, limit, clause.offset)
        return
    if m.lastgroup == "invited":
        yield from _invitation(sentence, m, limit, clause.offset)
        return
    doc_clause = clause.offset + (clause.start if clause.tail_side else 0)
    for start, end in bodies(sentence, m.end(), limit):
        if clause.relative >= 0 and len(sentence[start:end].split()) <= SHORT_PREDICATE:
            head = antecedent(sentence, clause.relative)
            start, end = (start, end) if head is None else (head, clause.relative)
        span = make_span(sentence, start, end, clause.offset, m.start(), doc_clause)
        if span is not None:
            yield span


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
    end = next(bodies(sentence, m.end(), limit))[1]
    span = make_span(sentence, start, end, offset, m.start(), offset + sub_start)
    if span is not None:
        yield replace(span, kind="meeting")


def _invitation(
    sentence: str, m: re.Match[str], limit: int, offset: int
) -> Iterator[CommitmentSpan]:
    """An accepted invitation: the guest's visit, committed by the guest named after "invited"."""
    invitee = cues().rx["invitee"].match(sentence, m.end())
    end = next(bodies(sentence, m.end(), limit))[1]
    span = make_span(sentence, m.end(), end, offset, m.end(), offset + m.end())
    if invitee is not None and span is not None:
        yield replace(span, kind="meeting", cue_start=offset + invitee.start("to"))
