"""Topic cues on short passages written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.errors import ConfigError
from bilateral.extraction.topics import TopicMatcher, body_names, furniture_lines
from bilateral.taxonomy import Topic, load_taxonomy


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    return TopicMatcher.build(load_taxonomy())


def codes(matcher: TopicMatcher, text: str) -> set[str]:
    return {hit.code for hit in matcher.find(text)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The ministers discussed healthcare and vaccines.", "health"),
        ("They reviewed transportation links and a new railway.", "economy.transport"),
        ("Talks covered the situation in the wider region.", "regional"),
        ("The sides exchanged views on the war in Sudan.", "regional"),
        ("They reviewed defence industrial cooperation.", "security.defense"),
        ("Both sides raised the case of a detained journalist.", "consular.citizens"),
        (
            "They discussed cooperation within the Shanghai Cooperation Organisation.",
            "multilateral",
        ),
        ("The leaders agreed to meet again in Nairobi.", "high_level_visits"),
        ("They discussed the transition to a green economy.", "climate_environment"),
        ("The ministers called for fighting migrant smuggling networks.", "trafficking"),
    ],
)
def test_cues_find_topics(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code in codes(matcher, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The ministers adopted a joint declaration.", "consular.adoption"),
        ("The two sides exchanged diplomatic notes.", "education_culture"),
        ("She met officials of the International Atomic Energy Agency.", "economy.energy"),
        ("He met the Minister of State for Trade and Industry.", "economy.trade"),
        ("They met on the margins of the United Nations General Assembly.", "multilateral"),
        ("They called for an early reform of the United Nations Security Council.", "reforms"),
        ("The ministers stressed inter-regional contacts between provinces.", "regional"),
        ("Police seized drugs; drug trafficking was discussed.", "trafficking"),
    ],
)
def test_passing_words_are_not_topics(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code not in codes(matcher, text)


def test_site_furniture_is_not_a_topic(matcher: TopicMatcher) -> None:
    text = (
        "The ministers discussed trade.\n"
        "Also Read: Energy prices fall in Europe\n"
        "The talks ended at noon.\n"
        "Energy Climate Tourism\n"
    )
    assert codes(matcher, text) == {"economy.trade"}


def test_hits_carry_the_offset(matcher: TopicMatcher) -> None:
    (hit,) = [
        h for h in matcher.find("They discussed tourism.", offset=10) if h.code.startswith("c")
    ]
    assert (hit.code, hit.start, hit.end) == ("consular.visas", 25, 32)


def test_body_names_need_a_word_naming_a_body() -> None:
    text = "He visited the Astana Centre for Green Finance, then a Green Park."
    spans = body_names(text, frozenset({"Centre"}))
    assert [text[a:b] for a, b in spans] == ["Astana Centre for Green Finance"]


def test_trailing_lines_without_prose_are_furniture() -> None:
    text = "Headline without a stop\nThe sides met in Rome.\nTags Rome Italy"
    assert [text[a:b] for a, b in furniture_lines(text, None)] == ["Tags Rome Italy"]


def test_a_taxonomy_with_its_own_cues_and_codes_works() -> None:
    taxonomy = (
        Topic("fisheries", "Fisheries", "fishing quotas, aquaculture and ocean fisheries"),
        Topic("arctic", "Arctic", "polar matters", cues=("polar", "ice-?breakers?")),
    )
    matcher = TopicMatcher.build(taxonomy)
    text = "They discussed fishing quotas and a new icebreaker for polar research."
    assert codes(matcher, text) == {"fisheries", "arctic"}
    assert codes(matcher, "They discussed cooperation and international issues.") == set()


def test_a_broken_cue_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="ports"):
        TopicMatcher.build([Topic("ports", "Ports", "harbours", cues=("port(s",))])


def test_description_fallback_uses_phrases_not_generic_words() -> None:
    topic = Topic("water", "Water", "transboundary rivers, water sharing and irrigation policy")
    matcher = TopicMatcher.build([topic])
    assert codes(matcher, "They discussed water sharing on transboundary rivers.") == {"water"}
    assert codes(matcher, "They discussed the policy of the government.") == set()


@given(st.text(alphabet=st.sampled_from("ab tradeTRADE\n.Ministry of"), max_size=80))
def test_hits_are_inside_the_text(text: str) -> None:
    for hit in TopicMatcher.build(load_taxonomy()).find(text):
        assert 0 <= hit.start < hit.end <= len(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The premier accepted an invitation to visit Lisbon.", "high_level_visits"),
        ("The king invited the president to pay a state visit.", "high_level_visits"),
        ("They agreed that the council will meet annually.", "high_level_visits"),
        ("Regular meetings would give the partnership a steady rhythm.", "high_level_visits"),
        ("The ministers called for the denuclearisation of the peninsula.",
         "security.nonproliferation"),
        ("They agreed to strengthen cooperation on air defence.", "security.defense"),
        ("Talks touched on security guarantees for the island.", "security.defense"),
        ("They discussed coordination in regional bodies.", "multilateral"),
        ("They agreed to modernise the main border crossings.", "economy.transport"),
        ("The sides discussed illegal border crossings on the river.", "migration"),
        ("The ministers discussed seasonal workers from Samoa.", "migration"),
        ("They praised the Common Travel Area between the islands.", "consular.visas"),
        ("They recalled the reconciliation between their peoples.", "education_culture"),
        ("He spoke of the political modernisation of the country.", "reforms"),
    ],
)  # fmt: skip
def test_general_cues_of_the_second_round(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code in codes(matcher, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("They exchanged views on the regional security environment.", "climate_environment"),
        ("Both sides praised the business environment in Accra.", "climate_environment"),
        ("The guest was received with military honours.", "security.defense"),
        ("He met the Secretary of National Defense.", "security.defense"),
        ("The Foreign and Defense Ministerial Meeting was held.", "security.defense"),
        ("They argued for the defence of human rights.", "security.defense"),
        ("They agreed to protect undersea cables and other critical infrastructure.",
         "economy.transport"),
        ("Engineers presented digital connectivity projects.", "economy.transport"),
        ("They discussed the modernisation of the border crossings.", "reforms"),
        ("They discussed the modernisation of the border crossings.", "migration"),
        ("The ministers condemned attacks on cultural properties.", "education_culture"),
        ("They stressed respect for the children's cultural identity.", "education_culture"),
        ("They agreed to maintain regular contacts.", "high_level_visits"),
    ],
)  # fmt: skip
def test_near_misses_of_the_second_round(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code not in codes(matcher, text)


def test_a_commitment_to_meet_again_implies_its_topic_unless_it_only_continues() -> None:
    matcher = TopicMatcher.build(load_taxonomy())
    assert matcher.meeting_topic("hold the fifth round in Suva in 2026") == "high_level_visits"
    assert matcher.meeting_topic("continue the consultations regularly") is None
    assert matcher.meeting_topic("hold the next round in Lima", "consultations") is None


def test_a_taxonomy_without_the_meeting_topic_gets_none() -> None:
    matcher = TopicMatcher.build([Topic("fisheries", "Fisheries", "fishing quotas")])
    assert matcher.meeting_topic("hold the next round in Lima") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("They exchanged views on the situation in Yemen.", "regional"),
        ("Both want a peaceful and prosperous region.", "regional"),
        ("The sides discussed the protection of Filipino migrant workers.", "consular.citizens"),
        ("They raised the safety of Ghanaians living and working in Italy.", "consular.citizens"),
        ("Talks covered the recruitment of Nepali manpower.", "migration"),
        ("They discussed training Bangladeshi workers in Japan.", "migration"),
        ("They reviewed joint action against criminal syndicates.", "security.law_enforcement"),
        ("Cases of forged travel documents were discussed.", "security.law_enforcement"),
        ("Chile reaffirmed support for Moldova's bid to join the European Union.", "multilateral"),
        ("They discussed long-term LNG supplies.", "economy.energy"),
        ("They stressed protecting smallholder farmers growing palm oil.", "agriculture"),
    ],
)
def test_common_phrasings_are_cued(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code in codes(matcher, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister briefed on the current situation in Chile.", "regional"),
        (
            "The Foreign Minister of the Democratic Republic of the Congo spoke.",
            "human_rights_democracy",
        ),
        ("They discussed duties on palm oil.", "economy.energy"),
        ("They praised the Seasonal Agricultural Worker Programme.", "agriculture"),
    ],
)
def test_side_remarks_and_names_are_not_cues(matcher: TopicMatcher, text: str, code: str) -> None:
    assert code not in codes(matcher, text)
