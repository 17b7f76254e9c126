"""Browsing services: timeline filters from an address, the home page, one meeting."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.errors import NotFound
from bilateral.records import Commitment, Participant
from bilateral.services import timeline as tl
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from support.readouts import readout, store_readouts

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2023-06", date(2023, 6, 1), date(2023, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),
        (" 2022-12-05 ", date(2022, 12, 5), date(2022, 12, 5)),
    ],
)
def test_periods(text: str, first: date, last: date) -> None:
    assert tl.parse_period(text) == first
    assert tl.parse_period(text, last_day=True) == last


@pytest.mark.parametrize("text", ["", "21", "2021-1", "2021-13", "2021-02-30", "May 2021"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(tl.InvalidFilter) as raised:
        tl.parse_period(text, last_day=True)
    assert raised.value.http_status == 422


def test_filters_from_an_address() -> None:
    filters = tl.parse_filters(
        {"pair": "KAZ-USA", "kind": "dialogue", "topic": " trade ", "from": "2021",
         "to": "2023-06", "page": "2", "mechanism": "", "unknown": "x"}
    )  # fmt: skip
    assert filters == tl.Filters(pair="KAZ-USA", kind="dialogue", topic="trade",
                                 start="2021", end="2023-06", page=2)  # fmt: skip
    query = filters.query()
    assert (query.block, query.start, query.end) == ("KAZ-USA", date(2021, 1, 1),
                                                     date(2023, 6, 30))  # fmt: skip
    assert filters.active and not tl.Filters().active
    assert tl.parse_filters({}) == tl.Filters()


@pytest.mark.parametrize(
    "params",
    [{"kind": "party"}, {"page": "0"}, {"page": "-1"}, {"page": "x"}, {"from": "soon"},
     {"from": "2024", "to": "2023"}, {"pair": "x" * 201}, {"person": "a\x00b"}],
)  # fmt: skip
def test_nonsense_filters_are_refused(params: dict[str, str]) -> None:
    with pytest.raises(tl.InvalidFilter):
        tl.parse_filters(params)


def test_links_keep_the_filters_and_reset_the_page() -> None:
    filters = tl.Filters(pair="KAZ-USA", kind="call", start="2021", page=3)
    assert filters.link(page=4) == "?pair=KAZ-USA&kind=call&from=2021&page=4"
    assert filters.link(kind=None) == "?pair=KAZ-USA&from=2021"
    assert filters.link(topic="economy.trade") == (
        "?pair=KAZ-USA&kind=call&topic=economy.trade&from=2021"
    )
    assert filters.link(start=None, end="2023") == "?pair=KAZ-USA&kind=call&to=2023"
    assert tl.Filters().link() == ""
    assert tl.Filters(person="a&b=c").link() == "?person=a%26b%3Dc"


def test_commitment_queries() -> None:
    assert tl.parse_commitment_query({"status": "overdue", "page": "2"}) == tl.CommitmentQuery(
        status="overdue", page=2
    )
    assert tl.CommitmentQuery(status="open", page=2).link(page=3) == "?status=open&page=3"
    assert tl.CommitmentQuery().link() == ""
    with pytest.raises(tl.InvalidFilter):
        tl.parse_commitment_query({"status": "forgotten"})


def test_timeline_pages_and_topic_labels(store: Store) -> None:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    result = tl.timeline(store, tl.Filters(page=2), per_page=3)
    assert (result.result.total, result.pages, len(result.result.meetings)) == (4, 2, 1)
    assert result.topic_labels["economy.trade"] == "Trade"


def test_home(store: Store) -> None:
    store_readouts(store)
    store.add_documents([readout(
        "round-2025", "The sixth round, in 2025.", date="2025-10-01", round=6,
        commitments=[Commitment(text="sign a visa agreement", by=["KAZ"], due="2027-03")],
    )])  # fmt: skip
    resolve_store(store, today=TODAY)
    home = tl.home(store, today=TODAY, items=3)
    assert (home.documents, home.meetings) == (6, 5)
    assert len(home.recent) == 3
    assert ([c.text for c in home.due], home.due_total) == (["sign a visa agreement"], 1)
    assert (home.overdue, home.overdue_total) == ([], 0)
    assert [(c.value, c.count) for c in home.pairs] == [("KAZ-USA", 4), ("CHN-KAZ", 1)]
    assert home.mechanisms[0].count == 4 and home.mechanisms[0].label
    next_year = tl.home(store, today=date(2028, 1, 1))
    assert next_year.due == []


def test_meeting_detail(store: Store) -> None:
    store_readouts(store)
    resolve_store(store, today=TODAY)
    meeting = next(m for m in store.list_meetings() if len(m.members) == 2)
    detail = tl.meeting_detail(store, meeting.id)
    assert [s.key for s in detail.sources] == sorted(meeting.members, key=lambda k: (
        meeting.documents.index(k.document_id), k.ordinal))  # fmt: skip
    assert all(s.document.text and s.engagement_id is not None for s in detail.sources)
    assert [p.id if p else None for p in detail.people] == ["usa-donald-lu", "kaz-kairat-umarov"]
    assert len(detail.mention_people) == 4
    [made] = detail.made
    assert made.status == "fulfilled"
    assert set(detail.linked) == {made.links[0].meeting_id}
    with pytest.raises(NotFound):
        tl.meeting_detail(store, "nope:0")
    with pytest.raises(NotFound):
        tl.meeting_detail(store, "bad\x00id:0")


def test_person_of_a_merged_participant(store: Store) -> None:
    store_readouts(store, "round-2022-news", "round-2022-state")
    resolve_store(store, today=TODAY)
    [meeting] = store.list_meetings()
    mentions = store.mentions_in([(k.document_id, k.ordinal) for k in meeting.members])
    lu = Participant(name="Donald Lu", country="USA")
    found = tl.person_of(lu, mentions)
    assert found is not None and found.id == "usa-donald-lu"
    assert tl.person_of(Participant(name="Lu", country="USA"), mentions).id == "usa-donald-lu"  # type: ignore[union-attr]
    assert tl.person_of(Participant(name="Donald Lu", country="GBR"), mentions) is None
    assert tl.person_of(Participant(name="Someone Else", country="USA"), mentions) is None
