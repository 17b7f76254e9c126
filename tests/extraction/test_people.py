import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction import Extractor
from bilateral.extraction.extensions import PersonMention
from bilateral.extraction.people_cues import CueReader, same_person
from bilateral.extraction.vocabulary import people_vocabulary


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def people(extractor: Extractor, text: str) -> list[PersonMention]:
    doc = extractor.nlp(text)
    return list(doc._.people)


def test_title_before_name_with_country(extractor: Extractor) -> None:
    (p,) = people(extractor, "Deputy Foreign Minister of Poland Anna Kowalczyk opened the talks.")
    assert (p.name, p.title, p.country) == ("Anna Kowalczyk", "Deputy Foreign Minister", "POL")
    assert p.organization == "Ministry of Foreign Affairs of Poland"


def test_demonym_before_title(extractor: Extractor) -> None:
    (p,) = people(extractor, "The talks were co-chaired by Chilean Vice Minister Rodrigo Paredes.")
    assert (p.name, p.title, p.country, p.role_cue) == (
        "Rodrigo Paredes", "Vice Minister", "CHL", "head",
    )  # fmt: skip


def test_apposition_splits_title_and_organization(extractor: Extractor) -> None:
    text = (
        "The Kenyan delegation was led by Grace Wanjiru, Director of the Consular Department "
        "of the Ministry of Foreign Affairs of Kenya, while others listened."
    )
    (p,) = people(extractor, text)
    assert p.name == "Grace Wanjiru"
    assert p.title == "Director of the Consular Department"
    assert p.organization == "Ministry of Foreign Affairs of Kenya"
    assert (p.country, p.role_cue) == ("KEN", "head")


def test_state_department_organization(extractor: Extractor) -> None:
    text = (
        "Tom Becker, Director of the Andean Affairs Office at the U.S. Department of State, spoke."
    )
    (p,) = people(extractor, text)
    assert p.organization == "U.S. Department of State"
    assert p.title == "Director of the Andean Affairs Office"
    assert p.country == "USA"


def test_two_people_in_one_sentence_stay_apart(extractor: Extractor) -> None:
    text = (
        "The meeting was co-chaired by Peruvian Deputy Minister Luis Quispe and Canadian "
        "Assistant Deputy Minister Sarah Leblanc."
    )
    found = people(extractor, text)
    assert [(p.name, p.country) for p in found] == [
        ("Luis Quispe", "PER"),
        ("Sarah Leblanc", "CAN"),
    ]
    assert found[0].title == "Deputy Minister"


def test_surname_mentions_join_the_person(extractor: Extractor) -> None:
    text = "Ambassador Helen Marsh met the mayor. Later, Ambassador Marsh said the visit went well."
    (p,) = people(extractor, text)
    assert p.name == "Helen Marsh"
    assert len(p.spans) >= 3  # name, title, and the later surname


def test_capitalised_words_without_signals_are_not_people(extractor: Extractor) -> None:
    text = "Regional Security Architecture remains a concern for Central Asian Republics."
    assert people(extractor, text) == []


def by_name(extractor: Extractor, text: str) -> dict[str, PersonMention]:
    return {p.name: p for p in people(extractor, text)}


@pytest.mark.parametrize(
    "name",
    [
        "Ana-Maria Popescu",  # hyphenated given name
        "Kim Su-jin",  # hyphenated with a lower-case part
        "Carlos de Oliveira Santos",  # particle
        "Robert T. Hale Jr.",  # initial and suffix
    ],
)
def test_name_shapes(extractor: Extractor, name: str) -> None:
    (p,) = people(extractor, f"Deputy Minister of Trade {name} opened the session.")
    assert (p.name, p.title) == (name, "Deputy Minister of Trade")


def test_honorific_and_dateline_are_not_title(extractor: Extractor) -> None:
    text = "NAIROBI – Kenyan Cabinet Secretary Dr. Amina Odhiambo met the visitors on Friday."
    (p,) = people(extractor, text)
    assert (p.name, p.title, p.country) == ("Amina Odhiambo", "Cabinet Secretary", "KEN")


def test_country_of_the_republic_leaves_the_title(extractor: Extractor) -> None:
    text = "Minister of Foreign Affairs of the Republic of Ghana Efua Mensah received them."
    (p,) = people(extractor, text)
    assert (p.title, p.country, p.role_cue) == ("Minister of Foreign Affairs", "GHA", "head")


def test_possessive_country_and_organization(extractor: Extractor) -> None:
    text = (
        "Norway's State Secretary Ola Berg and the Danish Foreign Ministry's Director for "
        "Nordic Affairs Lene Holm co-chaired the talks."
    )
    found = by_name(extractor, text)
    assert found["Ola Berg"].country == "NOR"
    holm = found["Lene Holm"]
    assert (holm.title, holm.country) == ("Director for Nordic Affairs", "DNK")
    assert holm.organization == "Ministry of Foreign Affairs of Denmark"
    assert found["Ola Berg"].role_cue == holm.role_cue == "head"  # they share "co-chaired"


def test_delegation_lists_give_side_and_member_role(extractor: Extractor) -> None:
    text = (
        "The Chilean delegation was led by Foreign Minister Rosa Vidal and included Minister "
        "of Mining Pablo Soto, Ambassador to Peru Elena Ruiz and Senator Tomas Fuentes."
    )
    found = by_name(extractor, text)
    assert {n: p.role_cue for n, p in found.items()} == {
        "Rosa Vidal": "head", "Pablo Soto": "member", "Elena Ruiz": "member",
        "Tomas Fuentes": "member",
    }  # fmt: skip
    assert {p.country for p in found.values()} == {"CHL"}
    assert found["Elena Ruiz"].title == "Ambassador to Peru"
    assert found["Pablo Soto"].organization == "Ministry of Mining of Chile"


def test_apposition_does_not_swallow_the_next_person(extractor: Extractor) -> None:
    text = (
        "The talks brought together Lukas Brandt, Ambassador to Austria Petra Vogel "
        "and Consul General Jonas Keller."
    )
    found = by_name(extractor, text)
    assert found["Petra Vogel"].title == "Ambassador to Austria"
    assert "Lukas Brandt" not in found or found["Lukas Brandt"].title is None


def test_title_only_surname_is_a_person(extractor: Extractor) -> None:
    text = "Minister Abenova congratulated the Turkish side on the anniversary."
    (p,) = people(extractor, text)
    assert (p.name, p.title) == ("Abenova", "Minister")


def test_body_after_a_bare_name(extractor: Extractor) -> None:
    text = (
        "It was chaired by Director of the Consular Department Serikbayev of the Ministry "
        "of Foreign Affairs of Kazakhstan."
    )
    (p,) = people(extractor, text)
    assert (p.name, p.country, p.role_cue) == ("Serikbayev", "KAZ", "head")
    assert p.title == "Director of the Consular Department"


def test_relative_clause_adds_a_second_office(extractor: Extractor) -> None:
    text = (
        "She met Vice President Paulo Mendes, who also serves as Portugal's Minister of "
        "Economy, in Lisbon."
    )
    (p,) = people(extractor, text)
    assert p.title == "Vice President and Minister of Economy"
    assert p.country == "PRT"


def test_spelling_variants_and_later_full_name_join(extractor: Extractor) -> None:
    text = (
        "Minister Duarte and Minister Vasquez spoke. Earlier, Foreign Minister Ana Luisa "
        "Duarte met Foreign Minister Jorge Vasquez. Later Duartte said the talks went well."
    )
    found = by_name(extractor, text)
    assert set(found) == {"Ana Luisa Duarte", "Jorge Vasquez"}
    assert found["Ana Luisa Duarte"].title == "Foreign Minister"


def test_counterpart_takes_the_same_office(extractor: Extractor) -> None:
    text = (
        "Minister of Foreign Affairs of Ghana Efua Mensah and her Togolese counterpart "
        "Kodjo Agbe held talks."
    )
    found = by_name(extractor, text)
    agbe = found["Kodjo Agbe"]
    assert (agbe.title, agbe.country, agbe.role_cue) == (
        "Minister of Foreign Affairs",
        "TGO",
        "head",
    )
    assert found["Efua Mensah"].role_cue == "head"


def test_particle_glued_by_a_hyphen(extractor: Extractor) -> None:
    (p,) = people(extractor, "President Karim Abdel el-Masri met the delegation.")
    assert p.name == "Karim Abdel el-Masri"


def test_lower_case_apposition_is_a_title(extractor: Extractor) -> None:
    text = "In Quito she also met Lucia Andrade, chair of the national assembly's trade committee."
    (p,) = people(extractor, text)
    assert p.title == "Chair of the national assembly's trade committee"


def test_a_time_between_name_and_verb_keeps_the_cue(extractor: Extractor) -> None:
    text = "Ghana's Foreign Minister Efua Mensah on Tuesday co-chaired the commission in Accra."
    (p,) = people(extractor, text)
    assert p.role_cue == "head"


def test_counterpart_shares_the_core_office(extractor: Extractor) -> None:
    text = (
        "Deputy Prime Minister and Minister of Foreign Affairs Omar Haddad received his "
        "Tunisian counterpart Nabil Ammar in Rabat."
    )
    found = by_name(extractor, text)
    assert found["Nabil Ammar"].title == "Minister of Foreign Affairs"
    assert found["Nabil Ammar"].country == "TUN"


@pytest.mark.parametrize(
    ("title", "core"),
    [
        ("Deputy Prime Minister and Foreign Minister", "Foreign Minister"),
        ("Deputy Prime Minister – Minister of Trade", "Minister of Trade"),
        ("Minister of Foreign Affairs and International Cooperation",
         "Minister of Foreign Affairs and International Cooperation"),
        ("Director for Europe, Caucasus and Asia", "Director for Europe, Caucasus and Asia"),
    ],
)  # fmt: skip
def test_core_office(title: str, core: str) -> None:
    assert CueReader(people_vocabulary()).core_office(title) == core


@given(
    st.lists(
        st.sampled_from(["Deputy", "Minister", "of", "Trade", "and", ",", "–", "Head"]), max_size=10
    )
)
def test_core_office_is_the_end_of_the_title(words: list[str]) -> None:
    title = " ".join(words)
    core = CueReader(people_vocabulary()).core_office(title)
    assert core is not None and title.endswith(core)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).filter(str.strip))
def test_a_name_is_the_same_person_as_itself(name: str) -> None:
    assert same_person(name.title(), name.title())


# -- generalisation round: names written in other ways, lists, cues ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foreign Minister OKADA Haruto met the press in Osaka.", "Okada Haruto"),
        ("State Minister Sachiko WATANABE held talks with the envoy.", "Sachiko Watanabe"),
        ("The talks were led by Minister of Finance NGUYEN Thi Lan.", "Nguyen Thi Lan"),
    ],
)
def test_surname_in_capitals_is_part_of_the_name(
    extractor: Extractor, text: str, name: str
) -> None:
    (p,) = people(extractor, text)
    assert p.name == name


def test_acronyms_beside_capitalised_words_are_not_names(extractor: Extractor) -> None:
    text = "The ASEAN Secretariat and the OSCE Chairmanship said the RAA Agreement holds."
    assert people(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Director Jan Horak of the Ministry of Transport met the mayor.", "Jan Horak"),
        ("Former Prime Minister Theresa Mayfield said in May 2023 that talks resumed.", None),
        ("Ambassador June Okafor met the minister on 5 June 2024.", "June Okafor"),
    ],
)
def test_month_words_are_names_only_beside_a_name(
    extractor: Extractor, text: str, name: str | None
) -> None:
    names = [p.name for p in people(extractor, text)]
    if name is not None:
        assert name in names
    assert not any(n.split()[0] in {"May", "June"} and n != "June Okafor" for n in names)


def test_plural_of_a_title_word_is_not_a_name(extractor: Extractor) -> None:
    text = "Speaker of the House of Representatives Maria Tanaka welcomed the delegation."
    (p,) = people(extractor, text)
    assert p.name == "Maria Tanaka"


def test_head_of_government_titles(extractor: Extractor) -> None:
    text = "Taoiseach Ciaran Doyle hosted Emperor Akemi Sato at the castle."
    found = {p.name: p.title for p in people(extractor, text)}
    assert found == {"Ciaran Doyle": "Taoiseach", "Akemi Sato": "Emperor"}


def test_one_word_inside_a_title_is_not_a_name(extractor: Extractor) -> None:
    text = (
        "The Commissioner for European Neighbourhood Policy and Enlargement Negotiations, "
        "Mr. Pieter Janssens, also took part in the session."
    )
    (p,) = people(extractor, text)
    assert p.name == "Pieter Janssens"
    assert p.title == "Commissioner for European Neighbourhood Policy and Enlargement Negotiations"
    assert p.role_cue == "member"


def test_list_items_take_the_cue_of_the_opening_line(extractor: Extractor) -> None:
    text = (
        "The Latvian delegation was headed by Ilze Berzina, Director of the Consular "
        "Department. She was accompanied by:\n"
        "- Juris Ozols, Deputy Director of the Legal Department;\n"
        "- Anna Liepa, Chief Specialist at the Ministry of Interior.\n"
    )
    found = {p.name: (p.title, p.role_cue) for p in people(extractor, text)}
    assert found["Ilze Berzina"][1] == "head"
    assert found["Juris Ozols"] == ("Deputy Director of the Legal Department", "member")
    assert found["Anna Liepa"] == ("Chief Specialist", "member")


def test_list_intro_is_only_read_for_items_at_line_start() -> None:
    from bilateral.extraction.people_cues import list_intro

    text = "The delegation included:\n• A. Person, Director;\n\n• B. Person, Counsellor.\n"
    assert list_intro(text, text.index("A.")) == "The delegation included"
    assert list_intro(text, text.index("B.")) == "The delegation included"
    assert list_intro(text, text.index("Director")) is None
    assert list_intro("1. Minister X met Y.", 3) is None


def test_co_chairs_joined_by_together_with_share_the_head_cue(extractor: Extractor) -> None:
    text = (
        "Minister of Foreign Affairs Sara Lind and Minister of Defence Olof Berg of Sweden, "
        "together with Secretary of Foreign Affairs Ana Cruz and Secretary of National "
        "Defense Ramon Lopez Jr. of the Philippines, convened the second ministerial meeting."
    )
    found = {p.name: p.role_cue for p in people(extractor, text)}
    assert found == dict.fromkeys(["Sara Lind", "Olof Berg", "Ana Cruz", "Ramon Lopez Jr."], "head")


def test_plural_title_before_a_list_of_names(extractor: Extractor) -> None:
    text = "The ministers of foreign affairs, Lena Vogel and Santiago Ortiz, joined the session."
    found = {p.name: p.title for p in people(extractor, text)}
    assert found == {
        "Lena Vogel": "Minister of Foreign Affairs",
        "Santiago Ortiz": "Minister of Foreign Affairs",
    }


def test_city_is_a_place_after_a_preposition(extractor: Extractor) -> None:
    text = "Minister Ana Lopes arrived in Santiago Monday and met President Jorge Ruiz."
    assert [p.name for p in people(extractor, text)] == ["Ana Lopes", "Jorge Ruiz"]


@given(
    st.sampled_from(["Hiroshi", "Min-jun", "Lan", "Kenta"]),
    st.sampled_from(["SATO", "KIM", "PHAM", "OKADA"]),
)
def test_display_name_title_cases_capitals(given_name: str, surname: str) -> None:
    from bilateral.extraction.person_tokens import display_name

    shown = display_name(f"{surname} {given_name}")
    assert shown == f"{surname.capitalize()} {given_name}"
    assert display_name(f"Lloyd Ames {surname.capitalize()} III").endswith(" III")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The talks were led by Lucia de la Vega Romero, Director-General for Energy.",
            "Lucia de la Vega Romero",
            id="two particles in a row",
        ),
        pytest.param(
            "The Belgian side was headed by Mr. Jan van den Berg, Director of Consular Affairs.",
            "Jan van den Berg",
            id="two Dutch particles",
        ),
        pytest.param(
            "The talks were led by Marta dos Santos Lima, Secretary of State for Trade.",
            "Marta dos Santos Lima",
            id="a particle before a word that is also a city",
        ),
        pytest.param(
            "The commission was co-chaired by H.E. Ayu S.K. Wardani, Minister of Trade.",
            "Ayu S.K. Wardani",
            id="run-together initials in the middle",
        ),
    ],
)
def test_names_with_particles_and_initials(extractor: Extractor, text: str, name: str) -> None:
    assert name in [p.name for p in people(extractor, text)]


def test_and_by_shares_the_co_chair_cue(extractor: Extractor) -> None:
    text = (
        "The meeting was co-chaired by Ines Mota, Director of Ports, and by Olaf Berg, "
        "Director of Shipping at Norway's Ministry of Transport."
    )
    cues = {p.name: p.role_cue for p in people(extractor, text)}
    assert cues == {"Ines Mota": "head", "Olaf Berg": "head"}


def test_taking_part_were_marks_members(extractor: Extractor) -> None:
    text = "Also taking part were Hanna Lind, Director of Planning at the Swedish Transport Agency."
    (p,) = people(extractor, text)
    assert p.role_cue == "member"
