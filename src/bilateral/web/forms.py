"""What the correction and upload forms share: a CSRF token, the author, field values.

CSRF protection is the double-submit cookie: every page with a form sets a random token in
a ``SameSite=Lax``, HTTP-only cookie and repeats it in a hidden field; a POST is accepted
only when the two match. A page from another site cannot read the cookie (and Lax keeps
browsers from sending it along with a cross-site POST), so it cannot fill the field.

There are no user accounts yet: a correction is recorded under the name typed in the
form's "Your name" field, remembered in a cookie (``web`` when none is given).
"""

from __future__ import annotations

import json
import re
import secrets
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from bilateral.errors import ValidationError
from bilateral.web.rendering import render

CSRF_COOKIE = "bilateral_csrf"
CSRF_FIELD = "csrf_token"
AUTHOR_COOKIE = "bilateral_author"
DEFAULT_AUTHOR = "web"
MAX_AUTHOR = 80
MAX_NOTE = 2000
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")
_YEAR = 365 * 24 * 3600
REFUSED = (
    "This form could not be accepted: it has expired or did not come from this site. "
    "Reload the page and submit it again."
)

#: Fields holding lists of strings, edited one item per line.
LINE_FIELDS = frozenset({"parties", "topics"})
#: Fields holding lists of objects, edited as JSON.
JSON_FIELDS = frozenset({"participants", "organizations", "commitments"})


# --------------------------------------------------------------------------- CSRF


def csrf_token(request: Request) -> str:
    """The browser's token (from its cookie), or a new one that :func:`page` will set."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if _TOKEN.fullmatch(token):
        return token
    new: str | None = getattr(request.state, "new_csrf_token", None)
    if new is None:
        new = secrets.token_urlsafe(32)
        request.state.new_csrf_token = new
    return new


def verify_csrf(request: Request, submitted: str) -> None:
    """Refuse (403) a POST whose hidden token does not match the cookie's."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (_TOKEN.fullmatch(cookie) and secrets.compare_digest(cookie, submitted)):
        raise HTTPException(status_code=403, detail=REFUSED)


def require_csrf(request: Request, csrf_token: Annotated[str, Form(max_length=100)] = "") -> None:
    """A route dependency: the form's ``csrf_token`` field must match the cookie."""
    verify_csrf(request, csrf_token)


# --------------------------------------------------------------------------- author


def clean_author(value: str | None) -> str:
    """A name as typed, trimmed to one line of at most :data:`MAX_AUTHOR` characters."""
    spaced = "".join(c if c.isprintable() else " " for c in value or "")
    name = " ".join(spaced.split())
    return name[:MAX_AUTHOR] or DEFAULT_AUTHOR


def author_of(request: Request) -> str:
    """The name this browser last signed a correction with (``web`` at first)."""
    return clean_author(unquote(request.cookies.get(AUTHOR_COOKIE, "")))


def clean_note(value: str) -> str | None:
    """A correction's note, or None when left empty."""
    return value.strip()[:MAX_NOTE] or None


# --------------------------------------------------------------------------- responses


def page(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """A page with forms: the template gets the CSRF token and the author, and the browser
    gets the token's cookie when it had none."""
    context = {"csrf_token": csrf_token(request), "author": author_of(request), **context}
    response = render(request, name, context, status_code=status_code)
    new = getattr(request.state, "new_csrf_token", None)
    if new is not None:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="lax", path="/")
    return response


def done(url: str, *, author: str | None = None) -> Response:
    """The redirect (303, so the browser GETs) after a form did its work; remembers the
    author who signed it."""
    response = RedirectResponse(url, status_code=303)
    if author is not None:
        response.set_cookie(AUTHOR_COOKIE, quote(author), max_age=_YEAR, httponly=True,
                            samesite="lax", path="/")  # fmt: skip
    return response


# --------------------------------------------------------------------------- field values


def field_text(field: str, value: Any) -> str:
    """A field's value as the edit form shows it (see :func:`field_value`)."""
    if value is None:
        return ""
    if field in LINE_FIELDS:
        return "\n".join(str(item) for item in value)
    if field in JSON_FIELDS:
        items = [{k: v for k, v in item.items() if not (k == "spans" and not v)} for item in value]
        return json.dumps(items, indent=2, ensure_ascii=False)
    return str(value)


def field_value(field: str, text: str) -> Any:
    """The value typed for ``field``: one item per line for parties and topics, a JSON list
    for participants, organizations and commitments, else the text (None when empty).

    Raises ValidationError for JSON that does not parse or is not a list of objects; the
    service validates the value itself.
    """
    text = text.strip()
    if field in LINE_FIELDS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field in JSON_FIELDS:
        return _json_list(field, text)
    return text or None


def _json_list(field: str, text: str) -> list[dict[str, Any]]:
    """The typed JSON as a list of objects (empty text: an empty list)."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{field}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValidationError(f'{field}: expected a JSON list of objects, like [{{"name": …}}]')
    return value
