"""Commands about documents: ingest, extract, export, search, serve, the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli.base import Paths, app, db_app, err, export_app, out, progress_bar
from bilateral.errors import BilateralError
from bilateral.settings import Settings


def _report_errors(errors: list[BilateralError]) -> None:
    for error in errors:
        err.print(f"[red]skipped[/red] {error.message}", highlight=False)


@app.command("ingest")
def ingest_command(ctx: typer.Context, paths: Paths) -> None:
    """Read, extract and store documents. Documents already stored are skipped."""
    from bilateral.services import extracting, ingest
    from bilateral.services.context import open_store

    settings: Settings = ctx.obj
    extractor = extracting.make_extractor(settings)
    with open_store(settings) as store, progress_bar("ingesting") as progress:
        report = ingest.ingest_paths(
            store, extractor, paths, max_bytes=settings.max_document_bytes, progress=progress
        )
    _report_errors(report.errors)
    out.print(
        f"{len(report.added)} new document(s) stored ({report.engagements} engagements), "
        f"{len(report.skipped)} already stored, {len(report.errors)} failed."
    )
    if report.resolution is not None:
        r = report.resolution
        out.print(f"resolved {r.blocks} block(s): {r.meetings} meetings, {r.people} people "
                  f"updated in {r.seconds:.2f} s.")  # fmt: skip
    if report.errors and not report.added and not report.skipped:
        raise typer.Exit(1)


@app.command("reextract")
def reextract_command(ctx: typer.Context) -> None:
    """Extract every stored document again and re-resolve; corrections are kept."""
    from datetime import date

    from bilateral.services import extracting
    from bilateral.services.context import open_store
    from bilateral.services.reextract import reextract_store

    settings: Settings = ctx.obj
    extractor = extracting.make_extractor(settings)
    with open_store(settings) as store, progress_bar("re-extracting") as progress:
        count, report = reextract_store(store, extractor, today=date.today(), progress=progress)
    out.print(f"{count} document(s) re-extracted; {report.meetings} meetings resolved.")


@app.command("extract")
def extract_command(
    ctx: typer.Context,
    paths: Paths,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the <name>.json records.")],
    provenance: Annotated[
        bool, typer.Option("--provenance", help="Add the character spans of every value.")
    ] = False,
) -> None:
    """Extract records to JSON files (spec format) without touching a database."""
    from bilateral.services import extracting

    settings: Settings = ctx.obj
    extractor = extracting.make_extractor(settings)
    with progress_bar("extracting") as progress:
        report = extracting.extract_paths(
            extractor, paths, out_dir, max_bytes=settings.max_document_bytes,
            with_provenance=provenance, progress=progress,
        )  # fmt: skip
    _report_errors(report.errors)
    out.print(f"{len(report.written)} record(s) written to {out_dir}, {len(report.errors)} failed.")
    if report.errors and not report.written:
        raise typer.Exit(1)


@export_app.command("records")
def export_records_command(
    ctx: typer.Context,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the <name>.json records.")],
    provenance: Annotated[bool, typer.Option("--provenance")] = False,
) -> None:
    """One <name>.json per stored document, in the spec format."""
    from bilateral.services import export
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        report = export.export_records(store, out_dir, with_provenance=provenance)
    out.print(f"{report.count} record(s) written to {report.path}.")


@export_app.command("corpus")
def export_corpus_command(
    ctx: typer.Context,
    out_file: Annotated[Path, typer.Option("--out", help="The corpus JSON file to write.")],
) -> None:
    """Same-event groups and commitment fulfillments, in the spec's corpus format."""
    from bilateral.services import export
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        report = export.export_corpus(store, out_file)
    out.print(f"corpus written to {report.path} ({report.count} entries).")


@db_app.command("upgrade")
def db_upgrade_command(ctx: typer.Context) -> None:
    """Create the database or bring its schema up to date."""
    from bilateral.services.context import open_store

    settings: Settings = ctx.obj
    with open_store(settings) as store:
        store.upgrade()
    out.print(f"database at {_redact(settings.resolved_database_url)} is up to date.")


@app.command("search")
def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to look for in stored documents.")],
    limit: Annotated[int, typer.Option(min=1, max=200)] = 10,
) -> None:
    """Full-text search over stored documents."""
    from bilateral.services import browse
    from bilateral.services.context import open_store

    with open_store(ctx.obj) as store:
        hits = browse.search(store, query, limit=limit)
    for hit in hits:
        out.print(f"[bold]{hit.document_name}[/bold]  {hit.snippet}", highlight=False)
    if not hits:
        out.print("no matches.")


@app.command("serve")
def serve_command(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the web UI."""
    _serve(ctx.obj.model_copy(update=_address(host, port)))


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Start afresh: a new SQLite database with the bundled samples, then serve it."""
    from bilateral.services import extracting, ingest
    from bilateral.services.context import open_store
    from bilateral.services.samples import sample_paths

    settings: Settings = ctx.obj
    db_file = settings.data_dir / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    settings = settings.model_copy(
        update={"database_url": f"sqlite:///{db_file.as_posix()}", **_address(host, port)}
    )
    extractor = extracting.make_extractor(settings)
    with open_store(settings) as store:
        report = ingest.ingest_paths(
            store, extractor, sample_paths(), max_bytes=settings.max_document_bytes
        )
    _report_errors(report.errors)
    out.print(f"demo database {db_file}: {len(report.added)} sample readouts ingested.")
    _serve(settings)


def _address(host: str | None, port: int | None) -> dict[str, object]:
    return {k: v for k, v in (("host", host), ("port", port)) if v is not None}


def _serve(settings: Settings) -> None:
    import uvicorn

    from bilateral.app import create_app

    out.print(f"bilateral is serving on http://{settings.host}:{settings.port}/  (Ctrl+C stops)")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
