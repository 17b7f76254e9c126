"""The ``bilateral`` command line's frame: the app, its consoles, settings and progress.

Every command builds the settings once (environment + options), calls one service and
prints the result. A :class:`~bilateral.errors.BilateralError` becomes one line on stderr
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from typer._click.core import Context as ClickContext  # typer vendors click
from typer.core import TyperGroup

from bilateral.errors import BilateralError
from bilateral.settings import load_settings

if TYPE_CHECKING:
    from collections.abc import Callable

# Services are imported inside the commands: spaCy and SQLAlchemy take seconds to import,
# and `bilateral --help` should not wait for them.

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class _Commands(TyperGroup):
    """Turns bilateral's errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except BilateralError as exc:
            err.print(f"error: {exc.message}", highlight=False, markup=False)
            raise typer.Exit(1) from exc


app = typer.Typer(
    name="bilateral",
    cls=_Commands,
    help="A system of record for bilateral diplomacy: ingest readouts, extract, browse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
export_app = typer.Typer(
    help="Write stored records out in the spec's formats.", no_args_is_help=True
)
db_app = typer.Typer(help="Manage the database.", no_args_is_help=True)
review_app = typer.Typer(
    help="Correct the record: every correction is kept with who and when, and survives "
    "re-extraction.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")
app.add_typer(db_app, name="db")
app.add_typer(review_app, name="review")


Paths = Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")]


@app.callback()
def configure(
    ctx: typer.Context,
    database_url: Annotated[
        str | None, typer.Option("--db", help="Database URL (default: SQLite in the data dir).")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Folder for local state (default: ./var).")
    ] = None,
) -> None:
    """Settings come from BILATERAL_* environment variables; options override them."""
    overrides: dict[str, object] = {}
    if database_url:
        overrides["database_url"] = database_url
    if data_dir:
        overrides["data_dir"] = data_dir
    ctx.obj = load_settings(**overrides)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[str], None]]:
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=None)
        yield lambda name: bar.update(task, advance=1, description=f"{label} {name}")
