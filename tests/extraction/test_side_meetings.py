"""Meetings reported in passing, found in sentences written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.extensions import PersonMention, PlaceMention, SideMeeting
from bilateral.extraction.side_meetings import find_side_meetings, returns_to_main


def person(text: str, name: str) -> PersonMention:
    """A person named (in full or by surname) wherever ``name`` or its last word occurs."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    surname = name.split()[-1]
    spans += [
        (m.start(), m.end())
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text)
        if not any(a <= m.start() < b for a, b in spans)
    ]
    spans.sort()
    return PersonMention(spans[0][0], spans[0][1], name, spans=spans)


def place(text: str, form: str, kind: str, code: str) -> PlaceMention:
    start = text.index(form)
    return PlaceMention(start, start + len(form), kind, code, form)  # type: ignore[arg-type]


def found(
    text: str, names: list[str], places: list[PlaceMention] | None = None
) -> list[SideMeeting]:
    people = [person(text, n) for n in names if n.split()[-1] in text]
    return list(find_side_meetings(text, [(0, len(text))], places or [], people))


@pytest.mark.parametrize(
    ("text", "met", "guest"),
    [
        ("In Lima, Minister Ana Soto also met President Luis Vega.", "Luis Vega", "Ana Soto"),
        ("Ana Soto also called on Prime Minister Luis Vega.", "Luis Vega", "Ana Soto"),
        ("Ana Soto paid a courtesy call on Speaker Luis Vega.", "Luis Vega", "Ana Soto"),
        ("On Monday, Soto was received by President Luis Vega.", "Luis Vega", "Ana Soto"),
        ("Her first stop was a meeting with Vice President Luis Vega.", "Luis Vega", None),
        ("After meeting with Peru's Foreign Minister Luis Vega, Soto left.", "Luis Vega", None),
    ],
)
def test_a_person_met(text: str, met: str, guest: str | None) -> None:
    (meeting,) = found(text, ["Ana Soto", "Luis Vega"])
    assert (meeting.counterpart, meeting.guest) == (met, guest)


def test_the_receiver_is_named_before_the_cue() -> None:
    text = "Earlier in the day, President Luis Vega received the Chilean delegation."
    chile = place(text, "Chilean", "demonym", "CHL")
    (meeting,) = found(text, ["Luis Vega"], [chile])
    assert (meeting.counterpart, meeting.delegation, meeting.same_day) == ("Luis Vega", "CHL", True)


def test_two_people_met_in_one_sentence_are_two_meetings() -> None:
    text = "He also called on President Luis Vega and met Senator Rosa Paz."
    meetings = found(text, ["Luis Vega", "Rosa Paz"])
    assert [m.counterpart for m in meetings] == ["Luis Vega", "Rosa Paz"]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Soto will meet President Luis Vega on Friday.",
        "Ana Soto is scheduled to meet President Luis Vega.",
        "Ana Soto hoped to hold talks with Luis Vega soon.",
        "Last year, Ana Soto met President Luis Vega in Quito.",
        "Ana Soto met with the press and thanked President Luis Vega.",
    ],
)
def test_no_meeting_held_now(text: str) -> None:
    assert found(text, ["Ana Soto", "Luis Vega"]) == []


def test_a_delegation_meets_an_ngo() -> None:
    text = "The Chilean delegation also met with representatives of the Andes Water Foundation."
    (meeting,) = found(text, [], [place(text, "Chilean", "demonym", "CHL")])
    assert meeting.counterpart is None
    assert [o[0] for o in meeting.organizations] == ["Andes Water Foundation"]
    assert meeting.delegation == "CHL"


def test_quoted_organization() -> None:
    text = "The delegation also convened with the Peruvian NGO “Agua Viva” on migration."
    (meeting,) = found(text, [])
    assert [o[0] for o in meeting.organizations] == ["Agua Viva"]


def test_a_delegation_meets_a_government() -> None:
    text = "The Chilean delegation met with the Peruvian Ministry of Energy and other agencies."
    places = [place(text, "Chilean", "demonym", "CHL"), place(text, "Peruvian", "demonym", "PER")]
    (meeting,) = found(text, [], places)
    assert (meeting.government, meeting.organizations) == ("PER", ())


@given(st.text(alphabet="abcdefgh ,.", max_size=80))
def test_no_cue_no_meeting(text: str) -> None:
    assert found(text, []) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("During the talks, the ministers discussed trade.", True),
        ("The two sides agreed to meet again.", True),
        ("The two discussed energy.", False),
    ],
)
def test_returns_to_main(sentence: str, expected: bool) -> None:
    assert returns_to_main(sentence) is expected


@pytest.mark.parametrize(
    "text",
    [
        "In the evening, Ana Soto sat down with Prime Minister Luis Vega.",
        "Ana Soto later sat down with Luis Vega to discuss fisheries.",
    ],
)
def test_sat_down_with_is_a_meeting(text: str) -> None:
    (meeting,) = found(text, ["Ana Soto", "Luis Vega"])
    assert (meeting.counterpart, meeting.guest) == ("Luis Vega", "Ana Soto")


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("He toured a plant of the electric carmaker Voltara, where engineers met him.", "Voltara"),
        ("She visited the headquarters of shipping group Nordhav Lines.", "Nordhav Lines"),
        ("The minister toured a research centre of telecoms operator Telkari.", "Telkari"),
    ],
)
def test_a_tour_of_a_company_site_is_a_meeting_with_it(text: str, organization: str) -> None:
    (meeting,) = found(text, [])
    assert [o[0] for o in meeting.organizations] == [organization]


@given(st.sampled_from(["museum", "old town", "Central Park", "war memorial", "cathedral"]))
def test_a_tour_of_a_sight_is_no_meeting(sight: str) -> None:
    assert found(f"In the afternoon she toured the {sight} with her husband.", []) == []
