"""Every router of the web UI, in the order the app includes them."""

from __future__ import annotations

from fastapi import APIRouter

from bilateral.web import meetings, people, review
from bilateral.web.routes import router as documents_router

ROUTERS: tuple[APIRouter, ...] = (
    meetings.router,
    people.router,
    review.router,
    documents_router,
)
