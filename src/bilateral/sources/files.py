"""Files, folders, uploaded bytes and pasted text in; :class:`SourceDocument` out.

Every failure is a :class:`~bilateral.errors.SourceError` naming the file and the reason.
:func:`iter_sources` hands them back instead of raising, so one bad file does not stop a
folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from types import MappingProxyType

from bilateral.errors import (
    EmptySource,
    SourceError,
    TooLargeSource,
    UnreadableSource,
    UnsupportedSource,
)
from bilateral.records import SourceDocument
from bilateral.sources.document import DEFAULT_MAX_BYTES, format_size, make_document
from bilateral.sources.encoding import bom_encoding, decode_bytes

MEDIA_TYPES = MappingProxyType(
    {
        ".txt": "text/plain",
        ".md": "text/markdown",
        ".html": "text/html",
        ".htm": "text/html",
        ".pdf": "application/pdf",
    }
)
"""Supported file suffixes (lower case) and the media type each is read as."""

_RAW_SIZE_FACTOR = MappingProxyType({"text/html": 8, "application/pdf": 20})
"""How many bytes of file one byte of text may take: markup and PDF structure weigh more."""
_BOM_SIZE_FACTOR = MappingProxyType({"utf-16": 2, "utf-32": 4})


def supported_suffixes() -> tuple[str, ...]:
    """The file suffixes bilateral reads, sorted (``.htm``, ``.html``, ``.md``, ...)."""
    return tuple(sorted(MEDIA_TYPES))


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one file as a document, choosing the reader by its suffix.

    ``max_bytes`` limits the text (UTF-8 bytes); a file too large to hold text within it is
    refused before it is read. Raises a :class:`~bilateral.errors.SourceError` subclass:
    UnsupportedSource, BinarySource, EmptySource, TooLargeSource or UnreadableSource.
    """
    path = Path(path)
    label = str(path)
    media_type = _media_type(path.name, label)
    data = _read_bounded(path, media_type, max_bytes, label)
    return _convert(data, media_type, name=path.stem, source=label, max_bytes=max_bytes)


def read_bytes(
    data: bytes, *, filename: str, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read the content of a file named ``filename`` (an upload, say) as a document.

    ``source`` is recorded on the document and names it in errors (default: ``filename``).
    Raises the same errors as :func:`read_path`.
    """
    label = source if source is not None else filename
    media_type = _media_type(filename, label)
    limit = _raw_limit(media_type, data[:4], max_bytes)
    if len(data) > limit:
        raise _too_large(label, len(data), limit)
    return _convert(
        data, media_type, name=PurePath(filename).stem, source=label, max_bytes=max_bytes
    )


def read_text(
    text: str, *, name: str, source: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Wrap pasted text as a plain-text document called ``name``.

    Raises BinarySource (NUL characters), EmptySource or TooLargeSource.
    """
    return make_document(
        text, name=name, source=source, media_type="text/plain", max_bytes=max_bytes
    )


def iter_sources(
    paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceDocument | SourceError]:
    """Read every file named in ``paths``, expanding folders, yielding a document or an error each.

    Folders are walked recursively in name order, skipping hidden files and folders, files
    with unsupported suffixes and symbolic links to folders; a file named explicitly is
    always read (an unsupported one yields an UnsupportedSource error). Errors are yielded,
    not raised, so callers can report them and go on.
    """
    for path in paths:
        for item in _expand(path):
            if isinstance(item, SourceError):
                yield item
                continue
            try:
                yield read_path(item, max_bytes=max_bytes)
            except SourceError as exc:
                yield exc


def _expand(path: Path) -> Iterator[Path | SourceError]:
    if path.is_dir():
        yield from _walk(path)
    else:
        yield path


def _walk(folder: Path) -> Iterator[Path | SourceError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield UnreadableSource(str(folder), f"cannot list the folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file() and Path(entry.name).suffix.lower() in MEDIA_TYPES:
            yield path


def _media_type(filename: str, label: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    try:
        return MEDIA_TYPES[suffix]
    except KeyError:
        kind = f"{suffix} files are" if suffix else "files without a suffix are"
        known = ", ".join(supported_suffixes())
        raise UnsupportedSource(label, f"{kind} not supported (supported: {known})") from None


def _raw_limit(media_type: str, head: bytes, max_bytes: int) -> int:
    """The largest file that could hold at most ``max_bytes`` of text."""
    factor = _RAW_SIZE_FACTOR.get(media_type, 1)
    bom = bom_encoding(head)
    return max_bytes * factor * (_BOM_SIZE_FACTOR.get(bom, 1) if bom else 1)


def _too_large(label: str, size: int, limit: int) -> TooLargeSource:
    return TooLargeSource(
        label, f"the file is {format_size(size)}, over the limit of {format_size(limit)}"
    )


def _read_bounded(path: Path, media_type: str, max_bytes: int, label: str) -> bytes:
    """The file's bytes, refusing (before reading it all) a file over the size limit."""
    try:
        with path.open("rb") as handle:
            limit = _raw_limit(media_type, handle.read(4), max_bytes)
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _too_large(label, size, limit)
            handle.seek(0)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UnreadableSource(label, "no such file") from None
    except IsADirectoryError:
        raise UnreadableSource(label, "this is a folder, not a file") from None
    except PermissionError:
        raise UnreadableSource(label, "permission denied") from None
    except OSError as exc:
        raise UnreadableSource(label, f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > limit:  # grew while reading, or a device that reports no size
        raise _too_large(label, len(data), limit)
    return data


def _convert(
    data: bytes, media_type: str, *, name: str, source: str, max_bytes: int
) -> SourceDocument:
    if not data:
        raise EmptySource(source, "the file is empty")
    if media_type == "application/pdf":
        from bilateral.sources.pdf import extract_pdf

        pdf = extract_pdf(data, source=source)
        return make_document(
            pdf.text, name=name, source=source, media_type=media_type, max_bytes=max_bytes,
            title=pdf.title,
        )  # fmt: skip
    if media_type == "text/html":
        return _convert_html(data, name=name, source=source, max_bytes=max_bytes)
    text = decode_bytes(data, source=source)
    return make_document(
        text, name=name, source=source, media_type=media_type, max_bytes=max_bytes,
        empty_reason="the file holds only whitespace",
    )  # fmt: skip


def _convert_html(data: bytes, *, name: str, source: str, max_bytes: int) -> SourceDocument:
    from bilateral.sources.html import declared_charset, extract_html

    markup = decode_bytes(data, source=source, declared=declared_charset(data))
    if not markup.strip():
        raise EmptySource(source, "the file holds only whitespace")
    page = extract_html(markup, source=source)
    return make_document(
        page.text, name=name, source=source, media_type="text/html", max_bytes=max_bytes,
        title=page.title, published=page.published, empty_reason="the page has no readable text",
    )  # fmt: skip
