"""Adding documents from the browser: upload files or paste text, see what became of each.

Each file (and the pasted text) is ingested on its own, so one bad file is reported with its
reason while the others still go in. With htmx the form posts in the background, shows a
progress line and swaps in the list of results; without JavaScript it is a plain POST that
answers with the whole page.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from bilateral.errors import BilateralError, SourceError
from bilateral.services import ingest
from bilateral.services.extracting import make_extractor
from bilateral.web.forms import CSRF_FIELD, page, verify_csrf
from bilateral.web.rendering import render, store_of

if TYPE_CHECKING:
    from bilateral.extraction import Extractor
    from bilateral.services.ingest import IngestReport
    from bilateral.settings import Settings

router = APIRouter(include_in_schema=False)

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
MAX_FILES = 50
#: An uploaded file may weigh this many times the text limit: a PDF's or an HTML page's
#: structure weighs more than its text (the sources refuse what cannot fit).
FILE_FACTOR = 20
FRAGMENT = "review/_upload_results.html"

_build_lock = threading.Lock()
_ingest_lock = threading.Lock()


@dataclass(frozen=True)
class Item:
    """One thing to ingest: an uploaded file's bytes, pasted text, or why it cannot be."""

    name: str
    data: bytes | None = None
    text: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one item: added, already stored, or an error with its reason."""

    name: str
    state: Literal["added", "stored", "error"]
    message: str
    document_id: str | None = None


def size_text(size: int) -> str:
    """A size in bytes for people: ``5 MB``, ``512 KB``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MB"
    return f"{max(1, size // 1024)} KB"


def extractor_of(request: Request) -> Extractor:
    """The app's extractor, built on first use (it takes a second) and kept on the app."""
    state = request.app.state
    with _build_lock:
        if getattr(state, "extractor", None) is None:
            settings: Settings = state.settings
            state.extractor = make_extractor(settings)
        extractor: Extractor = state.extractor
    return extractor


def _max_bytes(request: Request) -> int:
    """The text size limit of one document, from the settings."""
    return int(request.app.state.settings.max_document_bytes)


async def _items(form: FormData, max_bytes: int) -> list[Item]:
    """The files and pasted text of the form; a file over the limit becomes an error."""
    items: list[Item] = []
    limit = max_bytes * FILE_FACTOR
    for upload in form.getlist("files"):
        if not isinstance(upload, UploadFile) or not upload.filename:
            continue  # an empty file field
        data = await upload.read(limit + 1)
        if len(data) > limit:
            reason = f"the file is over the upload limit of {size_text(limit)}"
            items.append(Item(upload.filename, error=reason))
        else:
            items.append(Item(upload.filename, data=data))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        name = form.get("name")
        name = name.strip() if isinstance(name, str) and name.strip() else "pasted text"
        items.append(Item(name[:200], text=text))
    return items


def _outcome(name: str, report: IngestReport) -> Outcome:
    """What one ingest run did with its single item."""
    if report.errors:
        return Outcome(name, "error", _reason(report.errors[0]))
    if report.added:
        found = report.engagements
        message = f"added; {found} engagement{'' if found == 1 else 's'} found"
        return Outcome(name, "added", message, report.added[0].id)
    document = report.skipped[0]
    return Outcome(name, "stored", "already stored: nothing new", document.id)


def _reason(error: BilateralError) -> str:
    """An error's reason, without the source label the page shows already."""
    return error.reason if isinstance(error, SourceError) else error.message


def _ingest_one(request: Request, item: Item) -> Outcome:
    """Ingest one item; its failure is its outcome, not the request's."""
    if item.error is not None:
        return Outcome(item.name, "error", item.error)
    store, extractor, max_bytes = store_of(request), extractor_of(request), _max_bytes(request)
    try:
        if item.data is not None:
            report = ingest.ingest_upload(store, extractor, item.data, filename=item.name,
                                          max_bytes=max_bytes)  # fmt: skip
        else:
            report = ingest.ingest_text(store, extractor, item.text or "", name=item.name,
                                        max_bytes=max_bytes)  # fmt: skip
    except BilateralError as exc:
        return Outcome(item.name, "error", _reason(exc))
    return _outcome(item.name, report)


def _ingest_all(request: Request, items: list[Item]) -> list[Outcome]:
    """Ingest the items one by one (one upload at a time: extraction is heavy)."""
    with _ingest_lock:
        return [_ingest_one(request, item) for item in items]


def _answer(
    request: Request, outcomes: list[Outcome] | None, error: str | None = None
) -> HTMLResponse:
    """The whole page, or only the results for htmx; 422 with ``error``."""
    context = {
        "outcomes": outcomes, "error": error, "suffixes": SUFFIXES,
        "max_size": size_text(_max_bytes(request)),
    }  # fmt: skip
    status = 422 if error else 200
    if request.headers.get("HX-Request") == "true":
        return render(request, FRAGMENT, context, status_code=status)
    return page(request, "upload.html", context, status)


@router.get("/documents/new", response_class=HTMLResponse, name="upload")
def upload_page(request: Request) -> HTMLResponse:
    """The form to upload files or paste text."""
    return _answer(request, None)


@router.post("/documents/new", response_class=HTMLResponse, name="upload_post")
async def upload_post(request: Request) -> HTMLResponse:
    """Ingest every uploaded file and the pasted text, and report on each."""
    max_bytes = _max_bytes(request)
    async with request.form(max_files=MAX_FILES, max_part_size=2 * max_bytes) as form:
        token = form.get(CSRF_FIELD)
        verify_csrf(request, token if isinstance(token, str) else "")
        items = await _items(form, max_bytes)
    if not items:
        return _answer(request, None, "Choose at least one file, or paste some text.")
    outcomes = await run_in_threadpool(_ingest_all, request, items)
    return _answer(request, outcomes)
