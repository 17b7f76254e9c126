"""What every page module shares: the templates, the store of the running app, ``render``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from fastapi import Request
from fastapi.responses import HTMLResponse

from bilateral.web.templating import make_templates

if TYPE_CHECKING:
    from bilateral.services.context import Store

templates = make_templates()


def store_of(request: Request) -> Store:
    """The store the app opened at startup."""
    return cast("Store", request.app.state.store)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """A page from a template (every value escaped unless it is already Markup)."""
    return templates.TemplateResponse(request, name, context, status_code=status_code)
