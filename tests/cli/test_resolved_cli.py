"""The resolved picture and the review workflow from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli import app
from bilateral.cli.base import out
from bilateral.store import open_store
from support.readouts import store_readouts

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as wide as they need, so that no cell wraps in the captured output."""
    monkeypatch.setattr(out, "width", 250)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_store(url) as store:
        store_readouts(store)
    return url


def run(db: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", db, *args], terminal_width=200)
    return result.exit_code, result.output


def test_resolve_then_browse_meetings_people_mechanisms_commitments(db: str) -> None:
    code, output = run(db, "resolve")
    assert code == 0 and "5 reports resolved into 4 meetings" in output
    code, output = run(db, "meetings", "--pair", "KAZ-USA")
    assert code == 0 and "2022-12-05" in output and "2021-12-15" in output
    assert "2023-03-01" not in output  # the China-Kazakhstan call is another pair
    code, output = run(db, "people", "--name", "Lu")
    assert code == 0 and "Donald Lu" in output
    code, output = run(db, "commitments", "--status", "fulfilled")
    assert code == 0 and "hold the next round in 2023" in output and "round-2023" in output
    code, output = run(db, "mechanisms")
    assert code == 0 and "Enhanced Strategic Partnership Dialogue" in output


def test_meeting_and_person_pages(db: str) -> None:
    run(db, "resolve")
    with open_store(db) as store:
        meeting = next(m for m in store.list_meetings() if len(m.documents) == 2)
        [lu] = store.list_people(name="Lu")
    code, output = run(db, "meeting", meeting.id)
    assert code == 0 and "round-2022-news" in output and "DISAGREE" not in output.split("date")[0]
    code, output = run(db, "person", lu.id)
    assert code == 0 and "Assistant Secretary" in output


def test_review_records_who_and_shows_history(db: str) -> None:
    run(db, "resolve")
    with open_store(db) as store:
        meeting = next(m for m in store.list_meetings() if m.record.date == "2023-11-06")
    code, output = run(db, "review", "edit-meeting", meeting.id, "round", "6", "--by", "desk")
    assert code == 0 and "recorded: edit_meeting" in output and "by desk" in output
    code, output = run(db, "review", "history")
    assert code == 0 and "desk" in output and "5 -> 6" in output
    with open_store(db) as store:
        assert store.get_meeting(meeting.id).record.round == 6


def test_unknown_ids_are_one_clear_line(db: str) -> None:
    run(db, "resolve")
    for args in (("meeting", "nope"), ("person", "nope"), ("mechanism", "nope"),
                 ("review", "edit-meeting", "nope:0", "city", "X")):  # fmt: skip
        code, output = run(db, *args)
        assert code == 1 and "error:" in output and "Traceback" not in output
