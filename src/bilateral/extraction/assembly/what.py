"""What: the topics discussed and the commitments made, and by whom."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from itertools import pairwise

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.commitments import CommitmentSpan
from bilateral.extraction.components.topics import MEETING_TOPIC_KEY
from bilateral.extraction.dates import MONTHS
from bilateral.extraction.extensions import MechanismMention, PersonMention
from bilateral.records import Commitment, Participant

ALL_SIDES = re.compile(
    r"\b(both|the (?:two )?sides|the parties|the delegations|they|the leaders|the ministers|"
    r"the two countries|the countries|together|participants|each side|we)\b",
    re.IGNORECASE,
)
MeetingTopic = Callable[[str, str | None], str | None]
POSSESSIVE = re.compile(r"^[’']s?\s+(?:[\w-]+\s+)?$")
COORDINATED = re.compile(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)


def choose_topics(
    ctx: Context, sents: list[Sentence], people: list[PersonMention], prov: Provenance
) -> list[str]:
    """Topic codes cued in the given sentences, not counting words inside people's titles;
    a commitment to meet again there adds the taxonomy's topic for it (if it has one)."""
    titles = [p.title_span for p in people if p.title_span]
    codes: Provenance = {}
    for hit in ctx.doc._.topics or []:
        if any(a <= hit.start < b for a, b in titles):
            continue  # "Bureau of South and Central Asian Affairs" is not a topic
        if in_any(hit.start, sents):
            codes.setdefault(hit.code, []).append(span(hit.start, hit.end))
    for code, start, end in meeting_topics(ctx, sents):
        codes.setdefault(code, []).append(span(start, end))
    for code in most_specific(codes):
        prov[f"topic:{code}"] = codes[code]
    return sorted(most_specific(codes))


def meeting_topics(ctx: Context, sents: list[Sentence]) -> Iterator[tuple[str, int, int]]:
    """The topic each commitment to a future meeting or visit in ``sents`` makes, with its
    span ("agreed to hold the next round in 2025": high-level exchanges)."""
    topic_of: MeetingTopic | None = ctx.doc.user_data.get(MEETING_TOPIC_KEY)
    if topic_of is None:
        return
    found: list[CommitmentSpan] = ctx.doc._.commitments or []
    fmt = format_kind(ctx, sents)
    for c in found:
        code = topic_of(c.text, fmt) if c.kind == "meeting" and in_any(c.start, sents) else None
        if code:
            yield code, c.start, c.end


def format_kind(ctx: Context, sents: list[Sentence]) -> str | None:
    """The kind of the first recurring format named in ``sents`` ("consultations"), if any."""
    mentions: list[MechanismMention] = ctx.doc._.mechanisms or []
    return next((m.kind for m in mentions if in_any(m.start, sents)), None)


def most_specific(codes: Iterable[str]) -> set[str]:
    """The codes that no other code refines ("security" goes if "security.defense" is in)."""
    found = set(codes)
    return {c for c in found if not any(o.startswith(c + ".") for o in found)}


def build_commitments(
    ctx: Context, sents: list[Sentence], parties: list[str], participants: list[Participant]
) -> list[Commitment]:
    """Commitments in the given sentences, with the sides that made them and their due date."""
    found: list[CommitmentSpan] = ctx.doc._.commitments or []
    text = ctx.text  # built once: Doc.text joins the tokens on every call
    out: dict[str, Commitment] = {}
    for c in found:
        sent = ctx.sentence_at(c.start, sents)
        if sent is None or c.text.lower() in out:
            continue
        out[c.text.lower()] = Commitment(
            text=c.text,
            by=committed_sides(ctx, text, c, sent.start, parties),
            due=resolve_due(c.text, ctx.published),
            kind=c.kind,
            spans=[span(c.start, c.end)],
        )
    return list(out.values())


def committed_sides(
    ctx: Context, text: str, c: CommitmentSpan, sentence_start: int, parties: list[str]
) -> list[str]:
    """The sides the clause before the cue names ("Both", "Kazakhstan's", a person); else all.

    The first side named is the subject, with those joined to it by "and"; a side in the
    possessive right before the cue ("welcomed Japan's readiness to") is the one committed.
    """
    start = c.subject_start if c.subject_start >= 0 else sentence_start
    if ALL_SIDES.search(text[start : c.cue_start]):
        return list(parties)
    mentions = side_mentions(ctx, start, c.cue_start, parties)
    if not mentions:
        return list(parties)
    last_end, last_code = mentions[-1][1:]
    if POSSESSIVE.match(text[last_end : c.cue_start]):
        return [last_code]
    group = {mentions[0][2]}
    for (_, prev_end, _), (nxt_start, _, code) in pairwise(mentions):
        if not COORDINATED.fullmatch(text[prev_end:nxt_start]):
            break
        group.add(code)
    return sorted(group)


def side_mentions(
    ctx: Context, start: int, end: int, parties: list[str]
) -> list[tuple[int, int, str]]:
    """Countries, demonyms and people of the parties named between ``start`` and ``end``."""
    found = [
        (p.start, p.end, p.code)
        for p in ctx.places
        if start <= p.start < end and p.code in parties and p.kind != "city"
    ]
    found += [
        (p.start, p.end, p.country)
        for p in ctx.doc._.people or []
        if start <= p.start < end and p.country in parties
    ]
    return sorted(found)


YEAR = re.compile(
    r"\b(?:(?P<month>" + "|".join(m for m in MONTHS if len(m) > 3) + r")\s+(?:of\s+)?)?"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
NEXT_YEAR = re.compile(r"\b(?:next|the\s+following|the\s+coming)\s+year\b", re.IGNORECASE)
THIS_YEAR = re.compile(
    r"\b(?:this\s+year|(?:end|close)\s+of\s+the\s+year|year[- ]end|later\s+in\s+the\s+year)\b",
    re.IGNORECASE,
)
NEXT_MONTH = re.compile(r"\bnext\s+month\b", re.IGNORECASE)
BARE_MONTH = re.compile(
    r"\b(?:in|by|before|until|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>"
    + "|".join(m for m in MONTHS if len(m) > 3 or m == "may")
    + r")\b(?!\s*,?\s*\d)",
    re.IGNORECASE,
)
SOON = re.compile(r"\b(?:this|later\s+this)\s+month\b|\bnext\s+week\b", re.IGNORECASE)


def resolve_due(text: str, anchor: date | None) -> str | None:
    """The deadline a commitment states: "in 2023", "by June 2024", "in June" (the next June),
    "next year", "next week" (resolved against the dateline ``anchor``); a year before the
    dateline is no deadline."""
    for m in YEAR.finditer(text):
        year = int(m.group("year"))
        if anchor is not None and year < anchor.year:
            continue
        month = MONTHS.get((m.group("month") or "").lower())
        return f"{year}-{month:02d}" if month else str(year)
    if anchor is None:
        return None
    if bare := BARE_MONTH.search(text):  # "meet again in June": the next June
        month = MONTHS[bare.group("month").lower()]
        return f"{anchor.year + (month < anchor.month)}-{month:02d}"
    if NEXT_YEAR.search(text):
        return str(anchor.year + 1)
    if THIS_YEAR.search(text):
        return str(anchor.year)
    if NEXT_MONTH.search(text):
        month = anchor.month % 12 + 1
        return f"{anchor.year + (anchor.month == 12)}-{month:02d}"
    if SOON.search(text):
        soon = anchor + timedelta(days=7) if "week" in text.lower() else anchor
        return f"{soon.year}-{soon.month:02d}"
    return None
