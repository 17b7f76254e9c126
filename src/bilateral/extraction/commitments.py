"""Commitments: what a side will do, intends, agreed or pledged to do.

Statements of support, appreciation or importance, and reaffirmed positions are not
commitments; "intention to", "agreed to", "will", "pledged", "readiness to", "look forward to
[doing]" and "commitment to [doing]" are. The commitment's text is the shortest span saying
what will be done, without the reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CUE = re.compile(
    r"\b(?:"
    r"(?:the\s+)?intentions?\s+to|intend(?:s|ed)?\s+to|agreed\s+to|agree\s+to|"
    r"(?:have|has)\s+agreed\s+to|will(?!\s+(?:of|power))|shall|pledged\s+to|pledge\s+to|"
    r"(?:their|its|his|her|the)?\s*readiness\s+to|(?:are|is|were|was)\s+ready\s+to|"
    r"look(?:s|ed)?\s+forward\s+to|commitment\s+to|committed\s+to|plan(?:s|ned)?\s+to|"
    r"decided\s+to|resolved\s+to|undertook\s+to|expect(?:s|ed)?\s+to"
    r")\s+",
    re.IGNORECASE,
)
NOT_ACTIONS = re.compile(
    r"^(?:the\s+)?(?:importance|support|significance|need|role|success|results?|"
    r"strengthen(?:ing)?\s+of|continue\s+to\s+support|be\s+(?:able|important|held\s+responsible))\b",
    re.IGNORECASE,
)
END = re.compile(
    r"[.;!?]|,\s+(?:which|who|while|as|noting|stressing|adding|and\s+(?:the|both)\s)|\s+and\s+(?:discussed|noted|stressed)\b"
)
MEETING = re.compile(
    r"^(?:\w+\s+){0,2}?(?:hold(?:ing)?|meet(?:ing)?|convene|convening|organi[sz]e|visit(?:ing)?|"
    r"pay(?:ing)?\s+(?:a|an)\s+\w*\s*visit)\b|\bnext\s+(?:\w+\s+){0,2}?"
    r"(?:meeting|round|session|dialogue|consultations|summit|visit)\b",
    re.IGNORECASE,
)
AGREEMENT = re.compile(
    r"\b(sign|signing|conclude|ratify|agreement|memorandum|treaty|accord)\b", re.I
)
MAX_WORDS = 30


@dataclass(frozen=True)
class CommitmentSpan:
    start: int
    end: int
    cue_start: int
    text: str
    kind: str


def find_commitments(sentence: str, offset: int = 0) -> list[CommitmentSpan]:
    """Commitment spans in one sentence (offsets shifted by ``offset``)."""
    found = []
    for m in CUE.finditer(sentence):
        rest = sentence[m.end() :]
        end = END.search(rest)
        body = rest[: end.start()] if end else rest
        words = list(re.finditer(r"\S+", body))
        if len(words) < 2 or NOT_ACTIONS.match(body):
            continue
        if m.group(0).lower().startswith("look") and not re.match(r"\w+ing\b", body):
            continue  # "look forward to the visit" is a wish, "to holding" a commitment
        raw = body[: words[min(len(words), MAX_WORDS) - 1].end()].rstrip(" ,")
        text = " ".join(raw.split())
        start = offset + m.end()
        kind = (
            "agreement"
            if AGREEMENT.search(text)
            else "meeting"
            if MEETING.search(text)
            else "action"
        )
        found.append(CommitmentSpan(start, start + len(raw), offset + m.start(), text, kind))
    return found
