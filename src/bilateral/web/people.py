"""People: the list (searchable by name or any spelling) and a person's page.

Mechanisms and topic trends have their own modules (:mod:`bilateral.web.mechanisms`,
:mod:`bilateral.web.topics`); all three read :mod:`bilateral.services.insights`.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from bilateral.services import insights
from bilateral.web.rendering import render, store_of

router = APIRouter(include_in_schema=False)

PER_PAGE = 50


@router.get("/people", response_class=HTMLResponse, name="people")
def people_page(
    request: Request,
    q: str = Query("", max_length=200),
    page: int = Query(1, ge=1, le=1_000_000),
) -> HTMLResponse:
    """People by name, those whose name or any spelling contains ``q`` if given."""
    result = insights.find_people(store_of(request), query=q, page=page, per_page=PER_PAGE)
    return render(request, "people.html", {"result": result})


@router.get("/people/{person_id}", response_class=HTMLResponse, name="person")
def person_page(request: Request, person_id: str) -> HTMLResponse:
    """A person's role timeline, meetings, counterparts and spellings."""
    profile = insights.person_profile(store_of(request), person_id)
    return render(request, "person.html", {"profile": profile})
