"""``bilateral_mechanisms_v1``: named dialogue formats, their abbreviations and rounds."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.extensions import register_extensions, text_of
from bilateral.extraction.mechanisms import find_mechanisms


@Language.component("bilateral_mechanisms_v1")
def mechanisms(doc: Doc) -> Doc:
    register_extensions()
    doc._.mechanisms = sorted(find_mechanisms(text_of(doc)), key=lambda m: m.start)
    return doc
