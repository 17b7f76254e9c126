"""Form helpers: the CSRF double-submit cookie, the remembered author, typed field values."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilateral.errors import ValidationError
from bilateral.services.constraints import EDITABLE
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.web import forms
from bilateral.web.review_views import FIELDS
from conftest import Add

Build = Callable[..., Any]

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def meeting_id(store: Store, add: Add, make_document: Build, make_engagement: Build) -> str:
    add(make_document(), make_engagement())
    resolve_store(store, today=date(2026, 11, 23))
    return store.list_meetings()[0].id


def test_a_form_page_sets_the_token_cookie_and_repeats_it_in_the_form(
    client: TestClient, meeting_id: str
) -> None:
    response = client.get(f"/meetings/{meeting_id}/review")
    cookie = response.cookies[forms.CSRF_COOKIE]
    assert TOKEN.findall(response.text) and set(TOKEN.findall(response.text)) == {cookie}
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=lax" in header
    again = client.get(f"/meetings/{meeting_id}/review")
    assert "set-cookie" not in again.headers  # the browser keeps its token
    assert TOKEN.findall(again.text)[0] == cookie


@pytest.mark.parametrize("token", [None, "", "x" * 43, "not a token"])
def test_a_post_without_the_matching_token_is_refused(
    client: TestClient, store: Store, meeting_id: str, token: str | None
) -> None:
    client.get(f"/meetings/{meeting_id}/review")  # the browser has a cookie
    data = {"field": "city", "value": "Almaty", "author": "Ann"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post(f"/meetings/{meeting_id}/review/edit", data=data)
    assert response.status_code == 403
    assert "Reload the page" in response.text
    assert store.list_corrections() == []


def test_a_post_with_a_token_but_no_cookie_is_refused(
    client: TestClient, store: Store, meeting_id: str
) -> None:
    token = TOKEN.findall(client.get(f"/meetings/{meeting_id}/review").text)[0]
    client.cookies.clear()
    data = {"csrf_token": token, "field": "city", "value": "Almaty"}
    assert client.post(f"/meetings/{meeting_id}/review/edit", data=data).status_code == 403
    assert store.list_corrections() == []


def test_the_author_is_remembered_in_a_cookie(
    client: TestClient, store: Store, meeting_id: str
) -> None:
    page = client.get(f"/meetings/{meeting_id}/review").text
    assert 'name="author" type="text" value="web"' in page
    assert "There are no user accounts" in page
    data = {"csrf_token": TOKEN.findall(page)[0], "field": "city", "value": "Almaty",
            "author": "  Zoë   Ångström "}  # fmt: skip
    response = client.post(f"/meetings/{meeting_id}/review/edit", data=data)
    assert response.status_code == 200
    assert store.list_corrections()[0].author == "Zoë Ångström"
    assert 'name="author" type="text" value="Zoë Ångström"' in response.text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("", "web"), ("   ", "web"), ("Ann\nLee\t", "Ann Lee"), ("a" * 100, "a" * 80)],
)
def test_clean_author(typed: str, expected: str) -> None:
    assert forms.clean_author(typed) == expected


def test_every_editable_field_has_a_form() -> None:
    assert {name for name, _, _ in FIELDS} == EDITABLE


@pytest.mark.parametrize(
    ("field", "typed", "value"),
    [
        ("city", "  Almaty ", "Almaty"),
        ("city", "", None),
        ("round", "5", "5"),
        ("parties", "KAZ\n\n USA \n", ["KAZ", "USA"]),
        ("topics", "", []),
        ("participants", '[{"name": "Lu"}]', [{"name": "Lu"}]),
        ("commitments", "  ", []),
    ],
)
def test_field_value(field: str, typed: str, value: object) -> None:
    assert forms.field_value(field, typed) == value


@pytest.mark.parametrize("typed", ["[{", '{"name": "Lu"}', '["Lu"]'])
def test_field_value_refuses_json_that_is_not_a_list_of_objects(typed: str) -> None:
    with pytest.raises(ValidationError, match="participants"):
        forms.field_value("participants", typed)


def test_field_text_round_trips_and_hides_empty_spans() -> None:
    people = [{"name": "Lu", "title": None, "spans": []}]
    text = forms.field_text("participants", people)
    assert "spans" not in text
    assert forms.field_value("participants", text) == [{"name": "Lu", "title": None}]
    assert forms.field_text("parties", ["KAZ", "USA"]) == "KAZ\nUSA"
    assert forms.field_text("round", None) == ""
