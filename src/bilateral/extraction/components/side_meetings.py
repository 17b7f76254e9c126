"""``bilateral_side_meetings_v1``: meetings reported in passing (with people or bodies)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.extensions import register_extensions, text_of
from bilateral.extraction.side_meetings import find_side_meetings


@Language.component("bilateral_side_meetings_v1", requires=["doc.sents"])
def side_meetings(doc: Doc) -> Doc:
    register_extensions()
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    doc._.side_meetings = list(
        find_side_meetings(text_of(doc), sentences, doc._.places or [], doc._.people or [])
    )
    return doc
