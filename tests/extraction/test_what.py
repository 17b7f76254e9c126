"""What: topics and commitments of a whole readout, with who committed and by when."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction import Extractor
from bilateral.extraction.assembly.what import most_specific, resolve_due
from bilateral.records import Engagement, SourceDocument

READOUT = """Chile and Vietnam hold second Joint Commission

HANOI, May 8, 2024 – Vietnamese Deputy Foreign Minister Le Van Minh and Chilean \
Undersecretary of Foreign Affairs Gloria Reyes co-chaired the second Chile-Vietnam Joint \
Commission in Hanoi on May 7.

The delegations discussed trade in copper and fruit, renewable energy and student exchanges.
Chile reaffirmed its commitment to opening a trade office in Ho Chi Minh City. Both sides \
agreed to hold the third Joint Commission in Santiago next year. The Vietnamese side \
expressed its readiness to sign an agreement on seasonal workers by the end of this year.

Also Read: Copper prices climb on strong demand
"""


@pytest.fixture(scope="module")
def engagement() -> Engagement:
    source = SourceDocument(
        id=hashlib.sha256(READOUT.encode()).hexdigest(),
        name="chl-vnm-joint-commission",
        text=READOUT,
        published=date(2024, 5, 8),
    )
    return Extractor().extract(source).engagements[0]


def test_commitments_name_who_committed_and_when(engagement: Engagement) -> None:
    found = {c.text: (c.by, c.due, c.kind) for c in engagement.commitments}
    assert found == {
        "opening a trade office in Ho Chi Minh City": (["CHL"], None, "action"),
        "hold the third Joint Commission in Santiago next year": (
            ["CHL", "VNM"], "2025", "meeting",
        ),
        "sign an agreement on seasonal workers by the end of this year": (
            ["VNM"], "2024", "agreement",
        ),
    }  # fmt: skip


def test_topics_of_the_readout(engagement: Engagement) -> None:
    assert {"economy.trade", "economy.energy", "education_culture"} <= set(engagement.topics)
    assert "economy.critical_minerals" not in engagement.topics  # only in a "read more" link


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("hold the next round in 2026", "2026"),
        ("sign the accord by June 2025", "2025-06"),
        ("meet again next year", "2025"),
        ("ratify the treaty by the end of the year", "2024"),
        ("open the office next month", "2024-12"),
        ("send a mission next week", "2024-11"),
        ("host the talks later this month", "2024-11"),
        ("implement the agreements reached in 2019", None),
        ("keep in close contact", None),
        ("expand cooperation in the year ahead", None),
    ],
)
def test_due_is_resolved_against_the_dateline(text: str, due: str | None) -> None:
    assert resolve_due(text, date(2024, 11, 20)) == due


def test_next_week_can_fall_in_the_next_year() -> None:
    assert resolve_due("meet next week", date(2024, 12, 28)) == "2025-01"


def test_due_without_a_dateline_keeps_only_stated_years() -> None:
    assert resolve_due("meet again next year", None) is None
    assert resolve_due("meet again in 2030", None) == "2030"


@given(st.integers(1990, 2090), st.integers(1, 12), st.integers(1990, 2090))
def test_a_due_year_is_never_before_the_dateline(year: int, month: int, stated: int) -> None:
    due = resolve_due(f"hold the summit in {stated} or next month", date(year, month, 1))
    assert due is not None and int(due[:4]) >= year


def test_most_specific_codes_replace_their_parents() -> None:
    assert most_specific(["security", "security.defense", "trade"]) == {
        "security.defense",
        "trade",
    }


def extract(text: str, published: date) -> Engagement:
    source = SourceDocument(
        id=hashlib.sha256(text.encode()).hexdigest(), name="t", text=text, published=published
    )
    return Extractor().extract(source).engagements[0]


CALL = """Presidents of Uruguay and Kenya speak by phone

MONTEVIDEO, 3 February 2025 – President Yamandú Orsi of Uruguay spoke by telephone today with \
President William Ruto of Kenya. They discussed wheat exports and renewable energy.

President Ruto accepted an invitation to pay a state visit to Uruguay in 2026.
"""


def test_a_commitment_to_visit_makes_high_level_exchanges_a_topic() -> None:
    found = extract(CALL, date(2025, 2, 3))
    assert "high_level_visits" in found.topics
    assert [(c.text, c.kind, c.due) for c in found.commitments] == [
        ("pay a state visit to Uruguay in 2026", "meeting", "2026")
    ]


def test_a_commitment_to_continue_the_talks_does_not() -> None:
    text = CALL.replace(
        "President Ruto accepted an invitation to pay a state visit to Uruguay in 2026.",
        "The presidents agreed to continue consultations regularly.",
    )
    assert "high_level_visits" not in extract(text, date(2025, 2, 3)).topics


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("meet again in Quito in May", "2025-05"),
        ("hold the next round in late November", "2024-11"),
        ("submit the plan by March 2026", "2026-03"),
        ("open the office in Dakar soon", None),
    ],
)
def test_a_month_without_a_year_is_the_next_such_month(text: str, due: str | None) -> None:
    assert resolve_due(text, date(2024, 11, 20)) == due
