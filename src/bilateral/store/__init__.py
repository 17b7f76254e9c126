"""The store: documents, engagement records and provenance in SQLite or PostgreSQL.

The only package that imports SQLAlchemy and Alembic. Everything else uses :class:`Store`
(returned by :func:`open_store`), which speaks :mod:`bilateral.records` only.
"""

from bilateral.store.repository import Store, open_store

__all__ = ["Store", "open_store"]
