"""A real HTTP server for an ASGI app, run by uvicorn in a background thread.

    with live_server(app) as base_url:   # "http://127.0.0.1:<free port>"
        ...                               # the app answers /healthz by now

The socket is bound before the server starts (port 0: the kernel picks a free port), so
there is no race for the port. Leaving the block asks uvicorn to exit and joins the thread.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

HOST = "127.0.0.1"


class ServerError(RuntimeError):
    """The server did not come up (or did not go down) in time."""


def _bound_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    sock.set_inheritable(True)
    return sock


def wait_for_health(base_url: str, *, path: str = "/healthz", timeout: float = 20.0) -> None:
    """Poll ``base_url + path`` until it answers 200; :class:`ServerError` after ``timeout``."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + path, timeout=2) as response:
                if response.status == 200:
                    return
                last = response.status
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = exc
        time.sleep(0.05)
    raise ServerError(f"{base_url}{path} did not answer 200 within {timeout:.0f} s: {last!r}")


@contextmanager
def live_server(app: ASGIApp, *, startup_timeout: float = 20.0) -> Iterator[str]:
    """Serve ``app`` on a free localhost port for the duration of the block; its base URL."""
    sock = _bound_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        lifespan="on",
        ws="none",  # no websockets library warnings; the UI uses none
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as exc:  # reported by the caller, not lost in the thread
            failure.append(exc)

    thread = threading.Thread(target=run, name=f"uvicorn:{port}", daemon=True)
    thread.start()
    base_url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if failure or not thread.is_alive():
                raise ServerError(f"uvicorn stopped during startup: {failure!r}")
            if time.monotonic() > deadline:
                raise ServerError(f"uvicorn did not start within {startup_timeout:.0f} s")
            time.sleep(0.02)
        wait_for_health(base_url, timeout=startup_timeout)
        yield base_url
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        if thread.is_alive():
            raise ServerError("uvicorn did not shut down within 15 s")
    if failure:
        raise ServerError(f"uvicorn failed: {failure[0]!r}") from failure[0]
