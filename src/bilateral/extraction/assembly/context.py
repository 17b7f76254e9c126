"""What every assembly step reads: the annotated Doc, cut into sentences, and the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from bilateral.extraction.extensions import PlaceMention, published_of, text_of
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.records import Span


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class Context:
    """One document being assembled."""

    doc: Doc
    gaz: Gazetteer
    sentences: list[Sentence]
    body: int
    title: str | None = None
    places: list[PlaceMention] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, gaz: Gazetteer, title: str | None = None) -> Context:
        sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
        return cls(doc, gaz, sentences, doc._.dateline_end or 0, title, list(doc._.places or []))

    @property
    def text(self) -> str:
        return text_of(self.doc)

    @property
    def published(self) -> date | None:
        return published_of(self.doc)

    def sentence_at(self, offset: int, among: list[Sentence] | None = None) -> Sentence | None:
        return next((s for s in among or self.sentences if s.holds(offset)), None)


def in_any(offset: int, sentences: list[Sentence]) -> bool:
    return any(s.holds(offset) for s in sentences)


def span(start: int, end: int) -> Span:
    return Span(start=start, end=end)


Provenance = dict[str, list[Span]]
