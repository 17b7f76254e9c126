"""The topic taxonomy: the bundled one and user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.errors import ConfigError
from bilateral.taxonomy import Topic, load_taxonomy


def test_the_bundled_taxonomy_has_unique_codes_with_descriptions() -> None:
    topics = load_taxonomy()
    codes = [t.code for t in topics]
    assert len(codes) == len(set(codes)) > 10
    assert all(t.description for t in topics)


def test_a_user_taxonomy_may_list_cues(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(
        "topics:\n"
        "  - code: fisheries\n"
        "    description: fishing quotas\n"
        "  - code: ocean.shipping\n"
        "    label: Shipping\n"
        "    cues: ['ship(?:s|ping)', 'ports?']\n"
        "  - code: ocean.mining\n"
        "    cues: seabed mining\n",
        encoding="utf-8",
    )
    fisheries, shipping, mining = load_taxonomy(path)
    assert fisheries == Topic("fisheries", "fisheries", "fishing quotas")
    assert shipping.cues == ("ship(?:s|ping)", "ports?")
    assert mining.cues == ("seabed mining",)
    assert (shipping.parent, fisheries.parent) == ("ocean", None)


@pytest.mark.parametrize("content", ["topics: [{label: no code}]", "just text", ": : :"])
def test_a_broken_taxonomy_is_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_taxonomy(path)


def test_a_missing_taxonomy_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_taxonomy(tmp_path / "absent.yaml")
