"""PostgreSQL for the tests: a server named by URL, or a throwaway one started here.

``BILATERAL_TEST_POSTGRES_URL`` (any ``postgresql[+psycopg]://`` URL whose role may create
databases) wins. Otherwise :func:`start_server` runs ``initdb`` and ``pg_ctl`` (found on PATH or
in ``/usr/lib/postgresql/*/bin``) on a free port of 127.0.0.1 with trust authentication in a
temporary folder, as the ``postgres`` user when running as root (PostgreSQL refuses root).
Each test then gets its own database (``create_database``), dropped afterwards.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

URL_VARIABLE = "BILATERAL_TEST_POSTGRES_URL"


class PostgresUnavailableError(Exception):
    """No PostgreSQL here (not installed, no URL); the message is the tests' skip reason."""


class PostgresStartError(RuntimeError):
    """PostgreSQL should be usable but is not (bad URL, server failed to start): an error."""


@dataclass
class PostgresServer:
    """A PostgreSQL server the tests may create and drop databases on."""

    url: URL
    data_dir: Path | None = None  # set when this process started the server
    run_as: list[str] = field(default_factory=list)
    bin_dir: Path | None = None

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(conninfo, autocommit=True, connect_timeout=10)

    def url_for(self, database: str) -> str:
        """The SQLAlchemy URL of one database on this server."""
        url = self.url.set(drivername="postgresql+psycopg", database=database)
        return url.render_as_string(hide_password=False)

    def create_database(self, template: str | None = None) -> str:
        """A new, empty (or ``template``-copied) database; its name."""
        name = f"bilateral_test_{uuid.uuid4().hex[:12]}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(template))
        with self._admin() as connection:
            connection.execute(statement)
        return name

    def clear(self, database: str, tables: list[str]) -> None:
        """Delete every row of ``tables`` (children first), in one transaction.

        Much faster than TRUNCATE on tiny tables; ids are not restarted.
        """
        conninfo = self.url.set(drivername="postgresql", database=database).render_as_string(
            hide_password=False
        )
        with psycopg.connect(conninfo, connect_timeout=10) as connection:
            for table in tables:
                connection.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))

    def drop_database(self, name: str) -> None:
        with self._admin() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        """Stop the server if this process started it, and remove its files."""
        if self.data_dir is None or self.bin_dir is None:
            return
        data, self.data_dir = self.data_dir, None
        stopped = subprocess.run(
            [
                *self.run_as,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
        pid_file = data / "postmaster.pid"
        if stopped.returncode != 0 and pid_file.exists():
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGQUIT)
        shutil.rmtree(data.parent, ignore_errors=True)


def external_server(url: str) -> PostgresServer:
    """The server at ``url`` (its database is used only to create and drop others)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise PostgresStartError(f"{URL_VARIABLE} is not a PostgreSQL URL: {url}")
    server = PostgresServer(url=parsed.set(database=parsed.database or "postgres"))
    try:
        server._admin().close()
    except psycopg.Error as exc:
        raise PostgresStartError(f"cannot connect to {URL_VARIABLE}: {exc}") from exc
    return server


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, if PostgreSQL is installed."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for candidate in reversed(candidates):
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(attempts: int = 3) -> PostgresServer:
    """Start a throwaway server.

    :class:`PostgresUnavailableError` if PostgreSQL is not installed (or cannot run as root
    here); :class:`PostgresStartError` if it is but does not start.
    """
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailableError(
            f"PostgreSQL not installed (no initdb/pg_ctl) and {URL_VARIABLE} not set"
        )
    run_as: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="bilateral-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise PostgresUnavailableError("running as root and there is no postgres user") from exc
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    _run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        folder,
    )
    for _ in range(attempts):
        port = _free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        started = subprocess.run(
            [
                *run_as,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=90,
        )
        if started.returncode == 0:
            url = URL.create(
                "postgresql+psycopg",
                username="postgres",
                host="127.0.0.1",
                port=port,
                database="postgres",
            )
            return PostgresServer(url=url, data_dir=data, run_as=run_as, bin_dir=bin_dir)
    log = (folder / "log").read_text(errors="replace")[-2000:] if (folder / "log").exists() else ""
    shutil.rmtree(folder, ignore_errors=True)
    raise PostgresStartError(f"pg_ctl could not start PostgreSQL: {started.stderr}\n{log}")


def _run(command: list[str], folder: Path) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        program = next(Path(part).name for part in command if part.startswith("/"))
        raise PostgresStartError(f"{program} failed: {done.stderr.strip()[-2000:]}")
