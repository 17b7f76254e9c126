"""Venues that lines of their own give: the headline, the dateline, a paragraph's place line.

A headline that puts the meeting in a city ("Ministers hold talks in Oslo") names its venue.
A dateline ("LIMA, May 4, 2024 —") or a line opening a paragraph ("Berlin, Sunday 26 May.")
says where what follows happened only with more evidence: a named building or a host
receiving the guest in the meeting sentence, or a place line of a day of a longer visit.
"""

from __future__ import annotations

import re

from bilateral.extraction.assembly.clues import other_event
from bilateral.extraction.assembly.context import Context, Sentence
from bilateral.extraction.extensions import PlaceMention

# "… talks in Oslo", "… summit at Geneva": a city after "in" or "at" in a headline.
HEADLINE_CITY = re.compile(r"\b(?:in|at)\s+(?P<city>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})")
# What may open a line before its city: bullets, a labelled date ("date 2024-03-01").
LINE_LEAD = re.compile(r"[\s*_#>•]*(?:[A-Za-z]+:?\s+[\d\-./]{8,10}\s+)?")
# After a city opening a paragraph, a date (", Sunday 26 May", ", May 4") or a dash.
PLACE_LINE_TAIL = re.compile(
    r",\s*(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}\b)"
    r"|\s*[–—]\s|\s+-{1,2}\s"
)
Venue = tuple[str, str]


def headline_city(ctx: Context) -> tuple[str, str, int | None] | None:
    """The city a headline puts the meeting in: its name, country and offset in the text
    (None when the headline is the source's title, outside the text)."""
    head = ctx.text[: ctx.body]
    for text, base in ((head, 0), (ctx.title or "", None)):
        found = _city_after_preposition(ctx, text)
        if found is not None:
            name, country, offset = found
            return name, country, None if base is None else offset
    return None


def _city_after_preposition(ctx: Context, text: str) -> tuple[str, str, int] | None:
    """The first known city after "in" or "at", longest name first, not another event's."""
    whole = Sentence(0, len(text), text)
    for m in HEADLINE_CITY.finditer(text):
        words = m.group("city").rstrip(".").split()
        for n in range(len(words), 0, -1):
            form = " ".join(words[:n])
            city = ctx.gaz.cities.get(form) or ctx.gaz.cities.get(form.title())
            if city is None:
                continue
            if other_event(whole, m.start("city"), m.start("city") + len(form)):
                break
            return city.name, city.country, m.start("city")
    return None


def opening_city(ctx: Context, offset: int) -> PlaceMention | None:
    """The city of the place line opening the paragraph at ``offset``, else the last city
    opening a line of the dateline ("ASTANA –", "Tokyo, March 16, 2023")."""
    paragraph = max(0, ctx.text.rfind("\n\n", 0, offset))
    found = None
    for place in ctx.places:
        if place.start >= offset:
            break
        if place.kind != "city" or not _opens_line(ctx.text, place):
            continue
        if place.start < ctx.body or (place.start >= paragraph and is_place_line(ctx, place)):
            found = place
    return found


def _opens_line(text: str, place: PlaceMention) -> bool:
    line_start = text.rfind("\n", 0, place.start) + 1
    return LINE_LEAD.fullmatch(text, line_start, place.start) is not None


def is_place_line(ctx: Context, place: PlaceMention) -> bool:
    """Whether a city opens a line as a place line: "Berlin, Sunday 26 May.", "OSLO – "."""
    return _opens_line(ctx.text, place) and PLACE_LINE_TAIL.match(ctx.text, place.end) is not None
