"""The store's queries about people, mechanisms and topic trends.

:class:`InsightMethods` is a part of :class:`bilateral.store.Store`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bilateral.store.database import Database


class InsightMethods:
    _db: Database
    _clock: Callable[[], datetime]
