"""Every router of the web UI, in the order the app includes them."""

from __future__ import annotations

from fastapi import APIRouter

from bilateral.web import mechanisms, meetings, people, review, topics, upload
from bilateral.web.routes import router as documents_router

ROUTERS: tuple[APIRouter, ...] = (
    meetings.router,
    people.router,
    mechanisms.router,
    topics.router,
    review.router,
    upload.router,
    documents_router,
)
