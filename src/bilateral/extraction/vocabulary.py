"""Word lists the components share, loaded once from ``data/*.yaml``."""

from __future__ import annotations

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
    title_heads: frozenset[str]
    not_name: frozenset[str]
    connectors: frozenset[str]
    top_organizations: tuple[str, ...]
    head_cues_before: tuple[str, ...]
    head_verbs_after: tuple[str, ...]


@cache
def people_vocabulary() -> PeopleVocabulary:
    data = load_yaml("people.yaml")
    return PeopleVocabulary(
        title_heads=frozenset(data["title_heads"]),
        not_name=frozenset(data["not_name"]) | frozenset(data["title_heads"]),
        connectors=frozenset(data["connectors"]),
        top_organizations=tuple(sorted(data["top_organizations"], key=len, reverse=True)),
        head_cues_before=tuple(sorted(data["head_cues_before"], key=len, reverse=True)),
        head_verbs_after=tuple(data["head_verbs_after"]),
    )
