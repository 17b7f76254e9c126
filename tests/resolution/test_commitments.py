"""Following commitments: fulfilment links, evidence, human decisions and status."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from bilateral.records import Commitment
from bilateral.resolution.commitments import follow_commitments
from bilateral.resolution.mechanisms import resolve_mechanisms
from bilateral.resolved import (
    CommitmentStatus,
    Constraints,
    EngagementKey,
    Meeting,
    Report,
)
from conftest import make_engagement

ESPD = "United States-Kazakhstan Enhanced Strategic Partnership Dialogue"
HLD = "High-Level Dialogue on Human Rights and Democratic Reform"
TODAY = date(2026, 1, 1)


def report(document: str, date: str, *commitments: Commitment, text: str = "",
           **fields: Any) -> Report:  # fmt: skip
    """A report by ``document`` of a Kazakhstan-United States meeting on ``date``."""
    values: dict[str, Any] = {
        "kind": "meeting",
        "mechanism": None,
        "mechanism_short": None,
        "date": date,
        "city": None,
        "participants": [],
        "organizations": [],
        "topics": [],
        "provenance": {},
        "commitments": list(commitments),
    }
    return Report(key=EngagementKey(document_id=document, ordinal=0), document_name=document,
                  engagement=make_engagement(**(values | fields)), text=text)  # fmt: skip


def promise(text: str, kind: str = "meeting", due: str | None = None) -> Commitment:
    return Commitment(text=text, kind=kind, due=due, by=["KAZ", "USA"])


def follow(
    reports: Sequence[Report],
    together: Sequence[Sequence[str]] = (),
    *,
    today: date = TODAY,
    constraints: Constraints | None = None,
) -> dict[str, CommitmentStatus]:
    """Statuses by document name; ``together`` lists documents that report one meeting."""
    meetings = _meetings(reports, together)
    mechanisms = resolve_mechanisms(meetings)
    found = follow_commitments(reports, meetings, mechanisms, today=today,
                               constraints=constraints or Constraints())  # fmt: skip
    return {s.document_name: s for s in found if s.ordinal == 0}


def _meetings(reports: Sequence[Report], together: Sequence[Sequence[str]]) -> list[Meeting]:
    by_key = sorted(reports, key=lambda r: str(r.key))
    groups = [[r for r in by_key if r.document_name in names] for names in together]
    grouped = {r.document_name for group in groups for r in group}
    groups += [[r] for r in by_key if r.document_name not in grouped]
    return [Meeting(id=str(group[0].key), block=group[0].block, members=[r.key for r in group],
                    documents=[r.key.document_id for r in group],
                    document_names=[r.document_name for r in group],
                    record=group[0].engagement) for group in groups]  # fmt: skip


def linked(status: CommitmentStatus, state: str = "accepted") -> list[str]:
    return sorted(n for link in status.links if link.state == state for n in link.document_names)


def espd_rounds() -> list[Report]:
    return [
        report("espd-2022", "2022-12-05", promise("hold the next ESPD in 2023", due="2023"),
               kind="dialogue", mechanism=ESPD, mechanism_short="ESPD", city="Washington"),
        report("espd-2023-a", "2023-11-06", kind="dialogue", mechanism=ESPD, round=5,
               city="Astana"),
        report("espd-2023-b", "2023-11-06", kind="dialogue", city="Astana",
               mechanism="Kazakhstan-U.S. Enhanced Strategic Partnership Dialogue"),
        report("espd-2024", "2024-05-31", kind="dialogue", mechanism=ESPD, round=6),
    ]  # fmt: skip


def test_the_next_round_fulfils_a_promise_to_hold_it() -> None:
    status = follow(espd_rounds(), [["espd-2023-a", "espd-2023-b"]])["espd-2022"]
    assert status.status == "fulfilled"
    assert linked(status) == ["espd-2023-a", "espd-2023-b"]
    (link,) = status.links
    assert link.confidence >= 0.6
    assert link.evidence == "5th round of the ESPD, Astana, 2023-11-06"
    assert status.made_on == "2022-12-05"
    assert status.id == "espd-2022:0:0"


def test_a_next_round_long_after_the_due_year_is_only_suggested() -> None:
    reports = [r for r in espd_rounds() if not r.document_name.startswith("espd-2023")]
    status = follow(reports)["espd-2022"]
    assert linked(status, "suggested") == ["espd-2024"]
    assert status.status == "overdue"


def test_another_report_of_the_same_round_is_not_the_next_round() -> None:
    text = (
        "the next Kazakhstan-U.S. Enhanced Strategic Partnership Dialogue will take place in 2025"
    )
    reports = [
        report("espd-2024", "2024-05-31", promise(text, due="2025"), kind="dialogue",
               mechanism=ESPD, round=6),
        report("espd-2024-late", "2024-06", kind="dialogue", mechanism=ESPD, round=6),
        report("espd-2024-later", "2024-07", kind="dialogue", mechanism=ESPD),
    ]  # fmt: skip
    status = follow(reports)["espd-2024"]
    assert [link.document_names for link in status.links] == [["espd-2024-later"]]
    assert status.links[0].state == "suggested"  # a round a month later is too early for 2025


def test_the_inaugural_meeting_of_a_named_format_is_its_first_later_round() -> None:
    text = ("start practical preparations for the inaugural meeting of a High-Level Dialogue "
            "on Democratic Reforms in early 2022")  # fmt: skip
    reports = [
        report("espd-2021", "2021-12-15", promise(text, due="2022"), kind="dialogue",
               mechanism=ESPD),
        report("hld-2022", "2022-04-11", kind="dialogue", mechanism=HLD, round=1),
        report("espd-2022", "2022-12-05", kind="dialogue", mechanism=ESPD),
    ]  # fmt: skip
    status = follow(reports)["espd-2021"]
    assert linked(status) == ["hld-2022"]
    assert status.status == "fulfilled"


def test_a_format_never_seen_is_not_fulfilled_by_another() -> None:
    text = "launch a Joint Commission on Energy Transition next year"
    reports = [
        report("espd-2021", "2021-12-15", promise(text, due="2022"), kind="dialogue",
               mechanism=ESPD),
        report("espd-2022", "2022-06-05", kind="dialogue", mechanism=ESPD),
    ]  # fmt: skip
    assert follow(reports)["espd-2021"].links == []


def test_a_promised_visit_is_fulfilled_by_a_visit_in_the_due_period() -> None:
    reports = [
        report("call", "2022-03-01", promise("pay an official visit to Washington", due="2022"),
               kind="call"),
        report("astana", "2022-06-01", kind="visit", city="Astana"),
        report("washington", "2022-09-20", kind="visit", city="Washington"),
    ]  # fmt: skip
    assert linked(follow(reports)["call"]) == ["washington"]


def test_an_agreement_is_fulfilled_where_a_later_text_says_it_was_signed() -> None:
    signed = ("Cameron arrived in Astana on Wednesday. Cameron and Nurtleu signed a Strategic "
              "Partnership and Cooperation Agreement. They also discussed trade.")  # fmt: skip
    recalled = "They reviewed the ratification of the Strategic Partnership and Cooperation " \
               "Agreement, which was signed last year."  # fmt: skip
    reports = [
        report("talks-2022", "2022-01", promise(
            "early concluding a Strategic Partnership and Cooperation Agreement", "agreement"),
            parties=["GBR", "KAZ"]),
        report("plans-2023", "2023-10", parties=["GBR", "KAZ"],
               text="The sides are preparing to sign a Strategic Partnership and Cooperation "
                    "Agreement."),
        report("visit-2024", "2024-04-24", parties=["GBR", "KAZ"], text=signed),
        report("dialogue-2025", "2025-02-11", parties=["GBR", "KAZ"], text=recalled),
    ]  # fmt: skip
    status = follow(reports)["talks-2022"]
    assert linked(status) == ["visit-2024"]
    (link,) = status.links
    assert link.evidence_document == "visit-2024"
    assert link.evidence_span is not None
    assert link.evidence_span.text_of(signed) == link.evidence
    assert link.evidence.startswith("Cameron and Nurtleu signed")


def test_overdue_or_open_depends_on_today() -> None:
    reports = [report("espd-2022", "2022-12-05", promise("hold the next ESPD in 2023", due="2023"),
                      kind="dialogue", mechanism=ESPD)]  # fmt: skip
    assert follow(reports, today=date(2023, 6, 1))["espd-2022"].status == "open"
    assert follow(reports, today=date(2024, 1, 2))["espd-2022"].status == "overdue"
    undated = [report("m", "2022-12-05", promise("hold the next meeting"))]
    assert follow(undated, today=date(2030, 1, 1))["m"].status == "open"


def test_a_commitment_restated_at_a_later_meeting_is_superseded() -> None:
    text = "deepen their cooperation in countering the threats of terrorism and violent extremism"
    reports = [
        report("spd-2015", "2015-06", promise(text, "action")),
        report("spd-2015-b", "2015-06", promise(text, "action")),
        report("spd-2016", "2016-09", promise(f"{text} and ISIL", "action")),
    ]
    statuses = follow(reports, [["spd-2015", "spd-2015-b"]])
    assert statuses["spd-2015"].status == "superseded"
    assert statuses["spd-2015"].superseded_by == "spd-2016:0:0"
    assert statuses["spd-2016"].status == "open"


def test_a_restatement_in_another_report_of_the_same_meeting_supersedes_nothing() -> None:
    text = "implement the agreements reached on a mutually beneficial basis"
    reports = [report(name, "2024-05-31", promise(text, "action")) for name in ("a", "b")]
    statuses = follow(reports, [["a", "b"]])
    assert [statuses[n].status for n in "ab"] == ["open", "open"]


def test_a_reviewer_confirms_a_link_nothing_suggested() -> None:
    reports = [
        report("call", "2022-03-01", promise("support the reform agenda", "action")),
        report("later", "2023-03-01"),
    ]
    confirmed = Constraints(confirmed_links=[("call:0:0", "later:0")])
    status = follow(reports, constraints=confirmed)["call"]
    assert status.status == "fulfilled"
    (link,) = status.links
    assert (link.state, link.confidence, link.meeting_id) == ("confirmed", 1.0, "later:0")


def test_a_reviewer_rejects_a_link_which_is_kept_but_not_counted() -> None:
    reports = espd_rounds()
    rejected = Constraints(rejected_links=[("espd-2022:0:0", "espd-2023-b:0")])
    status = follow(reports, [["espd-2023-a", "espd-2023-b"]], constraints=rejected)["espd-2022"]
    assert [link.state for link in status.links] == ["rejected"]
    assert status.status == "overdue"
    confirmed = Constraints(confirmed_links=[("espd-2022:0:0", "espd-2023-a:0")])
    status = follow(reports, [["espd-2023-a", "espd-2023-b"]], constraints=confirmed)["espd-2022"]
    assert [(link.state, link.confidence) for link in status.links] == [("confirmed", 1.0)]


def test_a_vague_action_is_never_linked() -> None:
    reports = [
        report("a", "2022-03-01", promise("continue cooperation on border security", "action")),
        report("b", "2023-03-01", text="They continued cooperation on border security."),
    ]
    assert follow(reports)["a"].links == []


def test_a_concrete_action_reported_done_is_linked() -> None:
    reports = [
        report("a", "2022-03-01", promise("open a consulate general in Almaty", "action")),
        report("b", "2023-03-01", text="Last week the United States opened a consulate "
                                       "general in Almaty."),
    ]  # fmt: skip
    status = follow(reports)["a"]
    assert linked(status) == ["b"]
    assert status.status == "fulfilled"


def test_following_is_deterministic() -> None:
    wmd = promise("preventing the spread of weapons of mass destruction", "action")
    reports = [*espd_rounds(), report("x", "2015-06", wmd), report("y", "2016-06", wmd)]
    meetings = _meetings(reports, [["espd-2023-a", "espd-2023-b"]])
    mechanisms = resolve_mechanisms(meetings)
    expected = follow_commitments(reports, meetings, mechanisms, constraints=Constraints(),
                                  today=TODAY)  # fmt: skip
    assert [s.id for s in expected] == sorted(s.id for s in expected)
    for seed in range(5):
        shuffle = random.Random(seed).sample
        again = follow_commitments(shuffle(reports, len(reports)), shuffle(meetings, len(meetings)),
                                   mechanisms, constraints=Constraints(), today=TODAY)  # fmt: skip
        assert again == expected
