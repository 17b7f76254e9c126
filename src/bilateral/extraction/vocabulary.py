"""Word lists the components share, loaded once from ``data/*.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA = Path(str(resources.files("bilateral.extraction") / "data"))


def load_yaml(name: str) -> Any:
    """A YAML data file shipped with the extractor."""
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class PeopleVocabulary:
    """Words that mark titles, names and delegation roles (``data/people.yaml``)."""

    title_heads: frozenset[str]
    title_words: frozenset[str]
    body_words: frozenset[str]
    not_name: frozenset[str]
    honorifics: frozenset[str]
    ranks: frozenset[str]
    rank_titles: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    months: frozenset[str]
    place_prepositions: frozenset[str]
    connectors: frozenset[str]
    top_organizations: tuple[str, ...]
    head_cues_before: tuple[str, ...]
    head_verbs_after: tuple[str, ...]
    member_cues_before: tuple[str, ...]
    member_verbs_after: tuple[str, ...]


def _longest_first(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def people_vocabulary() -> PeopleVocabulary:
    data = load_yaml("people.yaml")
    heads = frozenset(data["title_heads"])
    title_words = heads | frozenset(data["title_modifiers"]) | frozenset(data["title_domains"])
    return PeopleVocabulary(
        title_heads=heads,
        title_words=title_words,
        body_words=frozenset(w for phrase in data["top_organizations"] for w in phrase.split())
        | frozenset(data["body_words"]),
        not_name=frozenset(data["not_name"]) | title_words | frozenset(data["honorifics"]),
        honorifics=frozenset(data["honorifics"]),
        ranks=frozenset(data["ranks"]),
        rank_titles=frozenset(data["rank_titles"]),
        particles=frozenset(data["name_particles"]),
        suffixes=frozenset(data["name_suffixes"]),
        months=frozenset(data["months"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        connectors=frozenset(data["connectors"]),
        top_organizations=_longest_first(data["top_organizations"]),
        head_cues_before=_longest_first(data["head_cues_before"]),
        head_verbs_after=tuple(data["head_verbs_after"]),
        member_cues_before=_longest_first(data["member_cues_before"]),
        member_verbs_after=tuple(data["member_verbs_after"]),
    )


def phrase_alternation(words: Sequence[str]) -> str:
    """An alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _longest_first(words))


@dataclass(frozen=True)
class ParticipationVocabulary:
    """Patterns that tell taking part from being talked about (``data/people.yaml``)."""

    other_event: re.Pattern[str]
    reported: re.Pattern[str]
    possessed: re.Pattern[str]
    side_meeting: re.Pattern[str]
    formats: tuple[tuple[re.Pattern[str], frozenset[str]], ...]


@cache
def participation_vocabulary() -> ParticipationVocabulary:
    data = load_yaml("people.yaml")
    formats = load_yaml("formats.yaml")["formats"]
    return ParticipationVocabulary(
        other_event=re.compile(
            r"\b(?:" + phrase_alternation(data["other_event_cues"]) + r")\b", re.I
        ),
        reported=re.compile(
            r"\b(?:" + phrase_alternation(data["reporting_verbs"]) + r")\s+that\b", re.I
        ),
        possessed=re.compile(
            r"^[’']s?\s+(?:[\w\-]+\s+){0,2}?(?:"
            + phrase_alternation(data["possessed_things"])
            + r")\b",
            re.I,
        ),
        side_meeting=re.compile(
            r"\b(?:" + phrase_alternation(data["side_meeting_cues"]) + r")\b", re.I
        ),
        formats=tuple((re.compile(row["pattern"]), frozenset(row["members"])) for row in formats),
    )
