"""Bytes to text, and the one normal form every document's text is kept in.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, an
encoding the file declares (an HTML ``<meta charset>``), then charset-normalizer's best
guess. Bytes with NULs (and no UTF-16/32 mark) or that no encoding explains are binary.

:func:`normalise_text` gives the text that character offsets (provenance spans) and the
document id refer to, so it changes as little as possible: newlines become ``\\n``, the text
is NFC, control characters other than newline and tab are dropped and the ends are trimmed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bilateral.errors import BinarySource

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BINARY_CONTROL_SHARE = 0.05
"""A decoded text with more control characters than this share is taken for binary."""


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> str:
    """Decode ``data`` to text (not yet normalised).

    ``declared`` is an encoding the content names for itself; it is tried after UTF-8.
    Raises :class:`BinarySource` naming ``source`` when the bytes are not text.
    """
    text = _decode(data, source=source, declared=declared)
    if _looks_binary(text):
        raise BinarySource(source, "mostly control characters: this is a binary file, not text")
    return text


def _decode(data: bytes, *, source: str, declared: str | None) -> str:
    marked = bom_encoding(data)
    if marked is not None:
        try:
            return data.decode(marked)
        except UnicodeDecodeError as exc:
            raise BinarySource(source, f"not valid {marked.upper()} text ({exc.reason})") from exc
    if b"\x00" in data:
        raise BinarySource(source, "contains NUL bytes: this is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_declared(data, declared) or _decode_detected(data, source)


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(codecs.lookup(declared).name)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_detected(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BinarySource(source, "not decodable as text in any known encoding")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = len(_CONTROLS.findall(sample))
    return controls > _BINARY_CONTROL_SHARE * max(len(sample), 1)


def normalise_text(text: str) -> str:
    """The normal form of a document's text (see the module docstring).

    NUL characters are dropped like other control characters; callers that must refuse
    them check first.
    """
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text).lstrip("\ufeff")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.strip()
