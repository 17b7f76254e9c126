"""What kind of engagement a passage reports, and whether it reports one at all.

Pure functions over text: the kind cues (a call, a visit, a summit, ...), the cues of a
meeting that took place as opposed to one announced ("his upcoming visit"), and the cues
of a meeting held at a larger event ("on the sidelines of the summit"). The vocabulary is
in ``data/kinds.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral.extraction.vocabulary import load_yaml

CLAUSE_BREAK = re.compile(r"[,;:()]")
PLANNED_REACH = 60
"""How far before a cue "upcoming", "will", ... may stand."""
EVENT_REACH = 40
"""How far after "on the sidelines of" the event's name may start."""


@dataclass(frozen=True)
class KindVocabulary:
    """The compiled patterns of ``data/kinds.yaml``."""

    kind_cues: tuple[tuple[str, re.Pattern[str]], ...]
    sidelines: re.Pattern[str]
    meeting: re.Pattern[str]
    planned: re.Pattern[str]
    planned_after: re.Pattern[str]
    weak_call: re.Pattern[str]
    in_person: re.Pattern[str]
    multilateral: re.Pattern[str]
    visit_reference: re.Pattern[str]


@cache
def vocabulary() -> KindVocabulary:
    """The kind vocabulary, compiled once."""
    data = load_yaml("kinds.yaml")

    def compiled(key: str) -> re.Pattern[str]:
        value = data[key]
        return re.compile("|".join(value) if isinstance(value, list) else value, re.IGNORECASE)

    return KindVocabulary(
        kind_cues=tuple(
            (kind, re.compile("|".join(cues), re.IGNORECASE))
            for kind, cues in data["kind_cues"].items()
        ),
        sidelines=compiled("sidelines_regex"),
        meeting=compiled("meeting_cues"),
        planned=compiled("planned_regex"),
        planned_after=compiled("planned_after_regex"),
        weak_call=compiled("weak_call"),
        in_person=compiled("in_person"),
        multilateral=compiled("multilateral_regex"),
        visit_reference=compiled("visit_reference"),
    )


def kind_from_text(text: str) -> tuple[str, tuple[int, int]] | None:
    """The engagement kind a passage suggests, with the span of the cue (cues of meetings to
    come do not count)."""
    for kind, pattern in vocabulary().kind_cues:
        for m in pattern.finditer(text):
            if not planned_at(text, m.start(), m.end()):
                return kind, (m.start(), m.end())
    return None


def planned_at(text: str, start: int, end: int) -> bool:
    """Whether the cue at [start, end) speaks of a meeting to come: "his upcoming visit",
    "preparations for the summit", "the summit to be held next month"."""
    vocab = vocabulary()
    return bool(
        vocab.planned.search(text, max(0, start - PLANNED_REACH), end)
        or vocab.planned_after.match(text, end)
    )


def reports_meeting(text: str) -> bool:
    """Whether a sentence speaks of a meeting, visit or call (held or to come)."""
    return vocabulary().meeting.search(text) is not None


def reports_held_meeting(text: str) -> bool:
    """Whether a sentence reports a meeting that took place: a cue not announced as to come
    ("his upcoming meeting with", "is to attend")."""
    return any(
        not planned_at(text, m.start(), m.end()) for m in vocabulary().meeting.finditer(text)
    )


def call_without_cue(text: str) -> bool:
    """ "X spoke with Y" with no word of meeting in person: a call."""
    return bool(vocabulary().weak_call.search(text)) and not in_person(text)


def in_person(text: str) -> bool:
    """Whether a sentence has a word of meeting in person ("met", "visit", "hosted")."""
    return vocabulary().in_person.search(text) is not None


def at_larger_event(text: str) -> bool:
    """Whether a sentence places the meeting at a larger event ("on the sidelines of")."""
    return vocabulary().sidelines.search(text) is not None


def names_larger_event(sentence: str, offset: int) -> bool:
    """Whether the format named at ``offset`` is the event a meeting was held at: it follows a
    sidelines cue in the same clause ("on the margins of the 71st General Assembly")."""
    for cue in vocabulary().sidelines.finditer(sentence):
        between = sentence[cue.end() : offset]
        near = cue.end() <= offset and len(between) <= EVENT_REACH
        if near and not CLAUSE_BREAK.search(between):
            return True
    return False


def says_multilateral(text: str) -> bool:
    """Whether a sentence calls its meeting trilateral, multilateral, ..."""
    return vocabulary().multilateral.search(text) is not None


def calls_it_a_visit(text: str) -> tuple[int, int] | None:
    """Where a passage refers to the meeting as a visit or trip that took place ("during the
    trip", "the state visit"); not a visit to come ("his upcoming visit")."""
    for m in vocabulary().visit_reference.finditer(text):
        if not planned_at(text, m.start(), m.end()):
            return m.start(), m.end()
    return None
