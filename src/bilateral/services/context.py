"""What a running interface needs from settings: the store, opened and closed once.

Interfaces name the store's type as ``bilateral.services.context.Store`` (under
``TYPE_CHECKING``), so they never import :mod:`bilateral.store` themselves.
"""

from __future__ import annotations

from bilateral import store as _store
from bilateral.settings import Settings
from bilateral.store import Store

__all__ = ["Store", "close_store", "open_store"]


def open_store(settings: Settings) -> Store:
    """Open the store that ``settings`` point at, creating and migrating it if needed."""
    return _store.open_store(settings.resolved_database_url)


def close_store(store: Store) -> None:
    """Release the store's connections."""
    store.close()
