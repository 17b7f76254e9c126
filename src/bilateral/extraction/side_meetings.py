"""Side meetings reported in passing: "the delegation also met with representatives of X"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bilateral.extraction.extensions import PlaceMention, SideMeeting

CUE = re.compile(
    r"\b(?:also\s+)?(?:met|convened|held\s+(?:a\s+)?meetings?)\s+with\s+(?:the\s+)?"
    r"(?:representatives|leadership|heads|members|officials|management|experts)\s+(?:of|from)\s+",
    re.IGNORECASE,
)
ALSO = re.compile(r"\balso\s+(?:met|held\s+(?:a\s+)?meetings?)\s+with\s+", re.IGNORECASE)
QUOTED = re.compile(r"[“\"«]([^”\"»]{2,80})[”\"»]")
CAPITALISED = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w.&’'\-]*\s+(?:(?:of|for|and|the)\s+)*){0,6}[A-Z][\w.&’'\-]*)"
)
ORG_KINDS = (
    r"(?:NGO|non-governmental organi[sz]ation|company|companies|organi[sz]ation|foundation|"
    r"think tank|corporation|firm|association|institute|university|centre|center|fund|bank)"
)


def find_side_meetings(
    text: str, sentences: Sequence[tuple[int, int]], places: Sequence[PlaceMention]
) -> Iterator[SideMeeting]:
    """Side meetings with organizations, one per sentence that reports one."""
    for start, end in sentences:
        sentence = text[start:end]
        cue = CUE.search(sentence) or ALSO.search(sentence)
        if not cue:
            continue
        rest = sentence[cue.end() :]
        orgs = _organizations(rest, start + cue.end())
        if not orgs:
            continue
        yield SideMeeting(start, end, tuple(orgs), _delegation(sentence, start, places))


def _organizations(rest: str, offset: int) -> list[tuple[str, int, int]]:
    quoted = [
        (m.group(1).strip(), offset + m.start(1), offset + m.end(1)) for m in QUOTED.finditer(rest)
    ]
    if quoted:
        return quoted[:3]
    m = re.match(r"(?:the\s+)?(?:[A-Z]\w+\s+)?" + ORG_KINDS + r"?\s*", rest)
    tail_start = m.end() if m else 0
    cap = CAPITALISED.match(rest, tail_start)
    if cap and len(cap.group(1).split()) >= 2:
        return [(cap.group(1), offset + cap.start(1), offset + cap.end(1))]
    return []


def _delegation(sentence: str, offset: int, places: Sequence[PlaceMention]) -> str | None:
    for place in places:
        if offset <= place.start < offset + len(sentence) and place.kind in ("demonym", "country"):
            tail = sentence[place.end - offset : place.end - offset + 25].lower()
            if re.match(r"\s*(delegation|side|team)", tail):
                return place.code
    return None
