"""The engagements list and engagement pages."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.errors import NotFound, ValidationError
from bilateral.records import Engagement
from bilateral.store import Store
from bilateral.store.engagements import sort_date
from conftest import make_document, make_engagement, make_participant, make_record


def _add(store: Store, name: str, *engagements: Engagement) -> list[int]:
    document = make_document(name=name, text=f"readout {name}")
    store.add_document(document, make_record(document, *engagements))
    return store.get_document(document.id).engagement_ids


def test_list_is_newest_first_undated_last_then_by_id(store: Store) -> None:
    old = _add(store, "old", make_engagement(date="2019-05-02"))
    mixed = _add(
        store,
        "mixed",
        make_engagement(date="2022-12"),  # sorts as 2022-12-01
        make_engagement(date=None),
        make_engagement(date="2022-12-05", date_end="2022-12-06"),
    )
    year = _add(store, "year", make_engagement(date="2022"), make_engagement(date="someday"))
    same_day = _add(store, "same", make_engagement(date="2022-12-05"))

    page = store.list_engagements(page=1, per_page=50)

    expected = [mixed[2], same_day[0], mixed[0], year[0], old[0], mixed[1], year[1]]
    assert [item.id for item in page.items] == expected
    assert page.total == 7
    assert page.pages == 1


def test_list_pages(store: Store) -> None:
    ids = _add(store, "many", *[make_engagement(date=f"2020-01-{day:02d}") for day in range(1, 8)])
    newest_first = list(reversed(ids))

    pages = [store.list_engagements(page=n, per_page=3) for n in (1, 2, 3, 4)]

    assert [[item.id for item in p.items] for p in pages] == [
        newest_first[0:3],
        newest_first[3:6],
        newest_first[6:],
        [],
    ]
    assert {(p.total, p.pages, p.per_page) for p in pages} == {(7, 3, 3)}
    with pytest.raises(ValidationError):
        store.list_engagements(page=0, per_page=3)


def test_list_items_summarise_the_engagement(store: Store) -> None:
    engagement = make_engagement(
        participants=[
            make_participant(name="Donald Lu", role="head"),
            make_participant(name="Aide", role="member"),
            make_participant(name="Kairat Umarov", role="head"),
        ]
    )
    (engagement_id,) = _add(store, "espd", engagement)

    (item,) = store.list_engagements(page=1, per_page=10).items

    assert item.model_dump() == {
        "id": engagement_id,
        "document_id": store.find_document("espd").id,
        "document_name": "espd",
        "kind": "dialogue",
        "mechanism": engagement.mechanism,
        "date": "2022-12-05",
        "city": "Washington",
        "country": "USA",
        "parties": ["KAZ", "USA"],
        "heads": ["Donald Lu", "Kairat Umarov"],
    }


def test_get_engagement_has_document_text_and_full_record(store: Store) -> None:
    document = make_document()
    side_meeting = make_engagement(kind="meeting", mechanism=None)
    store.add_document(document, make_record(document, make_engagement(), side_meeting))
    engagement_id = store.get_document(document.id).engagement_ids[1]

    shown = store.get_engagement(engagement_id)

    assert shown.id == engagement_id
    assert shown.record == side_meeting
    assert shown.document.text == document.text
    assert shown.document.engagement_ids[1] == engagement_id
    span = shown.record.provenance["city"][0]
    assert span.text_of(shown.document.text) == "Washington"


def test_get_engagement_of_unknown_id_is_not_found(store: Store) -> None:
    (engagement_id,) = _add(store, "one", make_engagement())
    for missing in (0, -1, engagement_id + 1, 2**31 - 1):
        with pytest.raises(NotFound) as raised:
            store.get_engagement(missing)
        assert raised.value.http_status == 404


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-05", date(2022, 12, 5)),
        ("2022-12", date(2022, 12, 1)),
        ("2022", date(2022, 1, 1)),
        (" 2022 ", date(2022, 1, 1)),
        ("2022-13", None),
        ("2022-02-30", None),
        ("next year", None),
        ("", None),
        (None, None),
    ],
)
def test_sort_date_is_the_first_day_of_the_period(value: str | None, expected: date | None) -> None:
    assert sort_date(value) == expected
