"""ISO dates of day, month or year precision as date ranges."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.resolution.periods import Period, days_between, period_of


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", Period(date(2023, 1, 1), date(2023, 12, 31))),
        ("2024-02", Period(date(2024, 2, 1), date(2024, 2, 29))),
        ("2022-12-05", Period(date(2022, 12, 5), date(2022, 12, 5))),
        ("2022-12-05T10:00", Period(date(2022, 12, 5), date(2022, 12, 5))),
    ],
)
def test_a_date_covers_the_days_its_precision_allows(value: str, expected: Period) -> None:
    assert period_of(value) == expected


@pytest.mark.parametrize("value", [None, "", "soon", "2023-13", "2023-02-30"])
def test_unreadable_dates_have_no_period(value: str | None) -> None:
    assert period_of(value) is None


def test_later_means_certainly_later_at_either_precision() -> None:
    day, month, year = period_of("2024-05-31"), period_of("2024-06"), period_of("2024")
    assert day and month and year
    assert month.is_after(day)
    assert not period_of_checked("2024-05").is_after(day)  # may be the same day
    assert not year.is_after(period_of_checked("2024-03-01"))
    assert year.is_after(period_of_checked("2023-11-06"))


def test_slack_and_gaps() -> None:
    due = period_of_checked("2023")
    assert not due.contains(date(2024, 2, 1))
    assert due.widened(60).contains(date(2024, 2, 1))
    assert days_between(period_of_checked("2022-12-05"), period_of_checked("2023-12-05")) == 365


def period_of_checked(value: str) -> Period:
    period = period_of(value)
    assert period is not None
    return period
