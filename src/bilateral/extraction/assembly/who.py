"""Who: the sides (parties) and the people who took part, with their countries and roles.

Which people took part is decided in :mod:`.participation` (``select_participants``); here
the sides are chosen (the lead's countries, a multilateral format's members, the other side
of a bilateral) and each participant gets a country (title, facing the other side,
elimination, companions) and a role.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.assembly.participation import name_mentions, select_participants
from bilateral.extraction.extensions import PersonMention
from bilateral.extraction.organizations import (
    complete_organization,
    infer_organization,
    title_country,
)
from bilateral.extraction.vocabulary import participation_vocabulary
from bilateral.records import Participant

__all__ = ["assign_roles", "choose_parties", "fill_countries", "select_participants"]

FACING = re.compile(
    r"\b(?:with|met|meets|received|hosted|welcomed|counterparts?|talks|telephone)\b"
)
POSTED_TO = re.compile(
    r"\b(?:Ambassador|Envoy|Consul[- ]General|Chargé d['’]Affaires)\s+to\s+(?:the\s+)?(.+)$"
)
COMPANION = re.compile(r"\b(?:accompanied|joined)\s+by\b[^,;]*$")
POSSESSOR_GAP = re.compile(r"\s*(?:[’']s\s+)?(?:(?:new|newly|appointed|visiting)\s+)*")


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


def fill_countries(ctx: Context, people: list[PersonMention], parties: list[str]) -> None:
    """A person of unknown country gets it from their title ("Assistant Secretary of State",
    "the Korean president"), from facing someone of the other side ("A held talks with B"),
    or as the one side nobody else represents."""
    if any(p.country is None for p in people):
        _infer_missing(ctx, ctx.text, people, parties)
    for person in people:
        person.organization = complete_organization(person.organization, person.country, ctx.gaz)
        if person.organization is None and person.title:
            person.organization = infer_organization(person.title, person.country, ctx.gaz)


def _infer_missing(
    ctx: Context, text: str, people: list[PersonMention], parties: list[str]
) -> None:
    """Countries for the people still without one, strongest evidence first."""
    for person in people:
        if person.country is None and person.title:
            code = title_country(person.title) or _country_by_title(ctx, text, person.title)
            person.country = code if code in parties else _posted_from(ctx, person.title, parties)
    if len(parties) == 2:
        _facing_sides(ctx, text, people, parties)
    missing = [p for p in people if p.country is None]
    unrepresented = set(parties) - {p.country for p in people}
    leads = [p for p in missing if p.role_cue != "member"]
    if len(unrepresented) == 1 and missing and (len(missing) == 1 or len(leads) == 1):
        (missing[0] if len(missing) == 1 else leads[0]).country = unrepresented.pop()
    _companions(ctx, text, people)


def _posted_from(ctx: Context, title: str, parties: list[str]) -> str | None:
    """An "Ambassador to X" in a meeting between X and Y is Y's ambassador."""
    m = POSTED_TO.search(title)
    code = ctx.gaz.countries.get(m.group(1)) if m else None
    others = [c for c in parties if c != code]
    return others[0] if code in parties and len(others) == 1 else None


def _country_by_title(ctx: Context, text: str, title: str) -> str | None:
    """The one country whose demonym the document puts before this title ("a Korean
    president", "Brazil's Foreign Minister")."""
    codes = set()
    for m in re.finditer(r"\b(?i:" + re.escape(title) + r")\b(?!\s+[A-Z])", text):
        for place in ctx.places:
            gap = text[place.end : m.start()]
            if place.kind != "city" and place.end <= m.start() and POSSESSOR_GAP.fullmatch(gap):
                codes.add(place.code)
    return codes.pop() if len(codes) == 1 else None


def _companions(ctx: Context, text: str, people: list[PersonMention]) -> None:
    """Someone "accompanied by" a person is of that person's side: the one named before
    in the sentence, or the one whose title the sentence's subject repeats ("The President,
    who arrived on Monday, was accompanied by ...")."""
    for person in (p for p in people if p.country is None):
        for _, start, _ in name_mentions(text, person):
            sent = ctx.sentence_at(start)
            head = text[sent.start : start] if sent else ""
            if sent is None or not COMPANION.search(head):
                continue
            named = [
                q for q in people if q.country and any(sent.start <= a < start for a, _ in q.spans)
            ]
            titled = [q for q in people if q.country and q.title and _subject(head, q.title)]
            found = named[-1:] or (titled if len(titled) == 1 else [])
            if found:
                person.country = found[0].country
                break


def _subject(head: str, title: str) -> bool:
    """Whether a sentence starts with "The <title>"."""
    return re.match(rf"\s*The\s+{re.escape(title)}\b", head) is not None


def _facing_sides(ctx: Context, text: str, people: list[PersonMention], parties: list[str]) -> None:
    """In a bilateral, someone who meets a person of one side is of the other side."""
    mentions = sorted(
        ((start, end, p) for p in people for _, start, end in name_mentions(text, p)),
        key=lambda m: m[0],
    )
    for (_, a_end, a), (b_start, _, b) in itertools.pairwise(mentions):
        if (a.country is None) == (b.country is None) or a is b:
            continue
        between = text[a_end:b_start]
        same = ctx.sentence_at(a_end - 1) == ctx.sentence_at(b_start)
        if same and ";" not in between and FACING.search(between):
            known, unknown = (a, b) if a.country else (b, a)
            unknown.country = next(c for c in parties if c != known.country)


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
        elif (
            person.role_cue != "member"
            and person.country not in headed
            and (person.country in parties or person.country is None)
        ):
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
