"""Connections, settings per backend, migrations and error translation."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from bilateral.errors import ConfigError, StoreError
from bilateral.store import Store, open_store
from bilateral.store.database import alembic_config
from bilateral.store.tables import Base, include_name
from conftest import make_document, make_engagement, make_record


def _sqlite_path(store_url: str) -> str:
    return store_url.removeprefix("sqlite:///")


def _diffs(url: str) -> list[Any]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": include_name, "compare_type": True}
            )
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_migrations_and_models_agree(database_url: str) -> None:
    open_store(database_url).close()
    assert _diffs(database_url) == []


def test_migrations_create_search_objects_and_version(database_url: str) -> None:
    open_store(database_url).close()
    engine = create_engine(database_url)
    try:
        inspector = inspect(engine)
        names = set(inspector.get_table_names())
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() == head
        if engine.dialect.name == "sqlite":
            assert "documents_fts" in names
        else:
            columns = {column["name"] for column in inspector.get_columns("documents")}
            assert "search_vector" in columns
    finally:
        engine.dispose()


def test_upgrade_is_idempotent_and_downgrade_works(database_url: str) -> None:
    store = open_store(database_url)
    document = make_document()
    store.add_document(document, make_record(document))
    store.upgrade()
    store.close()
    with open_store(database_url) as reopened:
        assert reopened.get_record(document.id) == make_record(document)

    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    with open_store(database_url) as again:
        assert again.count_documents() == 0
        assert _diffs(database_url) == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'bilateral.db'}"
    with open_store(url) as store:
        document = make_document()
        store.add_document(document, make_record(document))
        engine = store._db.engine
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 10_000
    assert (tmp_path / "deep" / "er" / "bilateral.db").exists()
    # WAL is a property of the file: a plain sqlite3 connection sees it too
    plain = sqlite3.connect(tmp_path / "deep" / "er" / "bilateral.db")
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        plain.close()


def test_sqlite_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'fk.db'}") as store:
        with pytest.raises(StoreError), store._db.write("insert an orphan") as connection:
            connection.exec_driver_sql(
                "INSERT INTO engagements (document_id, ordinal, kind) VALUES ('gone', 0, 'call')"
            )
        assert store.count_engagements() == 0


def test_in_memory_sqlite_works_across_threads() -> None:
    with open_store("sqlite://") as store:
        document = make_document()
        store.add_document(document, make_record(document))
        counted: list[int] = []
        worker = threading.Thread(target=lambda: counted.append(store.count_documents()))
        worker.start()
        worker.join()
        assert counted == [1]


def test_concurrent_writers_do_not_fail(store: Store) -> None:
    errors: list[BaseException] = []

    def add(n: int) -> None:
        try:
            for i in range(5):
                document = make_document(name=f"doc-{n}-{i}", text=f"text {n} {i}")
                store.add_document(document, make_record(document, make_engagement()))
                store.add_document(document, make_record(document))  # the duplicate is a no-op
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert (store.count_documents(), store.count_engagements()) == (20, 20)


@pytest.mark.parametrize(
    "url", ["not a url", "mysql+pymysql://user@host/db", "sqlite+nosuchdriver:///x.db"]
)
def test_unusable_urls_are_config_errors(url: str) -> None:
    with pytest.raises(ConfigError):
        open_store(url)


def test_sqlite_file_that_cannot_be_created_is_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="cannot create the database folder"):
        open_store(f"sqlite:///{blocker / 'sub' / 'x.db'}")
    with pytest.raises(StoreError, match="unable to open database file"):
        open_store(f"sqlite:///{tmp_path}")  # a folder, not a file


def test_unreachable_postgresql_is_a_store_error() -> None:
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "could not migrate the database" in str(raised.value)


def test_store_closes_its_connections_as_a_context_manager(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with open_store(f"sqlite:///{path}") as store:
        document = make_document()
        store.add_document(document, make_record(document))
        assert path.with_name("x.db-wal").exists()
    # SQLite checkpoints and removes the WAL file when the last connection closes
    assert not path.with_name("x.db-wal").exists()


def test_optimize_runs_on_a_store_in_use(store: Store) -> None:
    doc = make_document(text="a readout to optimize over")
    store.add_document(doc, make_record(doc, make_engagement()))
    store.optimize()
    assert store.count_documents() == 1
