"""Mechanisms: the list and a mechanism's page (rounds, topics per round, commitments)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from bilateral.services import insights
from bilateral.web.rendering import render, store_of

router = APIRouter(include_in_schema=False)

PER_PAGE = 50


def taxonomy_of(request: Request) -> Path | None:
    """The topic taxonomy the app is configured with (None: the bundled one)."""
    settings = getattr(request.app.state, "settings", None)
    path: Path | None = getattr(settings, "taxonomy_path", None)
    return path


@router.get("/mechanisms", response_class=HTMLResponse, name="mechanisms")
def mechanisms_page(
    request: Request,
    q: str = Query("", max_length=200),
    page: int = Query(1, ge=1, le=1_000_000),
) -> HTMLResponse:
    """Mechanisms by parties and name, those whose name contains ``q`` if given."""
    result = insights.find_mechanisms(store_of(request), query=q, page=page, per_page=PER_PAGE)
    return render(request, "mechanisms.html", {"result": result})


@router.get("/mechanisms/{mechanism_id}", response_class=HTMLResponse, name="mechanism")
def mechanism_page(request: Request, mechanism_id: str) -> HTMLResponse:
    """A mechanism's names, rounds, topics per round and commitments tracker."""
    profile = insights.mechanism_profile(
        store_of(request), mechanism_id, taxonomy=taxonomy_of(request)
    )
    return render(request, "mechanism.html", {"profile": profile})
