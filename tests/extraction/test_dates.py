from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.dates import estimate_year, parse_dates, resolve_year_phrase

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
        ("Protesters may 5 times march 2022 metres.", []),
        ("The protocol was signed on 23.04.2020.", [("2020-04-23", "day")]),
        ("The note is dated 2021/09/30.", [("2021-09-30", "day")]),
        ("Filed 04/23/2020 in the registry.", [("2020-04-23", "day")]),
        ("Filed 23/04/2020 in the registry.", [("2020-04-23", "day")]),
        ("Filed 05/06/2020 in the registry.", []),
        ("Tuesday's talks ran late.", [("2023-11-07", "day")]),
        ("Today, the envoys signed a memorandum.", [("2023-11-07", "day")]),
        ("They will meet again on Friday.", [("2023-11-10", "day")]),
        ("They plan to meet next Monday.", [("2023-11-13", "day")]),
        ("Posted Monday, November 6, 2023 by the desk.", [("2023-11-06", "day")]),
        ("The envoy toured the region this week.", [("2023-11", "month")]),
        ("The envoy toured the region last week.", [("2023-10", "month")]),
        ("Trade grew last month.", [("2023-10", "month")]),
        ("A summit was held in November last year.", [("2022-11", "month")]),
        ("The accord was signed in December.", [("2022-12", "month")]),
        ("The accord was signed in October.", [("2023-10", "month")]),
    ],
)
def test_parse_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_ranges_carry_an_end_date() -> None:
    (first,) = parse_dates("The round was held on 5-6 June 2023.", ANCHOR)
    assert (first.value, first.end_value) == ("2023-06-05", "2023-06-06")
    (second,) = parse_dates("It ran December 11–13, 2022.", ANCHOR)
    assert (second.value, second.end_value) == ("2022-12-11", "2022-12-13")
    (third,) = parse_dates("It ran from November 30 to December 2, 2022.", ANCHOR)
    assert (third.value, third.end_value) == ("2022-11-30", "2022-12-02")
    (fourth,) = parse_dates("It ran 30 December – 2 January.", ANCHOR)
    assert (fourth.value, fourth.end_value) == ("2023-12-30", "2024-01-02")


def test_offsets_point_at_the_words() -> None:
    text = "Talks opened on 12 April 2024 in Rome."
    (found,) = parse_dates(text)
    assert text[found.start : found.end] == "12 April 2024"


def test_months_said_relative_to_the_dateline_are_marked_relative() -> None:
    found = parse_dates("Talks in June this year followed the visit in April 2023.", ANCHOR)
    assert [(d.value, d.relative) for d in found] == [("2023-06", True), ("2023-04", False)]


def test_a_weekday_heading_a_full_date_is_not_a_second_mention() -> None:
    (found,) = parse_dates("Friday, 3 November 2023: the talks opened.", ANCHOR)
    assert (found.value, found.relative) == ("2023-11-03", False)


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


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.booleans())
def test_numeric_dates_parse_back_when_unambiguous(day: date, slashed: bool) -> None:
    if slashed:
        text = f"Filed {day.day:02d}/{day.month:02d}/{day.year}."
        expected = [(day.isoformat(), "day")] if day.day > 12 or day.day == day.month else []
    else:
        text = f"Filed {day.day:02d}.{day.month:02d}.{day.year}."
        expected = [(day.isoformat(), "day")]
    assert values(text) == expected


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They marked the 25th anniversary of ties established in 1998.", 2023),
        ("Relations date from 4 May 1992; both sides hailed the 30-year anniversary.", 2022),
        ("The envoy last came here 8 years ago. That trip, in 2015, was brief.", 2023),
        ("The sides hailed the anniversary of their ties.", None),
        ("Trade grew in 2019 and again in 2020.", None),
    ],
)
def test_estimate_year_counts_from_a_named_year(text: str, expected: int | None) -> None:
    assert estimate_year(text) == expected


def test_an_estimated_year_completes_dates_without_one() -> None:
    assert values("They met on Nov. 6 in Lima.", anchor=None) == []
    found = parse_dates("They met on Nov. 6 in Lima.", None, year=2021)
    assert [(d.value, d.precision) for d in found] == [("2021-11-06", "day")]


# ANCHOR is Tuesday 7 November 2023.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two premiers spoke by phone this evening.", ("2023-11-07", None)),
        ("The envoys met this morning in the capital.", ("2023-11-07", None)),
        ("Earlier today the ministers signed a memorandum.", ("2023-11-07", None)),
        ("The leaders dined together tonight.", ("2023-11-07", None)),
        ("The presidents spoke last night.", ("2023-11-06", None)),
        ("Consultations were held on Monday and Tuesday.", ("2023-11-06", "2023-11-07")),
        ("The talks ran from Thursday to Saturday.", ("2023-11-02", "2023-11-04")),
        ("Delegations met on Tuesday of last week.", ("2023-10-31", None)),
        ("On Wednesday and Thursday of last week, Ghana hosted the talks.",
         ("2023-11-01", "2023-11-02")),
        ("The forum ran from Sunday 12 to Tuesday 14 March 2023.", ("2023-03-12", "2023-03-14")),
    ],
)  # fmt: skip
def test_relative_days_and_spans_of_weekdays(text: str, expected: tuple[str, str | None]) -> None:
    (found,) = parse_dates(text, ANCHOR)
    assert (found.value, found.end_value) == expected


def test_a_span_of_weekdays_naming_its_dates_is_read_from_the_dates() -> None:
    (found,) = parse_dates("Held Monday and Tuesday, 6 and 7 November 2023.", ANCHOR)
    assert (found.value, found.end_value, found.relative) == ("2023-11-06", "2023-11-07", False)


def test_without_anchor_the_first_full_date_gives_the_year() -> None:
    text = "The state visit ran 3-5 April 2022.\n\nRiga, Monday 4 April. The leaders met."
    found = parse_dates(text)
    assert [d.value for d in found] == ["2022-04-03", "2022-04-04"]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(0, 6),
    st.integers(1, 3),
)
def test_a_span_of_weekdays_ends_after_it_starts(anchor: date, weekday: int, length: int) -> None:
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    last = names[(weekday + length) % 7]
    (found,) = parse_dates(f"They met from {names[weekday]} to {last}.", anchor)
    start, end = date.fromisoformat(found.value), date.fromisoformat(found.end_value or "")
    assert start.weekday() == weekday
    assert end - start == timedelta(days=length)
    assert anchor - start < timedelta(days=7)
