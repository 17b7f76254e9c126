"""Topic cues: which taxonomy codes a passage talks about, and where."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bilateral.extraction.extensions import TopicHit
from bilateral.extraction.vocabulary import load_yaml
from bilateral.taxonomy import Topic

STOP = {"and", "or", "the", "of", "to", "in", "a", "an", "e", "g", "such", "as", "other", "their"}


@dataclass(frozen=True)
class TopicMatcher:
    """One compiled pattern per topic code."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def build(cls, taxonomy: Sequence[Topic]) -> TopicMatcher:
        cues: dict[str, list[str]] = load_yaml("topic_cues.yaml") or {}
        patterns = []
        for topic in taxonomy:
            phrases = cues.get(topic.code) or _description_words(topic)
            if phrases:
                body = "|".join(f"(?:{p})" for p in phrases)
                patterns.append((topic.code, re.compile(rf"\b(?:{body})\b", re.IGNORECASE)))
        return cls(tuple(patterns))

    def find(self, text: str, offset: int = 0) -> Iterator[TopicHit]:
        for code, pattern in self.patterns:
            for m in pattern.finditer(text):
                yield TopicHit(code, offset + m.start(), offset + m.end())


def _description_words(topic: Topic) -> list[str]:
    words = re.findall(r"[A-Za-z][\w\-]{3,}", topic.description)
    return [re.escape(w) for w in words if w.lower() not in STOP]
