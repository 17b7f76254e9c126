"""Assemble the spaCy pipeline: tokenizer, sentences, then one component per concern."""

from __future__ import annotations

import spacy
from spacy.language import Language

# Importing the component modules registers their factories.
from bilateral.extraction.components import (  # noqa: F401
    commitments,
    dates,
    mechanisms,
    paragraphs,
    people,
    places,
    side_meetings,
    topics,
)
from bilateral.extraction.extensions import register_extensions

MODEL_EXCLUDE = ("parser", "lemmatizer")
"""Pipes of a named model the extraction does not use."""

COMPONENTS = (
    "bilateral_places_v1",
    "bilateral_dates_v1",
    "bilateral_people_v1",
    "bilateral_mechanisms_v1",
    "bilateral_topics_v1",
    "bilateral_commitments_v1",
    "bilateral_side_meetings_v1",
)


def build_pipeline(*, taxonomy_path: str | None = None, model: str | None = None) -> Language:
    """The extraction pipeline: a blank English tokenizer, or ``model`` if one is named.

    A named model runs without its parser and lemmatizer: no component reads the parse, and
    sentences come from the sentencizer and line breaks (a parsed doc's sentence starts
    cannot be set)."""
    register_extensions()
    nlp = spacy.load(model, exclude=list(MODEL_EXCLUDE)) if model else spacy.blank("en")
    if not nlp.has_pipe("senter") or "senter" in nlp.disabled:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("bilateral_paragraphs_v1")
    for name in COMPONENTS:
        config = {"taxonomy_path": taxonomy_path} if name == "bilateral_topics_v1" else {}
        nlp.add_pipe(name, name=name.removeprefix("bilateral_").removesuffix("_v1"), config=config)
    return nlp
