"""The commitment cue data (``data/commitment_cues.yaml``), compiled once.

One pattern finds every cue, with a named group per kind of cue: ``direct`` ("agreed to"),
``stated`` ("reaffirmed their commitment to"), ``modal`` ("Japan will"), ``reported`` ("said
Brazil would"), ``forward`` ("look forward to"), ``scheduled`` ("the next round is scheduled
for"), ``invited`` ("invited Li to visit ... and he accepted"). The other patterns of the file
decide whether and where a cue commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilateral.extraction.vocabulary import load_yaml

PATTERNS = (
    "stating_verbs", "reporting_verbs", "not_actions", "splits", "sub_agreements",
    "clause_openers", "side_words", "occurs", "meeting_nouns", "upcoming",
    "meeting_start", "meeting_phrase", "agreement", "invitee", "accepted", "cause_nouns",
    "not_side_heads", "antecedent_bounds",
)  # fmt: skip
CUE_GROUPS = ("direct", "stated", "modal", "reported", "forward", "scheduled", "invited")


@dataclass(frozen=True)
class Cues:
    """The compiled cue data: the cue pattern (one named group per kind of cue) and the rest."""

    cue: re.Pattern[str]
    end: re.Pattern[str]
    rx: dict[str, re.Pattern[str]]
    actions: frozenset[str]
    modifiers: frozenset[str]
    subject_skip: frozenset[str]


def _alternation(patterns: list[str] | str) -> str:
    items = [patterns] if isinstance(patterns, str) else patterns
    return "|".join(f"(?:{p})" for p in items)


@cache
def cues() -> Cues:
    """The commitment cues of ``data/commitment_cues.yaml``, compiled once."""
    d: dict[str, Any] = load_yaml("commitment_cues.yaml")
    groups = "|".join(f"(?P<{g}>{_alternation(d[g])})" for g in CUE_GROUPS)
    return Cues(
        cue=re.compile(rf"\b(?:{groups})\s+", re.IGNORECASE),
        end=re.compile(_alternation(d["ends"]), re.IGNORECASE),
        rx={key: re.compile(_alternation(d[key]), re.IGNORECASE) for key in PATTERNS},
        actions=frozenset(d["action_nouns"]),
        modifiers=frozenset(d["modifiers"]),
        subject_skip=frozenset(d["subject_skip"]),
    )
