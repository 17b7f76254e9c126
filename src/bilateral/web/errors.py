"""Errors as pages: a message for the reader and the right status, never a traceback.

Requests under ``/api/`` get the JSON body the API uses (``{"error", "code"}``) instead.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from bilateral.errors import BilateralError
from bilateral.web.rendering import render

log = logging.getLogger(__name__)

_TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    415: "Unsupported type",
    422: "Cannot process",
    500: "Something went wrong",
}


def error_response(request: Request, status: int, message: str, code: str) -> Response:
    """The error page (or JSON body under ``/api/``) for one failed request."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "code": code}, status_code=status)
    title = _TITLES.get(status, "Error")
    context = {"status": status, "title": title, "message": message, "code": code}
    return render(request, "error.html", context, status_code=status)


async def bilateral_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BilateralError)
    return error_response(request, exc.http_status, exc.message, exc.code)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = "There is no page at this address."
    else:
        message = str(exc.detail) if exc.detail else _TITLES.get(exc.status_code, "Error")
    response = error_response(request, exc.status_code, message, f"http_{exc.status_code}")
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
        for e in exc.errors()
    ]
    message = "This request does not make sense: " + "; ".join(problems)
    return error_response(request, 400, message, "invalid_request")


async def unexpected_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    message = "An unexpected error occurred. It has been logged; please try again later."
    return error_response(request, 500, message, "internal_error")


HANDLERS: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
    BilateralError: bilateral_error,
    HTTPException: http_error,
    RequestValidationError: validation_error,
    Exception: unexpected_error,
}
