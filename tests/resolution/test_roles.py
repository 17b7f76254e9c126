"""Role timelines: which titles are one job, how periods form, and the title on a date."""

from __future__ import annotations

import pytest

from bilateral.resolution.roles import role_timeline, same_job
from bilateral.resolved import Appearance, EngagementKey, Person, RolePeriod


def seen(document: str, title: str | None, date: str | None, org: str | None = None) -> Appearance:
    return Appearance(
        key=EngagementKey(document_id=document, ordinal=0),
        participant=0,
        name="Mukhtar Tleuberdi",
        title=title,
        organization=org,
        date=date,
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Foreign Minister", "Minister of Foreign Affairs"),
        ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
        ("Vice Foreign Minister", "Deputy Foreign Minister"),
        ("Secretary of State", "State Secretary"),
        (
            "Assistant Secretary for South and Central Asian Affairs",
            "Bureau of South and Central Asian Affairs Assistant Secretary",
        ),
        ("Deputy Prime Minister – Foreign Minister", "Deputy Prime Minister and Foreign Minister"),
        ("Minister", "Minister of Foreign Affairs"),
    ],
)
def test_same_job_in_other_words(a: str, b: str) -> None:
    assert same_job(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deputy Foreign Minister", "Foreign Minister"),
        ("First Deputy Foreign Minister", "Deputy Foreign Minister"),
        ("Under Secretary of State", "Secretary of State"),
        ("Prime Minister", "Minister"),
        ("Director", "Director-General"),
        ("Deputy Prime Minister, Minister of Foreign Affairs", "Minister of Foreign Affairs"),
        ("Ambassador to Germany", "Ambassador to Kazakhstan"),
        ("Minister of Health", "Minister of Foreign Affairs"),
    ],
)
def test_different_jobs(a: str, b: str) -> None:
    assert not same_job(a, b)


def test_consecutive_same_job_collapses_and_keeps_the_fullest_frequent_wording() -> None:
    periods = role_timeline(
        [
            seen("d3", "Foreign Minister", "2022-03", "MFA"),
            seen("d1", "Minister of Foreign Affairs", "2020-04", "Ministry of Foreign Affairs"),
            seen("d2", "Foreign Minister", "2021-06", "Ministry of Foreign Affairs"),
            seen("d4", "Deputy Prime Minister", "2023-03"),
            seen("d5", None, "2024-01"),
        ]
    )
    assert periods == [
        RolePeriod(
            title="Foreign Minister",
            organization="Ministry of Foreign Affairs",
            start="2020-04",
            end="2022-03",
            evidence=[EngagementKey(document_id=d, ordinal=0) for d in ("d1", "d2", "d3")],
        ),
        RolePeriod(
            title="Deputy Prime Minister",
            start="2023-03",
            end="2023-03",
            evidence=[EngagementKey(document_id="d4", ordinal=0)],
        ),
    ]


def test_one_day_worded_two_ways_does_not_flap() -> None:
    periods = role_timeline(
        [
            seen("a", "Deputy Minister", "2021-01"),
            seen("b", "First Deputy Minister", "2022-05-01"),
            seen("c", "Deputy Minister", "2022-05-01"),
            seen("d", "First Deputy Minister", "2022-09"),
        ]
    )
    assert [(p.title, p.start, p.end) for p in periods] == [
        ("Deputy Minister", "2021-01", "2022-05-01"),
        ("First Deputy Minister", "2022-05-01", "2022-09"),
    ]


def test_a_job_cannot_chain_through_a_vague_title() -> None:
    periods = role_timeline(
        [
            seen("a", "Minister of Health", "2019"),
            seen("b", "Minister", "2020"),
            seen("c", "Minister of Finance", "2021"),
        ]
    )
    assert [p.title for p in periods] == ["Minister of Health", "Minister of Finance"]


def test_undated_titles_join_a_matching_period_or_come_last() -> None:
    periods = role_timeline(
        [
            seen("a", "Foreign Minister", "2020"),
            seen("b", "Minister of Foreign Affairs", None),
            seen("c", "Ambassador to Germany", None),
        ]
    )
    assert [(p.title, p.start, len(p.evidence)) for p in periods] == [
        ("Minister of Foreign Affairs", "2020", 2),
        ("Ambassador to Germany", None, 1),
    ]
    person = Person(id="kaz-x", name="X", block="x", roles=periods)
    assert person.title_on(None) == "Minister of Foreign Affairs"
    assert person.title_on("2019") == "Minister of Foreign Affairs"


def test_title_on_between_after_and_before_periods() -> None:
    person = Person(
        id="kaz-x",
        name="X",
        block="x",
        roles=[
            RolePeriod(title="Deputy Minister", start="2019-02-01", end="2020-05"),
            RolePeriod(title="Minister", start="2022-07-10", end="2023"),
        ],
    )
    assert person.title_on("2021-01-01") == "Deputy Minister"
    assert person.title_on("2022-07") == "Minister"
    assert person.title_on("2022-07-09") == "Deputy Minister"
    assert person.title_on("2030") == "Minister"
    assert person.title_on("2018") == "Deputy Minister"
    assert person.title_on(None) == "Minister"
    assert Person(id="x", name="X", block="x").title_on("2020") is None


def test_organizations_written_differently_are_one_and_do_not_split_a_period() -> None:
    appearances = [
        seen("a", "Foreign Minister", "2020-04", "MFA of Kazakhstan"),
        seen("b", "Foreign Minister", "2021-06", "Kazakh Foreign Ministry"),
        seen("c", "Foreign Minister", "2022-03", "Ministry of Foreign Affairs of Kazakhstan"),
        seen("d", "Foreign Minister", "2022-09", "Eurasia Foundation"),
    ]
    periods = role_timeline(appearances)
    assert [(p.organization, p.start, p.end) for p in periods] == [
        ("Ministry of Foreign Affairs of Kazakhstan", "2020-04", "2022-09")
    ]
