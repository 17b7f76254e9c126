"""The ``bilateral`` command line: thin commands over the services.

:mod:`.base` holds the app and its frame; each module registers its commands on it:
:mod:`.documents` (ingest, extract, export, search, serve, demo, db), :mod:`.resolved`
(resolve, meetings, people, mechanisms, commitments) and :mod:`.review` (corrections).
"""

from __future__ import annotations

from bilateral.cli import documents, resolved, review
from bilateral.cli.base import app

__all__ = ["app", "main"]
_COMMANDS = (documents, resolved, review)


def main() -> None:
    """Entry point of the ``bilateral`` command."""
    app()
