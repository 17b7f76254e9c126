"""Resolve the dev corpus and print the shared scorer's corpus figures.

    uv run python benchmarks/resolution_quality.py [--today 2026-11-23] [--keep DIR] [--show]

Extracts every dev readout, resolves the reports (same-event meetings, mechanisms,
commitments, people) and scores ``same_event`` pairs and ``fulfillments`` against
``../shared/corpus/dev/gold/corpus.json``. ``--show`` prints the meetings and links found.
Exits 2 when the corpus or the scorer is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from bilateral.extraction import Extractor
from bilateral.resolution.corpus import corpus_of
from bilateral.resolution.resolve import resolve
from bilateral.resolved import EngagementKey, Report, Resolution
from bilateral.settings import load_settings
from bilateral.sources import iter_sources

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer() -> Any:
    """The shared scorer as a module (its ``score_corpus`` scores the corpus file)."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_reports(docs: Path) -> list[Report]:
    """Extract every readable document under ``docs`` into resolution reports."""
    settings = load_settings()
    extractor = Extractor(model=settings.spacy_model)
    documents = [d for d in iter_sources([docs], max_bytes=settings.max_document_bytes)
                 if not isinstance(d, Exception)]  # fmt: skip
    reports = []
    for document, record in zip(documents, extractor.extract_many(documents), strict=True):
        for ordinal, engagement in enumerate(record.engagements):
            key = EngagementKey(document_id=document.id, ordinal=ordinal)
            reports.append(Report(key=key, document_name=record.document,
                                  published=document.published, engagement=engagement,
                                  text=document.text))  # fmt: skip
    return reports


def show(resolution: Resolution) -> None:
    for m in sorted(resolution.meetings, key=lambda m: (m.block, m.record.date or "")):
        flags = ",".join(m.disagreements)
        print(f"{m.block:10} {m.record.date or '-':10} {m.record.kind:13} "
              f"{(m.record.mechanism or '-')[:40]:40} {' + '.join(m.document_names)}"
              f"{'  !' + flags if flags else ''}")  # fmt: skip
    for c in resolution.commitments:
        for link in c.links:
            print(f"{c.status:10} {c.document_name}: {c.text[:60]!r} -> {link.document_names} "
                  f"({link.confidence:.2f} {link.state})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 23))
    ap.add_argument("--keep", type=Path, help="write corpus.json here")
    ap.add_argument("--show", action="store_true", help="print meetings and links")
    args = ap.parse_args(argv)
    if not (DEV / "docs").is_dir() or not SCORER.is_file():
        print(f"dev corpus or scorer not found under {DEV.parent.parent}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    reports = dev_reports(DEV / "docs")
    extracted = time.perf_counter()
    resolution = resolve(reports, today=args.today)
    resolved = time.perf_counter()
    print(f"{len(reports)} reports extracted in {extracted - started:.1f} s, resolved in "
          f"{(resolved - extracted) * 1000:.0f} ms: {len(resolution.meetings)} meetings, "
          f"{len(resolution.people)} people, {len(resolution.mechanisms)} mechanisms, "
          f"{len(resolution.commitments)} commitments")  # fmt: skip
    if args.show:
        show(resolution)
    corpus = corpus_of(resolution.meetings, resolution.commitments)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "corpus.json").write_text(json.dumps(corpus, indent=2, sort_keys=True))
    gold = json.loads((DEV / "gold" / "corpus.json").read_text(encoding="utf-8"))
    for name, figures in load_scorer().score_corpus(gold, corpus).items():
        print(f"{name:18} P {figures['precision']:.3f}  R {figures['recall']:.3f}  "
              f"F1 {figures['f1']:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
