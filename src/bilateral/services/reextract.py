"""Re-extract stored documents (after the extractor improved), keeping every correction."""

from __future__ import annotations

from datetime import date

from bilateral.extraction import Extractor
from bilateral.records import SourceDocument
from bilateral.services.extracting import Progress
from bilateral.services.resolving import ResolveReport, resolve_store
from bilateral.store import Store


def reextract_store(
    store: Store, extractor: Extractor, *, today: date, progress: Progress | None = None
) -> tuple[int, ResolveReport]:
    """Extract every stored document's original text again, replace its records, and
    resolve the store afresh. Corrections live apart from records and are applied again,
    so none is lost. Returns how many documents were re-extracted and the resolution."""
    count = 0
    for stored, _ in store.iter_records(with_text=True):
        source = SourceDocument.model_validate(
            stored.model_dump(include={"id", "name", "text", "title", "published", "source",
                                       "media_type"})
        )  # fmt: skip
        record = extractor.extract(source)
        store.replace_record(stored.id, record, extractor_version=extractor.version)
        count += 1
        if progress:
            progress(stored.name)
    return count, resolve_store(store, today=today)
