"""The README cannot drift: its commands exist and its settings table is complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli import app
from bilateral.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[list[str]]:
    """The subcommand words of every `uv run bilateral ...` line in the README."""
    found = []
    for line in README.splitlines():
        m = re.match(r"\s*uv run bilateral ((?:[a-z][a-z-]* ?)+)", line)
        if m:
            found.append(m.group(1).split())
    return found


def test_readme_has_command_examples() -> None:
    assert len(readme_commands()) >= 8


@pytest.mark.parametrize("words", readme_commands(), ids=" ".join)
def test_every_readme_command_exists(words: list[str]) -> None:
    result = CliRunner().invoke(app, [*words, "--help"])
    assert result.exit_code == 0, result.output


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert f"BILATERAL_{name.upper()}" in README, name
        assert field.description, f"setting {name} has no description"


def test_the_two_commands_are_in_the_readme_and_the_makefile() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make run" in README and "make test" in README
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert ci.rstrip().endswith("make test")
