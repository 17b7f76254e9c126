"""The store's queries for browsing: timelines with facets, the home page.

:class:`BrowsingMethods` is a part of :class:`bilateral.store.Store`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bilateral.store.database import Database


class BrowsingMethods:
    _db: Database
    _clock: Callable[[], datetime]
