"""Extraction: a :class:`~bilateral.records.SourceDocument` in, a ``DocumentRecord`` out.

Pure: no database, no network. ``Extractor`` builds the spaCy pipeline once; reuse it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.errors import ExtractionError
from bilateral.extraction.assembly import Assembler
from bilateral.extraction.gazetteer import load_gazetteer
from bilateral.extraction.pipeline import build_pipeline
from bilateral.records import DocumentRecord, SourceDocument

EXTRACTOR_VERSION = "rules-0.1"

__all__ = ["EXTRACTOR_VERSION", "Extractor"]


class Extractor:
    """Turns documents into engagement records."""

    version = EXTRACTOR_VERSION

    def __init__(self, *, taxonomy_path: str | None = None, model: str | None = None) -> None:
        self.nlp: Language = build_pipeline(taxonomy_path=taxonomy_path, model=model)
        self.assembler = Assembler(load_gazetteer())

    def _doc(self, source: SourceDocument) -> Doc:
        doc = self.nlp.make_doc(source.text)
        doc._.published = source.published
        return doc

    def extract(self, source: SourceDocument) -> DocumentRecord:
        """The record of one document."""
        return next(self.extract_many([source]))

    def extract_many(
        self, sources: Iterable[SourceDocument], *, batch_size: int = 32
    ) -> Iterator[DocumentRecord]:
        """Records of many documents, streamed in order."""
        for _, record in self.pairs(sources, batch_size=batch_size):
            yield record

    def pairs(
        self, sources: Iterable[SourceDocument], *, batch_size: int = 32
    ) -> Iterator[tuple[SourceDocument, DocumentRecord]]:
        """Each document with its record, streamed in order (spaCy batches underneath)."""
        pending: deque[SourceDocument] = deque()

        def docs() -> Iterator[Doc]:
            for source in sources:
                pending.append(source)
                yield self._doc(source)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            source = pending.popleft()
            try:
                engagements = self.assembler.engagements(doc, source.title)
            except Exception as exc:  # name the document; never a bare traceback
                raise ExtractionError(f"{source.name}: extraction failed: {exc}") from exc
            yield source, DocumentRecord(document=source.name, engagements=engagements)
