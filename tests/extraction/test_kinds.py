"""Kinds of engagement, and sentences that report a meeting: sentences written for these tests."""

import pytest

from bilateral.extraction.kinds import (
    call_without_cue,
    calls_it_a_visit,
    kind_from_text,
    names_larger_event,
    planned_at,
    reports_held_meeting,
    reports_meeting,
    says_multilateral,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministers had a telephone conversation.", "call"),
        ("The minister spoke by phone with her counterpart.", "call"),
        ("The leaders held talks by video link.", "call"),
        ("Political consultations took place in Rome.", "consultations"),
        ("The leaders met at the summit in Jakarta.", "summit"),
        ("The presidents held a bilateral summit in Seoul.", "summit"),
        ("The minister paid an official visit to Brasília.", "visit"),
        ("The president chose Chile for his first foreign trip.", "visit"),
        ("The Working Group on Migration met.", "working_group"),
        ("The two ministers discussed trade.", None),
        ("They discussed preparations for the bilateral summit.", None),
        ("They discussed the summit to be held next month.", None),
        ("He briefed her on his upcoming visit to Japan.", None),
    ],
)
def test_kind_cues(text: str, kind: str | None) -> None:
    found = kind_from_text(text)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Secretary spoke today with Foreign Minister Rau.", True),
        ("The Secretary spoke with Minister Rau after they met in Warsaw.", False),
        ("The Secretary spoke to reporters.", False),
    ],
)
def test_spoke_with_is_a_call(text: str, expected: bool) -> None:
    assert call_without_cue(text) is expected


@pytest.mark.parametrize(
    ("text", "reports", "held"),
    [
        ("The two ministers met in Accra.", True, True),
        ("She expects her upcoming meeting with the ministers to go well.", True, False),
        ("The minister will visit Peru next week.", True, False),
        ("Citizens may travel to visit Peru without a visa.", False, False),
        ("The embassy advises travellers to call the emergency line.", False, False),
        ("Norway welcomed the Security Council resolution.", False, False),
        ("The President received the Ambassador of Chile.", True, True),
        ("The President received a letter.", False, False),
        ("The minister spoke with Foreign Minister Rau today.", True, True),
    ],
)
def test_sentences_that_report_a_meeting(text: str, reports: bool, held: bool) -> None:
    assert reports_meeting(text) is reports
    assert reports_held_meeting(text) is held


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("ahead of the summit in May", "summit"),
        ("the upcoming U.S.-Chile Strategic Dialogue, due in May", "Strategic Dialogue"),
        ("the Strategic Dialogue, which will be held in May", "Strategic Dialogue"),
        ("she is also to attend the Andean Ministerial Meeting", "Meeting"),
    ],
)
def test_planned_cue(text: str, cue: str) -> None:
    assert planned_at(text, text.index(cue), text.index(cue) + len(cue))


def test_a_held_cue_is_not_planned() -> None:
    text = "They met. Next year's Strategic Dialogue was discussed"
    assert not planned_at(text, text.index("met"), text.index("met") + 3)


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("They met on the sidelines of the Asia Cooperation Summit in Doha.", "Asia", True),
        ("They met on the margins of the assembly, opening the Chile-Peru Dialogue.", "Chile",
         False),
        ("She met him at the Munich Security Conference.", "Munich", True),
        ("The Chile-Peru Dialogue was held at the ministry.", "Chile", False),
    ],
)  # fmt: skip
def test_larger_event(sentence: str, name: str, expected: bool) -> None:
    assert names_larger_event(sentence, sentence.index(name)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders held a trilateral summit.", True),
        ("The foreign ministers held tripartite talks.", True),
        ("The two ministers met bilaterally.", False),
    ],
)
def test_says_multilateral(text: str, expected: bool) -> None:
    assert says_multilateral(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the visit would deepen ties.", True),
        ("During the trip, the president also met students.", True),
        ("Her three-day visit ended on Sunday.", True),
        ("He looks forward to his upcoming visit to Oslo.", False),
        ("The president accepted an invitation to pay a visit next year.", False),
        ("The ministers discussed trade and energy.", False),
    ],
)
def test_calls_it_a_visit(text: str, expected: bool) -> None:
    assert (calls_it_a_visit(text) is not None) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Citizens may enter without a visa for tourism or visiting relatives.",
        "The waiver covers travellers visiting their family for up to 30 days.",
        "Holders of ordinary passports visiting friends need no visa.",
    ],
)
def test_private_visits_of_travel_notices_report_no_meeting(text: str) -> None:
    assert not reports_meeting(text)


def test_a_visit_to_a_country_still_reports_a_meeting() -> None:
    assert reports_held_meeting("The minister visited Ghana and met the president.")
