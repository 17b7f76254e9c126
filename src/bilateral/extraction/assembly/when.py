"""When: the meeting's date (at the precision the text gives), and the clues both steps share.

A date counts when it stands in a sentence reporting the meeting and its clause does not tie
it to another event (an anniversary, a previous or a planned meeting). Failing that, a
meeting reported in the present tense ("is taking place", "hosts") happens on the dateline's
day, other news takes the dateline's year and month, and a document with no dateline takes
the latest year it mentions.
"""

from __future__ import annotations

import re

from bilateral.extraction.assembly.clues import clause_around, other_event, when_cues
from bilateral.extraction.assembly.context import Context, Provenance, Sentence, span
from bilateral.extraction.assembly.venue_lines import opening_city
from bilateral.extraction.assembly.where import (
    choose_venue,
    country_of,
    names_a_site,
    places_in,
    written_name,
)
from bilateral.extraction.extensions import DateMention
from bilateral.records import Engagement

__all__ = ["choose_date", "choose_venue", "side_date", "side_venue"]

# "While in Oslo, the minister also met ...", "The delegation also called on ...": not
# "during its stay in Oslo" or "during the visit", which may span days.
ALSO_THERE = re.compile(
    r"^(?!.*\b(?:stay|visit|trip)\b).*\b(?:while in|also)\b", re.IGNORECASE | re.DOTALL
)


def choose_date(
    ctx: Context, sents: list[Sentence], prov: Provenance
) -> tuple[str | None, str | None]:
    """The date of the first meeting sentence that gives one, else what the dateline implies."""
    dates = [d for d in ctx.doc._.dates or [] if d.start >= ctx.body and _datable(d)]
    for sent in sents:
        here = [d for d in dates if sent.holds(d.start) and not other_event(sent, d.start, d.end)]
        if here:
            best = min(here, key=lambda d: (d.precision != "day", _distance_to_meeting(sent, d)))
            prov["date"] = [span(best.start, best.end)]
            return best.value, best.end_value
    return _fallback_date(ctx, sents, prov), None


def side_date(ctx: Context, sent: Sentence, main: Engagement) -> str | None:
    """The date of a meeting reported in passing during the main one: its own date if the
    sentence gives one, or the day the sentence before it in its paragraph set ("spent
    Thursday in X. In the afternoon he met ..."); the main date if it was the same day
    ("earlier in the day") or the main date is that of a one-day visit ("visited Dhaka
    today"); else the main date's month, since "during the visit" spans its days."""
    own = _own_dates(ctx, sent)
    if own:
        return own[0].value
    scene = _other_day_before(ctx, sent, main)
    if scene is not None:
        return _own_dates(ctx, scene)[-1].value  # "arrived on Wednesday, spent Thursday"
    if main.date is None or _same_day(ctx, sent, main):
        return main.date
    return main.date[:7]


def side_venue(ctx: Context, sent: Sentence, main: Engagement) -> tuple[str | None, str | None]:
    """The venue of a meeting reported in passing: a city its sentence names ("During its
    stay in Beijing", "While in Astana"), or the sentence before it if that one set another
    day, or the place line opening its paragraph ("Kazan, Friday 3 May."); the main
    meeting's city if it was the same day or in a named building there ("at the Great
    Hall"); else only the main meeting's country ("during the visit" may have been
    elsewhere)."""
    scene = _other_day_before(ctx, sent, main)
    for source in (sent, scene) if scene is not None else (sent,):
        for place in places_in(ctx, source, "city"):
            if not other_event(source, place.start, place.end):
                return written_name(ctx, place), country_of(ctx, place)
    line = opening_city(ctx, sent.start)
    if line is not None and line.start >= ctx.body:
        return written_name(ctx, line), country_of(ctx, line)
    local = _same_day(ctx, sent, main) or names_a_site(sent)
    return (main.city if local else None), main.country


def _own_dates(ctx: Context, sent: Sentence) -> list[DateMention]:
    return [
        d
        for d in ctx.doc._.dates or []
        if sent.holds(d.start) and _datable(d) and not other_event(sent, d.start, d.end)
    ]


def _other_day_before(ctx: Context, sent: Sentence, main: Engagement) -> Sentence | None:
    """The sentence before ``sent`` in its paragraph, when it dates itself to a day other
    than the main meeting's: it sets the scene of what follows."""
    index = next((i for i, s in enumerate(ctx.sentences) if s.start == sent.start), 0)
    if index == 0:
        return None
    before = ctx.sentences[index - 1]
    if "\n\n" in ctx.text[before.start : sent.start] or before.start < ctx.body:
        return None
    days = [d.value for d in _own_dates(ctx, before) if d.precision == "day"]
    return before if days and main.date not in days else None


def _same_day(ctx: Context, sent: Sentence, main: Engagement) -> bool:
    """Whether a meeting in passing was on the main meeting's day: "earlier in the day", its
    sentence dates it to that day ("Later on Saturday"), the main date is that of a one-day
    visit, or the main engagement is itself a meeting of one day (not a visit)."""
    if when_cues().same_day.search(sent.text) or _one_day_visit(ctx, main):
        return True
    if main.date is not None and main.date in {d.value for d in _own_dates(ctx, sent)}:
        return True
    return _one_day_meeting(ctx, sent, main)


def _one_day_meeting(ctx: Context, sent: Sentence, main: Engagement) -> bool:
    """Whether the main engagement is a sitting of a single day, not a visit, and the meeting
    in passing is what the delegation "also" did there ("While in X, she also met ..."), not
    in "its stay" there or "during the visit", which may have lasted days."""
    day = main.date is not None and len(main.date) == len("2000-01-01")
    one_day = day and main.date_end is None and main.kind not in ("visit", "call", "summit")
    if not one_day or not ALSO_THERE.search(sent.text):
        return False
    cities = {written_name(ctx, p) for p in places_in(ctx, sent, "city")}
    return cities <= {main.city}  # "While in X": X is the main meeting's city


def _one_day_visit(ctx: Context, main: Engagement) -> bool:
    """Whether the main date is a day said of a visit itself ("visited Dhaka today")."""
    if main.date is None or len(main.date) < len("2000-01-01"):
        return False
    spans = main.provenance.get("date") or []
    sent = ctx.sentence_at(spans[0].start) if spans else None
    if sent is None:
        return False
    left, right = clause_around(sent, spans[0].start, spans[0].end)
    return bool(when_cues().day_visit.search(left + " " + right))


def _datable(mention: DateMention) -> bool:
    """Whether a mention can date the meeting: not a bare year, not a month said relative to
    the dateline ("in March this year", "last week"), which the dateline's month stands for."""
    return mention.precision == "day" or (mention.precision == "month" and not mention.relative)


def _distance_to_meeting(sent: Sentence, mention: DateMention) -> int:
    """Characters between a date and the nearest word of the meeting in its sentence."""
    spots = [m.start() + sent.start for m in when_cues().meeting.finditer(sent.text)]
    return min((abs(s - mention.start) for s in spots), default=len(sent.text))


def _fallback_date(ctx: Context, sents: list[Sentence], prov: Provenance) -> str | None:
    """The dateline's day for a meeting reported as under way, else its month; else a year."""
    published = ctx.published
    if published is not None:
        lead = [s for s in sents if s.end > ctx.body]
        if any(when_cues().present.search(s.text) for s in lead):
            return published.isoformat()
        return f"{published.year:04d}-{published.month:02d}"
    years: list[DateMention] = [
        d
        for d in ctx.doc._.dates or []
        if d.start >= ctx.body and not _in_other_event(ctx, d.start, d.end)
    ]
    if not years:
        return None
    latest = max(years, key=lambda d: d.value[:4])
    prov["date"] = [span(latest.start, latest.end)]
    return latest.value[:4]


def _in_other_event(ctx: Context, start: int, end: int) -> bool:
    sent = ctx.sentence_at(start)
    return sent is None or other_event(sent, start, end)
