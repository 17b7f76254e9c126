"""The topic taxonomy: codes, labels and descriptions (``data/topics.yaml`` by default).

A user taxonomy is a YAML file of the same shape, ``topics: [{code, label, description}]``;
each topic may also list ``cues`` (regular expressions) that signal it in a text. Topics
without cues are found by the extractor's own cue list when it knows the code, else by the
phrases of their description.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bilateral.errors import ConfigError

BUNDLED = Path(str(resources.files("bilateral") / "data" / "topics.yaml"))


@dataclass(frozen=True)
class Topic:
    code: str
    label: str
    description: str
    cues: tuple[str, ...] = ()

    @property
    def parent(self) -> str | None:
        """The code this one refines ("security" for "security.defense"), if any."""
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None


def _topic(entry: dict[str, Any]) -> Topic:
    cues = entry.get("cues") or ()
    if isinstance(cues, str):
        cues = (cues,)
    return Topic(
        code=str(entry["code"]),
        label=str(entry.get("label", entry["code"])),
        description=str(entry.get("description") or ""),
        cues=tuple(str(c) for c in cues),
    )


@cache
def load_taxonomy(path: Path | None = None) -> tuple[Topic, ...]:
    """Topics from a taxonomy YAML file (the bundled one when ``path`` is None)."""
    source = path or BUNDLED
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        return tuple(_topic(t) for t in data["topics"])
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"cannot read the topic taxonomy {source}: {exc}") from exc
