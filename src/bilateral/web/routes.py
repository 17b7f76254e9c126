"""Pages about documents and engagements as reported, search and health.

Each route parses its input, calls one service and renders. Other page groups live in their
own modules (see :mod:`bilateral.web.pages`); all share :mod:`bilateral.web.rendering`.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from bilateral.services import browse
from bilateral.web.rendering import render, store_of
from bilateral.web.views import build_engagement_view

router = APIRouter(include_in_schema=False)

PER_PAGE = 50
SEARCH_LIMIT = 50


@router.get("/engagements", response_class=HTMLResponse, name="engagements")
def engagements_page(request: Request, page: int = Query(1, ge=1, le=1_000_000)) -> HTMLResponse:
    result = browse.list_engagements(store_of(request), page=page, per_page=PER_PAGE)
    return render(request, "engagements.html", {"result": result})


@router.get("/engagements/{engagement_id:int}", response_class=HTMLResponse, name="engagement")
def engagement_page(request: Request, engagement_id: int) -> HTMLResponse:
    stored = browse.get_engagement(store_of(request), engagement_id)
    view = build_engagement_view(stored)
    return render(request, "engagement.html", {"view": view, "document": stored.document})


@router.get("/documents/{document_id}", response_class=HTMLResponse, name="document")
def document_page(request: Request, document_id: str) -> HTMLResponse:
    document = browse.get_document(store_of(request), document_id)
    return render(request, "document.html", {"document": document})


@router.get("/search", response_class=HTMLResponse, name="search")
def search_page(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
    hits = browse.search(store_of(request), q, limit=SEARCH_LIMIT)
    return render(request, "search.html", {"q": q, "hits": hits})


@router.get("/healthz", name="healthz")
def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})
