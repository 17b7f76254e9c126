"""When and where: the meeting's date (at its precision) and its venue."""

from __future__ import annotations

import re

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, span
from bilateral.extraction.extensions import DateMention

CAPITAL_OF = re.compile(r"\bin the (?P<adj>[A-Z][\w\-]+) capital\b")
VENUE_BEFORE = re.compile(r"\b(in|to|at)\s+$")


def choose_date(
    ctx: Context, sents: list[Sentence], prov: Provenance
) -> tuple[str | None, str | None]:
    """The first day- or month-precise date in a meeting sentence; else the dateline's month."""
    dates: list[DateMention] = [d for d in ctx.doc._.dates or [] if d.start >= ctx.body]
    for sent in sents:
        here = [d for d in dates if sent.holds(d.start) and d.precision != "year"]
        if here:
            best = min(here, key=lambda d: (d.precision != "day", d.start))
            prov["date"] = [span(best.start, best.end)]
            return best.value, best.end_value
    published = ctx.published
    if published is not None:
        return f"{published.year:04d}-{published.month:02d}", None
    return None, None


def choose_venue(
    ctx: Context, sents: list[Sentence], prov: Provenance
) -> tuple[str | None, str | None]:
    """A city introduced by in/to/at (or hosting) in a meeting sentence, or "the X capital"."""
    text = ctx.text
    for sent in sents:
        for place in ctx.places:
            if place.kind != "city" or not sent.holds(place.start) or place.start < ctx.body:
                continue
            before = text[max(sent.start, place.start - 12) : place.start].lower()
            hosts = text[place.end : place.end + 8].startswith((" host", " wel"))
            if VENUE_BEFORE.search(before) or hosts:
                prov["city"] = prov["country"] = [span(place.start, place.end)]
                city = ctx.gaz.cities.get(place.name)
                return place.name, city.country if city else place.code
        m = CAPITAL_OF.search(sent.text)
        if m and m.group("adj") in ctx.gaz.demonyms:
            code = ctx.gaz.demonyms[m.group("adj")]
            prov["country"] = [span(sent.start + m.start(), sent.start + m.end())]
            return capital_of(ctx, code), code
    return None, None


def capital_of(ctx: Context, code: str) -> str | None:
    for form, country in ctx.gaz.capitals.items():
        if country == code:
            city = ctx.gaz.cities.get(form)
            return city.name if city else form
    return None
