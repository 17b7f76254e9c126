"""What: the topics discussed and the commitments made, and by whom."""

from __future__ import annotations

import re

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.commitments import CommitmentSpan
from bilateral.extraction.dates import resolve_year_phrase
from bilateral.extraction.extensions import PersonMention
from bilateral.records import Commitment, Participant

ALL_SIDES = re.compile(
    r"\b(both|the (?:two )?sides|the parties|the delegations|they|the leaders|the ministers|"
    r"the two countries|the countries|together)\b",
    re.IGNORECASE,
)


def choose_topics(
    ctx: Context, sents: list[Sentence], people: list[PersonMention], prov: Provenance
) -> list[str]:
    """Topic codes cued in the given sentences, not counting words inside people's titles."""
    titles = [p.title_span for p in people if p.title_span]
    codes: Provenance = {}
    for hit in ctx.doc._.topics or []:
        if any(a <= hit.start < b for a, b in titles):
            continue  # "Bureau of South and Central Asian Affairs" is not a topic
        if in_any(hit.start, sents):
            codes.setdefault(hit.code, []).append(span(hit.start, hit.end))
    for code, found in codes.items():
        prov[f"topic:{code}"] = found
    return sorted(codes)


def build_commitments(
    ctx: Context, sents: list[Sentence], parties: list[str], participants: list[Participant]
) -> list[Commitment]:
    """Commitments in the given sentences, with the sides that made them and their due date."""
    found: list[CommitmentSpan] = ctx.doc._.commitments or []
    out = []
    for c in found:
        sent = ctx.sentence_at(c.start, sents)
        if sent is None:
            continue
        subject = ctx.text[sent.start : c.cue_start]
        out.append(
            Commitment(
                text=c.text,
                by=committed_sides(ctx, subject, sent.start, parties, participants),
                due=resolve_year_phrase(c.text, ctx.published),
                kind=c.kind,
                spans=[span(c.start, c.end)],
            )
        )
    return out


def committed_sides(
    ctx: Context,
    subject: str,
    offset: int,
    parties: list[str],
    participants: list[Participant],
) -> list[str]:
    """The sides the words before the cue name ("Both", "Kazakhstan's", a person); else all."""
    if ALL_SIDES.search(subject):
        return list(parties)
    codes = {
        p.code
        for p in ctx.places
        if offset <= p.start < offset + len(subject) and p.code in parties and p.kind != "city"
    }
    for person in participants:
        surname = person.name.split()[-1]
        if person.country in parties and re.search(rf"\b{re.escape(surname)}\b", subject):
            codes.add(person.country)
    return sorted(codes) if codes else list(parties)
