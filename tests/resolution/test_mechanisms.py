"""Mechanisms from meetings: names, renames, abbreviations, rounds, cadence and venues."""

from __future__ import annotations

import random
from typing import Any

from bilateral.resolution.mechanisms import cadence_of, reconcile_rounds, resolve_mechanisms
from bilateral.resolution.periods import Period, period_of
from bilateral.resolved import EngagementKey, Mechanism, Meeting, block_of
from conftest import make_engagement

ESPD = "Enhanced Strategic Partnership Dialogue"


def meeting(document: str, date: str | None, mechanism: str | None, **fields: Any) -> Meeting:
    """A meeting reported by one document, between Kazakhstan and the United States."""
    values: dict[str, Any] = {
        "mechanism": mechanism,
        "mechanism_short": None,
        "date": date,
        "city": None,
        "participants": [],
        "organizations": [],
        "commitments": [],
        "topics": [],
        "provenance": {},
    }
    record = make_engagement(**(values | fields))
    key = EngagementKey(document_id=document, ordinal=0)
    return Meeting(id=str(key), block=block_of(record.parties), members=[key],
                   documents=[document], document_names=[document], record=record)  # fmt: skip


def only(mechanisms: list[Mechanism]) -> Mechanism:
    assert len(mechanisms) == 1, [m.id for m in mechanisms]
    return mechanisms[0]


def test_wordings_of_one_format_are_one_mechanism_named_as_lately() -> None:
    found = only(resolve_mechanisms([
        meeting("a", "2021-12-15", f"Kazakhstan-U.S. {ESPD}", mechanism_short="ESPD"),
        meeting("b", "2022-12-05", f"United States-Kazakhstan {ESPD}"),
        meeting("c", "2023-11-06", f"Kazakhstan-United States {ESPD}"),
    ]))  # fmt: skip
    assert found.id == "KAZ-USA:enhanced-strategic-partnership-dialogue"
    assert found.name == f"Kazakhstan-United States {ESPD}"
    assert found.short == "ESPD"
    assert found.parties == ["KAZ", "USA"]
    assert [r.meeting_id for r in found.rounds] == ["a:0", "b:0", "c:0"]


def test_the_same_name_in_two_blocks_is_two_mechanisms() -> None:
    found = resolve_mechanisms([
        meeting("a", "2023-10", "Kazakhstan-UK Strategic Dialogue", parties=["GBR", "KAZ"]),
        meeting("b", "2024-03", "China-Kazakhstan Strategic Dialogue", parties=["CHN", "KAZ"]),
    ])  # fmt: skip
    assert [m.id for m in found] == ["CHN-KAZ:strategic-dialogue", "GBR-KAZ:strategic-dialogue"]


def test_a_shorter_earlier_name_is_the_same_mechanism_renamed() -> None:
    found = only(resolve_mechanisms([
        meeting("a", "2015", "U.S.-Kazakhstan Strategic Partnership Dialogue", round=4),
        meeting("b", "2016-09", "U.S.-Kazakhstan Strategic Partnership Dialogue", round=5),
        meeting("c", "2021-12-15", f"Kazakhstan-U.S. {ESPD}"),
        meeting("d", "2023-11-06", ESPD),
    ]))  # fmt: skip
    assert found.id == "KAZ-USA:enhanced-strategic-partnership-dialogue"
    assert [(n.name, n.first, n.last) for n in found.names] == [
        ("U.S.-Kazakhstan Strategic Partnership Dialogue", "2015", "2016-09"),
        (ESPD, "2021-12-15", "2023-11-06"),
    ]


def test_names_in_use_at_the_same_time_are_not_a_rename() -> None:
    found = resolve_mechanisms([
        meeting("a", "2015", "Strategic Dialogue"),
        meeting("b", "2016", "Strategic Partnership Dialogue"),
        meeting("c", "2017", "Strategic Dialogue"),
    ])  # fmt: skip
    assert [m.id for m in found] == [
        "KAZ-USA:strategic-dialogue",
        "KAZ-USA:strategic-partnership-dialogue",
    ]


def test_an_ambiguous_rename_joins_nothing() -> None:
    found = resolve_mechanisms([
        meeting("a", "2015", "Strategic Dialogue"),
        meeting("b", "2018", "Strategic Dialogue on Energy"),
        meeting("c", "2019", "Strategic Dialogue on Security"),
    ])  # fmt: skip
    assert len(found) == 3


def test_an_abbreviation_alone_joins_the_mechanism_it_abbreviates() -> None:
    found = only(resolve_mechanisms([
        meeting("a", "2022-12-05", f"United States-Kazakhstan {ESPD}"),
        meeting("b", "2023-11-06", None, mechanism_short="ESPD"),
    ]))  # fmt: skip
    assert [r.meeting_id for r in found.rounds] == ["a:0", "b:0"]
    assert found.name == f"United States-Kazakhstan {ESPD}"


def test_an_unknown_abbreviation_is_a_mechanism_of_its_own() -> None:
    found = only(resolve_mechanisms([meeting("a", "2023-02-28", None, mechanism_short="C5+1",
                                             parties=["KAZ", "KGZ", "USA"])]))  # fmt: skip
    assert found.id == "KAZ-KGZ-USA:c5plus1"
    assert found.name == "C5+1"


def test_meetings_without_a_mechanism_make_none() -> None:
    assert resolve_mechanisms([meeting("a", "2023-02-28", None)]) == []


def test_unstated_rounds_are_counted_from_stated_ones() -> None:
    found = only(resolve_mechanisms([
        meeting("a", "2019-06", "Cooperation Council", parties=["EU", "KAZ"]),
        meeting("b", "2020-06", "Cooperation Council", parties=["EU", "KAZ"], round=18),
        meeting("c", "2021-06", "Cooperation Council", parties=["EU", "KAZ"]),
        meeting("d", "2022-06", "EU-Kazakhstan Cooperation Council", parties=["EU", "KAZ"]),
    ]))  # fmt: skip
    assert [(r.stated_round, r.round) for r in found.rounds] == [
        (None, 17),
        (18, 18),
        (None, 19),
        (None, 20),
    ]


def test_a_count_restarted_under_a_new_name_does_not_break_the_rest() -> None:
    spd, espd = frozenset({"strategic", "partnership", "dialogue"}), frozenset({"enhanced"})
    rounds: list[tuple[Period | None, int | None, frozenset[str]]] = [
        (period_of("2015"), 4, spd),
        (period_of("2016-09"), 5, spd),
        (period_of("2021-12-15"), None, espd),
        (period_of("2022-12-05"), None, espd),
        (period_of("2023-11-06"), 5, espd),
        (period_of("2023-11-06"), None, espd),  # another report of the same round
        (period_of("2024-05-31"), 6, espd),
        (None, None, espd),
    ]
    assert reconcile_rounds(rounds) == [4, 5, 3, 4, 5, 5, 6, None]


def test_without_any_stated_round_none_is_invented() -> None:
    nameless: frozenset[str] = frozenset()
    rounds = [(period_of("2020"), None, nameless), (period_of("2021"), None, nameless)]
    assert reconcile_rounds(rounds) == [None, None]


def test_cadence_from_the_median_gap() -> None:
    def cadence(*dates: str) -> str | None:
        return cadence_of(p for d in dates if (p := period_of(d)) is not None)

    assert cadence("2021-12-15", "2022-12-05", "2023-11-06", "2024-05-31") == "annual"
    assert cadence("2022-03", "2022-09", "2023-03", "2023-10") == "semiannual"
    assert cadence("2016", "2018", "2020-05") == "biennial"
    assert cadence("2010", "2015", "2016-02", "2024") == "irregular"
    assert cadence("2023-11-06", "2023-11-06") is None
    assert cadence("2023-11-06") is None


def test_rounds_in_date_order_with_their_venues() -> None:
    found = only(resolve_mechanisms([
        meeting("d", "2024-05-31", ESPD, city="Washington"),
        meeting("a", "2021-12-15", ESPD, city="Nur-Sultan"),
        meeting("u", None, ESPD, city="Almaty"),
        meeting("c", "2023-11-06", ESPD, city="Astana"),
        meeting("b", "2022-12-05", ESPD, city="Washington"),
        meeting("e", "2025-06", ESPD, city="Washington"),
    ]))  # fmt: skip
    assert [r.date for r in found.rounds] == [
        "2021-12-15", "2022-12-05", "2023-11-06", "2024-05-31", "2025-06", None,
    ]  # fmt: skip
    assert found.venues == ["Nur-Sultan", "Washington", "Astana", "Washington", "Almaty"]
    assert found.cadence == "annual"


def test_resolution_is_deterministic_and_sorted_by_id() -> None:
    meetings = [
        meeting("a", "2015", "Strategic Partnership Dialogue"),
        meeting("b", "2021", ESPD, mechanism_short="ESPD"),
        meeting("c", "2022", None, mechanism_short="ESPD"),
        meeting("d", "2022-04-11", "High-Level Dialogue on Human Rights and Democratic Reform"),
        meeting("e", "2024-04", "consular consultations"),
        meeting("f", "2023", "Strategic Dialogue", parties=["GBR", "KAZ"]),
    ]
    expected = resolve_mechanisms(meetings)
    assert [m.id for m in expected] == sorted(m.id for m in expected)
    for seed in range(5):
        shuffled = meetings[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve_mechanisms(shuffled) == expected
