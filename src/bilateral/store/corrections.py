"""Human corrections: appended, never updated, read back in the order they were made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Table, insert, select

from bilateral.resolved import Correction
from bilateral.store.tables import CorrectionRow

CORRECTIONS: Table = CorrectionRow.__table__  # type: ignore[assignment]


def add_correction(connection: Connection, correction: Correction, *, now: datetime) -> Correction:
    values = correction.model_dump(exclude={"id", "created_at"})
    statement = insert(CORRECTIONS).returning(CORRECTIONS.c.id)
    new_id = connection.execute(statement, {**values, "created_at": now}).scalar_one()
    return correction.model_copy(update={"id": new_id, "created_at": now})


def list_corrections(
    connection: Connection, *, targets: Sequence[str] | None = None
) -> list[Correction]:
    """Corrections oldest first; only those about ``targets`` (as target or other) if given."""
    statement = select(CORRECTIONS).order_by(CORRECTIONS.c.id)
    if targets is not None:
        wanted = list(targets)
        statement = statement.where(
            CORRECTIONS.c.target.in_(wanted) | CORRECTIONS.c.other.in_(wanted)
        )
    return [Correction.model_validate(row._asdict()) for row in connection.execute(statement)]
