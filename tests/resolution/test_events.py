"""Grouping reports into meetings: evidence, conflicts, reviewer constraints, determinism."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.resolution.events import group_meetings
from bilateral.resolved import Constraints, EngagementKey, Meeting, Report
from conftest import make_engagement, make_participant

BLINKEN = ("Antony Blinken", "USA")
TOKAYEV = ("Kassym-Jomart Tokayev", "KAZ")
TLEUBERDI = ("Mukhtar Tleuberdi", "KAZ")
KERRY = ("John Kerry", "USA")
IDRISSOV = ("Erlan Idrissov", "KAZ")
LU = ("Donald Lu", "USA")
RAKHMETULLIN = ("Akan Rakhmetullin", "KAZ")
NONE = Constraints()


def report(
    document: str,
    ordinal: int = 0,
    *,
    heads: tuple[tuple[str, str], ...] = (),
    published: date | None = None,
    text: str = "",
    **fields: Any,
) -> Report:
    """A report of a plain in-person meeting in Astana on 28 February 2023, unless told."""
    people = [make_participant(name=n, country=c, title=None, spans=[]) for n, c in heads]
    values: dict[str, Any] = {
        "kind": "meeting",
        "mechanism": None,
        "mechanism_short": None,
        "date": "2023-02-28",
        "city": "Astana",
        "country": "KAZ",
        "participants": people,
        "topics": [],
        "organizations": [],
        "commitments": [],
        "provenance": {},
    }
    return Report(
        key=EngagementKey(document_id=document, ordinal=ordinal),
        document_name=f"name-{document}",
        published=published,
        engagement=make_engagement(**(values | fields)),
        text=text,
    )


def groups(meetings: list[Meeting]) -> list[list[str]]:
    """Each meeting as the sorted string keys of its members."""
    return sorted(sorted(str(k) for k in m.members) for m in meetings)


def test_variants_of_one_dialogue_are_one_meeting() -> None:
    espd = {
        "kind": "dialogue",
        "mechanism": "Enhanced Strategic Partnership Dialogue",
        "mechanism_short": "ESPD",
        "round": 6,
        "city": "Washington",
        "country": "USA",
    }
    reports = [
        report("a", heads=(LU, RAKHMETULLIN), date="2024-05-31", **espd),
        report(
            "b",
            heads=(LU, ("Rakhmetulin", "KAZ")),
            published=date(2024, 6, 4),
            **(espd | {"date": "2024-06", "city": None}),
        ),
        report(
            "c",
            heads=(("A. Rakhmetullin", "KAZ"), LU),
            date="2024-05-31",
            **(espd | {"kind": "meeting", "round": None}),
        ),
    ]
    [meeting] = group_meetings(reports, NONE)
    assert meeting.documents == ["a", "b", "c"]
    assert meeting.document_names == ["name-a", "name-b", "name-c"]
    assert meeting.id == "a:0"
    assert meeting.block == "KAZ-USA"
    assert (meeting.record.date, meeting.record.round) == ("2024-05-31", 6)
    assert "date" in meeting.disagreements


def test_different_heads_on_the_same_day_in_the_same_city_are_different_meetings() -> None:
    reports = [
        report("a", heads=(BLINKEN, TOKAYEV)),
        report("b", heads=(BLINKEN, TLEUBERDI)),
        report("c", heads=(BLINKEN, ("Mukhtar Tileuberdi", "KAZ")), kind="visit"),
    ]
    assert groups(group_meetings(reports, NONE)) == [["a:0"], ["b:0", "c:0"]]


def test_news_dated_by_month_joins_the_meeting_days_before_publication() -> None:
    reports = [
        report("a", heads=(BLINKEN, TLEUBERDI)),
        report(
            "b", heads=(BLINKEN, TLEUBERDI), date="2023-03", published=date(2023, 3, 2), city=None
        ),
    ]
    assert groups(group_meetings(reports, NONE)) == [["a:0", "b:0"]]


def test_a_year_only_dialogue_joins_the_dated_visit_of_both_heads() -> None:
    reports = [
        report("a", heads=(KERRY, IDRISSOV), date="2015-11-02", kind="visit"),
        report(
            "b",
            heads=(KERRY, IDRISSOV),
            date="2015",
            kind="dialogue",
            mechanism="Strategic Partnership Dialogue",
            round=4,
            city=None,
        ),
    ]
    assert groups(group_meetings(reports, NONE)) == [["a:0", "b:0"]]


def test_a_year_only_report_needs_heads_of_both_sides() -> None:
    reports = [
        report("a", heads=(KERRY, IDRISSOV), date="2015-11-02"),
        report("b", heads=(KERRY,), date="2015", city=None),
    ]
    assert len(group_meetings(reports, NONE)) == 2


@pytest.mark.parametrize(
    "other",
    [
        {"kind": "call"},
        {"round": 5},
        {"date": "2023-03-01", "city": "Almaty"},
        {"date": "2023-03-05"},
        {"date": "2023-03-20"},
    ],
    ids=["call-vs-meeting", "other-round", "other-city-other-day", "days-apart", "weeks-apart"],
)
def test_conflicting_reports_stay_apart_despite_shared_heads(other: dict[str, Any]) -> None:
    reports = [
        report("a", heads=(BLINKEN, TOKAYEV), round=4),
        report("b", heads=(BLINKEN, TOKAYEV), **({"round": 4} | other)),
    ]
    assert len(group_meetings(reports, NONE)) == 2


def test_one_round_of_one_format_is_one_meeting_though_its_stated_days_differ() -> None:
    espd = {"mechanism": "Enhanced Strategic Partnership Dialogue", "round": 6, "kind": "dialogue"}
    reports = [
        report("a", heads=(LU, RAKHMETULLIN), date="2024-05-31", **espd),
        report("b", heads=(LU, RAKHMETULLIN), date="2024-05-31", **espd),
        report("c", heads=(LU, RAKHMETULLIN), date="2024-06-05", **espd),
    ]
    [meeting] = group_meetings(reports, NONE)
    assert meeting.record.date == "2024-05-31"
    assert meeting.fields["date"].disagreement


@pytest.mark.parametrize(
    "common",
    [
        {"parties": ["KAZ"], "participants": []},
        {"heads": ()},
        {"heads": (BLINKEN, TOKAYEV), "date": None},
    ],
    ids=["one-side-known", "no-heads-no-mechanism", "no-date-no-publication"],
)
def test_weak_evidence_does_not_merge(common: dict[str, Any]) -> None:
    assert len(group_meetings([report("a", **common), report("b", **common)], NONE)) == 2


def test_same_mechanism_on_the_same_day_merges_without_heads() -> None:
    common = {"mechanism": "Political consultations", "kind": "consultations"}
    reports = [
        report("a", **common),
        report("b", **(common | {"mechanism": "political consultations"})),
    ]
    assert len(group_meetings(reports, NONE)) == 1


def test_a_short_name_matches_the_acronym_of_the_full_name() -> None:
    full = report("a", mechanism="United States-Kazakhstan Enhanced Strategic Partnership Dialogue")
    short = report("b", mechanism_short="ESPD")
    other = report("c", mechanism="Consular Consultations")
    assert groups(group_meetings([full, short, other], NONE)) == [["a:0", "b:0"], ["c:0"]]


def test_engagements_of_one_document_are_never_joined() -> None:
    reports = [report("a", 0, heads=(BLINKEN, TOKAYEV)), report("a", 1, heads=(BLINKEN, TOKAYEV))]
    assert len(group_meetings(reports, NONE)) == 2


def test_a_month_dated_report_does_not_bridge_two_distinct_meetings() -> None:
    reports = [
        report("a", heads=(LU, RAKHMETULLIN), date="2024-05-31"),
        report("b", heads=(LU, RAKHMETULLIN), date="2024-06"),
        report("c", heads=(LU, RAKHMETULLIN), date="2024-06-08"),
    ]
    found = groups(group_meetings(reports, NONE))
    assert ["a:0"] in found or ["c:0"] in found
    assert len(found) == 2


def test_a_reviewer_split_is_respected_even_against_the_evidence() -> None:
    reports = [report(d, heads=(BLINKEN, TOKAYEV)) for d in ("a", "b", "c")]
    a, _, c = (r.key for r in reports)
    assert len(group_meetings(reports, NONE)) == 1
    split = group_meetings(reports, Constraints(different_meeting=[(a, c)]))
    assert len(split) == 2
    assert not any({a, c} <= set(m.members) for m in split)


def test_a_reviewer_merge_is_applied_even_against_the_evidence() -> None:
    reports = [report("a", heads=(BLINKEN, TOKAYEV)), report("b", heads=(BLINKEN, TLEUBERDI))]
    merge = Constraints(same_meeting=[(reports[1].key, reports[0].key)])
    assert groups(group_meetings(reports, merge)) == [["a:0", "b:0"]]


def test_meeting_fields_correct_the_record_of_the_meeting_holding_that_report() -> None:
    reports = [report("a", heads=(BLINKEN, TOKAYEV)), report("b", heads=(BLINKEN, TOKAYEV))]
    fixed = Constraints(meeting_fields={"b:0": {"city": "Nur-Sultan"}})
    [meeting] = group_meetings(reports, fixed)
    assert meeting.record.city == "Nur-Sultan"
    assert meeting.fields["city"].corrected


STATEMENT = " ".join(
    f"Point {n}: the ministers discussed joint project number {n} and instructed agency {n} "
    f"to prepare a roadmap before the review scheduled for quarter {n}."
    for n in range(1, 12)
)


def test_same_ordinals_of_near_duplicate_documents_are_one_meeting() -> None:
    unknown_side = {"parties": ["KAZ"], "date": None}
    reports = [
        report("a", 0, text=STATEMENT, **unknown_side),
        report("a", 1, text=STATEMENT, heads=(LU, RAKHMETULLIN)),
        report("b", 0, text=STATEMENT + " Reprinted with permission.", **unknown_side),
        report("b", 1, text=STATEMENT, heads=(LU, ("Kairat Umarov", "KAZ"))),
    ]
    assert groups(group_meetings(reports, NONE)) == [["a:0", "b:0"], ["a:1"], ["b:1"]]


def test_meetings_are_sorted_with_ids_from_their_smallest_key() -> None:
    reports = [
        report("z", heads=(BLINKEN, TOKAYEV)),
        report("m", 3, heads=(BLINKEN, TOKAYEV)),
        report("m", 12, heads=(KERRY, IDRISSOV), date="2015-11-02"),
        report("k", heads=(("Kaja Kallas", "EU"),), parties=["EU", "KAZ"]),
    ]
    meetings = group_meetings(reports, NONE)
    assert [(m.block, m.id) for m in meetings] == [
        ("EU-KAZ", "k:0"),
        ("KAZ-USA", "m:12"),
        ("KAZ-USA", "m:3"),
    ]
    assert meetings[2].members == [EngagementKey(document_id="m", ordinal=3), reports[0].key]


MIXED = [
    report("a", heads=(BLINKEN, TOKAYEV)),
    report("b", heads=(BLINKEN, TLEUBERDI)),
    report("c", heads=(BLINKEN, ("Tileuberdi", "KAZ")), date="2023-03", published=date(2023, 3, 2)),
    report("d", heads=(BLINKEN,)),
    report("e", 0, heads=(KERRY, IDRISSOV), date="2015"),
    report("e", 1, heads=(KERRY, IDRISSOV), date="2015-11-02"),
    report("f", heads=(KERRY, IDRISSOV), date="2015-11-02", city="Astana"),
    report("g", heads=(KERRY, IDRISSOV), date="2015-03-10", city="Washington"),
    report("h", kind="call", heads=(BLINKEN, TOKAYEV)),
    report("i", text=STATEMENT, parties=["KAZ"], date=None),
    report("j", text=STATEMENT, parties=["KAZ"], date=None),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(MIXED))
def test_grouping_does_not_depend_on_input_order(shuffled: list[Report]) -> None:
    expected = [m.model_dump() for m in group_meetings(MIXED, NONE)]
    assert [m.model_dump() for m in group_meetings(shuffled, NONE)] == expected


def test_the_mixed_reports_group_as_the_evidence_says() -> None:
    found = groups(group_meetings(MIXED, NONE))
    assert ["b:0", "c:0"] in found
    assert ["i:0", "j:0"] in found
    assert ["h:0"] in found
    assert not any({"a:0", "b:0"} <= set(group) for group in found)
