"""Merging a meeting's reports: organizations written differently are one organization."""

from __future__ import annotations

from datetime import date
from typing import Any

from bilateral.records import Organization
from bilateral.resolution.canonical import merge_reports
from bilateral.resolved import EngagementKey, Report
from conftest import make_engagement, make_participant


def report(document: str, **fields: Any) -> Report:
    return Report(
        key=EngagementKey(document_id=document, ordinal=0),
        document_name=f"name-{document}",
        published=date(2022, 12, 7),
        engagement=make_engagement(**fields),
    )


def test_a_ministry_written_two_ways_is_one_organization() -> None:
    record, fields = merge_reports(
        [
            report(
                "a",
                organizations=[
                    Organization(name="Kazakh Foreign Ministry"),
                    Organization(name="OSCE"),
                ],
            ),
            report(
                "b",
                organizations=[
                    Organization(name="Ministry of Foreign Affairs of Kazakhstan", country="KAZ"),
                    Organization(name="Organisation for Security and Co-operation in Europe"),
                    Organization(name="the MFA", country="KAZ"),
                ],
            ),
        ]
    )
    assert [(o.name, o.country) for o in record.organizations] == [
        ("Ministry of Foreign Affairs of Kazakhstan", "KAZ"),
        ("Organization for Security and Co-operation in Europe", None),
    ]
    assert [(v.value, v.documents) for v in fields["organizations"].values] == [
        ("Ministry of Foreign Affairs of Kazakhstan", ["a", "b"]),
        ("Organization for Security and Co-operation in Europe", ["a", "b"]),
    ]


def test_the_merged_participant_shows_the_canonical_organization() -> None:
    umarov = {"name": "Kairat Umarov", "title": "First Deputy Foreign Minister", "country": "KAZ"}
    record, _ = merge_reports(
        [
            report("a", participants=[make_participant(**umarov, organization="MFA")]),
            report(
                "b",
                participants=[make_participant(**umarov, organization="Kazakhstan's MFA")],
            ),
            report(
                "c",
                participants=[make_participant(**umarov, organization="Eurasia Foundation")],
            ),
        ]
    )
    assert [p.organization for p in record.participants] == [
        "Ministry of Foreign Affairs of Kazakhstan"
    ]
