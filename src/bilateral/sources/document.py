"""Turning extracted text into a :class:`SourceDocument`: checks, content id, metadata."""

from __future__ import annotations

import hashlib
from datetime import date

from bilateral.errors import BinarySource, EmptySource, TooLargeSource
from bilateral.records import SourceDocument
from bilateral.sources.dateline import find_publication_date
from bilateral.sources.encoding import normalise_text
from bilateral.sources.headline import find_title

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""The default text size limit (the same as ``Settings.max_document_bytes``)."""


def make_document(
    text: str,
    *,
    name: str,
    source: str | None,
    media_type: str,
    max_bytes: int,
    title: str | None = None,
    published: date | None = None,
    empty_reason: str = "no text: only whitespace",
) -> SourceDocument:
    """Normalise ``text`` and wrap it as a document, refusing NULs, emptiness and excess size.

    ``title`` and ``published`` default to what the text's first lines (or closing byline)
    say. Errors name ``source`` (or ``name`` when there is no source).
    """
    label = source or name
    if "\x00" in text:
        raise BinarySource(label, "contains NUL characters: this is binary data, not text")
    text = normalise_text(text)
    if not text:
        raise EmptySource(label, empty_reason)
    encoded = text.encode("utf-8")
    if len(encoded) > max_bytes:
        raise TooLargeSource(
            label,
            f"the text is {format_size(len(encoded))}, over the limit of {format_size(max_bytes)}",
        )
    return SourceDocument(
        id=hashlib.sha256(encoded).hexdigest(),
        name=name,
        text=text,
        title=_clean_title(title) or find_title(text),
        published=published if published is not None else find_publication_date(text),
        source=source,
        media_type=media_type,
    )


def format_size(size: int) -> str:
    """A byte count for people: ``512 bytes``, ``12.5 KB``, ``5.0 MB``."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    return " ".join(normalise_text(title).split()) or None
