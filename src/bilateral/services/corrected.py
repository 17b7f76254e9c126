"""Records with human corrections applied, for exports and pages that show documents."""

from __future__ import annotations

from typing import Any

from bilateral.records import DocumentRecord
from bilateral.services.constraints import edited, fold
from bilateral.store import Store

Edits = dict[str, dict[str, Any]]


def corrections_by_key(store: Store) -> Edits:
    """Field values set by hand, per engagement key: the engagement's own edits, then those
    of the meeting it belongs to (a meeting edit applies to every report of it)."""
    folded = fold(store.list_corrections())
    edits: Edits = {key: dict(values) for key, values in folded.edits.items()}
    for anchor, values in folded.constraints.meeting_fields.items():
        document_id, _, ordinal = anchor.rpartition(":")
        meeting_id = store.meeting_id_of(document_id, int(ordinal))
        if meeting_id is None:
            continue
        for key in store.get_meeting(meeting_id).members:
            edits.setdefault(str(key), {}).update(values)
    return edits


def corrected_record(document_id: str, record: DocumentRecord, edits: Edits) -> DocumentRecord:
    engagements = [
        edited(engagement, edits.get(f"{document_id}:{ordinal}", {}))
        for ordinal, engagement in enumerate(record.engagements)
    ]
    return record.model_copy(update={"engagements": engagements})
