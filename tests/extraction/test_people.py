import pytest

from bilateral.extraction import Extractor
from bilateral.extraction.extensions import PersonMention


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
