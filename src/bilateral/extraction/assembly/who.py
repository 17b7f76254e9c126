"""Who: the sides (parties) and the people who took part, with their countries and roles.

Which people took part is decided in :mod:`.participation` (``select_participants``); here
the sides are chosen (the lead's countries, a multilateral format's members, the other side
of a bilateral) and each participant gets a country (title, facing the other side,
elimination, companions) and a role.
"""

from __future__ import annotations

import re
from collections import Counter

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.assembly.participation import select_participants
from bilateral.extraction.assembly.person_countries import fill_countries
from bilateral.extraction.extensions import PersonMention
from bilateral.extraction.vocabulary import participation_vocabulary
from bilateral.records import Participant

VENUE_BEFORE = re.compile(
    r"\b(?:on|at|in)\s+the\s+(?:sidelines?|side-lines|margins?|fringes?)\s+of\b", re.IGNORECASE
)
OWNED_THING = re.compile(r"['’]s?\s+(?:[a-z][\w\-]*\s+)*?[a-z][\w\-]*\b")
CLAUSE_END = re.compile(r"[.;:]\s")
CITY_COMMA = re.compile(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2},\s*$")  # "... in Lima, "

__all__ = ["assign_roles", "choose_parties", "fill_countries", "select_participants"]


def choose_parties(
    ctx: Context, lead: list[Sentence], people: list[PersonMention], prov: Provenance
) -> list[str]:
    """Countries (and organizations) named in the lead, plus the people's countries."""
    spans: Provenance = {}
    organizations = set(ctx.gaz.organizations.values())
    for place in ctx.places:
        if _incidental(ctx.text, place.start, place.end, place.code in organizations):
            continue
        if place.kind != "city" and in_any(place.start, lead):
            spans.setdefault(place.code, []).append(span(place.start, place.end))
    for person in people:
        if person.country and person.country not in spans:
            spans[person.country] = [span(person.start, person.end)]
    freq = Counter(p.code for p in ctx.places if p.kind != "city")
    heads = {p.country for p in people if p.role_cue == "head" and p.country}
    members = _format_members(ctx, lead, spans)
    if members:
        spans = _with_format(spans, members, heads, freq)
    elif len(spans) > 2:
        ranked = sorted(spans, key=lambda c: (c not in heads, -freq[c]))
        spans = {c: spans[c] for c in ranked[: max(2, len(heads))]}
    if len(spans) < 2:
        _add_other_side(ctx, spans, freq)
    for code, found in spans.items():
        prov[f"party:{code}"] = found
    return sorted(spans)


def _incidental(text: str, start: int, end: int, organization: bool) -> bool:
    """A place named in the venue ("on the sidelines of the X summit in Y, Z") or an
    organization owning a thing ("under the X's regulation"): not a side of the meeting."""
    before = text[max(0, start - 200) : start]
    venues = list(VENUE_BEFORE.finditer(CLAUSE_END.split(before)[-1]))
    if venues:
        venue = venues[-1]
        between = CITY_COMMA.sub("", venue.string[venue.end() :])
        if "," not in between:
            return True
    return organization and OWNED_THING.match(text, end) is not None


def _format_members(ctx: Context, lead: list[Sentence], spans: Provenance) -> frozenset[str]:
    """Members of a multilateral format the lead names ("C5+1"), recording where."""
    for pattern, members in participation_vocabulary().formats:
        for sent in lead[:1]:
            m = pattern.search(sent.text)
            if m:
                where = span(sent.start + m.start(), sent.start + m.end())
                for code in members:
                    spans.setdefault(code, [where])
                return members
    return frozenset()


def _with_format(
    spans: Provenance, members: frozenset[str], heads: set[str], freq: Counter[str]
) -> Provenance:
    """A format's members and its one partner: the non-member that leads or is named most."""
    others = sorted(
        (c for c in spans if c not in members), key=lambda c: (c not in heads, -freq[c])
    )
    return {c: spans[c] for c in spans if c in members or c in others[:1]}


def _add_other_side(ctx: Context, spans: Provenance, freq: Counter[str]) -> None:
    """A bilateral has two sides: add the country named most often besides the one found,
    counting the dateline's place once more ("LIMA, 10 May" in a readout of a visit)."""
    dateline = {p.code for p in ctx.places if p.start < ctx.body}
    organizations = set(ctx.gaz.organizations.values())
    ranked = sorted(
        (c for c in set(freq) | dateline if c not in spans),
        key=lambda c: (-(freq[c] + (c in dateline)), c in organizations, c),
    )
    if ranked:
        code = ranked[0]
        spans[code] = [span(p.start, p.end) for p in ctx.places if p.code == code][:3]


def assign_roles(
    ctx: Context, people: list[PersonMention], parties: list[str]
) -> list[Participant]:
    """Heads (cued, or first of their side), members, and counterparts outside the sides."""
    fill_countries(ctx, people, parties)
    out = []
    headed: set[str | None] = {p.country for p in people if p.role_cue == "head"}
    sides: set[str | None] = set(parties)
    for person in people:
        role = "member"
        if person.role_cue == "head":
            role = "head"
        elif (
            person.role_cue != "member"
            and person.country not in headed
            and (person.country in parties or (person.country is None and not sides <= headed))
        ):  # someone of unknown side heads only while a side has no head
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
