"""Ingest: read sources, extract their records and store both, idempotently."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bilateral.errors import BilateralError
from bilateral.extraction import Extractor
from bilateral.records import SourceDocument
from bilateral.resolution.duplicates import sketch
from bilateral.services.extracting import Progress, split_sources
from bilateral.services.resolving import ResolveReport, resolve_documents
from bilateral.sources import iter_sources, read_bytes, read_text
from bilateral.store import Store


@dataclass
class IngestReport:
    """What one ingest run did: new documents, ones already stored, and failures."""

    added: list[SourceDocument] = field(default_factory=list)
    skipped: list[SourceDocument] = field(default_factory=list)
    errors: list[BilateralError] = field(default_factory=list)
    engagements: int = 0
    resolution: ResolveReport | None = None

    @property
    def seen(self) -> int:
        return len(self.added) + len(self.skipped) + len(self.errors)


def ingest_documents(
    store: Store,
    extractor: Extractor,
    documents: Iterable[SourceDocument],
    *,
    report: IngestReport | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> IngestReport:
    """Extract and store each document not stored yet, each in its own transaction; then
    re-resolve the blocks the new documents touch (``today`` dates overdue commitments)."""
    report = report or IngestReport()
    start = len(report.added)
    new = _unseen(store, documents, report, progress)
    for source, record in extractor.pairs(new):
        try:
            added = store.add_document(source, record, extractor_version=extractor.version,
                                       sketch=sketch(source.text))  # fmt: skip
        except BilateralError as exc:
            report.errors.append(exc)
        else:
            (report.added if added else report.skipped).append(source)
            report.engagements += len(record.engagements) if added else 0
        if progress:
            progress(source.name)
    if len(report.added) > start:
        new_ids = [d.id for d in report.added[start:]]
        report.resolution = resolve_documents(store, new_ids, today=today or date.today())
    return report


def ingest_paths(
    store: Store,
    extractor: Extractor,
    paths: Iterable[Path],
    *,
    max_bytes: int,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every readable file under ``paths``; unreadable files are reported, not fatal."""
    report = IngestReport()
    documents = split_sources(iter_sources(paths, max_bytes=max_bytes), report.errors, progress)
    return ingest_documents(store, extractor, documents, report=report, progress=progress)


def ingest_text(
    store: Store, extractor: Extractor, text: str, *, name: str, max_bytes: int
) -> IngestReport:
    """Ingest pasted text as a document called ``name``."""
    document = read_text(text, name=name, source="pasted text", max_bytes=max_bytes)
    return ingest_documents(store, extractor, [document])


def ingest_upload(
    store: Store, extractor: Extractor, data: bytes, *, filename: str, max_bytes: int
) -> IngestReport:
    """Ingest an uploaded file's bytes."""
    document = read_bytes(data, filename=filename, source=f"upload:{filename}", max_bytes=max_bytes)
    return ingest_documents(store, extractor, [document])


def _unseen(
    store: Store,
    documents: Iterable[SourceDocument],
    report: IngestReport,
    progress: Progress | None,
) -> Iterator[SourceDocument]:
    seen: set[str] = set()
    for document in documents:
        if document.id in seen or store.has_document(document.id):
            report.skipped.append(document)
            if progress:
                progress(document.name)
            continue
        seen.add(document.id)
        yield document
