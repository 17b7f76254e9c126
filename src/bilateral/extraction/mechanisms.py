"""Engagement kind, mechanism name, abbreviation and round number from the wording.

Pure functions over text; :mod:`components.mechanisms` runs them on a Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bilateral.extraction.extensions import MechanismMention

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "inaugural": 1,
}  # fmt: skip
ORDINAL = re.compile(
    r"\b(?P<word>" + "|".join(ORDINALS) + r"|(?P<num>\d{1,2})(?:st|nd|rd|th))\b", re.IGNORECASE
)

# Named formats: capitalised words ending in a format noun, optionally "(ABBR)".
_CAP = r"(?:[A-Z][\w.’'+]*|U\.S\.)"
NAMED = re.compile(
    r"(?P<name>(?:" + _CAP + r"(?:\s*[-–]\s*|\s+))*?(?:" + _CAP + r"\s+)*"
    r"(?P<noun>Dialogue|Council|Commission|Consultations|Working Group|Summit|Forum))"
    r"(?:\s*\((?P<short>[A-Z][A-Za-z0-9+]{1,9})\))?"
)
PLAIN = re.compile(
    r"\b(?P<name>(?:consular|political|interministerial|inter-ministerial|bilateral|"
    r"strategic|expert|security|economic|foreign policy)\s+"
    r"(?:consultations|dialogue|talks))\b",
    re.IGNORECASE,
)
SHORT_FORMATS = re.compile(r"\b(?P<name>C5\s*\+\s*1|B5\s*\+\s*1|G7|G20)\b")

KIND_OF_NOUN = {
    "dialogue": "dialogue",
    "council": "dialogue",
    "commission": "dialogue",
    "forum": "dialogue",
    "consultations": "consultations",
    "working group": "working_group",
    "summit": "summit",
    "talks": "meeting",
}
KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("call", re.compile(r"\b(tele)?phone (call|conversation|talk)s?\b|\bvideo ?(call|conference)|"
                        r"\bvideoconference\b|\bspoke by phone\b|\bcall(ed)? with\b", re.I)),
    ("consultations", re.compile(r"\bconsultations\b", re.I)),
    ("working_group", re.compile(r"\bworking group\b", re.I)),
    ("summit", re.compile(r"\bsummit\b", re.I)),
    ("dialogue", re.compile(r"\b[A-Z][\w\-]* (Dialogue|Council)\b")),
    ("visit", re.compile(r"\b(official|state|working) visit\b|\bvisit(ed|s)?\b", re.I)),
)  # fmt: skip

LEADING_NOISE = re.compile(r"^(?:(?:The|This|At|In|On|Annual|Joint|Statement|Meeting)\s+)+")


def _round_before(text: str, start: int) -> tuple[int, tuple[int, int]] | None:
    window_start = max(0, start - 40)
    best = None
    for m in ORDINAL.finditer(text, window_start, start):
        value = int(m.group("num")) if m.group("num") else ORDINALS[m.group("word").lower()]
        best = (value, (m.start(), m.end()))
    return best


def find_mechanisms(text: str) -> Iterator[MechanismMention]:
    """Every mention of a dialogue format, in text order."""
    for m in NAMED.finditer(text):
        name = LEADING_NOISE.sub("", m.group("name")).strip()
        if len(name.split()) < 2:
            continue
        kind = KIND_OF_NOUN[m.group("noun").lower()]
        start = m.start("name") + m.group("name").index(name)
        found = _round_before(text, start)
        yield MechanismMention(
            start, m.end(), name, m.group("short"), kind,
            found[0] if found else None, found[1] if found else None,
        )  # fmt: skip
    for m in PLAIN.finditer(text):
        kind = KIND_OF_NOUN[m.group("name").split()[-1].lower()]
        found = _round_before(text, m.start())
        yield MechanismMention(
            m.start(), m.end(), m.group("name"), None, kind,
            found[0] if found else None, found[1] if found else None,
        )  # fmt: skip
    for m in SHORT_FORMATS.finditer(text):
        yield MechanismMention(
            m.start(), m.end(), m.group("name").replace(" ", ""), None, "meeting"
        )


def kind_from_text(text: str) -> tuple[str, tuple[int, int]] | None:
    """The engagement kind a passage suggests, with the span of the cue."""
    for kind, pattern in KIND_CUES:
        m = pattern.search(text)
        if m:
            return kind, (m.start(), m.end())
    return None
