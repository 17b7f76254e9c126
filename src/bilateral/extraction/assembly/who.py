"""Who: the sides (parties) and the people who took part, with their roles."""

from __future__ import annotations

import re
from collections import Counter

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.extensions import PersonMention
from bilateral.extraction.organizations import infer_organization
from bilateral.records import Participant

PARTICIPATION = re.compile(
    r"\b(delegation|met|meeting|talks|consultations|dialogue|led|headed|chaired|co-chaired|"
    r"participated|attended|included|comprised|visit|welcomed|hosted|received|counterpart|"
    r"conversation|call)\b",
    re.IGNORECASE,
)


def select_participants(ctx: Context, sents: list[Sentence]) -> list[PersonMention]:
    """People with a role cue, or named in a sentence about the meeting."""
    keep = []
    for person in ctx.doc._.people or []:
        sent = ctx.sentence_at(person.start, sents)
        if person.role_cue or (sent and PARTICIPATION.search(sent.text)):
            keep.append(person)
    return keep


def choose_parties(
    ctx: Context, lead: list[Sentence], people: list[PersonMention], prov: Provenance
) -> list[str]:
    """Countries (and organizations) named in the lead, plus the people's countries."""
    spans: Provenance = {}
    for place in ctx.places:
        if place.kind != "city" and in_any(place.start, lead):
            spans.setdefault(place.code, []).append(span(place.start, place.end))
    for person in people:
        if person.country and person.country not in spans:
            spans[person.country] = [span(person.start, person.end)]
    if len(spans) > 2:
        freq = Counter(p.code for p in ctx.places if p.kind != "city")
        heads = {p.country for p in people if p.role_cue == "head" and p.country}
        ranked = sorted(spans, key=lambda c: (c not in heads, -freq[c]))
        spans = {c: spans[c] for c in ranked[: max(2, len(heads))]}
    for code, found in spans.items():
        prov[f"party:{code}"] = found
    return sorted(spans)


def fill_countries(ctx: Context, people: list[PersonMention], parties: list[str]) -> None:
    """A person of unknown country belongs to the one side nobody else represents."""
    missing = [p for p in people if p.country is None]
    unrepresented = set(parties) - {p.country for p in people}
    if len(missing) == 1 and len(unrepresented) == 1:
        person = missing[0]
        person.country = unrepresented.pop()
        if person.organization is None and person.title:
            person.organization = infer_organization(person.title, person.country, ctx.gaz)


def assign_roles(
    ctx: Context, people: list[PersonMention], parties: list[str]
) -> list[Participant]:
    """Heads (cued, or first of their side), members, and counterparts outside the sides."""
    fill_countries(ctx, people, parties)
    out = []
    headed: set[str | None] = {p.country for p in people if p.role_cue == "head"}
    for person in people:
        role = "member"
        if person.role_cue == "head":
            role = "head"
        elif person.country not in headed and (person.country in parties or person.country is None):
            role = "head"
            headed.add(person.country)
        elif person.country and parties and person.country not in parties:
            role = "counterpart"
        out.append(
            Participant(
                name=person.name,
                title=person.title,
                organization=person.organization,
                country=person.country,
                role=role,
                spans=[span(a, b) for a, b in person.spans],
            )
        )
    return out
