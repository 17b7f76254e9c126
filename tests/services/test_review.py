"""Corrections: recorded with who and when, applied at once, surviving re-extraction."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bilateral.errors import NotFound, ValidationError
from bilateral.services import review
from bilateral.services.export import corpus_of, export_records
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from conftest import FIXED_NOW
from support.readouts import READOUTS, store_readouts

TODAY = date(2026, 11, 23)


@pytest.fixture
def resolved(store: Store) -> Store:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    return store


def meeting_on(store: Store, day: str) -> str:
    return next(m.id for m in store.list_meetings() if m.record.date == day)


def reextract_unchanged(store: Store) -> None:
    """What re-extraction does to the store: every record replaced, then a full resolve."""
    for name, (document, record) in READOUTS.items():
        del name
        store.replace_record(document.id, record)
    resolve_store(store, today=TODAY)


def test_a_meeting_edit_is_recorded_and_survives_reextraction(
    resolved: Store, tmp_path: Path
) -> None:
    meeting_id = meeting_on(resolved, "2022-12-05")
    correction = review.edit_meeting(
        resolved, meeting_id, "city", "Washington, D.C.", author="desk-officer", today=TODAY,
        note="per embassy",
    )  # fmt: skip
    assert (correction.before, correction.after) == ("Washington", "Washington, D.C.")
    assert correction.author == "desk-officer" and correction.created_at == FIXED_NOW
    reextract_unchanged(resolved)
    field = resolved.get_meeting(meeting_id).fields["city"]
    assert (field.value, field.corrected) == ("Washington, D.C.", True)
    export_records(resolved, tmp_path)
    for name in ("round-2022-state", "round-2022-news"):
        data = json.loads((tmp_path / f"{name}.json").read_text())
        assert data["engagements"][0]["city"] == "Washington, D.C."
    assert [c.id for c in review.history(resolved, meeting_id)] == [correction.id]


def test_a_report_edit_changes_only_that_report(resolved: Store, tmp_path: Path) -> None:
    document, _ = READOUTS["round-2021"]
    review.edit_engagement(resolved, f"{document.id}:0", "round", 3, author="analyst", today=TODAY)
    reextract_unchanged(resolved)
    export_records(resolved, tmp_path)
    assert json.loads((tmp_path / "round-2021.json").read_text())["engagements"][0]["round"] == 3
    assert json.loads((tmp_path / "round-2023.json").read_text())["engagements"][0]["round"] == 5


def test_bad_edits_are_refused_without_recording_anything(resolved: Store) -> None:
    meeting_id = meeting_on(resolved, "2023-11-06")
    with pytest.raises(ValidationError, match="cannot be edited"):
        review.edit_meeting(resolved, meeting_id, "colour", "red", author="a", today=TODAY)
    with pytest.raises(ValidationError, match="round"):
        review.edit_meeting(resolved, meeting_id, "round", "fifth", author="a", today=TODAY)
    with pytest.raises(NotFound):
        review.edit_meeting(resolved, "nope:0", "city", "Astana", author="a", today=TODAY)
    with pytest.raises(ValidationError, match="DOCUMENT_ID:ORDINAL"):
        review.edit_engagement(resolved, "no-ordinal", "city", "Astana", author="a", today=TODAY)
    assert review.history(resolved) == []


def test_split_and_merge_meetings(resolved: Store) -> None:
    meeting = resolved.get_meeting(meeting_on(resolved, "2022-12-05"))
    news = next(k for k, n in zip(meeting.members, meeting.document_names, strict=True)
                if n == "round-2022-news")  # fmt: skip
    review.split_meeting(resolved, meeting.id, str(news), author="a", today=TODAY)
    reextract_unchanged(resolved)
    assert corpus_of(resolved)["same_event"] == []
    apart = {
        m.id
        for m in resolved.list_meetings()
        if m.record.date and m.record.date.startswith("2022-12")
    }
    assert len(apart) == 2
    first, second = sorted(apart)
    review.merge_meetings(resolved, first, second, author="a", today=TODAY)
    assert corpus_of(resolved)["same_event"] == [["round-2022-news", "round-2022-state"]]


def test_merge_and_split_people(resolved: Store) -> None:
    [umarov] = resolved.list_people(name="Umarov")
    [rakhmetullin] = resolved.list_people(name="Rakhmetullin")
    review.merge_people(resolved, umarov.id, rakhmetullin.id, author="a", today=TODAY)
    [merged] = [p for p in resolved.list_people() if "Kairat Umarov" in p.variants]
    assert {"Kairat Umarov", "Akan Rakhmetullin"} <= set(merged.variants)
    review.split_person(resolved, merged.id, "Akan Rakhmetullin", author="a", today=TODAY)
    reextract_unchanged(resolved)
    kazakhs = sorted(p.name for p in resolved.list_people() if p.country == "KAZ")
    assert kazakhs == ["Akan Rakhmetullin", "Kairat Umarov", "Murat Nurtleu"]


def test_reject_then_confirm_a_fulfillment_link(resolved: Store) -> None:
    [commitment] = resolved.list_commitments()
    target = commitment.links[0].meeting_id
    review.reject_link(resolved, commitment.id, target, author="a", today=TODAY)
    rejected = resolved.get_commitment(commitment.id)
    assert rejected.status != "fulfilled"
    assert [link.state for link in rejected.links] == ["rejected"]
    assert corpus_of(resolved)["fulfillments"] == []
    review.confirm_link(resolved, commitment.id, target, author="b", today=TODAY)
    reextract_unchanged(resolved)
    confirmed = resolved.get_commitment(commitment.id)
    assert confirmed.status == "fulfilled"
    assert [(link.state, link.confidence) for link in confirmed.links] == [("confirmed", 1.0)]
    assert [c.action for c in review.history(resolved, commitment.id)] == [
        "reject_link", "confirm_link"
    ]  # fmt: skip
