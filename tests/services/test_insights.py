"""What the people, mechanism and topic pages are built from: the services over a real store."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bilateral.errors import NotFound, ValidationError
from bilateral.records import Commitment
from bilateral.services import insights, trends
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.store.insights import YearCount
from support.readouts import heads, make_participant, readout, store_readouts

TODAY = date(2026, 11, 23)
ESPD = "KAZ-USA:enhanced-strategic-partnership-dialogue"
CONSULATE = Commitment(text="open a consulate in Almaty by 2025", by=["USA"], due="2025",
                       kind="action")  # fmt: skip


def sixth_round(name: str, when: str) -> Any:
    """A report of a 2024 round: Umarov is Deputy Prime Minister by then, trade comes up,
    and a commitment due in 2025 is never carried out (overdue in 2026)."""
    kaz = make_participant(name="Kairat Umarov", title="Deputy Prime Minister", country="KAZ",
                           organization="Government of Kazakhstan", spans=[])  # fmt: skip
    return readout(name, f"Washington hosted the sixth round ({name}).", date=when,
                   city="Washington", country="USA", round=6, topics=["economy.trade", "regional"],
                   participants=[heads()[0], kaz], commitments=[CONSULATE])  # fmt: skip


@pytest.fixture
def resolved(store: Store) -> Store:
    """The shared readouts plus a sixth round reported twice, resolved."""
    store_readouts(store)
    store.add_documents([sixth_round("round-2024", "2024-10-02"),
                         sixth_round("round-2024-news", "2024-10")])  # fmt: skip
    resolve_store(store, today=TODAY)
    return store


# --------------------------------------------------------------------------- people


def test_person_profile_role_timeline_meetings_and_titles_then(resolved: Store) -> None:
    profile = insights.person_profile(resolved, "kaz-kairat-umarov")
    assert [(r.title, r.start, r.end) for r in profile.roles] == [
        ("First Deputy Foreign Minister", "2022-12", "2023-11-06"),
        ("Deputy Prime Minister", "2024-10", "2024-10-02"),
    ]
    assert [(m.date, m.role, m.title) for m in profile.meetings] == [
        ("2024-10-02", "head", "Deputy Prime Minister"),
        ("2023-11-06", "head", "First Deputy Foreign Minister"),
        ("2022-12-05", "head", "First Deputy Foreign Minister"),
    ]
    assert all(m.parties == ["KAZ", "USA"] and m.mechanism_id == ESPD for m in profile.meetings)
    assert [(c.person_id, c.meetings) for c in profile.counterparts] == [("usa-donald-lu", 3)]
    assert profile.spellings == [("Kairat Umarov", 5)]


def test_person_profile_counts_each_spelling(resolved: Store) -> None:
    profile = insights.person_profile(resolved, "usa-donald-lu")
    assert profile.spellings == [("Donald Lu", 5), ("Lu", 1)]
    assert [c.person_id for c in profile.counterparts] == [
        "kaz-kairat-umarov", "kaz-akan-rakhmetullin",
    ]  # fmt: skip


@pytest.mark.parametrize("person_id", ["nobody", "kaz-\x00", ""])
def test_unknown_person_is_not_found(resolved: Store, person_id: str) -> None:
    with pytest.raises(NotFound):
        insights.person_profile(resolved, person_id)


def test_find_people_pages_and_search(resolved: Store) -> None:
    first = insights.find_people(resolved, per_page=2)
    assert (first.total, first.pages, len(first.items)) == (5, 3, 2)
    last = insights.find_people(resolved, page=3, per_page=2)
    assert len(last.items) == 1
    found = insights.find_people(resolved, query="  umarov ")
    assert found.query == "umarov"
    assert [(p.name, p.country, p.title) for p in found.items] == [
        ("Kairat Umarov", "KAZ", "Deputy Prime Minister")
    ]


# --------------------------------------------------------------------------- mechanisms


def test_mechanism_profile_rounds_in_order_with_heads(resolved: Store) -> None:
    profile = insights.mechanism_profile(resolved, ESPD)
    rounds = profile.rounds
    assert [(r.label, r.round.date, r.round.city) for r in rounds] == [
        ("Round 3", "2021-12-15", "Astana"),
        ("Round 4", "2022-12-05", "Washington"),
        ("Round 5", "2023-11-06", "Astana"),
        ("Round 6", "2024-10-02", "Washington"),
    ]
    assert [h.name for h in rounds[0].heads] == ["Akan Rakhmetullin", "Donald Lu"]
    assert rounds[2].round.stated_round == 5


def test_mechanism_topic_matrix_marks_the_rounds_that_discussed_each_topic(
    resolved: Store,
) -> None:
    matrix = {t.code: (t.label, t.marks) for t in insights.mechanism_profile(resolved, ESPD).topics}
    assert matrix["economy.trade"] == ("Trade", [False, False, False, True])
    assert matrix["regional"][1] == [True, True, True, True]
    assert matrix["security.nonproliferation"][1] == [True, True, True, False]


def test_mechanism_commitments_tracker(resolved: Store) -> None:
    tracked = insights.mechanism_profile(resolved, ESPD).commitments
    assert [(t.commitment.text, t.commitment.status, t.made_at and t.made_at.label, t.reports)
            for t in tracked] == [
        ("hold the next round in 2023", "fulfilled", "Round 4", 1),
        ("open a consulate in Almaty by 2025", "overdue", "Round 6", 2),
    ]  # fmt: skip
    fulfilled = tracked[0].fulfilled_by
    assert [(f.round and f.round.label, f.link.document_names) for f in fulfilled] == [
        ("Round 5", ["round-2023"])
    ]
    assert tracked[1].fulfilled_by == []


def test_unknown_mechanism_is_not_found(resolved: Store) -> None:
    with pytest.raises(NotFound):
        insights.mechanism_profile(resolved, "KAZ-USA:nothing")


def test_find_mechanisms_summaries(resolved: Store) -> None:
    page = insights.find_mechanisms(resolved, query="partnership")
    [summary] = page.items
    assert (summary.id, summary.rounds, summary.first, summary.last, summary.cadence) == (
        ESPD, 4, "2021-12-15", "2024-10-02", "annual",
    )  # fmt: skip
    assert summary.parties == ["KAZ", "USA"]


# --------------------------------------------------------------------------- topics


def test_topic_trends_whole_store(resolved: Store) -> None:
    result = trends.topic_trends(resolved)
    assert result.years == [2021, 2022, 2023, 2024]
    counts = {t.code: t.counts for t in result.topics}
    assert counts["regional"] == [1, 1, 2, 1]  # 2023: the ESPD round and the China call
    assert counts["economy.trade"] == [0, 0, 0, 1]
    assert result.meetings == [1, 1, 2, 1]
    assert result.topics[0].code == "regional"  # most discussed first
    assert [t.code for t in result.charted] == [t.code for t in result.topics]
    assert result.chosen == []
    assert result.pairs == ["CHN-KAZ", "KAZ-USA"]


def test_topic_trends_filters_by_pair_and_mechanism(resolved: Store) -> None:
    pair = trends.topic_trends(resolved, pair="usa-kaz")
    assert pair.pair == "KAZ-USA"
    assert {t.code: t.counts for t in pair.topics}["regional"] == [1, 1, 1, 1]
    by_mechanism = trends.topic_trends(resolved, mechanism_id=ESPD)
    assert by_mechanism.mechanism is not None and by_mechanism.mechanism.id == ESPD
    assert [(t.code, t.counts) for t in by_mechanism.topics] == [
        (t.code, t.counts) for t in pair.topics
    ]
    china = trends.topic_trends(resolved, pair="KAZ-CHN")
    assert china.years == [2023]
    assert china.meetings == [1]


def test_topic_trends_charts_the_topics_chosen(resolved: Store) -> None:
    result = trends.topic_trends(resolved, topics=["economy.trade", "nonsense", "economy.trade"])
    assert [t.code for t in result.charted] == ["economy.trade"]
    assert result.chosen == ["economy.trade"]
    assert len(result.topics) == 3  # the table keeps every topic


@pytest.mark.parametrize("pair", ["KAZ", "KAZ-<script>", "K-USA", "--"])
def test_malformed_pair_is_refused(resolved: Store, pair: str) -> None:
    with pytest.raises(ValidationError):
        trends.topic_trends(resolved, pair=pair)


def test_unknown_mechanism_filter_is_not_found(resolved: Store) -> None:
    with pytest.raises(NotFound):
        trends.topic_trends(resolved, mechanism_id="KAZ-USA:nothing")


def test_normalize_pair() -> None:
    assert trends.normalize_pair(" usa - kaz ") == "KAZ-USA"
    assert trends.normalize_pair("") is None
    assert trends.normalize_pair(None) is None


class FakeStore:
    """Just what :func:`trends.topic_trends` reads, for years the readouts do not have."""

    def __init__(self, rows: list[YearCount]) -> None:
        self.rows = rows

    def topic_years(self, **_: Any) -> list[YearCount]:
        return self.rows

    def meeting_blocks(self) -> list[tuple[str, int]]:
        return [("-", 1), ("FRA-USA", 2)]


def test_years_without_meetings_count_zero_and_undated_are_apart() -> None:
    rows = [YearCount("regional", 2018, 2), YearCount("regional", 2021, 1)]
    rows += [YearCount(None, 2018, 2), YearCount(None, 2021, 3), YearCount(None, None, 4)]
    result = trends.topic_trends(FakeStore(rows))  # type: ignore[arg-type]
    assert result.years == [2018, 2019, 2020, 2021]
    assert result.topics[0].counts == [2, 0, 0, 1]
    assert result.meetings == [2, 0, 0, 3]
    assert result.undated == 4
    assert result.pairs == ["FRA-USA"]


def test_a_very_long_span_lists_only_years_with_meetings() -> None:
    rows = [YearCount("regional", 1900, 1), YearCount("regional", 2020, 1)]
    result = trends.topic_trends(FakeStore(rows))  # type: ignore[arg-type]
    assert result.years == [1900, 2020]


def test_default_chart_is_the_most_discussed_topics() -> None:
    rows = [YearCount(f"t{i:02}", 2020, 100 - i) for i in range(10)]
    result = trends.topic_trends(FakeStore(rows))  # type: ignore[arg-type]
    assert [t.code for t in result.charted] == [f"t{i:02}" for i in range(trends.DEFAULT_SERIES)]
    assert result.topics[0].label == "t00"  # not in the taxonomy: the code is its label
