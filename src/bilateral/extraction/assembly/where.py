"""Where: the meeting's venue, a city spelled as the text spells it and its country.

In order: a call has no venue; a city the lead sentence places the meeting in ("held in X",
"at X", "X hosted", "in the X Forum", "in the Kazakh capital"); a city the headline puts
it in ("talks in X"); the city of the dateline (or of the place line opening the
paragraph, "Berlin, Sunday 26 May."), when a meeting sentence names a building ("talks at
the Casa Rosada") or has a host receive the guest ("X hosted Y") and does not put the visit
in another country; a city the next meeting sentences place it in; a city any sentence of
the same days says the delegation was in ("arrived in X", "while in X", a place line);
the country of a visit when no city is named ("visit to Kazakhstan"). A news agency's
dateline alone is where it writes from, not evidence of the venue. Places in a clause
about another event ("the previous meeting took place in London"), in a sentence about
another time ("Earlier this year, ...") or dated to another day do not count.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from difflib import SequenceMatcher

from bilateral.extraction.assembly.clues import other_event, when_cues
from bilateral.extraction.assembly.context import Context, Provenance, Sentence, span
from bilateral.extraction.assembly.venue_lines import headline_city, is_place_line, opening_city
from bilateral.extraction.extensions import DateMention, PlaceMention
from bilateral.extraction.side_meetings import about_another_time

CAPITAL_OF = re.compile(r"\bin the (?P<adj>[A-Z][\w\-]+) capital\b")
BARE = re.compile(r"^(?:in|at|to)\s+(?:the\s+)?$", re.IGNORECASE)
ARTICLE = re.compile(r"\bthe\s+$", re.IGNORECASE)
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
    lead, rest = sents[:1], sents[1:]
    found = (
        _said_city(ctx, lead, prov)
        or _headline_venue(ctx, prov)
        or _local_venue(ctx, sents, prov)
        or _said_city(ctx, rest, prov)
    )
    if found is not None:
        return found
    place = _venue_city(ctx, _same_days(ctx, prov), strong=True)
    if place is not None:
        return _city_venue(ctx, place, prov)
    body = [s for s in ctx.sentences if s.end > ctx.body]
    return _visited_country(ctx, sents, prov) or _visited_country(ctx, body, prov) or (None, None)


def _said_city(ctx: Context, sents: list[Sentence], prov: Provenance) -> Venue | None:
    """A city the sentences put the meeting in ("held in X", "in the Kazakh capital")."""
    place = _venue_city(ctx, sents, strong=False)
    if place is not None:
        return _city_venue(ctx, place, prov)
    return _capital_phrase(ctx, sents, prov)


def _city_venue(ctx: Context, place: PlaceMention, prov: Provenance) -> Venue:
    prov["city"] = prov["country"] = [span(place.start, place.end)]
    return written_name(ctx, place), country_of(ctx, place)


def _headline_venue(ctx: Context, prov: Provenance) -> Venue | None:
    """ "Ministers hold talks in Oslo": the city the headline puts the meeting in."""
    found = headline_city(ctx)
    if found is None:
        return None
    name, country, offset = found
    if offset is not None:
        prov["city"] = prov["country"] = [span(offset, offset + len(name))]
    return name, country


def _local_venue(ctx: Context, sents: list[Sentence], prov: Provenance) -> Venue | None:
    """The dateline's city (or the paragraph's place line) when a meeting sentence says the
    meeting was local to it: a named building ("at the Government Palace") or a host
    receiving the guest ("X hosted Y") - unless the sentences say it was a visit to another
    country."""
    for sent in sents:
        if not (names_a_site(sent) or _hosts(sent)):
            continue
        place = opening_city(ctx, max(sent.start, ctx.body))
        if place is None:
            return None
        visited = _visited_country(ctx, sents, {})
        if visited is not None and visited[1] != country_of(ctx, place):
            return None
        return _city_venue(ctx, place, prov)
    return None


def _hosts(sent: Sentence) -> bool:
    """Whether one side hosts the other in the sentence ("X received Y")."""
    for m in when_cues().host_verbs.finditer(sent.text):
        if not other_event(sent, sent.start + m.start(), sent.start + m.end()):
            return True
    return False


def _same_days(ctx: Context, prov: Provenance) -> list[Sentence]:
    """The body's sentences, less those about another time ("Last year, ...") or dated to
    another day than the meeting's ("arrived in X on Wednesday")."""
    days = _meeting_days(ctx, prov)
    dates = [d for d in ctx.doc._.dates or [] if d.precision == "day"]  # in text order
    kept = []
    for sent in ctx.sentences:
        if sent.end <= ctx.body or about_another_time(sent.text):
            continue
        lo = bisect_left(dates, sent.start, key=_date_start)
        hi = bisect_left(dates, sent.end, lo, key=_date_start)
        own = [d.value for d in dates[lo:hi]]
        if days and own and not any(days[0] <= day <= days[1] for day in own):
            continue
        kept.append(sent)
    return kept


def _date_start(mention: DateMention) -> int:
    return mention.start


def _meeting_days(ctx: Context, prov: Provenance) -> tuple[str, str] | None:
    """The first and last day of the meeting, when its date was read as a day."""
    spans = prov.get("date") or []
    for mention in ctx.doc._.dates or []:
        if spans and mention.start == spans[0].start and mention.precision == "day":
            return mention.value, mention.end_value or mention.value
    return None


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
    if strong and is_place_line(ctx, place):
        return not other_event(sent, place.start, place.end)
    before, after = _around(sent, place)
    cue = cues.venue_before.search(before)
    if cue and ARTICLE.search(before) and not cues.event_name.match(after):
        cue = None  # "in the Washington Post" is not in Washington
    if cue and strong and BARE.match(cue.group()):
        cue = None
    if not cue:
        cue = cues.site_then_city.search(before)  # "at Government House, X"
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
