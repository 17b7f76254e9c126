"""Commands about the resolved picture: resolve, meetings, people, mechanisms, commitments."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from bilateral.cli.base import app, out

if TYPE_CHECKING:
    from bilateral.resolved import Meeting

Pair = Annotated[str | None, typer.Option("--pair", help="Only this block, e.g. KAZ-USA.")]
Limit = Annotated[int, typer.Option(min=1, max=10_000)]


def _table(*columns: str) -> Table:
    return Table(*columns, box=None, header_style="bold", pad_edge=False)


@app.command("resolve")
def resolve_command(ctx: typer.Context) -> None:
    """Resolve the whole store again: meetings, people, mechanisms, commitment links."""
    from bilateral.services.context import open_store
    from bilateral.services.resolving import resolve_store

    with open_store(ctx.obj) as store:
        report = resolve_store(store, today=date.today())
    out.print(
        f"{report.reports} reports resolved into {report.meetings} meetings, "
        f"{report.people} people, {report.mechanisms} mechanisms and {report.commitments} "
        f"commitments in {report.seconds:.2f} s."
    )


def _short(meeting_id: str) -> str:
    """A meeting id cut to 12 characters (``bilateral meeting`` takes any unique prefix)."""
    return meeting_id[:12]


def _place(meeting: Meeting) -> str:
    return ", ".join(v for v in (meeting.record.city, meeting.record.country) if v) or "-"


@app.command("meetings")
def meetings_command(ctx: typer.Context, pair: Pair = None, limit: Limit = 50) -> None:
    """Meetings, newest first, with the documents that report them."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        meetings = store.list_meetings(block=pair, limit=limit)
    table = _table("id", "date", "kind", "mechanism", "place", "reports", "disagree")
    table.columns[0].no_wrap = True
    for m in meetings:
        table.add_row(_short(m.id), m.record.date or "-", m.record.kind,
                      m.record.mechanism or "-", _place(m), str(len(m.documents)),
                      ", ".join(m.disagreements))  # fmt: skip
    out.print(table if meetings else "no meetings.")


@app.command("meeting")
def meeting_command(
    ctx: typer.Context, meeting_id: Annotated[str, typer.Argument(help="A meeting id.")]
) -> None:
    """One meeting (its id, or a unique prefix of it): every field with its sources."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        meeting = store.find_meeting(meeting_id)
    out.print(f"[bold]{meeting.id}[/bold]  {meeting.block}  reported by "
              f"{', '.join(meeting.document_names)}", highlight=False)  # fmt: skip
    table = _table("field", "value", "sources", "")
    for name, field in meeting.fields.items():
        sources = "; ".join(f"{v.value} ({len(v.documents)})" for v in field.values)
        flag = "DISAGREE" if field.disagreement else ("corrected" if field.corrected else "")
        table.add_row(name, str(field.value), sources, flag)
    out.print(table)


@app.command("people")
def people_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Part of the name.")] = None,
    limit: Limit = 50,
) -> None:
    """People by name, with their latest title and spellings."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        people = store.list_people(name=name, limit=limit)
    table = _table("id", "name", "country", "latest title", "meetings", "spellings")
    for p in people:
        table.add_row(p.id, p.name, p.country or "-", p.title_on(None) or "-",
                      str(p.mentions), ", ".join(p.variants))  # fmt: skip
    out.print(table if people else "no people.")


@app.command("person")
def person_command(
    ctx: typer.Context, person_id: Annotated[str, typer.Argument(help="A person id.")]
) -> None:
    """One person: the role timeline and every appearance."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        person = store.get_person(person_id)
    out.print(f"[bold]{person.name}[/bold] ({person.country or '?'})  spellings: "
              f"{', '.join(person.variants)}", highlight=False)  # fmt: skip
    roles = _table("from", "to", "title", "organization")
    for r in person.roles:
        roles.add_row(r.start or "?", r.end or "?", r.title or "-", r.organization or "-")
    out.print(roles)
    for a in person.appearances:
        out.print(f"  {a.date or '?':10}  {a.role:11}  {a.name}  ({a.meeting_id})", highlight=False)


@app.command("mechanisms")
def mechanisms_command(ctx: typer.Context, pair: Pair = None) -> None:
    """Dialogue mechanisms: names, cadence, rounds."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        mechanisms = store.list_mechanisms(block=pair)
    table = _table("id", "name", "cadence", "rounds", "first", "last")
    for m in mechanisms:
        dates = [r.date for r in m.rounds if r.date]
        table.add_row(m.id, m.name, m.cadence or "-", str(len(m.rounds)),
                      min(dates, default="-"), max(dates, default="-"))  # fmt: skip
    out.print(table if mechanisms else "no mechanisms.")


@app.command("mechanism")
def mechanism_command(
    ctx: typer.Context, mechanism_id: Annotated[str, typer.Argument(help="A mechanism id.")]
) -> None:
    """One mechanism: its names over time and its rounds in order."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        m = store.get_mechanism(mechanism_id)
    out.print(f"[bold]{m.name}[/bold] ({m.block}, {m.cadence or 'cadence unknown'})",
              highlight=False)  # fmt: skip
    for n in m.names:
        out.print(f"  named {n.name!r} from {n.first or '?'} to {n.last or '?'}", highlight=False)
    table = _table("round", "stated", "date", "venue", "meeting")
    for r in m.rounds:
        venue = ", ".join(v for v in (r.city, r.country) if v) or "-"
        table.add_row(str(r.round or "-"), str(r.stated_round or "-"), r.date or "-", venue,
                      r.meeting_id)  # fmt: skip
    out.print(table)


@app.command("commitments")
def commitments_command(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option(help="open, fulfilled, overdue or superseded.")
    ] = None,
    pair: Pair = None,
    limit: Limit = 100,
) -> None:
    """Commitments and what became of them."""
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        items = store.list_commitments(status=status, block=pair, limit=limit)
    table = _table("status", "due", "made", "commitment", "fulfilled by", "id")
    for c in items:
        links = ", ".join(f"{'+'.join(k.document_names)} ({k.confidence:.2f}, {k.state})"
                          for k in c.links)  # fmt: skip
        table.add_row(c.status, c.due or "-", c.made_on or "-", c.text, links or "-", c.id)
    out.print(table if items else "no commitments.")
