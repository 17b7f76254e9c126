from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.dates import parse_dates, resolve_year_phrase

ANCHOR = date(2023, 11, 7)  # a Tuesday

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip


def values(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, str]]:
    return [(d.value, d.precision) for d in parse_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On December 5, 2022, they met.", [("2022-12-05", "day")]),
        ("It took place on Nov. 6 in Astana.", [("2023-11-06", "day")]),
        ("Held on 6 November 2023.", [("2023-11-06", "day")]),
        ("Held on 31st May, 2021.", [("2021-05-31", "day")]),
        ("Released 2022-12-07.", [("2022-12-07", "day")]),
        ("The talks in March 2021 went well.", [("2021-03", "month")]),
        ("They will meet in 2024.", [("2024", "year")]),
        ("The ministers spoke today.", [("2023-11-07", "day")]),
        ("The ministers spoke yesterday.", [("2023-11-06", "day")]),
        ("The ministers met on Monday.", [("2023-11-06", "day")]),
        ("The ministers met last Tuesday.", [("2023-10-31", "day")]),
        ("The Europe Today reports a meeting.", []),
        ("Citizens may travel freely.", []),
        ("On February 30, 2023 nothing happened.", []),
    ],
)
def test_parse_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_ranges_carry_an_end_date() -> None:
    (first,) = parse_dates("The round was held on 5-6 June 2023.", ANCHOR)
    assert (first.value, first.end_value) == ("2023-06-05", "2023-06-06")
    (second,) = parse_dates("It ran December 11–13, 2022.", ANCHOR)
    assert (second.value, second.end_value) == ("2022-12-11", "2022-12-13")


def test_offsets_point_at_the_words() -> None:
    text = "Talks opened on 12 April 2024 in Rome."
    (found,) = parse_dates(text)
    assert text[found.start : found.end] == "12 April 2024"


def test_without_anchor_a_date_without_year_is_skipped() -> None:
    assert values("They met on Nov. 6.", anchor=None) == []
    assert values("They met today.", anchor=None) == []


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 2))
def test_any_written_date_parses_back(day: date, style: int) -> None:
    month = MONTH_NAMES[day.month - 1]
    text = [
        f"They met on {month} {day.day}, {day.year}.",
        f"They met on {day.day} {month} {day.year}.",
        f"They met on {day.isoformat()}.",
    ][style]
    assert values(text) == [(day.isoformat(), "day")]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 6))
def test_weekday_is_resolved_to_the_past_week(anchor: date, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    (found,) = parse_dates(f"They met on {name}.", anchor)
    resolved = date.fromisoformat(found.value)
    assert resolved.weekday() == weekday
    assert timedelta(0) <= anchor - resolved < timedelta(days=7)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("hold the next round in 2023", "2023"),
        ("meet again next year", "2024"),
        ("sign the agreement by March 2025", "2025-03"),
        ("hold consultations later this year", "2023"),
        ("deepen cooperation", None),
    ],
)
def test_resolve_year_phrase(phrase: str, expected: str | None) -> None:
    assert resolve_year_phrase(phrase, ANCHOR) == expected


def test_next_year_needs_a_dateline() -> None:
    assert resolve_year_phrase("meet again next year", None) is None
