"""The store's aggregates for the people, mechanism and topic pages, on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.store.insights import PersonRef, YearCount
from support.readouts import store_readouts

TODAY = date(2026, 11, 23)
ESPD = "KAZ-USA:enhanced-strategic-partnership-dialogue"


@pytest.fixture
def resolved(store: Store) -> Store:
    """The five readouts (three ESPD rounds, one reported twice, and a China call), resolved."""
    store_readouts(store)
    resolve_store(store, today=TODAY)
    return store


def test_find_people_by_name_or_any_spelling(resolved: Store) -> None:
    everyone, total = resolved.find_people()
    assert total == 5
    assert [p.name for p in everyone] == sorted(p.name for p in everyone)

    by_name, total = resolved.find_people(name="umar")
    assert [p.id for p in by_name] == ["kaz-kairat-umarov"]
    assert total == 1

    page, total = resolved.find_people(limit=2, offset=2)
    assert len(page) == 2
    assert total == 5


def test_find_people_takes_like_wildcards_literally(resolved: Store) -> None:
    assert resolved.find_people(name="%") == ([], 0)
    assert resolved.find_people(name="_") == ([], 0)


def test_meetings_attended_newest_first_with_resolved_dates(resolved: Store) -> None:
    meetings = resolved.meetings_attended("usa-donald-lu")
    assert [m.date for m in meetings] == ["2023-11-06", "2022-12-05", "2021-12-15"]
    assert {m.mechanism_id for m in meetings} == {ESPD}
    assert all(m.block == "KAZ-USA" and m.kind == "dialogue" for m in meetings)
    assert (
        meetings[0].mechanism == "Kazakhstan-United States Enhanced Strategic Partnership Dialogue"
    )


def test_counterparts_are_the_other_sides_heads_with_meeting_counts(resolved: Store) -> None:
    counterparts = resolved.counterparts_of("usa-donald-lu", "USA")
    assert counterparts == [
        PersonRef("kaz-kairat-umarov", "Kairat Umarov", "KAZ", 2),
        PersonRef("kaz-akan-rakhmetullin", "Akan Rakhmetullin", "KAZ", 1),
    ]
    back = resolved.counterparts_of("kaz-kairat-umarov", "KAZ")
    assert back == [PersonRef("usa-donald-lu", "Donald Lu", "USA", 2)]


def test_mechanism_rounds_heads_topics_and_commitments(resolved: Store) -> None:
    heads = resolved.mechanism_heads(ESPD)
    by_meeting: dict[str, set[str]] = {}
    for head in heads:
        by_meeting.setdefault(head.meeting_id, set()).add(head.person_id)
    assert len(by_meeting) == 3
    assert all("usa-donald-lu" in ids and len(ids) == 2 for ids in by_meeting.values())

    topics = resolved.mechanism_topics(ESPD)
    assert {code for _, code in topics} == {"regional", "security.nonproliferation"}
    assert {meeting for meeting, _ in topics} == set(by_meeting)

    commitments = resolved.mechanism_commitments(ESPD)
    assert [(c.text, c.status) for c in commitments] == [
        ("hold the next round in 2023", "fulfilled")
    ]
    assert resolved.mechanism_commitments("CHN-KAZ:nothing") == []


def test_find_mechanisms_by_name(resolved: Store) -> None:
    found, total = resolved.find_mechanisms(name="partnership")
    assert ([m.id for m in found], total) == ([ESPD], 1)
    everything, total = resolved.find_mechanisms()
    assert total == len(everything) == len(resolved.list_mechanisms())


def test_topic_years_counts_meetings_per_topic_and_year(resolved: Store) -> None:
    rows = set(resolved.topic_years())
    assert YearCount("regional", 2023, 2) in rows  # the ESPD round and the China call
    assert YearCount("regional", 2021, 1) in rows
    assert YearCount(None, 2023, 2) in rows  # meetings whatever their topics
    assert YearCount(None, 2022, 1) in rows  # reported twice, one meeting

    pair = set(resolved.topic_years(block="KAZ-USA"))
    assert YearCount("regional", 2023, 1) in pair
    assert YearCount(None, 2023, 1) in pair

    assert set(resolved.topic_years(mechanism_id=ESPD)) == pair
    assert resolved.topic_years(block="FRA-USA") == []


def test_meeting_blocks(resolved: Store) -> None:
    assert resolved.meeting_blocks() == [("CHN-KAZ", 1), ("KAZ-USA", 3)]
