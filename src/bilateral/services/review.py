"""Review: human corrections, recorded with who and when, applied at once and kept forever.

Every function records one or more :class:`~bilateral.resolved.Correction` rows (with the
value before and after) and re-resolves the blocks involved, so the stored picture reflects
the correction at once. Re-ingesting or re-extracting never touches corrections, and every
resolution run applies them again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from bilateral.errors import NotFound, ValidationError
from bilateral.records import Engagement
from bilateral.resolution.names import fold as fold_name
from bilateral.resolution.names import person_block
from bilateral.resolved import Correction, EngagementKey, Person, block_of
from bilateral.services.constraints import EDITABLE, edited, fold
from bilateral.services.resolving import resolve_store
from bilateral.store import Store


def _key(value: str) -> EngagementKey:
    try:
        return EngagementKey.parse(value)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _save(
    store: Store, today: date, blocks: set[str], *items: Correction,
    person_blocks: set[str] | None = None, changed: set[str] | None = None,
) -> list[Correction]:  # fmt: skip
    """Record the corrections, then re-resolve what they touch."""
    saved = [store.add_correction(item) for item in items]
    resolve_store(store, today=today, blocks=blocks, person_blocks=person_blocks or set(),
                  changed=changed or set())  # fmt: skip
    return saved


def _named_in(*records: Engagement) -> set[str]:
    """The family-name blocks of the people these records name."""
    return {person_block(p.name, p.country) for r in records for p in r.participants}


def _of_people(*people: Person) -> set[str]:
    """The family-name blocks of every spelling of these people."""
    return {person_block(v, p.country) for p in people for v in p.variants} | {
        p.block for p in people
    }


def current_engagement(store: Store, key: EngagementKey) -> Engagement:
    """The engagement as stored, with the corrections made to it so far."""
    record = store.get_record(key.document_id)
    if key.ordinal >= len(record.engagements):
        raise NotFound(f"document {key.document_id} has no engagement {key.ordinal}")
    edits = fold(store.list_corrections(targets=[str(key)])).edits
    return edited(record.engagements[key.ordinal], edits.get(str(key), {}))


def _changed(engagement: Engagement, field: str, value: Any) -> Engagement:
    if field not in EDITABLE:
        raise ValidationError(
            f"{field!r} cannot be edited; editable: {', '.join(sorted(EDITABLE))}"
        )
    try:
        return edited(engagement, {field: value})
    except PydanticValidationError as exc:
        raise ValidationError(f"{field}: {exc.errors()[0]['msg']}") from exc


def edit_engagement(
    store: Store, key: str, field: str, value: Any, *, author: str, today: date,
    note: str | None = None,
) -> Correction:  # fmt: skip
    """Set one field of one engagement as its document reports it."""
    engagement_key = _key(key)
    before = current_engagement(store, engagement_key)
    after = _changed(before, field, value)
    item = Correction(
        action="edit_engagement", target=str(engagement_key), field=field, author=author,
        before=before.model_dump(mode="json")[field], after=after.model_dump(mode="json")[field],
        note=note,
    )  # fmt: skip
    blocks = {block_of(before.parties), block_of(after.parties)}
    return _save(store, today, blocks, item, person_blocks=_named_in(before, after),
                 changed={engagement_key.document_id})[0]  # fmt: skip


def edit_meeting(
    store: Store, meeting_id: str, field: str, value: Any, *, author: str, today: date,
    note: str | None = None,
) -> Correction:  # fmt: skip
    """Set one field of a resolved meeting, whatever its sources say."""
    meeting = store.find_meeting(meeting_id)
    after = _changed(meeting.record, field, value)
    item = Correction(
        action="edit_meeting", target=meeting.id, field=field, author=author,
        before=meeting.record.model_dump(mode="json")[field],
        after=after.model_dump(mode="json")[field], note=note,
    )  # fmt: skip
    return _save(store, today, {meeting.block}, item, person_blocks=_named_in(meeting.record))[0]


def merge_meetings(
    store: Store, first: str, second: str, *, author: str, today: date, note: str | None = None
) -> Correction:
    """Declare two meetings one: their reports will always be grouped together."""
    a, b = store.find_meeting(first), store.find_meeting(second)
    if a.id == b.id:
        raise ValidationError("a meeting cannot be merged with itself")
    item = Correction(action="merge_meetings", target=a.id, other=b.id, author=author,
                      before=[a.id, b.id], after=a.id, note=note)  # fmt: skip
    blocks = {a.block, b.block}
    return _save(store, today, blocks, item, person_blocks=_named_in(a.record, b.record))[0]


def split_meeting(
    store: Store, meeting_id: str, report: str, *, author: str, today: date,
    note: str | None = None,
) -> list[Correction]:  # fmt: skip
    """Take one report (an engagement key) out of a meeting: it will never join it again."""
    meeting = store.find_meeting(meeting_id)
    key = _key(report)
    if key not in meeting.members or len(meeting.members) < 2:
        raise ValidationError(f"{report} is not one of several reports of meeting {meeting_id}")
    items = [
        Correction(
            action="split_meeting",
            target=str(key),
            other=str(other),
            author=author,
            before=meeting.id,
            note=note,
        )
        for other in meeting.members
        if other != key
    ]
    return _save(store, today, {meeting.block}, *items, person_blocks=_named_in(meeting.record))


def merge_people(
    store: Store, first: str, second: str, *, author: str, today: date, note: str | None = None
) -> Correction:
    """Declare two people one person."""
    a, b = store.get_person(first), store.get_person(second)
    if a.id == b.id:
        raise ValidationError("a person cannot be merged with themselves")
    item = Correction(action="merge_people", target=a.name_keys[0], other=b.name_keys[0],
                      author=author, before=[a.id, b.id], after=a.id, note=note)  # fmt: skip
    return _save(store, today, set(), item, person_blocks=_of_people(a, b))[0]


def split_person(
    store: Store, person_id: str, variant: str, *, author: str, today: date,
    note: str | None = None,
) -> list[Correction]:  # fmt: skip
    """Make one spelling of a person's name (``variant``, as written) a different person."""
    person = store.get_person(person_id)
    chosen = [k for k in person.name_keys if k.partition("|")[2] == fold_name(variant)]
    if not chosen or len(person.name_keys) < 2:
        raise ValidationError(f"{variant!r} is not one of several spellings of {person.name}")
    others = [k for k in person.name_keys if k not in chosen]
    items = [
        Correction(action="split_people", target=chosen[0], other=other, author=author,
                   before=person.id, note=note)
        for other in others
    ]  # fmt: skip
    return _save(store, today, set(), *items, person_blocks=_of_people(person))


def judge_link(
    store: Store, commitment_id: str, meeting_id: str, *, confirm: bool, author: str,
    today: date, note: str | None = None,
) -> Correction:  # fmt: skip
    """Confirm (or reject) that a meeting fulfilled a commitment."""
    commitment = store.get_commitment(commitment_id)
    meeting = store.find_meeting(meeting_id)
    previous = next(
        (link.state for link in commitment.links if link.meeting_id == meeting.id), None
    )
    item = Correction(
        action="confirm_link" if confirm else "reject_link", target=commitment.id,
        other=meeting.id, author=author, before=previous,
        after="confirmed" if confirm else "rejected", note=note,
    )  # fmt: skip
    return _save(store, today, {commitment.block, meeting.block}, item)[0]


def confirm_link(
    store: Store, commitment_id: str, meeting_id: str, *, author: str, today: date,
    note: str | None = None,
) -> Correction:  # fmt: skip
    """Confirm that a meeting fulfilled a commitment."""
    return judge_link(store, commitment_id, meeting_id, confirm=True, author=author,
                      today=today, note=note)  # fmt: skip


def reject_link(
    store: Store, commitment_id: str, meeting_id: str, *, author: str, today: date,
    note: str | None = None,
) -> Correction:  # fmt: skip
    """Reject a suggested or automatic fulfillment link."""
    return judge_link(store, commitment_id, meeting_id, confirm=False, author=author,
                      today=today, note=note)  # fmt: skip


def history(store: Store, *targets: str) -> list[Correction]:
    """Corrections, oldest first; only those about ``targets`` if any are given."""
    return store.list_corrections(targets=list(targets) if targets else None)
