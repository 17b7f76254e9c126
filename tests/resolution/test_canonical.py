"""The canonical record of a meeting chosen from its sources, with the evidence per field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bilateral.records import Commitment, Organization
from bilateral.resolution.canonical import merge_reports
from bilateral.resolved import EngagementKey, Report
from conftest import make_engagement, make_participant

LU = make_participant()
UMAROV = make_participant(
    name="Kairat Umarov", title="First Deputy Foreign Minister", country="KAZ", role="head"
)


def report(document: str, **fields: Any) -> Report:
    return Report(
        key=EngagementKey(document_id=document, ordinal=0),
        document_name=f"name-{document}",
        published=date(2022, 12, 7),
        engagement=make_engagement(**fields),
    )


def test_compatible_dates_choose_the_precise_one_without_disagreement() -> None:
    record, fields = merge_reports([report("a", date="2022-12"), report("b", date="2022-12-05")])
    assert record.date == "2022-12-05"
    assert not fields["date"].disagreement
    assert {v.value: v.documents for v in fields["date"].values} == {
        "2022-12": ["a"],
        "2022-12-05": ["b"],
    }


def test_dates_where_neither_contains_the_other_disagree() -> None:
    reports = [
        report("a", date="2022-12-05"),
        report("b", date="2022-12-05"),
        report("c", date="2022-11"),
    ]
    record, fields = merge_reports(reports)
    assert record.date == "2022-12-05"
    assert fields["date"].disagreement


def test_most_supported_value_wins_and_different_cities_disagree() -> None:
    reports = [
        report("a", city="Washington"),
        report("b", city="washington"),
        report("c", city="New York"),
    ]
    record, fields = merge_reports(reports)
    assert record.city == "Washington"
    assert fields["city"].disagreement
    assert [v.documents for v in fields["city"].values] == [["a", "b"], ["c"]]


def test_different_stated_rounds_disagree_and_a_missing_round_does_not() -> None:
    _, fields = merge_reports([report("a", round=5), report("b", round=None)])
    assert fields["round"].value == 5
    assert not fields["round"].disagreement
    _, fields = merge_reports([report("a", round=5), report("b", round=6)])
    assert fields["round"].disagreement


def test_kinds_may_differ_without_disagreement_but_calls_do_not() -> None:
    reports = [report("a", kind="visit"), report("b", kind="meeting"), report("c", kind="visit")]
    record, fields = merge_reports(reports)
    assert record.kind == "visit"
    assert not fields["kind"].disagreement
    _, fields = merge_reports([report("a", kind="call"), report("b", kind="meeting")])
    assert fields["kind"].disagreement


def test_participants_merge_across_spellings_keeping_fullest_name_and_a_title() -> None:
    surname_only = make_participant(name="Umarov", title=None, country="KAZ", role="head")
    record, fields = merge_reports(
        [
            report("a", participants=[LU, surname_only]),
            report("b", participants=[UMAROV]),
        ]
    )
    names = {(p.name, p.title, p.country) for p in record.participants}
    assert names == {
        ("Donald Lu", LU.title, "USA"),
        ("Kairat Umarov", "First Deputy Foreign Minister", "KAZ"),
    }
    assert all(p.spans == [] for p in record.participants)
    umarov = next(v for v in fields["participants"].values if v.value == "Kairat Umarov")
    assert umarov.documents == ["a", "b"]


def test_same_family_name_in_another_country_is_another_person() -> None:
    namesake = make_participant(name="Kairat Lu", country="KAZ", role="member")
    record, _ = merge_reports(
        [report("a", participants=[LU]), report("b", participants=[namesake])]
    )
    assert len(record.participants) == 2


def test_a_head_named_by_one_source_only_is_a_disagreement() -> None:
    _, fields = merge_reports(
        [report("a", participants=[LU, UMAROV]), report("b", participants=[LU])]
    )
    assert fields["heads"].disagreement
    assert fields["heads"].value == ["Donald Lu", "Kairat Umarov"]
    _, agreeing = merge_reports(
        [report("a", participants=[LU, UMAROV]), report("b", participants=[UMAROV, LU])]
    )
    assert not agreeing["heads"].disagreement


def test_topics_and_organizations_are_the_union() -> None:
    record, _ = merge_reports(
        [
            report(
                "a",
                topics=["security.nonproliferation"],
                organizations=[Organization(name="Eurasia Foundation")],
            ),
            report(
                "b",
                topics=["regional", "security.nonproliferation"],
                organizations=[
                    Organization(name="eurasia foundation", country="USA"),
                    Organization(name="Astana International Financial Centre"),
                ],
            ),
        ]
    )
    assert record.topics == ["security.nonproliferation", "regional"]
    assert [(o.name, o.country) for o in record.organizations] == [
        ("Eurasia Foundation", "USA"),
        ("Astana International Financial Centre", None),
    ]


def test_near_identical_commitments_are_kept_once() -> None:
    first = Commitment(text="hold the next ESPD in 2023", by=["USA"], due="2023", kind="meeting")
    again = Commitment(text="Hold the next ESPD in 2023.", by=["KAZ"], due="2023-06")
    other = Commitment(text="sign a memorandum on critical minerals", kind="agreement")
    record, _ = merge_reports(
        [report("a", commitments=[first]), report("b", commitments=[again, other])]
    )
    assert [(c.text, c.by, c.due) for c in record.commitments] == [
        ("hold the next ESPD in 2023", ["KAZ", "USA"], "2023-06"),
        ("sign a memorandum on critical minerals", [], None),
    ]


def test_corrections_override_the_choice_and_are_marked() -> None:
    record, fields = merge_reports(
        [report("a", city="Washington"), report("b", city="Washington")],
        {"city": "New York", "round": 4},
    )
    assert (record.city, record.round) == ("New York", 4)
    assert fields["city"].corrected and fields["round"].corrected
    assert not fields["date"].corrected
    assert [v.value for v in fields["city"].values] == ["Washington"]


def test_the_canonical_record_has_no_provenance() -> None:
    record, _ = merge_reports([report("a")])
    assert record.provenance == {}
    assert all(not c.spans for c in record.commitments)


def test_no_reports_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one report"):
        merge_reports([])
