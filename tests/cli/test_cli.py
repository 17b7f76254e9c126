"""The command line, run in-process with Typer's runner against a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli import app
from bilateral.services.samples import sample_paths

runner = CliRunner()


def run(*args: str, db: Path | None = None) -> tuple[int, str]:
    prefix = ["--db", f"sqlite:///{db}"] if db else []
    result = runner.invoke(app, [*prefix, *args])
    return result.exit_code, result.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def test_ingest_is_idempotent_and_says_so(db: Path) -> None:
    samples = [str(p) for p in sample_paths()]
    code, output = run("ingest", *samples, db=db)
    assert code == 0
    assert f"{len(samples)} new document(s) stored" in output
    code, output = run("ingest", *samples, db=db)
    assert code == 0
    assert f"0 new document(s) stored (0 engagements), {len(samples)} already stored" in output


def test_bad_file_is_named_with_its_reason(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\xff\x00\xfe" * 100)
    code, output = run("ingest", str(bad), db=db)
    assert code == 1
    assert "scan.txt" in output and "Traceback" not in output


def test_missing_path_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    code, output = run("ingest", str(tmp_path / "nope.txt"), db=db)
    assert code == 1
    assert "nope.txt" in output and "Traceback" not in output


def test_extract_writes_spec_json(tmp_path: Path) -> None:
    code, output = run("extract", *map(str, sample_paths()), "--out", str(tmp_path / "out"))
    assert code == 0, output
    files = sorted((tmp_path / "out").glob("*.json"))
    assert [f.stem for f in files] == sorted(p.stem for p in sample_paths())
    for f in files:
        data = json.loads(f.read_text())
        assert data["document"] == f.stem and isinstance(data["engagements"], list)


def test_export_records_and_corpus(db: Path, tmp_path: Path) -> None:
    run("ingest", *map(str, sample_paths()[:3]), db=db)
    code, output = run("export", "records", "--out", str(tmp_path / "rec"), db=db)
    assert code == 0 and "3 record(s)" in output
    code, output = run("export", "corpus", "--out", str(tmp_path / "corpus.json"), db=db)
    assert code == 0
    assert json.loads((tmp_path / "corpus.json").read_text()) == {
        "fulfillments": [], "same_event": [],
    }  # fmt: skip


def test_db_upgrade_and_search(db: Path) -> None:
    code, output = run("db", "upgrade", db=db)
    assert code == 0 and "up to date" in output
    run("ingest", *map(str, sample_paths()), db=db)
    code, output = run("search", "consular", db=db)
    assert code == 0 and "pak-chn-consular-consultations-2023" in output


def test_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, output = run("db", "upgrade", db=blocker / "y.db")
    assert code == 1
    assert output.startswith("error: ") and "Traceback" not in output


def test_unknown_database_scheme_is_a_clear_error() -> None:
    result = runner.invoke(app, ["--db", "nosuchdb://x", "db", "upgrade"])
    assert result.exit_code == 1
    assert result.output.startswith("error: ")


def test_help_lists_every_command() -> None:
    code, output = run("--help")
    assert code == 0
    for command in ("ingest", "extract", "export", "serve", "db", "demo", "search"):
        assert command in output
