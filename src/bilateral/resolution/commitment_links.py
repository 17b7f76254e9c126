"""The later meetings that may have carried a commitment out, with their evidence.

Candidates are the later meetings of the commitment's block, found by date in a per-block
timeline (never every meeting against every commitment). The rules go from precise to loose:

* a ``meeting`` commitment naming a format ("the next ESPD", "the inaugural meeting of a
  High-Level Dialogue on ...") is carried out by the first later round of the mechanism whose
  name it matches best, "the next meeting" at a mechanism's round by its next round, and a
  promised visit by a later visit or meeting in the due period;
* an ``agreement`` by the first later meeting whose document says it was signed;
* an ``action`` only when a later document plainly reports it done.

Each link's confidence says how strong the match is; at or above
:data:`bilateral.resolved.LINK_THRESHOLD` the link is accepted, below it only suggested.
"""

from __future__ import annotations

import re
from datetime import timedelta

from bilateral.records import Commitment, Span
from bilateral.resolution import evidence
from bilateral.resolution.commitment_index import HORIZON, Dated, Index
from bilateral.resolution.mechanism_names import (
    abbreviations,
    content_words,
    name_match,
    named_formats,
    parties_of,
)
from bilateral.resolution.periods import Period, days_between, period_of
from bilateral.resolved import (
    LINK_THRESHOLD,
    EngagementKey,
    FulfillmentLink,
    Mechanism,
    Meeting,
    Report,
)

#: Days after a due period in which a fulfilment still counts as on time.
SLACK = timedelta(days=120)
#: A next round within this many days of a commitment without a due date is on time.
NEXT_ROUND_DAYS = 2 * 365
#: Kinds of meeting that carry out a promised visit.
VISIT_KINDS = frozenset({"visit", "meeting", "summit"})

_NEXT_FORMAT = re.compile(
    r"\b(next|regular(ly)?|annual|following)\b.*\b(round|meeting|session|sitting|dialogue|"
    r"consultations?|talks|council|commission|committee|forum|summit)\b",
    re.IGNORECASE,
)
_VISIT = re.compile(r"\bvisit", re.IGNORECASE)
_INAUGURAL = re.compile(r"\b(inaugural|first|launch\w*|establish\w*)\b", re.IGNORECASE)


def candidate_links(
    index: Index, meeting: Meeting, made: Period, commitment: Commitment
) -> list[FulfillmentLink]:
    """The links of a commitment made at ``meeting`` (held ``made``), strongest rule first."""
    if commitment.kind == "meeting":
        return _meeting_links(index, meeting, made, commitment)
    return _text_links(index, meeting, made, commitment)


# --------------------------------------------------------------------------- meeting commitments


def _meeting_links(
    index: Index, meeting: Meeting, made: Period, commitment: Commitment
) -> list[FulfillmentLink]:
    """A round of the mechanism the commitment speaks of, or else a visit it promised."""
    target = _named_mechanism(index, meeting, commitment.text)
    if target is not None:
        return _round_links(index, meeting, made, commitment, *target)
    if _VISIT.search(commitment.text):
        return _visit_links(index, meeting, made, commitment)
    return []


def _round_links(
    index: Index,
    meeting: Meeting,
    made: Period,
    commitment: Commitment,
    mechanism: Mechanism,
    strength: float,
) -> list[FulfillmentLink]:
    """Links to the mechanism's next round, weaker when it came early or late, or when an
    "inaugural" meeting was promised of a mechanism that had met before."""
    rounds = index.next_round(mechanism, made, meeting.id)
    if not rounds:
        return []
    strength *= _timing(made, rounds[0].period, period_of(commitment.due))
    if _INAUGURAL.search(commitment.text) and index.met_before(mechanism, made):
        strength *= 0.7
    return [link_to(d.meeting, _round_evidence(index, mechanism, d), strength) for d in rounds]


def _named_mechanism(index: Index, meeting: Meeting, text: str) -> tuple[Mechanism, float] | None:
    """The mechanism a meeting commitment speaks of, and how surely (0-1).

    A format named in Title Case or by abbreviation is looked up among the block's mechanisms
    (a named format that matches none means a format not seen yet: no mechanism); without one,
    "the next meeting" or the mechanism's own words refer to the round's own mechanism.
    """
    parties = parties_of(meeting.block)
    shorts = set(abbreviations(text, parties))
    formats = named_formats(text, parties)
    scored = []
    for mechanism in index.mechanisms_in.get(meeting.block, []):
        keys, known_shorts = index.names[mechanism.id]
        score = max([name_match(words, keys) for words in formats] + [0.0])
        if shorts & known_shorts:
            score = 1.0
        scored.append((score, mechanism is index.mechanism_of.get(meeting.id), mechanism.id))
    best = max(scored, default=None)
    if best is not None and best[0] >= 0.6:
        return index.mechanisms[best[2]], 0.6 + 0.3 * best[0]
    own = index.mechanism_of.get(meeting.id)
    if formats or own is None:
        return None
    words = content_words(text, parties)
    mentioned = any(len(key) >= 2 and key <= words for key in index.names[own.id][0])
    return (own, 0.8) if mentioned or _NEXT_FORMAT.search(text) else None


def _timing(made: Period, held: Period, due: Period | None) -> float:
    """1 when the meeting was held in the due period, less when it came early or late."""
    if due is None:
        return 1.0 if days_between(made, held) <= NEXT_ROUND_DAYS else 0.7
    if held.end < due.start:
        return 0.5
    return 1.0 if held.start <= due.end + SLACK else 0.6


def _round_evidence(index: Index, mechanism: Mechanism, held: Dated) -> str:
    """``5th round of the ESPD, Astana, 2023-11-06``."""
    round_ = index.round_of.get(held.meeting.id)
    name = mechanism.short or mechanism.name
    title = f"{_ordinal(round_.round)} round of the {name}" if round_ and round_.round else name
    record = held.meeting.record
    return ", ".join(part for part in (title, record.city, record.date) if part)


def _ordinal(number: int) -> str:
    suffixes = {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 10 <= number % 100 <= 20 else suffixes.get(number % 10, "th")
    return f"{number}{suffix}"


def _visit_links(
    index: Index, meeting: Meeting, made: Period, commitment: Commitment
) -> list[FulfillmentLink]:
    """The first later visit or meeting in the due period (in the city named, if one is)."""
    due = period_of(commitment.due)
    until = due.end + SLACK if due else made.end + timedelta(days=365)
    text = commitment.text.lower()
    named = {city for city in index.cities.get(meeting.block, set())
             if re.search(rf"\b{re.escape(city)}\b", text)}  # fmt: skip
    for later in index.later(meeting.block, made, until):
        record = later.meeting.record
        if record.kind not in VISIT_KINDS or (due and later.period.end < due.start):
            continue
        city = (record.city or "").lower()
        if named and city not in named:
            continue
        strength = (0.7 if due else 0.5) + (0.15 if city in named else 0.0)
        place = ", ".join(p for p in (record.kind, record.city, record.date) if p)
        return [link_to(later.meeting, place, strength)]
    return []


# --------------------------------------------------------------------------- text evidence


def _text_links(
    index: Index, meeting: Meeting, made: Period, commitment: Commitment
) -> list[FulfillmentLink]:
    """The first later meeting whose documents report the agreement signed or action done."""
    parties = parties_of(meeting.block)
    agreement = commitment.kind == "agreement"
    seek = evidence.agreement_sought if agreement else evidence.action_sought
    sought = seek(commitment.text, parties)
    if not sought.words:
        return []
    due = period_of(commitment.due)
    until = due.end + SLACK if due else made.end + HORIZON
    weak: FulfillmentLink | None = None
    for later in index.later(meeting.block, made, until):
        found = [(ev, r) for r in index.reports_of.get(later.meeting.id, [])
                 if (ev := evidence.find_evidence(index.text_of(r), sought))]  # fmt: skip
        if not found:
            continue
        ev, report = max(found, key=lambda f: f[0].strength)
        strength = 0.2 + 0.75 * ev.strength if agreement else 0.3 + 0.5 * ev.strength
        link = link_to(later.meeting, ev.sentence.text, strength, report, ev.sentence.span)
        if link.state == "accepted":
            return [link]
        weak = weak or link
    return [weak] if weak else []


# --------------------------------------------------------------------------- links


def link_to(
    meeting: Meeting,
    text: str,
    confidence: float,
    report: Report | None = None,
    span: Span | None = None,
) -> FulfillmentLink:
    """A link to ``meeting``: accepted at or above the threshold, else a suggestion."""
    anchor = report.key if report else _anchor(meeting)
    confidence = round(min(1.0, max(0.0, confidence)), 3)
    return FulfillmentLink(
        meeting_id=meeting.id,
        engagement=anchor,
        documents=list(meeting.documents),
        document_names=list(meeting.document_names),
        evidence=text,
        evidence_document=report.key.document_id if report else None,
        evidence_span=span,
        confidence=confidence,
        state="accepted" if confidence >= LINK_THRESHOLD else "suggested",
    )


def _anchor(meeting: Meeting) -> EngagementKey:
    return next((k for k in meeting.members if str(k) == meeting.id), min(meeting.members, key=str))
