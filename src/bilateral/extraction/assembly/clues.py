"""Clues the date and venue steps share: cue words from ``data/when.yaml``, and the clause
test that tells the meeting's own date or place from another event's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral.extraction.assembly.context import Sentence
from bilateral.extraction.vocabulary import load_yaml

CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
LEFT_REACH = 90
"""How far left of a date or place its clause is searched for another event's cue."""
RIGHT_REACH = 25
"""How far right: "in November last year", "on June 8-9 to take place"."""


@dataclass(frozen=True)
class WhenCues:
    """The cue patterns of ``data/when.yaml``, compiled."""

    other_event: re.Pattern[str]
    meeting: re.Pattern[str]
    present: re.Pattern[str]
    call: re.Pattern[str]
    venue_before: re.Pattern[str]
    venue_after: re.Pattern[str]
    event_name: re.Pattern[str]
    visit_country_before: re.Pattern[str]
    named_site: re.Pattern[str]
    host_verbs: re.Pattern[str]
    same_day: re.Pattern[str]
    day_visit: re.Pattern[str]
    site_then_city: re.Pattern[str]


def _words(items: list[str]) -> str:
    return r"\b(?:" + "|".join(items) + r")\b"


@cache
def when_cues() -> WhenCues:
    """Load and compile the cues once per process."""
    data = load_yaml("when.yaml")
    nouns = "|".join(data["event_nouns"])
    return WhenCues(
        other_event=re.compile(_words(data["other_event"]), re.IGNORECASE),
        meeting=re.compile(_words(data["meeting"]), re.IGNORECASE),
        present=re.compile(_words(data["present"]), re.IGNORECASE),
        call=re.compile(_words(data["call"]), re.IGNORECASE),
        venue_before=re.compile(_words(data["venue_before"]) + r"\s+(?:the\s+)?$", re.I),
        venue_after=re.compile(r"^\s+" + _words(data["venue_after"]), re.IGNORECASE),
        event_name=re.compile(rf"^(?:\s+[A-Z][\w\-]*){{0,4}}\s+(?:{nouns})\b"),
        visit_country_before=re.compile(
            _words(data["visit_country_before"]) + r"\s+(?:the\s+)?$", re.IGNORECASE
        ),
        host_verbs=re.compile(_words(data["host_verbs"]), re.IGNORECASE),
        same_day=re.compile(_words(data["same_day"]), re.IGNORECASE),
        day_visit=re.compile(_words(data["day_visit"]), re.IGNORECASE),
        named_site=re.compile(
            r"\bat the (?:[A-Z][\w'’\-]*\s+){0,3}(?:" + "|".join(data["site_nouns"]) + r")\b"
        ),
        # "at Government House, X": a named building and then its city, the venue
        site_then_city=re.compile(
            r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,4}(?:"
            + "|".join(data["site_nouns"])
            + r"),\s*$"
        ),
    )


def clause_around(sent: Sentence, start: int, end: int) -> tuple[str, str]:
    """The words of the clause left of ``start`` and right of ``end``, within reach."""
    offset = sent.start
    left = sent.text[max(0, start - offset - LEFT_REACH) : start - offset]
    right = sent.text[end - offset : end - offset + RIGHT_REACH]
    cut = [m.end() for m in CLAUSE_BREAK.finditer(left)]
    left = left[cut[-1] :] if cut else left
    stop = CLAUSE_BREAK.search(right)
    return left, right[: stop.start()] if stop else right


def other_event(sent: Sentence, start: int, end: int) -> bool:
    """Whether the clause ties the words at ``start:end`` to another event than the meeting."""
    left, right = clause_around(sent, start, end)
    cue = when_cues().other_event
    return bool(cue.search(left) or cue.search(right))
