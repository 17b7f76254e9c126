"""``bilateral_commitments_v1``: commitment spans per sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.commitments import find_commitments
from bilateral.extraction.extensions import register_extensions


@Language.factory("bilateral_commitments_v1", requires=["doc.sents"])
def make_commitments(nlp: Language, name: str) -> object:
    register_extensions()

    def commitments(doc: Doc) -> Doc:
        doc._.commitments = [
            c for sent in doc.sents for c in find_commitments(sent.text, sent.start_char)
        ]
        return doc

    return commitments
