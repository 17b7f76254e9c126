"""The topic taxonomy: codes, labels and descriptions (``data/topics.yaml`` by default)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from bilateral.errors import ConfigError

BUNDLED = Path(str(resources.files("bilateral") / "data" / "topics.yaml"))


@dataclass(frozen=True)
class Topic:
    code: str
    label: str
    description: str


@cache
def load_taxonomy(path: Path | None = None) -> tuple[Topic, ...]:
    """Topics from a taxonomy YAML file (the bundled one when ``path`` is None)."""
    source = path or BUNDLED
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        return tuple(
            Topic(str(t["code"]), str(t.get("label", t["code"])), str(t.get("description", "")))
            for t in data["topics"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the topic taxonomy {source}: {exc}") from exc
