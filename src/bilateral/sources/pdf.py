"""PDF files to text with pypdf (imported when a PDF is read, not when this module is).

Only PDFs with a text layer can be read: a scanned PDF needs OCR first, which is outside
bilateral. Pages are joined with a blank line.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from bilateral.errors import UnreadableSource

_TOOL_TITLE = re.compile(
    r"^(?:microsoft \w+ - .*|untitled.*|.*\.(?:docx?|odt|rtf|pdf|html?))$", re.I
)


@dataclass(frozen=True)
class PdfText:
    """What a PDF yields: its text and the title its metadata states."""

    text: str
    title: str | None


def extract_pdf(data: bytes, *, source: str) -> PdfText:
    """The text layer and title of the PDF in ``data``.

    Raises :class:`UnreadableSource` naming ``source`` when pypdf cannot open the file, the
    file is encrypted with a password, or no page has any text.
    """
    if b"%PDF-" not in data[:1024]:
        raise UnreadableSource(source, "not a PDF file (it has no %PDF- header)")
    from pypdf.errors import PyPdfError

    failures = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, struct.error, zlib.error)  # fmt: skip
    try:
        reader = _open(data, source)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _title(reader.metadata)
    except failures as exc:
        raise UnreadableSource(source, f"not a readable PDF ({_describe(exc)})") from exc
    if not pages:
        raise UnreadableSource(source, "the PDF has no pages")
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise UnreadableSource(
            source, "the PDF has no text layer (a scanned document? run OCR on it first)"
        )
    return PdfText(text=text, title=title)


def _open(data: bytes, source: str) -> Any:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnreadableSource(source, "the PDF is protected by a password")
    return reader


def _title(metadata: Any) -> str | None:
    title = getattr(metadata, "title", None) if metadata is not None else None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    return title if title and not _TOOL_TITLE.match(title) else None


def _describe(exc: BaseException) -> str:
    message = str(exc).strip() or type(exc).__name__
    return message if len(message) <= 200 else message[:197] + "..."
