"""The sample readouts shipped with bilateral (written for it; used by the demo and tests)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from bilateral.sources import supported_suffixes


def samples_dir() -> Path:
    """The folder of bundled sample readouts."""
    return Path(str(resources.files("bilateral") / "samples"))


def sample_paths() -> list[Path]:
    """The sample readout files, sorted."""
    return sorted(
        p
        for p in samples_dir().iterdir()
        if p.suffix in supported_suffixes() and p.name != "README.md"
    )
