"""Exports in the spec's formats: one record JSON per document, and the corpus file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral.resolution.corpus import corpus_of as resolution_corpus
from bilateral.services.corrected import corrected_record, corrections_by_key
from bilateral.services.extracting import write_record
from bilateral.store import Store


@dataclass(frozen=True)
class ExportReport:
    path: Path
    count: int


def export_records(store: Store, out_dir: Path, *, with_provenance: bool = False) -> ExportReport:
    """Write ``<document name>.json`` for every stored document (spec format), with human
    corrections applied (field edits of the engagement and of the meeting it belongs to).

    Two documents with the same name get the second one's id prefix appended, so that
    nothing is overwritten.
    """
    used: set[str] = set()
    count = 0
    corrections = corrections_by_key(store)
    for stored, plain in store.iter_records():
        record = corrected_record(stored.id, plain, corrections)
        name = record.document
        if name in used:
            name = f"{name}-{stored.id[:8]}"
        used.add(name)
        write_record(record.model_copy(update={"document": name}), out_dir,
                     with_provenance=with_provenance)  # fmt: skip
        count += 1
    return ExportReport(out_dir, count)


def corpus_of(store: Store) -> dict[str, Any]:
    """Same-event groups and commitment fulfillments (spec corpus format), as resolved and
    corrected in the store."""
    return resolution_corpus(store.list_meetings(limit=10**9), store.list_commitments())


def export_corpus(store: Store, out_file: Path) -> ExportReport:
    """Write the corpus JSON file."""
    corpus = corpus_of(store)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(json.dumps(corpus, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return ExportReport(out_file, len(corpus["same_event"]) + len(corpus["fulfillments"]))
