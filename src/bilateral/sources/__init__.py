"""Sources: files, folders, uploads and pasted text in; :class:`SourceDocument` out.

Plain text and Markdown (kept as text), HTML (main text via trafilatura) and PDF (text layer
via pypdf). The text is decoded and normalised once (:func:`normalise_text`); the document id
is the SHA-256 of that text, and provenance offsets point into it. Title and publication date
come from the page's metadata or from the text's headline and dateline.

No spaCy and no SQL here; trafilatura and pypdf are imported only when an HTML page or a PDF
is read.
"""

from bilateral.sources.dateline import Dateline, find_dateline, find_publication_date
from bilateral.sources.document import DEFAULT_MAX_BYTES
from bilateral.sources.encoding import decode_bytes, normalise_text
from bilateral.sources.files import (
    MEDIA_TYPES,
    iter_sources,
    read_bytes,
    read_path,
    read_text,
    supported_suffixes,
)
from bilateral.sources.headline import find_title

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MEDIA_TYPES",
    "Dateline",
    "decode_bytes",
    "find_dateline",
    "find_publication_date",
    "find_title",
    "iter_sources",
    "normalise_text",
    "read_bytes",
    "read_path",
    "read_text",
    "supported_suffixes",
]
