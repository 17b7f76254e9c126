"""Dates of partial precision read as day intervals."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.resolution.dates import Interval, compatible, parse, precision, report_interval


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2024-05-31", date(2024, 5, 31), date(2024, 5, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    ],
)
def test_parse_reads_each_precision_as_its_interval(value: str, start: date, end: date) -> None:
    assert parse(value) == Interval(start, end)


@pytest.mark.parametrize("value", [None, "", "May 2024", "2023-02-30", "2024-13"])
def test_parse_refuses_what_is_not_an_iso_date(value: str | None) -> None:
    assert parse(value) is None


def test_precision_counts_date_components() -> None:
    assert [precision(v) for v in (None, "2015", "2015-11", "2015-11-02")] == [0, 1, 2, 3]


def test_distance_is_zero_for_overlap_and_days_between_otherwise() -> None:
    may = Interval(date(2024, 5, 1), date(2024, 5, 31))
    assert may.distance(Interval(date(2024, 5, 31), date(2024, 5, 31))) == 0
    assert may.distance(Interval(date(2024, 6, 1), date(2024, 6, 30))) == 1
    assert Interval(date(2024, 6, 5), date(2024, 6, 5)).distance(may) == 5


def test_compatible_dates_contain_one_another() -> None:
    assert compatible("2024-05", "2024-05-31")
    assert compatible("2024-05-31", "2024")
    assert compatible("2024-05-31", "2024-05-31")
    assert not compatible("2024-05-31", "2024-06")
    assert not compatible("2024-05-31", "2024-06-05")


def test_report_interval_is_cut_at_publication_inside_it() -> None:
    interval = report_interval("2024-06", published=date(2024, 6, 4))
    assert interval == Interval(date(2024, 6, 1), date(2024, 6, 4))


def test_report_interval_ignores_a_publication_outside_it() -> None:
    assert report_interval("2024-06", published=date(2024, 5, 20)) == parse("2024-06")
    assert report_interval("2024-06-03", published=date(2024, 7, 1)) == parse("2024-06-03")


def test_report_interval_runs_to_the_end_date() -> None:
    interval = report_interval("2024-05-30", "2024-06-01")
    assert interval == Interval(date(2024, 5, 30), date(2024, 6, 1))


def test_undated_report_takes_the_month_before_publication() -> None:
    interval = report_interval(None, published=date(2024, 6, 4))
    assert interval is not None
    assert interval.end == date(2024, 6, 4)
    assert 28 <= interval.days <= 31


def test_report_with_neither_date_nor_publication_has_no_interval() -> None:
    assert report_interval(None) is None
    assert report_interval("sometime") is None
