"""Which side each participant stands for, when the text does not say it next to the name.

The evidence, strongest first: the title ("Assistant Secretary of State", "a Korean
president"), a country written after a list of names ("A and B of Japan"), a visit ("X, on a
state visit to Y"), facing someone of the other side ("A held talks with B"), elimination
(the one side nobody else represents), and companions ("accompanied by").
"""

from __future__ import annotations

import itertools
import re

from bilateral.extraction.assembly.context import Context
from bilateral.extraction.assembly.participation import name_mentions
from bilateral.extraction.extensions import PersonMention, PlaceMention
from bilateral.extraction.organizations import (
    complete_organization,
    infer_organization,
    title_country,
)
from bilateral.extraction.people_cues import list_intro

FACING = re.compile(
    r"\b(?:with|met|meets|received|hosted|welcomed|counterparts?|talks|telephone)\b"
)
POSTED_TO = re.compile(
    r"\b(?:Ambassador|Envoy|Consul[- ]General|Chargé d['’]Affaires)\s+to\s+(?:the\s+)?(.+)$"
)
COMPANION = re.compile(
    r"\b(?:accompanied|joined)\s+by\b[^,;]*$|\b(?:included|includes|comprised|consisted\s+of)\s*$"
)
POSSESSOR_GAP = re.compile(r"\s*(?:[’']s\s+)?(?:(?:new|newly|appointed|visiting)\s+)*")
# "A and B of Japan": a country written after the last of two names
AND_ONLY = re.compile(r"\s*,?\s*and\s*")
OF_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
# "X, on a state visit to Y, ...", "X, who is visiting Y", "X arrived in Y": X is a guest
VISIT_AFTER = re.compile(
    r",?\s*(?:who\s+(?:is|was)\s+)?(?:(?:on|during|for)\s+(?:an?|his|her|their)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:visit|trip)\s+to|visiting|(?:has\s+|had\s+)?arrived\s+in)"
    r"\s+(?:the\s+)?"
)
# "co-chaired by A and B": two co-chairs of a bilateral stand for its two sides
CO_CHAIRS = re.compile(r"\b(?:co-?chaired|co-?chairs|chaired\s+by|presided\s+over\s+by)\b")
CO_CHAIR_GAP = re.compile(r"\s*,?\s*and\s+(?:(?:the|his|her)\s+)?(?:[A-Z][\w.’'\-]*\s+){0,5}")
# The subject of a list's opening line that stands for the person named just before it
PRONOUN_SUBJECT = re.compile(r"^\s*(?:He|She|The\s+delegation|The\s+minister)\b")
SIDE_WORDS = re.compile(r"\s*(?:delegation|side|team)\b")


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
    _listed_together(ctx, text, people)
    if len(parties) == 2:
        _guests(ctx, text, people, parties)
        _facing_sides(ctx, text, people, parties)
        _co_chairs(ctx, text, people, parties)
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
        for outer, start, _ in name_mentions(text, person):
            sent = ctx.sentence_at(start)
            if sent is None:
                continue
            head, head_start = text[sent.start : start], sent.start
            intro = list_intro(text, outer)
            if intro is not None:  # "The Czech delegation included:" and a list of names
                head_start = text.rfind(intro, 0, outer)
                head = intro
            found = intro and _side_named(ctx, head, head_start)
            found = found or _companion_of(ctx, people, head, head_start, start)
            if found is not None:
                person.country = found
                break


def _companion_of(
    ctx: Context, people: list[PersonMention], head: str, head_start: int, start: int
) -> str | None:
    """The side of the person someone named after ``head`` accompanies, if it says so."""
    if not COMPANION.search(head):
        return None
    named = [q for q in people if q.country and any(head_start <= a < start for a, _ in q.spans)]
    titled = [q for q in people if q.country and q.title and _subject(head, q.title)]
    found = named[-1:] or (titled if len(titled) == 1 else [])
    if not found and PRONOUN_SUBJECT.match(head):
        found = _named_before(people, head_start)
    return found[0].country if found else None


def _side_named(ctx: Context, head: str, head_start: int) -> str | None:
    """ "The Czech delegation included": the side a list's opening line names."""
    if head_start < 0:
        return None
    for place in ctx.places:
        inside = head_start <= place.start < head_start + len(head)
        if inside and place.kind != "city" and SIDE_WORDS.match(ctx.text, place.end):
            return place.code
    return None


def _named_before(people: list[PersonMention], offset: int) -> list[PersonMention]:
    """The person with a known side named last before ``offset``."""
    before = [(a, q) for q in people if q.country for a, _ in q.spans if a < offset]
    return [max(before, key=lambda x: x[0])[1]] if before else []


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


def _place_at(ctx: Context, offset: int) -> PlaceMention | None:
    return next((p for p in ctx.places if p.start == offset), None)


def _listed_together(ctx: Context, text: str, people: list[PersonMention]) -> None:
    """ "Foreign Minister A and Defence Minister B of Japan": a country written after the
    second of two names joined by "and" is the first's too, unless they hold one title
    ("President A and President B of Viet Nam" are of two sides)."""
    mentions = sorted((m, p) for p in people for m in name_mentions(text, p))
    for (a_m, a), (b_m, b) in itertools.pairwise(mentions):
        if a.country is not None or b.country is None or a is b or a.title == b.title:
            continue
        if not AND_ONLY.fullmatch(text, a_m[2], b_m[0]):
            continue
        of = OF_AFTER.match(text, b_m[2])
        place = _place_at(ctx, of.end()) if of else None
        if place is not None and place.code == b.country:
            a.country = b.country


def _guests(ctx: Context, text: str, people: list[PersonMention], parties: list[str]) -> None:
    """In a bilateral, someone "on a state visit to" one side is of the other side."""
    for person in (p for p in people if p.country is None):
        for _, _, end in name_mentions(text, person):
            m = VISIT_AFTER.match(text, end, end + 120)
            place = _place_at(ctx, m.end()) if m else None
            if place is not None and place.code in parties:
                person.country = next(c for c in parties if c != place.code)
                break


def _co_chairs(ctx: Context, text: str, people: list[PersonMention], parties: list[str]) -> None:
    """ "chaired by A and B": when one co-chair's side is known, the other's is the other."""
    mentions = sorted((m, p) for p in people for m in name_mentions(text, p))
    for (a_m, a), (b_m, b) in itertools.pairwise(mentions):
        if (a.country is None) == (b.country is None) or a is b:
            continue
        if a.role_cue != "head" or b.role_cue != "head":
            continue
        sent = ctx.sentence_at(a_m[1])
        if sent is None or not sent.holds(b_m[1]) or not CO_CHAIRS.search(sent.text):
            continue
        if CO_CHAIR_GAP.fullmatch(text, a_m[2], b_m[1]):
            known, unknown = (a, b) if a.country else (b, a)
            unknown.country = next((c for c in parties if c != known.country), None)
