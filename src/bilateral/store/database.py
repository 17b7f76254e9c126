"""Engine setup, transactions, error translation and migrations.

SQLite connections run in WAL mode with foreign keys on and a busy timeout; SQLAlchemy (not the
``sqlite3`` module) emits ``BEGIN``, so that reads and writes of one store call share one
transaction and writes take the lock up front (``BEGIN IMMEDIATE``). PostgreSQL goes through
psycopg 3. Nothing else is supported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from bilateral.errors import ConfigError, StoreError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
_WRITE = "bilateral_write"
_MIGRATION_LOCK_KEY = 0x62696C6174  # pg_advisory_xact_lock key held while migrating


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///path "
            "or postgresql+psycopg://user@host/db"
        )
    return parsed


def _is_memory(url: URL) -> bool:
    database = url.database or ""
    return database in ("", ":memory:") or "mode=memory" in database


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` with bilateral's connection settings."""
    parsed = parse_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        if _is_memory(parsed):
            # One shared connection: every pooled connection would otherwise be its own db.
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        elif parsed.database and not parsed.database.startswith("file:"):
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"cannot create the database folder {folder}: {exc}") from exc
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise ConfigError(f"cannot use database URL {parsed!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _describe(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    detail = str(orig if orig is not None else exc).strip().splitlines()
    return detail[0] if detail else type(exc).__name__


class Database:
    """An engine plus the two ways the store uses it: read and write transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @contextmanager
    def read(self, action: str) -> Iterator[Connection]:
        """A read transaction; database errors become :class:`StoreError`."""
        with self._transaction(action, write=False) as connection:
            yield connection

    @contextmanager
    def write(self, action: str) -> Iterator[Connection]:
        """A write transaction (committed on success, rolled back on any exception)."""
        with self._transaction(action, write=True) as connection:
            yield connection

    @contextmanager
    def _transaction(self, action: str, *, write: bool) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                if write:
                    connection.execution_options(**{_WRITE: True})
                with connection.begin():
                    yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"could not {action}: {_describe(exc)}") from exc

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is there already)."""
        with self.write("migrate the database") as connection:
            if self.dialect == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                )
            command.upgrade(alembic_config(connection), "head")

    def optimize(self) -> None:
        """Maintenance after bulk writes: fresh planner statistics, and on SQLite the
        write-ahead log folded back into the database so reads stop consulting it.

        Runs on a raw driver connection, outside any transaction (SQLite refuses to
        checkpoint inside one)."""
        statements = (
            ["PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)"]
            if self.dialect == "sqlite"
            else ["ANALYZE"]
        )
        try:
            raw = self.engine.raw_connection()
        except SQLAlchemyError as exc:
            raise StoreError(f"could not optimize the database: {_describe(exc)}") from exc
        try:
            cursor = raw.cursor()
            for statement in statements:
                cursor.execute(statement)
            cursor.close()
            raw.commit()
        except Exception as exc:  # the driver's own errors: no SQLAlchemy wrapper here
            raise StoreError(f"could not optimize the database: {exc}") from exc
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config
