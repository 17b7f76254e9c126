"""How many engagements a document has, and their kind: short readouts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from bilateral.extraction import Extractor
from bilateral.extraction.components.paragraphs import line_starts
from bilateral.records import Engagement
from conftest import make_document


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def extract(extractor: Extractor, text: str, title: str | None = None) -> list[Engagement]:
    source = make_document(name="test", text=text, title=title, published=date(2023, 5, 10))
    return extractor.extract(source).engagements


def readout(*paragraphs: str) -> str:
    """A document: its paragraphs separated by blank lines."""
    return "\n\n".join(paragraphs) + "\n"


def heads(engagement: Engagement) -> list[str]:
    return sorted(p.name for p in engagement.participants if p.role == "head")


NOTICE = readout(
    "Embassy of Chile in Lima",
    "Lima, 10 May 2023",
    (
        "The consular section will be closed on Friday. Chilean citizens who need help may "
        "call the emergency line. Travellers should check whether they need a visa to visit "
        "Chile."
    ),
)


def test_a_notice_has_no_engagement(extractor: Extractor) -> None:
    assert extract(extractor, NOTICE) == []


CALL = readout(
    "Lima, 10 May 2023",
    (
        "Foreign Minister Ana Soto of Peru spoke today with Foreign Minister Tomás Ruiz of "
        "Chile. They discussed the fisheries agreement and agreed to stay in close contact."
    ),
)


def test_spoke_with_is_a_call(extractor: Extractor) -> None:
    (call,) = extract(extractor, CALL)
    assert (call.kind, call.mechanism) == ("call", None)


def test_a_headline_that_says_call(extractor: Extractor) -> None:
    text = CALL.replace("spoke today with", "had a conversation today with")
    (call,) = extract(extractor, "Soto's call with Chilean counterpart\n\n" + text)
    assert call.kind == "call"


SIDELINES = readout(
    "Lima, 10 May 2023",
    (
        "Peruvian President Luis Vega met Chilean President Rosa Paz on the sidelines of the "
        "Pacific Alliance Summit in Santiago on Tuesday. The two presidents discussed trade "
        "and migration."
    ),
)


def test_a_meeting_at_a_larger_event_is_a_meeting(extractor: Extractor) -> None:
    (meeting,) = extract(extractor, SIDELINES)
    assert (meeting.kind, meeting.mechanism) == ("meeting", None)


DIALOGUE = readout(
    "Joint statement on the third Peru-Chile Strategic Dialogue",
    "Lima, 10 May 2023",
    (
        "Foreign Minister Ana Soto of Peru and Foreign Minister Tomás Ruiz of Chile "
        "co-chaired the third meeting of the Peru-Chile Strategic Dialogue (PCSD) in Lima on "
        "9 May 2023."
    ),
    "The ministers reviewed cooperation in mining and agreed to hold the fourth round in 2024.",
)


def test_a_dialogue_with_its_round(extractor: Extractor) -> None:
    (dialogue,) = extract(extractor, DIALOGUE)
    assert dialogue.kind == "dialogue"
    assert (dialogue.mechanism, dialogue.mechanism_short) == (
        "Peru-Chile Strategic Dialogue",
        "PCSD",
    )
    assert dialogue.round == 3


VISIT = readout(
    "Lima, 10 May 2023",
    (
        "Chilean Foreign Minister Tomás Ruiz paid an official visit to Peru on Tuesday, where "
        "he held talks with Foreign Minister Ana Soto at the Torre Tagle Palace."
    ),
    (
        "During the visit, Minister Ruiz also called on President Luis Vega. He later met "
        "Senator Rosa Paz, chair of the foreign affairs committee."
    ),
    "The Chilean delegation also met with representatives of the Andes Water Foundation.",
    "Last year, Ruiz met Soto in Santiago.",
)


def test_a_visit_with_meetings_in_passing(extractor: Extractor) -> None:
    main, *sides = extract(extractor, VISIT)
    assert (main.kind, len(sides)) == ("visit", 3)
    assert "Luis Vega" not in [p.name for p in main.participants]
    assert [s.kind for s in sides] == ["meeting"] * 3
    assert [heads(s) for s in sides[:2]] == [
        ["Luis Vega", "Tomás Ruiz"],
        ["Rosa Paz", "Tomás Ruiz"],
    ]
    assert [o.name for o in sides[2].organizations] == ["Andes Water Foundation"]
    assert sides[2].participants == []


PEER = readout(
    "Lima, 10 May 2023",
    "Chilean Foreign Minister Tomás Ruiz spent Tuesday in Lima on his first visit abroad.",
    (
        "His first stop was a meeting with Vice President Luis Vega. Ruiz then held talks "
        "with Foreign Minister Ana Soto, and the two ministers signed a consular agreement."
    ),
)


def test_the_visitors_peer_is_the_main_counterpart(extractor: Extractor) -> None:
    main, side = extract(extractor, PEER)
    assert main.kind == "visit"
    assert "Ana Soto" in [p.name for p in main.participants]
    assert heads(side) == ["Luis Vega", "Tomás Ruiz"]


UPCOMING = readout(
    "Lima, 10 May 2023",
    (
        "Foreign Minister Ana Soto said she expects her upcoming meeting with Pacific "
        "ministers to be productive. Soto met with Chilean Foreign Minister Tomás Ruiz on "
        "Tuesday in Lima. Soto is also to attend the Pacific Ministerial Meeting on Friday."
    ),
)


def test_a_meeting_to_come_is_not_the_one_reported(extractor: Extractor) -> None:
    (meeting,) = extract(extractor, UPCOMING)
    assert (meeting.kind, meeting.mechanism) == ("meeting", None)


def test_a_line_break_before_a_lower_case_word_continues_a_sentence() -> None:
    text = "Headline\n\nThe minister met her\ncounterpart today.\nNew line"
    assert [text[i:].split()[0] for i in line_starts(text)] == ["The", "New"]


WRAPPED = """Ministers meet in Lima

Lima, 10 May 2023

The foreign ministers of Peru and Chile met in Lima on Tuesday for talks on the
Pacific Alliance, fisheries and the border crossing at Tacna, which both want to
Modernise. They also discussed migration and agreed to meet again in Santiago.
The talks lasted three hours.
"""


def test_a_full_line_without_final_punctuation_is_wrapped() -> None:
    starts = [WRAPPED[i:].split()[0] for i in line_starts(WRAPPED)]
    assert starts == ["Lima,", "The", "The"]


MULTILATERAL = readout(
    "Lima, 10 May 2023",
    (
        "Foreign Minister Ana Soto of Peru hosted the foreign ministers of Chile, Ecuador and "
        "Bolivia, among them Chilean Foreign Minister Tomás Ruiz, for the Andean Ministerial "
        "Dialogue in Lima on Tuesday."
    ),
    (
        "Minister Ruiz also paid an official visit to Peru. He met with Foreign Minister Ana "
        "Soto to discuss the border crossing."
    ),
)


def test_two_members_of_a_multilateral_meeting_meeting_alone(extractor: Extractor) -> None:
    main, bilateral = extract(extractor, MULTILATERAL)
    assert (main.kind, main.mechanism) == ("dialogue", "Andean Ministerial Dialogue")
    assert (bilateral.kind, heads(bilateral)) == ("visit", ["Ana Soto", "Tomás Ruiz"])


TRILATERAL = readout(
    "Lima, 10 May 2023",
    (
        "President Luis Vega hosted President Rosa Paz and President Marta Gil for a trilateral "
        "summit in Lima on Tuesday."
    ),
    "On the margins of the summit, President Vega also met with President Paz.",
)


def test_a_bilateral_meeting_at_a_trilateral_summit(extractor: Extractor) -> None:
    main, bilateral = extract(extractor, TRILATERAL)
    assert main.kind == "summit"
    assert (bilateral.kind, heads(bilateral)) == ("meeting", ["Luis Vega", "Rosa Paz"])


def test_a_preview_has_no_engagement(extractor: Extractor) -> None:
    text = readout(
        "Lima, 10 May 2023",
        "Foreign Minister Ana Soto will visit Chile next week for the upcoming Strategic Dialogue.",
    )
    assert extract(extractor, text) == []


def test_a_meeting_of_another_time_is_not_the_one_reported(extractor: Extractor) -> None:
    text = readout(
        "Lima, 10 May 2023",
        (
            "Last year, Foreign Minister Ana Soto visited Santiago for the Peru-Chile Strategic "
            "Dialogue. On Tuesday, Soto held talks with Chilean Foreign Minister Tomás Ruiz in "
            "Lima on fisheries."
        ),
    )
    (meeting,) = extract(extractor, text)
    assert (meeting.kind, meeting.mechanism) == ("meeting", None)


STATE_VISIT = readout(
    "Highlights of the Ghanaian state visit to Kenya",
    "Nairobi, 10 May 2023",
    (
        "President Kwame Asante of Ghana paid a state visit to Kenya from 7 to 9 May 2023. "
        "On 7 May, President Wanjiru Kamau received President Asante at State House in "
        "Nairobi, where the two presidents discussed trade and regional security. They "
        "also reviewed the situation in the Great Lakes region, the fight against drought in "
        "the Horn of Africa and the reform of the African Union's financing."
    ),
    (
        "Mombasa, 9 May. The visit closed with a meeting of the Ghana-Kenya Permanent Joint "
        "Commission, co-chaired by Foreign Minister Kofi Mensah and Foreign Minister Amina "
        "Odhiambo."
    ),
    "The Commission reviewed cooperation in agriculture and agreed to open direct flights.",
    "President Asante thanked Kenya for its hospitality.",
)


def test_a_format_meeting_during_a_visit_is_an_engagement_of_its_own(
    extractor: Extractor,
) -> None:
    visit, commission = extract(extractor, STATE_VISIT)
    assert (visit.kind, visit.mechanism) == ("visit", None)
    assert heads(visit) == ["Kwame Asante", "Wanjiru Kamau"]
    assert commission.kind == "dialogue"
    assert commission.mechanism == "Ghana-Kenya Permanent Joint Commission"
    assert commission.date == "2023-05-09"
    assert heads(commission) == ["Amina Odhiambo", "Kofi Mensah"]
    assert [c.text for c in commission.commitments] == ["open direct flights"]


def test_a_format_to_come_is_no_engagement(extractor: Extractor) -> None:
    text = STATE_VISIT.replace(
        "The visit closed with a meeting of", "The ministers agreed to convene a session of"
    )
    (visit,) = extract(extractor, text)
    assert visit.kind == "visit"


CREATED = readout(
    "Lima, 10 May 2023",
    (
        "Peruvian President Luis Vega received Chilean President Rosa Paz in Lima on Tuesday, "
        "and the two signed a protocol creating a Peru-Chile Supreme Coordination Council."
    ),
    "It was the first trip to Peru by a Chilean president in five years.",
)


def test_a_format_being_created_is_not_the_meetings(extractor: Extractor) -> None:
    (visit,) = extract(extractor, CREATED)
    assert (visit.kind, visit.mechanism) == ("visit", None)


TALKS_ON_A_TRIP = readout(
    "Santiago, 10 May 2023",
    (
        "Chilean President Rosa Paz held talks with Argentine President Diego Ramos at the "
        "Casa Rosada on Tuesday."
    ),
    "The two presidents discussed lithium and energy.",
    "Paz told reporters during the trip that the region must act together.",
)


def test_talks_the_text_calls_a_trip_are_a_visit(extractor: Extractor) -> None:
    (visit,) = extract(extractor, TALKS_ON_A_TRIP)
    assert visit.kind == "visit"


def test_talks_with_a_visit_to_come_stay_a_meeting(extractor: Extractor) -> None:
    text = TALKS_ON_A_TRIP.replace(
        "Paz told reporters during the trip", "Paz looks forward to her upcoming visit, saying"
    )
    (meeting,) = extract(extractor, text)
    assert meeting.kind == "meeting"


ANNUAL_SUMMIT = readout(
    "Nairobi, 10 May 2023",
    (
        "President Wanjiru Kamau hosted President Samia Hassan on Tuesday for the second "
        "annual Kenya-Tanzania summit. In the afternoon, President Hassan sat down with "
        "Deputy President Otieno Njoroge."
    ),
)


def test_an_annual_summit_and_a_second_meeting(extractor: Extractor) -> None:
    summit, meeting = extract(extractor, ANNUAL_SUMMIT)
    assert (summit.kind, summit.mechanism, summit.round) == ("summit", "Kenya-Tanzania summit", 2)
    assert meeting.kind == "meeting"
    assert heads(meeting) == ["Otieno Njoroge", "Samia Hassan"]


def test_a_travel_notice_headline_is_no_engagement(extractor: Extractor) -> None:
    text = readout(
        "Visa waiver for Norwegian citizens visiting Chile",
        "Norwegian citizens may enter Chile without a visa for tourism or visiting family.",
    )
    assert extract(extractor, text) == []
