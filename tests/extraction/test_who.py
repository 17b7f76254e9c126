"""Who took part, for which side, and in what role: short readouts written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from bilateral.extraction import Extractor
from bilateral.records import Engagement, SourceDocument


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def main_engagement(extractor: Extractor, text: str) -> Engagement:
    doc = SourceDocument(
        id=hashlib.sha256(text.encode()).hexdigest(),
        name="who-test",
        text=text,
        published=date(2024, 5, 6),
    )
    engagements = extractor.extract(doc).engagements
    assert engagements, "no engagement found"
    return engagements[0]


def roles(engagement: Engagement) -> dict[str, tuple[str | None, str]]:
    return {p.name: (p.country, p.role) for p in engagement.participants}


def test_people_only_talked_about_are_not_participants(extractor: Extractor) -> None:
    text = (
        "COPENHAGEN, May 6, 2024 – Danish Foreign Minister Kari Dahl held talks with Chilean "
        "Foreign Minister Mateo Rojas in Copenhagen on Monday. The ministers reviewed the "
        "implementation of the agreements reached during the visit of President Luis Garrido "
        "to Denmark. Minister Rojas praised the reforms initiated by Prime Minister Erik "
        "Lund. Dahl noted that Prime Minister Erik Lund would visit Chile next year. "
        "Rojas asked her to pass on his best wishes to King Harald Olsen."
    )
    found = roles(main_engagement(extractor, text))
    assert found == {"Kari Dahl": ("DNK", "head"), "Mateo Rojas": ("CHL", "head")}


def test_a_possessive_policy_mention_is_not_taking_part(extractor: Extractor) -> None:
    text = (
        "Deputy Foreign Minister Ana Prieto met Ambassador Tomas Berg in Madrid on Monday. "
        "The ambassador welcomed President Jorge Alba's reform programme."
    )
    assert "Jorge Alba" not in roles(main_engagement(extractor, text))


def test_courtesy_call_is_left_to_its_own_meeting(extractor: Extractor) -> None:
    text = (
        "ACCRA, May 6, 2024 – Foreign Minister Efua Mensah of Ghana held consultations with "
        "Foreign Minister Kodjo Agbe of Togo in Accra on Monday. The two ministers discussed "
        "border security and trade. Earlier in the day, Minister Agbe was received by "
        "President Kwame Boateng."
    )
    found = roles(main_engagement(extractor, text))
    assert set(found) == {"Efua Mensah", "Kodjo Agbe"}


def test_the_only_meeting_with_a_president_keeps_him(extractor: Extractor) -> None:
    text = (
        "Foreign Minister Kodjo Agbe of Togo met President Kwame Boateng of Ghana in Accra "
        "on Monday. They discussed border security."
    )
    assert set(roles(main_engagement(extractor, text))) == {"Kodjo Agbe", "Kwame Boateng"}


def test_countries_from_facing_the_other_side(extractor: Extractor) -> None:
    text = (
        "Argentine Foreign Minister Lucia Paz spent Monday in Montevideo. Paz held talks with "
        "Foreign Minister Martin Ibarra at the ministry. The ministers discussed trade between "
        "Argentina and Uruguay."
    )
    found = roles(main_engagement(extractor, text))
    assert found == {"Lucia Paz": ("ARG", "head"), "Martin Ibarra": ("URY", "head")}


def test_country_from_a_demonym_before_the_title_elsewhere(extractor: Extractor) -> None:
    text = (
        "President Anna Berg and Prime Minister Jonas Lind held a summit in Helsinki today, "
        "the first visit by a Swedish president to Finland in ten years. Sweden and Finland "
        "agreed to deepen defence cooperation."
    )
    found = roles(main_engagement(extractor, text))
    assert found == {"Anna Berg": ("SWE", "head"), "Jonas Lind": ("FIN", "head")}


def test_the_other_side_is_found_when_the_lead_names_one(extractor: Extractor) -> None:
    text = (
        "Rome, 11 December 2023\n\nMinister of Foreign Affairs Paolo Conti today held a "
        "telephone conversation with the new Foreign Minister of Peru, Rosa Quispe. "
        "Conti voiced Italy's support for Peru's bid to join the OECD."
    )
    engagement = main_engagement(extractor, text)
    assert engagement.parties == ["ITA", "PER"]
    assert roles(engagement) == {"Paolo Conti": ("ITA", "head"), "Rosa Quispe": ("PER", "head")}


def test_multilateral_format_lists_every_member(extractor: Extractor) -> None:
    text = (
        "Astana hosted a C5+1 ministerial meeting of the foreign ministers of the Central "
        "Asian countries with Japanese Foreign Minister Yuki Sato on Monday. The ministers "
        "discussed transport links."
    )
    engagement = main_engagement(extractor, text)
    assert engagement.parties == ["JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"]


def test_a_format_mentioned_in_passing_adds_no_parties(extractor: Extractor) -> None:
    text = (
        "Foreign Minister Yuki Sato of Japan met Foreign Minister Aidar Bekov of Kyrgyzstan in "
        "Tokyo on Monday. Japan welcomed Kyrgyzstan's engagement in the C5+1 format."
    )
    assert main_engagement(extractor, text).parties == ["JPN", "KGZ"]


def test_delegation_members_and_heads(extractor: Extractor) -> None:
    text = (
        "The Peruvian delegation was led by Vice Minister Ana Torres and included Ambassador "
        "to Canada Luis Rivas. The Canadian delegation was headed by Deputy Minister David "
        "Morrison. The delegations held the third strategic dialogue in Lima on Monday."
    )
    found = roles(main_engagement(extractor, text))
    assert found == {
        "Ana Torres": ("PER", "head"),
        "Luis Rivas": ("PER", "member"),
        "David Morrison": ("CAN", "head"),
    }


def test_someone_met_later_in_the_visit_is_left_out(extractor: Extractor) -> None:
    text = (
        "Foreign Minister Amara Diallo of Senegal held talks with Foreign Minister Jean Kaboré "
        "of Burkina Faso in Dakar on Monday. Later, President Mamadou Sall received Kaboré at "
        "the palace."
    )
    assert set(roles(main_engagement(extractor, text))) == {"Amara Diallo", "Jean Kaboré"}


def test_a_companion_is_of_the_side_of_whom_they_accompany(extractor: Extractor) -> None:
    text = (
        "President Ana Ruiz held talks with Prime Minister Tomas Vera of Peru in Lima on "
        "Monday. The President, who arrived on Sunday, was accompanied by Minister of Mining "
        "Pablo Soto. Chile and Peru agreed to expand lithium cooperation."
    )
    found = roles(main_engagement(extractor, text))
    assert found["Ana Ruiz"] == ("CHL", "head")
    assert found["Pablo Soto"] == ("CHL", "member")


# -- generalisation round: sides of people the text does not place next to their name ---------


def test_a_guest_on_a_visit_is_of_the_other_side(extractor: Extractor) -> None:
    text = (
        "Nairobi, 6 May 2024 — President Amani Njoroge, on a state visit to Kenya, held a "
        "summit with President Daniel Mutua at State House this morning. The two presidents "
        "discussed trade between Tanzania and Kenya."
    )
    found = roles(main_engagement(extractor, text))
    assert found["Daniel Mutua"] == ("KEN", "head")
    assert found["Amani Njoroge"] == ("TZA", "head")


def test_a_country_after_two_names_is_both_of_theirs(extractor: Extractor) -> None:
    text = (
        "Lisbon, 6 May 2024 — Foreign Minister Rui Costa and Minister of Defence Ana Pinto of "
        "Portugal, together with Foreign Minister Amina Diallo and Minister of Defence Ibrahima "
        "Sow of Senegal, convened the first ministerial meeting in Lisbon."
    )
    found = roles(main_engagement(extractor, text))
    assert found == {
        "Rui Costa": ("PRT", "head"),
        "Ana Pinto": ("PRT", "head"),
        "Amina Diallo": ("SEN", "head"),
        "Ibrahima Sow": ("SEN", "head"),
    }


def test_same_title_pair_is_not_given_one_country(extractor: Extractor) -> None:
    text = (
        "Hanoi, 6 May 2024 — President Kim Do-yun and President Tran Van Minh of Viet Nam "
        "held talks in Hanoi."
    )
    found = roles(main_engagement(extractor, text))
    assert found["Tran Van Minh"][0] == "VNM"
    assert found["Kim Do-yun"][0] != "VNM"


def test_listed_delegation_members_get_the_delegation_side(extractor: Extractor) -> None:
    text = (
        "Vilnius, 6 May 2024\n\n"
        "Consular consultations between Lithuania and Georgia took place in Vilnius.\n\n"
        "The Lithuanian delegation was led by Director Rasa Petraitiene. The delegation "
        "included:\n"
        "• Tomas Kazlauskas, Counsellor at the Consular Department;\n"
        "• Egle Jankute, Senior Expert at the Ministry of the Interior.\n\n"
        "The Georgian side was led by Director Giorgi Beridze.\n"
    )
    found = roles(main_engagement(extractor, text))
    assert found["Rasa Petraitiene"] == ("LTU", "head")
    assert found["Tomas Kazlauskas"] == ("LTU", "member")
    assert found["Egle Jankute"] == ("LTU", "member")
    assert found["Giorgi Beridze"] == ("GEO", "head")


def test_co_chair_of_a_known_side_places_the_other(extractor: Extractor) -> None:
    text = (
        "Rome, 6 May 2024 — The intergovernmental council met in Rome, chaired by Prime "
        "Minister Marco Bellini of Italy and Federal Chancellor Hanna Keller. The meeting "
        "adopted an action plan on energy between Italy and Austria."
    )
    found = roles(main_engagement(extractor, text))
    assert found["Marco Bellini"] == ("ITA", "head")
    assert found["Hanna Keller"] == ("AUT", "head")


def test_unknown_side_person_is_no_head_once_both_sides_have_one(extractor: Extractor) -> None:
    text = (
        "Quito, 6 May 2024 — President Ana Torres of Ecuador received President Luis Vega of "
        "Peru in Quito. The foreign ministers, Pablo Ruiz and Carla Soto, joined the talks."
    )
    found = roles(main_engagement(extractor, text))
    assert found["Pablo Ruiz"][1] == "member"
    assert found["Carla Soto"][1] == "member"


def test_an_organization_hosting_the_venue_is_no_side(extractor: Extractor) -> None:
    text = (
        "President Ana Torres on Saturday met with President Joao Lima of Angola on the "
        "sidelines of the Summit of the African Union in Kigali, Rwanda. The two leaders "
        "discussed trade between Ghana and Angola and the safety of Ghanaian traders in Angola."
    )
    assert main_engagement(extractor, text).parties == ["AGO", "GHA"]


def test_an_organization_owning_a_rule_is_no_side(extractor: Extractor) -> None:
    text = (
        "President Lee Tan and Vietnamese Prime Minister Pham Duc held talks in Hanoi on "
        "Monday, during the President's state visit to Viet Nam, and discussed the European "
        "Union's deforestation regulation. Thai companies in Viet Nam and Thai exports to "
        "Viet Nam were also discussed, as well as Thailand's role in the region."
    )
    assert main_engagement(extractor, text).parties == ["THA", "VNM"]
