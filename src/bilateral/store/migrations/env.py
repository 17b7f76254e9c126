"""Alembic environment: migrations run on the connection bilateral's store hands over.

Run them with :meth:`bilateral.store.Store.upgrade` (``open_store`` does it on open); new
revisions come from ``python -m bilateral.store.migrations revision``.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from bilateral.store.tables import Base, UTCDateTime, include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run bilateral's migrations through bilateral.store (Store.upgrade)")


def _render_item(type_: str, obj: Any, _context: AutogenContext) -> str | Literal[False]:
    """Write bilateral's own column types as plain SQLAlchemy types in revisions."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    render_item=_render_item,
)
with context.begin_transaction():
    context.run_migrations()
