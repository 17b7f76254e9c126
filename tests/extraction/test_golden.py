"""Golden readouts: hand-written documents with hand-annotated records.

The annotations are what a careful annotator would write; the rule-based extractor does not
get all of it yet. ``golden/baseline.json`` records, per document, which checks the extractor
passes today. A check that passed and now fails is a regression and fails the test; a check
that newly passes is reported so the baseline can be raised with ``pytest --update-golden``
(review the diff of baseline.json before committing it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilateral.extraction import Extractor
from bilateral.sources import read_path

GOLDEN = Path(__file__).parent / "golden"
BASELINE = GOLDEN / "baseline.json"
SAMPLES = Path(__file__).parents[2] / "src" / "bilateral" / "samples"


def golden_pairs() -> list[tuple[Path, Path]]:
    pairs = [(p, p.with_suffix(".json")) for p in sorted(GOLDEN.glob("*.txt"))]
    for gold in sorted((GOLDEN / "samples").glob("*.json")):
        (text,) = [p for p in SAMPLES.iterdir() if p.stem == gold.stem]
        pairs.append((text, gold))
    return pairs


def heads(engagement: dict[str, Any]) -> list[str]:
    return sorted(p["name"] for p in engagement["participants"] if p["role"] == "head")


def checks(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Field-by-field agreement, pairing engagements in document order."""
    out = {"engagements": len(gold["engagements"]) == len(pred["engagements"])}
    for i, g in enumerate(gold["engagements"]):
        p = pred["engagements"][i] if i < len(pred["engagements"]) else None
        for field in ("kind", "date", "city", "country", "parties", "mechanism_short", "round"):
            out[f"{i}.{field}"] = p is not None and g[field] == p[field]
        out[f"{i}.heads"] = p is not None and heads(g) == heads(p)
        out[f"{i}.topics"] = p is not None and sorted(g["topics"]) == sorted(p["topics"])
        out[f"{i}.commitments"] = p is not None and len(g["commitments"]) == len(p["commitments"])
    return out


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def baseline(request: pytest.FixtureRequest) -> dict[str, dict[str, bool]]:
    data: dict[str, dict[str, bool]] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    yield data
    if request.config.getoption("--update-golden"):
        BASELINE.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


@pytest.mark.parametrize(("text", "gold"), golden_pairs(), ids=lambda p: p.stem)
def test_golden_document(
    text: Path,
    gold: Path,
    extractor: Extractor,
    baseline: dict[str, dict[str, bool]],
    request: pytest.FixtureRequest,
) -> None:
    expected = json.loads(gold.read_text())
    predicted = extractor.extract(read_path(text)).to_spec()
    assert predicted["document"] == expected["document"] == text.stem
    now = checks(expected, predicted)
    if request.config.getoption("--update-golden"):
        baseline[text.stem] = now
        return
    before = baseline.get(text.stem)
    assert before is not None, f"{text.stem} has no baseline: run pytest --update-golden"
    regressed = sorted(k for k, ok in before.items() if ok and not now.get(k))
    assert not regressed, f"{text.stem}: checks that passed before now fail: {regressed}"


def test_baseline_covers_every_golden_document(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        pytest.skip("the baseline is being rewritten")
    if not BASELINE.exists():
        pytest.fail("golden/baseline.json is missing: run pytest --update-golden")
    assert set(json.loads(BASELINE.read_text())) == {t.stem for t, _ in golden_pairs()}
