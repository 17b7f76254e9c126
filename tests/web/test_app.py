"""The app as a whole: store lifecycle, error pages, headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from bilateral.app import create_app
from bilateral.errors import StoreError
from bilateral.records import Page
from bilateral.services import context
from bilateral.settings import Settings


class BrokenStore:
    """A store whose reads fail, on purpose or not."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def list_engagements(self, **_: Any) -> Page:
        raise self.error

    def search(self, query: str, *, limit: int = 20) -> list[Any]:
        raise self.error


def test_app_opens_the_store_from_settings_and_closes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[object] = []
    close = context.close_store
    monkeypatch.setattr(context, "close_store", lambda s: (closed.append(s), close(s)))
    app = create_app(Settings(data_dir=tmp_path / "var"))
    with TestClient(app) as client:
        assert "No engagements yet" in client.get("/engagements").text
        assert (tmp_path / "var" / "bilateral.db").exists()
        assert closed == []
    assert closed == [app.state.store]


def test_a_store_passed_in_is_left_open(tmp_path: Path) -> None:
    closed: list[bool] = []

    class Owned(BrokenStore):
        def close(self) -> None:
            closed.append(True)

    app = create_app(Settings(data_dir=tmp_path), store=Owned(StoreError("x")))  # type: ignore[arg-type]
    with TestClient(app):
        pass
    assert closed == []


def test_bilateral_errors_become_pages_with_their_status(tmp_path: Path) -> None:
    error = StoreError("The database is locked; try again in a moment.")
    app = create_app(Settings(data_dir=tmp_path), store=BrokenStore(error))  # type: ignore[arg-type]
    response = TestClient(app).get("/engagements")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert "The database is locked; try again in a moment." in response.text


def test_unexpected_errors_show_no_traceback(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path), store=BrokenStore(KeyError("secret_column")))  # type: ignore[arg-type]
    response = TestClient(app, raise_server_exceptions=False).get("/search?q=x")
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "secret_column" not in response.text
    assert "Traceback" not in response.text


def test_api_paths_get_json_errors(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path), store=BrokenStore(StoreError("down")))  # type: ignore[arg-type]
    router = APIRouter()

    @router.get("/api/v1/thing")
    def thing() -> None:
        raise StoreError("down", code="db_down")

    app.include_router(router)
    client = TestClient(app)
    response = client.get("/api/v1/thing")
    assert response.status_code == 500
    assert response.json() == {"error": "down", "code": "db_down"}
    missing = client.get("/api/v1/missing")
    assert missing.status_code == 404
    assert missing.json()["code"] == "http_404"
