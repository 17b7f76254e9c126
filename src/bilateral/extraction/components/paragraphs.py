"""``bilateral_paragraphs_v1``: a line break ends a sentence.

Readouts put headlines, datelines and bylines on lines of their own, without final
punctuation; the rule-based sentencizer would glue them to the first sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("bilateral_paragraphs_v1")
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:  # spaCy keeps line breaks as space tokens
            doc[tok.i + 1].is_sent_start = True
    return doc
