"""The FastAPI application: pages over the store, built from settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bilateral.services import context
from bilateral.settings import Settings
from bilateral.web import HANDLERS, ROUTERS, STATIC_DIR, SecurityHeaders

if TYPE_CHECKING:
    from bilateral.services.context import Store


def create_app(settings: Settings, *, store: Store | None = None) -> FastAPI:
    """The web app. It opens the store from ``settings`` at startup and closes it at
    shutdown; a ``store`` passed in is used as is and left open (its owner closes it).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        opened = context.open_store(settings)
        app.state.store = opened
        try:
            yield
        finally:
            context.close_store(opened)

    app = FastAPI(
        title="bilateral",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    if store is not None:
        app.state.store = store  # usable without running the lifespan (tests)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in ROUTERS:
        app.include_router(router)
    for exc_class, handler in HANDLERS.items():
        app.add_exception_handler(exc_class, handler)
    return app
