"""Where: the meeting's venue, a city spelled as the text spells it and its country.

In order: a call has no venue; a city the meeting sentences place the meeting in ("held in
X", "at X", "X hosted", "in the X Forum", "in the Kazakh capital"); a city any sentence
says the delegation was in ("visited X", "arrived in X", "while in X"); the country of a
visit when no city is named ("visit to Kazakhstan"); the city of the dateline, when the
meeting sentences name a building ("talks at the Casa Rosada") and so place the meeting
where the story was filed. A news agency's dateline alone is where it writes from, not
evidence of the venue. Places in a clause about another event ("the previous meeting took
place in London") do not count.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from difflib import SequenceMatcher

from bilateral.extraction.assembly.clues import other_event, when_cues
from bilateral.extraction.assembly.context import Context, Provenance, Sentence, span
from bilateral.extraction.extensions import PlaceMention

CAPITAL_OF = re.compile(r"\bin the (?P<adj>[A-Z][\w\-]+) capital\b")
BARE = re.compile(r"^(?:in|at|to)\s+(?:the\s+)?$", re.IGNORECASE)
ARTICLE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# What may open a dateline's line before its city: bullets, a labelled date ("date 2024-03-01").
LINE_LEAD = re.compile(r"[\s*_#>•]*(?:[A-Za-z]+:?\s+[\d\-./]{8,10}\s+)?")
REACH = 60
"""How many characters before a place its cue ("visit of the delegation to") may start."""
AFTER = 60
"""How many characters after a city are read for "hosted" or an event's name."""
SAME_NAME = 0.75
"""Spellings this similar are one name ("Luxemburg", "Luxembourg"); others are another
name of the city ("Nur-Sultan" for Astana), which the record keeps as written."""
Venue = tuple[str | None, str | None]


def choose_venue(ctx: Context, sents: list[Sentence], prov: Provenance) -> Venue:
    """The venue city and country of the meeting the sentences report; (None, None) if unsaid."""
    if any(when_cues().call.search(s.text) for s in sents[:2]):
        return None, None
    body = [s for s in ctx.sentences if s.end > ctx.body]
    place = _venue_city(ctx, sents, strong=False) or _venue_city(ctx, body, strong=True)
    if place is not None:
        prov["city"] = prov["country"] = [span(place.start, place.end)]
        return written_name(ctx, place), country_of(ctx, place)
    found = (
        _capital_phrase(ctx, sents, prov)
        or _visited_country(ctx, sents, prov)
        or _visited_country(ctx, body, prov)
    )
    if found is not None:
        return found
    if any(names_a_site(s) for s in sents):
        return _dateline_city(ctx, prov)
    return None, None


def _venue_city(ctx: Context, sents: list[Sentence], *, strong: bool) -> PlaceMention | None:
    """The first city the sentences put the meeting in; ``strong`` needs more than "in X"."""
    for sent in sents:
        for place in places_in(ctx, sent, "city"):
            if _is_venue(ctx, sent, place, strong=strong):
                return place
    return None


def places_in(ctx: Context, sent: Sentence, kind: str) -> list[PlaceMention]:
    """The places of one kind in a sentence's part of the body (``ctx.places`` is in order)."""
    lo = bisect_left(ctx.places, max(sent.start, ctx.body), key=_start)
    hi = bisect_left(ctx.places, sent.end, lo, key=_start)
    return [p for p in ctx.places[lo:hi] if p.kind == kind]


def _start(place: PlaceMention) -> int:
    return place.start


def _is_venue(ctx: Context, sent: Sentence, place: PlaceMention, *, strong: bool) -> bool:
    """Whether the words around a city make it the meeting's venue."""
    cues = when_cues()
    before, after = _around(sent, place)
    cue = cues.venue_before.search(before)
    if cue and ARTICLE.search(before) and not cues.event_name.match(after):
        cue = None  # "in the Washington Post" is not in Washington
    if cue and strong and BARE.match(cue.group()):
        cue = None
    if not cue and not cues.venue_after.match(after):
        return False
    return not other_event(sent, place.start, place.end)


def _around(sent: Sentence, place: PlaceMention) -> tuple[str, str]:
    """The words of the sentence just before and just after a place (read from the
    sentence's own text: ``Doc.text`` is rebuilt from the tokens on every access)."""
    start, end = place.start - sent.start, place.end - sent.start
    return sent.text[max(0, start - REACH) : start], sent.text[end : end + AFTER]


def _capital_phrase(ctx: Context, sents: list[Sentence], prov: Provenance) -> Venue | None:
    """ "in the Brazilian capital": the capital of the country the adjective names."""
    for sent in sents:
        for m in CAPITAL_OF.finditer(sent.text):
            code = ctx.gaz.demonyms.get(m.group("adj"))
            start, end = sent.start + m.start(), sent.start + m.end()
            if code is None or start < ctx.body or other_event(sent, start, end):
                continue
            prov["city"] = prov["country"] = [span(start, end)]
            return capital_of(ctx, code), code
    return None


def _visited_country(ctx: Context, sents: list[Sentence], prov: Provenance) -> Venue | None:
    """ "paid a visit to Kazakhstan", "Kazakhstan hosted": the country, with no city."""
    cues = when_cues()
    for sent in sents:
        for place in places_in(ctx, sent, "country"):
            before, after = _around(sent, place)
            visited = cues.visit_country_before.search(before) or cues.venue_after.match(after)
            if visited and not other_event(sent, place.start, place.end):
                prov["country"] = [span(place.start, place.end)]
                return None, place.code
    return None


def names_a_site(sent: Sentence) -> bool:
    """ "talks at the Casa Rosada": the sentence places the meeting in a named building."""
    for m in when_cues().named_site.finditer(sent.text):
        if not other_event(sent, sent.start + m.start(), sent.start + m.end()):
            return True
    return False


def _dateline_city(ctx: Context, prov: Provenance) -> Venue:
    """The city that opens the dateline ("ASTANA –", "Tokyo, March 16, 2023"), if any."""
    head = ctx.text[: ctx.body]
    for place in reversed(ctx.places):
        if place.start >= ctx.body or place.kind != "city":
            continue
        line_start = head.rfind("\n", 0, place.start) + 1
        if LINE_LEAD.fullmatch(head, line_start, place.start):
            prov["city"] = prov["country"] = [span(place.start, place.end)]
            return written_name(ctx, place), country_of(ctx, place)
    return None, None


def country_of(ctx: Context, place: PlaceMention) -> str:
    """The country of a city mention."""
    city = ctx.gaz.cities.get(place.name)
    return city.country if city else place.code


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def written_name(ctx: Context, place: PlaceMention) -> str:
    """The city as the text writes it ("Nur-Sultan", not "Astana"), in the gazetteer's
    spelling when it is the same name ("BRASILIA" is "Brasília", "Washington DC" is
    "Washington")."""
    words = ctx.doc.char_span(place.start, place.end)
    as_written = words.text if words is not None else ctx.text[place.start : place.end]
    written, name = _fold(as_written), _fold(place.name)
    if written.startswith(name) or SequenceMatcher(None, written, name).ratio() >= SAME_NAME:
        return place.name
    return as_written.title() if as_written.isupper() else as_written


def capital_of(ctx: Context, code: str) -> str | None:
    """The capital city of a country code, as the gazetteer names it."""
    for form, country in ctx.gaz.capitals.items():
        if country == code:
            city = ctx.gaz.cities.get(form)
            return city.name if city else form
    return None
