"""Review pages: correct a meeting, a person or a commitment's links, and see the history.

Every POST is CSRF-checked (:mod:`bilateral.web.forms`), calls one function of
:mod:`bilateral.services.review` and redirects (303) back to the page with ``?saved=<id>``,
which then confirms the correction. A correction the service refuses re-renders the page
with the message (422) and records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from bilateral.errors import NotFound, ValidationError
from bilateral.resolved import Correction, EngagementKey
from bilateral.services import review
from bilateral.web.forms import (
    clean_author,
    clean_note,
    done,
    field_text,
    field_value,
    page,
    require_csrf,
)
from bilateral.web.rendering import store_of
from bilateral.web.review_views import (
    FormError,
    field_forms,
    history_rows,
    member_choices,
    saved_row,
    short,
    show,
)

if TYPE_CHECKING:
    from bilateral.services.context import Store

router = APIRouter(include_in_schema=False)
CSRF = [Depends(require_csrf)]
Refused = (ValidationError, NotFound)
Saved = Annotated[int | None, Query(ge=1, le=2**62)]
Text = Annotated[str, Form(max_length=200)]
Note = Annotated[str, Form(max_length=4000)]
Value = Annotated[str, Form(max_length=200_000)]
CANDIDATES = 50


def _required(value: str, message: str) -> str:
    """``value`` trimmed; a ValidationError saying ``message`` when it is empty."""
    if not value.strip():
        raise ValidationError(message)
    return value.strip()


def _refusal(form: str, exc: ValidationError | NotFound, author: str) -> FormError:
    """A refused form, with the reason and the name typed in it."""
    return FormError(form, exc.message, author=clean_author(author))


def _signed(author: str, note: str) -> dict[str, Any]:
    """Who, when and why, as every review service takes them."""
    return {"author": clean_author(author), "today": date.today(), "note": clean_note(note)}


def _history(
    corrections: list[Correction], saved: int | None, error: FormError | None
) -> dict[str, Any]:
    """The history panel's rows, the correction just saved and the refused form, if any
    (with the name typed in it), for the template."""
    rows = history_rows(corrections)
    typed = {"author": error.author} if error and error.author else {}
    return {"history": rows, "saved": saved_row(rows, saved), "error": error, "short": short,
            **typed}  # fmt: skip


# --------------------------------------------------------------------------- meetings


def _meeting_page(
    request: Request, meeting_id: str, *, saved: int | None = None, error: FormError | None = None
) -> HTMLResponse:
    """The meeting's review page; with ``error``, re-rendered with 422 and its message."""
    store = store_of(request)
    meeting = store.get_meeting(meeting_id)
    corrections = review.history(store, meeting.id, *(str(k) for k in meeting.members))
    others = store.list_meetings(block=meeting.block, limit=CANDIDATES)
    context = {
        "meeting": meeting, "fields": field_forms(meeting, error),
        "members": member_choices(meeting),
        "candidates": [m for m in others if m.id != meeting.id],
        **_history(corrections, saved, error),
    }  # fmt: skip
    return page(request, "review/meeting.html", context, 422 if error else 200)


def _refuse_unchanged(store: Store, meeting_id: str, field: str, value: Any) -> None:
    """Refuse an edit that would leave the field as it is (it would only add noise)."""
    current = store.get_meeting(meeting_id).record.model_dump(mode="json")
    if field in current and field_value(field, field_text(field, current[field])) == value:
        raise ValidationError(f"Nothing to change: {field} already is {show(current[field])}.")


def _meeting_of(store: Store, key: str) -> str:
    """The id of the meeting that now holds the report ``key``."""
    parsed = EngagementKey.parse(key)
    return store.meeting_id_of(parsed.document_id, parsed.ordinal) or key


def _back_to_meeting(request: Request, meeting_id: str, saved: int | None, author: str) -> Response:
    """To the meeting's review page, confirming correction ``saved``."""
    url = request.url_for("meeting_review", meeting_id=meeting_id).path
    return done(f"{url}?saved={saved}", author=clean_author(author))


@router.get("/meetings/{meeting_id}/review", response_class=HTMLResponse, name="meeting_review")
def meeting_review(request: Request, meeting_id: str, saved: Saved = None) -> HTMLResponse:
    """A meeting's fields, reports and corrections, each with a form to correct it."""
    return _meeting_page(request, meeting_id, saved=saved)


@router.post("/meetings/{meeting_id}/review/edit", name="meeting_edit", dependencies=CSRF)
def meeting_edit(
    request: Request, meeting_id: str, field: Text = "", value: Value = "",
    author: Text = "", note: Note = "",
) -> Response:  # fmt: skip
    """Set one field of the meeting."""
    try:
        parsed = field_value(field, value)
        _refuse_unchanged(store_of(request), meeting_id, field, parsed)
        item = review.edit_meeting(store_of(request), meeting_id, field, parsed,
                                   **_signed(author, note))  # fmt: skip
    except Refused as exc:
        error = FormError("edit", exc.message, field, value, clean_author(author))
        return _meeting_page(request, meeting_id, error=error)
    return _back_to_meeting(request, meeting_id, item.id, author)


@router.post("/meetings/{meeting_id}/review/merge", name="meeting_merge", dependencies=CSRF)
def meeting_merge(
    request: Request, meeting_id: str, other: Text = "", author: Text = "", note: Note = ""
) -> Response:
    """Declare this meeting and another one the same meeting."""
    store = store_of(request)
    try:
        other = _required(other, "Give the id of the meeting to merge with.")
        item = review.merge_meetings(store, meeting_id, other, **_signed(author, note))
    except Refused as exc:
        return _meeting_page(request, meeting_id, error=_refusal("merge", exc, author))
    return _back_to_meeting(request, _meeting_of(store, item.target), item.id, author)


@router.post("/meetings/{meeting_id}/review/split", name="meeting_split", dependencies=CSRF)
def meeting_split(
    request: Request, meeting_id: str, report: Text = "", author: Text = "", note: Note = ""
) -> Response:
    """Take one report out of this meeting."""
    store = store_of(request)
    try:
        items = review.split_meeting(store, meeting_id, report, **_signed(author, note))
    except Refused as exc:
        return _meeting_page(request, meeting_id, error=_refusal("split", exc, author))
    return _back_to_meeting(request, _meeting_of(store, items[0].other or ""), items[0].id, author)


# --------------------------------------------------------------------------- people


def _person_page(
    request: Request, person_id: str, *, saved: int | None = None, error: FormError | None = None
) -> HTMLResponse:
    """The person's review page; with ``error``, re-rendered with 422 and its message."""
    store = store_of(request)
    person = store.get_person(person_id)
    corrections = review.history(store, *person.name_keys)
    family = person.name.split()[-1] if person.name.split() else person.name
    others = store.list_people(name=family, limit=CANDIDATES)
    context = {
        "person": person,
        "candidates": [p for p in others if p.id != person.id],
        **_history(corrections, saved, error),
    }  # fmt: skip
    return page(request, "review/person.html", context, 422 if error else 200)


def _back_to_person(request: Request, ids: list[str], saved: int | None, author: str) -> Response:
    """To the review page of the first of ``ids`` still a person (ids follow names, so a
    merge or split may retire one), else to the list of people."""
    store = store_of(request)
    for person_id in ids:
        try:
            store.get_person(person_id)
        except NotFound:
            continue
        url = request.url_for("person_review", person_id=person_id).path
        return done(f"{url}?saved={saved}", author=clean_author(author))
    return done("/people", author=clean_author(author))


@router.get("/people/{person_id}/review", response_class=HTMLResponse, name="person_review")
def person_review(request: Request, person_id: str, saved: Saved = None) -> HTMLResponse:
    """A person's spellings and corrections, with forms to merge or split."""
    return _person_page(request, person_id, saved=saved)


@router.post("/people/{person_id}/review/merge", name="person_merge", dependencies=CSRF)
def person_merge(
    request: Request, person_id: str, other: Text = "", author: Text = "", note: Note = ""
) -> Response:
    """Declare this person and another one the same person."""
    try:
        other = _required(other, "Give the id of the person to merge with.")
        item = review.merge_people(store_of(request), person_id, other, **_signed(author, note))
    except Refused as exc:
        return _person_page(request, person_id, error=_refusal("merge", exc, author))
    return _back_to_person(request, [person_id, other], item.id, author)


@router.post("/people/{person_id}/review/split", name="person_split", dependencies=CSRF)
def person_split(
    request: Request, person_id: str, spelling: Text = "", author: Text = "", note: Note = ""
) -> Response:
    """Make one spelling of this person's name a different person."""
    try:
        items = review.split_person(store_of(request), person_id, spelling,
                                    **_signed(author, note))  # fmt: skip
    except Refused as exc:
        return _person_page(request, person_id, error=_refusal("split", exc, author))
    return _back_to_person(request, [person_id], items[0].id, author)


# --------------------------------------------------------------------------- commitments


def _commitment_page(
    request: Request, commitment_id: str, *, saved: int | None = None,
    error: FormError | None = None,
) -> HTMLResponse:  # fmt: skip
    """The commitment page; with ``error``, re-rendered with 422 and its message."""
    store = store_of(request)
    commitment = store.get_commitment(commitment_id)
    corrections = review.history(store, commitment.id)
    linked = {link.meeting_id for link in commitment.links}
    others = store.list_meetings(block=commitment.block, limit=CANDIDATES)
    context = {
        "commitment": commitment,
        "candidates": [m for m in others if m.id not in linked and m.id != commitment.meeting_id],
        **_history(corrections, saved, error),
    }  # fmt: skip
    return page(request, "review/commitment.html", context, 422 if error else 200)


@router.get("/commitments/{commitment_id}", response_class=HTMLResponse, name="commitment")
def commitment_page(request: Request, commitment_id: str, saved: Saved = None) -> HTMLResponse:
    """A commitment, its status and its fulfillment links, to confirm or reject."""
    return _commitment_page(request, commitment_id, saved=saved)


def _judge(
    judge: Callable[..., Any], request: Request, commitment_id: str, meeting_id: str,
    author: str, note: str,
) -> Response:  # fmt: skip
    """Confirm or reject that ``meeting_id`` fulfilled the commitment."""
    try:
        meeting_id = _required(meeting_id, "Give the id of the meeting that fulfilled it.")
        item = judge(store_of(request), commitment_id, meeting_id, **_signed(author, note))
    except Refused as exc:
        return _commitment_page(request, commitment_id, error=_refusal("link", exc, author))
    url = request.url_for("commitment", commitment_id=commitment_id).path
    return done(f"{url}?saved={item.id}", author=clean_author(author))


@router.post("/commitments/{commitment_id}/confirm", name="link_confirm", dependencies=CSRF)
def link_confirm(
    request: Request, commitment_id: str, meeting_id: Text = "", author: Text = "",
    note: Note = "",
) -> Response:  # fmt: skip
    """Confirm that a meeting fulfilled the commitment."""
    return _judge(review.confirm_link, request, commitment_id, meeting_id, author, note)


@router.post("/commitments/{commitment_id}/reject", name="link_reject", dependencies=CSRF)
def link_reject(
    request: Request, commitment_id: str, meeting_id: Text = "", author: Text = "",
    note: Note = "",
) -> Response:  # fmt: skip
    """Reject a link between the commitment and a meeting."""
    return _judge(review.reject_link, request, commitment_id, meeting_id, author, note)
