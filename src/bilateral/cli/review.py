"""``bilateral review ...``: corrections, each recorded with who and when."""

from __future__ import annotations

import getpass
import json
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bilateral.cli.base import out, review_app

if TYPE_CHECKING:
    from bilateral.resolved import Correction

By = Annotated[str | None, typer.Option("--by", help="Who corrects (default: your login).")]
Note = Annotated[str | None, typer.Option("--note", help="Why, for the history.")]
Value = Annotated[
    str, typer.Argument(help='The new value: JSON (5, null, ["KAZ","USA"]) or plain text.')
]


def _author(by: str | None) -> str:
    return by or getpass.getuser()


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _done(items: Correction | list[Correction]) -> None:
    for c in items if isinstance(items, list) else [items]:
        what = f"{c.action} {c.target}" + (f" {c.field}" if c.field else "")
        out.print(f"correction {c.id} recorded: {what} by {c.author}.", highlight=False)


def _run(ctx: typer.Context, action: str, *args: Any, by: str | None, note: str | None) -> None:
    from bilateral.services import review
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        _done(getattr(review, action)(store, *args, author=_author(by), today=date.today(),
                                      note=note))  # fmt: skip


@review_app.command("edit-meeting")
def edit_meeting_command(
    ctx: typer.Context, meeting_id: str, field: str, value: Value, by: By = None, note: Note = None
) -> None:
    """Set a field of a meeting, whatever its sources say."""
    _run(ctx, "edit_meeting", meeting_id, field, _value(value), by=by, note=note)


@review_app.command("edit-report")
def edit_report_command(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="DOCUMENT_ID:ORDINAL of the engagement.")],
    field: str,
    value: Value,
    by: By = None,
    note: Note = None,
) -> None:
    """Set a field of one engagement as one document reports it."""
    _run(ctx, "edit_engagement", key, field, _value(value), by=by, note=note)


@review_app.command("merge-meetings")
def merge_meetings_command(
    ctx: typer.Context, first: str, second: str, by: By = None, note: Note = None
) -> None:
    """Two meetings are one."""
    _run(ctx, "merge_meetings", first, second, by=by, note=note)


@review_app.command("split-meeting")
def split_meeting_command(
    ctx: typer.Context,
    meeting_id: str,
    key: Annotated[str, typer.Argument(help="DOCUMENT_ID:ORDINAL of the report to take out.")],
    by: By = None,
    note: Note = None,
) -> None:
    """One report of a meeting is about another meeting."""
    _run(ctx, "split_meeting", meeting_id, key, by=by, note=note)


@review_app.command("merge-people")
def merge_people_command(
    ctx: typer.Context, first: str, second: str, by: By = None, note: Note = None
) -> None:
    """Two people are one person."""
    _run(ctx, "merge_people", first, second, by=by, note=note)


@review_app.command("split-person")
def split_person_command(
    ctx: typer.Context,
    person_id: str,
    spelling: Annotated[str, typer.Argument(help="The spelling that is someone else.")],
    by: By = None,
    note: Note = None,
) -> None:
    """One spelling of a person's name belongs to someone else."""
    _run(ctx, "split_person", person_id, spelling, by=by, note=note)


@review_app.command("confirm-link")
def confirm_link_command(
    ctx: typer.Context, commitment_id: str, meeting_id: str, by: By = None, note: Note = None
) -> None:
    """This meeting fulfilled this commitment."""
    _run(ctx, "confirm_link", commitment_id, meeting_id, by=by, note=note)


@review_app.command("reject-link")
def reject_link_command(
    ctx: typer.Context, commitment_id: str, meeting_id: str, by: By = None, note: Note = None
) -> None:
    """This meeting did not fulfil this commitment."""
    _run(ctx, "reject_link", commitment_id, meeting_id, by=by, note=note)


@review_app.command("history")
def history_command(
    ctx: typer.Context,
    target: Annotated[str | None, typer.Argument(help="Only corrections about this id.")] = None,
) -> None:
    """Every correction, oldest first: who, when, what, before and after."""
    from bilateral.services import review
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        items = review.history(store, *([target] if target else []))
    for c in items:
        when = c.created_at.strftime("%Y-%m-%d %H:%M") if c.created_at else "?"
        out.print(f"{c.id:>4}  {when}  {c.author:12}  {c.action:15} {c.target} "
                  f"{c.field or c.other or ''}: {json.dumps(c.before)} -> {json.dumps(c.after)}",
                  highlight=False, markup=False)  # fmt: skip
    if not items:
        out.print("no corrections.")
