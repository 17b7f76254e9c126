"""One error tree for bilateral.

Every error a user can cause or meet is a :class:`BilateralError` with a message written
for that user, a stable ``code`` and the HTTP status an interface should answer with.
Only interfaces (CLI, API, web) translate these into exits, JSON bodies or pages::

    BilateralError
    ├── ConfigError            settings that cannot work (bad URL, missing file)
    ├── SourceError            one input file or URL cannot be read
    │   ├── UnsupportedSource  a file type we do not read
    │   ├── BinarySource       bytes that are not text
    │   ├── EmptySource        no text at all
    │   ├── TooLargeSource     text over the size limit
    │   └── UnreadableSource   a PDF or HTML page we could not turn into text
    ├── ExtractionError        the pipeline failed on a document
    ├── StoreError             the database refused or failed
    │   └── NotFound           no such document, engagement, ...
    └── ValidationError        a request that does not make sense
"""

from __future__ import annotations


class BilateralError(Exception):
    """Base of every error bilateral raises on purpose."""

    code: str = "error"
    http_status: int = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ConfigError(BilateralError):
    code = "config_error"
    http_status = 500


class SourceError(BilateralError):
    """A source (file, folder entry, URL) that cannot become a document.

    ``source`` names the file or URL so that the message is useful on its own.
    """

    code = "source_error"
    http_status = 422

    def __init__(self, source: str, reason: str, *, code: str | None = None) -> None:
        super().__init__(f"{source}: {reason}", code=code)
        self.source = source
        self.reason = reason


class UnsupportedSource(SourceError):
    code = "unsupported_type"
    http_status = 415


class BinarySource(SourceError):
    code = "binary_file"


class EmptySource(SourceError):
    code = "empty_document"


class TooLargeSource(SourceError):
    code = "too_large"
    http_status = 413


class UnreadableSource(SourceError):
    code = "unreadable"


class ExtractionError(BilateralError):
    code = "extraction_failed"
    http_status = 500


class StoreError(BilateralError):
    code = "store_error"
    http_status = 500


class NotFound(StoreError):
    code = "not_found"
    http_status = 404


class ValidationError(BilateralError):
    code = "invalid_request"
    http_status = 400
