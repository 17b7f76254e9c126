"""``bilateral_commitments_v1``: commitment spans per sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.commitments import Span, find_commitments
from bilateral.extraction.extensions import register_extensions


def side_spans(doc: Doc) -> list[Span]:
    """Where the document names a possible side: a country, demonym, organization or person."""
    places = [(p.start, p.end) for p in doc._.places or [] if p.kind != "city"]
    people = [(p.start, p.end) for p in doc._.people or []]
    return sorted(places + people)


@Language.factory("bilateral_commitments_v1", requires=["doc.sents"])
def make_commitments(nlp: Language, name: str) -> object:
    register_extensions()

    def commitments(doc: Doc) -> Doc:
        sides = side_spans(doc)
        doc._.commitments = [
            c for sent in doc.sents for c in find_commitments(sent.text, sent.start_char, sides)
        ]
        return doc

    return commitments
