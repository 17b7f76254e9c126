"""Home, the meetings timeline and the meeting page.

Each route parses its input, calls one service of :mod:`bilateral.services.timeline` and
renders; :mod:`bilateral.web.meeting_view` lays a meeting out for its page.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from bilateral.services import timeline as tl
from bilateral.web.meeting_view import build_meeting_view
from bilateral.web.rendering import render, store_of

router = APIRouter(include_in_schema=False)

PER_PAGE = tl.PER_PAGE


def today() -> date:
    """Today's date (a function, so tests can fix it)."""
    return date.today()


@router.get("/", response_class=HTMLResponse, name="home")
def home_page(request: Request) -> HTMLResponse:
    summary = tl.home(store_of(request), today=today())
    return render(request, "home.html", {"home": summary})


@router.get("/meetings", response_class=HTMLResponse, name="meetings")
def meetings_page(request: Request) -> HTMLResponse:
    filters = tl.parse_filters(request.query_params)
    result = tl.timeline(store_of(request), filters, per_page=PER_PAGE)
    return render(request, "meetings.html", {"tl": result, "filters": filters})


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse, name="meeting")
def meeting_page(request: Request, meeting_id: str) -> HTMLResponse:
    detail = tl.meeting_detail(store_of(request), meeting_id)
    return render(request, "meeting.html", {"view": build_meeting_view(detail)})


@router.get("/commitments", response_class=HTMLResponse, name="commitments")
def commitments_page(request: Request) -> HTMLResponse:
    query = tl.parse_commitment_query(request.query_params)
    found, total = tl.commitments(store_of(request), query, per_page=PER_PAGE)
    context = {"query": query, "items": found, "total": total, "statuses": tl.STATUSES,
               "pages": max(1, -(-total // PER_PAGE))}  # fmt: skip
    return render(request, "commitments.html", context)
