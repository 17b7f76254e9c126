"""The store's browsing queries: the timeline with facets, the home page, one meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bilateral.errors import ValidationError
from bilateral.records import Commitment
from bilateral.services.resolving import resolve_store
from bilateral.store import Store, open_store
from bilateral.store.browsing import MeetingQuery
from support.readouts import READOUTS, readout, store_readouts

TODAY = date(2026, 11, 23)


@pytest.fixture
def resolved(store: Store) -> Store:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    return store


def names(store: Store, query: MeetingQuery, **options: int) -> list[str]:
    """The first document name of each meeting of one page of the timeline, in order."""
    return [m.document_names[0] for m in store.browse_meetings(query, **options).meetings]


def test_meetings_newest_first_with_the_total(resolved: Store) -> None:
    page = resolved.browse_meetings(MeetingQuery())
    assert page.total == 4
    assert [m.record.date for m in page.meetings] == [
        "2023-11-06", "2023-03-01", "2022-12-05", "2021-12-15"
    ]  # fmt: skip
    assert [m.id for m in page.meetings] == [m.id for m in resolved.list_meetings()]
    second = resolved.browse_meetings(MeetingQuery(), limit=3, offset=3)
    assert second.total == 4
    assert [m.record.date for m in second.meetings] == ["2021-12-15"]


def test_filters(resolved: Store) -> None:
    espd = next(m.mechanism_id for m in resolved.list_meetings(block="KAZ-USA"))
    assert names(resolved, MeetingQuery(block="CHN-KAZ")) == ["call-2023"]
    assert len(names(resolved, MeetingQuery(mechanism_id=espd))) == 3
    assert names(resolved, MeetingQuery(kind="call")) == ["call-2023"]
    assert names(resolved, MeetingQuery(person_id="kaz-akan-rakhmetullin")) == ["round-2021"]
    assert len(names(resolved, MeetingQuery(person_id="usa-donald-lu"))) == 3
    assert len(names(resolved, MeetingQuery(topic="security"))) == 4
    assert names(resolved, MeetingQuery(topic="secu")) == []
    window = MeetingQuery(start=date(2022, 1, 1), end=date(2023, 3, 1))
    assert len(names(resolved, window)) == 2
    both = MeetingQuery(block="KAZ-USA", start=date(2023, 1, 1))
    assert names(resolved, both) == ["round-2023"]
    assert resolved.browse_meetings(MeetingQuery(block="KAZ-USA", kind="call")).total == 0


def test_facets_count_meetings_under_the_filters(resolved: Store) -> None:
    facets = resolved.browse_meetings(MeetingQuery()).facets
    assert [(c.value, c.count) for c in facets["pair"]] == [("KAZ-USA", 3), ("CHN-KAZ", 1)]
    assert [(c.value, c.count) for c in facets["kind"]] == [("dialogue", 3), ("call", 1)]
    people = {c.value: (c.count, c.label) for c in facets["person"]}
    assert people["usa-donald-lu"] == (3, "Donald Lu")  # reported twice in 2022, counted once
    assert people["kaz-kairat-umarov"] == (2, "Kairat Umarov")
    mechanisms = {c.label: c.count for c in facets["mechanism"]}
    assert mechanisms["Kazakhstan-United States Enhanced Strategic Partnership Dialogue"] == 3
    assert {c.value: c.count for c in facets["topic"]}["regional"] == 4
    narrowed = resolved.browse_meetings(MeetingQuery(block="KAZ-USA", start=date(2022, 1, 1)))
    assert narrowed.total == 2
    people = {c.value: c.count for c in narrowed.facets["person"]}
    assert people == {"usa-donald-lu": 2, "kaz-kairat-umarov": 2}
    assert [(c.value, c.count) for c in narrowed.facets["kind"]] == [("dialogue", 2)]


def test_people_are_counted_only_for_narrow_timelines(resolved: Store) -> None:
    wide = resolved.browse_meetings(MeetingQuery(), people_up_to=3)
    assert wide.facets["person"] == []
    chosen = resolved.browse_meetings(MeetingQuery(person_id="usa-donald-lu"), people_up_to=1)
    assert {c.value for c in chosen.facets["person"]} >= {"usa-donald-lu"}


def test_count_values(resolved: Store) -> None:
    assert [(c.value, c.count) for c in resolved.count_values("pair", limit=1)] == [("KAZ-USA", 3)]
    with pytest.raises(ValidationError):
        resolved.count_values("colour")
    with pytest.raises(ValidationError):
        resolved.browse_meetings(MeetingQuery(), limit=0)


def test_recent_documents_newest_first_with_their_meetings(database_url: str) -> None:
    ticks = (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=i) for i in range(99))
    with open_store(database_url, clock=lambda: next(ticks)) as store:
        for name in READOUTS:
            store_readouts(store, name)  # one at a time: each later than the one before
        resolve_store(store, today=TODAY)
        recent = store.recent_documents(limit=2)
    assert [r.document.name for r in recent] == ["call-2023", "round-2023"]
    assert [m.record.date for m in recent[0].meetings] == ["2023-03-01"]
    assert recent[0].document.text == ""  # listed without the text


def test_find_commitments(store: Store) -> None:
    later = Commitment(text="sign a visa agreement", by=["KAZ"], due="2027-06")
    late = Commitment(text="open a consulate", by=["USA"], due="2024")
    store.add_documents([
        readout("a", "The first.", date="2023-01-01", commitments=[later]),
        readout("b", "The second.", date="2023-02-01", parties=["CHN", "KAZ"], commitments=[late]),
    ])  # fmt: skip
    resolve_store(store, today=TODAY)
    due, total = store.find_commitments(status="open", due_from="2026", due_before="2028")
    assert ([c.text for c in due], total) == (["sign a visa agreement"], 1)
    assert store.find_commitments(status="open", due_from="2028")[1] == 0
    overdue, total = store.find_commitments(status="overdue", latest_first=True)
    assert ([c.text for c in overdue], total) == (["open a consulate"], 1)
    every, total = store.find_commitments(limit=1, offset=1)
    assert total == 2 and [c.text for c in every] == ["sign a visa agreement"]


def test_one_meetings_people_and_commitments(resolved: Store) -> None:
    meeting = next(m for m in resolved.list_meetings() if len(m.members) == 2)
    mentions = resolved.mentions_in([(k.document_id, k.ordinal) for k in meeting.members])
    assert {(m.name, m.person.id) for m in mentions} == {
        ("Lu", "usa-donald-lu"), ("Donald Lu", "usa-donald-lu"),
        ("Kairat Umarov", "kaz-kairat-umarov"),
    }  # fmt: skip
    assert resolved.mentions_in([]) == []
    made, fulfilled = resolved.commitments_of_meeting(meeting)
    assert [c.text for c in made] == ["hold the next round in 2023"] and fulfilled == []
    later = resolved.get_meeting(made[0].links[0].meeting_id)
    assert [c.id for c in resolved.commitments_of_meeting(later)[1]] == [made[0].id]
    ids = [later.id, "nope:0", meeting.id]
    assert [m.id for m in resolved.meetings_by_id(ids)] == [later.id, meeting.id]
