"""Extraction without a database: documents in, spec JSON files out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bilateral.errors import BilateralError, SourceError
from bilateral.extraction import Extractor
from bilateral.records import DocumentRecord, SourceDocument
from bilateral.settings import Settings
from bilateral.sources import iter_sources

Progress = Callable[[str], None]


def make_extractor(settings: Settings) -> Extractor:
    """The extractor the settings ask for (built once; reuse it)."""
    taxonomy = str(settings.taxonomy_path) if settings.taxonomy_path else None
    return Extractor(taxonomy_path=taxonomy, model=settings.spacy_model)


@dataclass
class ExtractReport:
    """What an extraction run wrote and what it could not read."""

    written: list[Path] = field(default_factory=list)
    errors: list[BilateralError] = field(default_factory=list)


def write_record(record: DocumentRecord, out_dir: Path, *, with_provenance: bool = False) -> Path:
    """Write ``<document>.json`` in the spec format (sorted keys, stable output)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{record.document}.json"
    data = record.to_spec(with_provenance=with_provenance)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def split_sources(
    items: Iterable[SourceDocument | SourceError],
    errors: list[BilateralError],
    progress: Progress | None = None,
) -> Iterable[SourceDocument]:
    """Documents from ``items``; errors are collected (and reported) as they pass."""
    for item in items:
        if isinstance(item, SourceError):
            errors.append(item)
            if progress:
                progress(item.source)
            continue
        yield item


def extract_paths(
    extractor: Extractor,
    paths: Iterable[Path],
    out_dir: Path,
    *,
    max_bytes: int,
    with_provenance: bool = False,
    progress: Progress | None = None,
) -> ExtractReport:
    """Extract every readable file under ``paths`` into ``out_dir``, one JSON per document."""
    report = ExtractReport()
    documents = split_sources(iter_sources(paths, max_bytes=max_bytes), report.errors, progress)
    for record in extractor.extract_many(documents):
        report.written.append(write_record(record, out_dir, with_provenance=with_provenance))
        if progress:
            progress(record.document)
    return report
