"""``bilateral_places_v1`` and the dateline it helps find."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from bilateral.extraction.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def places(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(p.kind, p.code, text[p.start : p.end]) for p in doc._.places]


def test_the_longest_name_wins(nlp: Language) -> None:
    found = places(nlp, "She visited the People’s Republic of China and Papua New Guinea.")
    assert ("country", "CHN", "People’s Republic of China") in found
    assert all(code != "TWN" for _, code, _ in found)


def test_shouted_dateline_cities_are_found(nlp: Language) -> None:
    assert places(nlp, "MEXICO CITY – The talks opened.")[0] == ("city", "MEX", "MEXICO CITY")


def test_pronoun_us_is_not_a_country(nlp: Language) -> None:
    assert places(nlp, "Let us meet.") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("date 2024-03-01 The ministers met.", "The ministers met."),
        ("ROME, Italy, March 3. The ministers met.", "The ministers met."),
        ("Title line\n\nOSLO – The ministers met.", "The ministers met."),
        ("Title line\n\nDHAKA. NEWSWIRE The ministers met.", "The ministers met."),
        ("Title\n\nSEOUL, Oct. 28 (Agency) -- The ministers met.", "The ministers met."),
        ("Lima, 4 May 2024 (PA): The ministers met.", "The ministers met."),
        ("Title\n\nTokyo, March 16, 2023\n\nThe ministers met.", "\nThe ministers met."),
        (
            "*Paris, 3 May 2024 – Ministry of Foreign Affairs*\nThe ministers met.",
            "The ministers met.",
        ),
        ("Oslo hosts the ministers today.", "Oslo hosts the ministers today."),
    ],
)
def test_the_body_starts_after_the_dateline(nlp: Language, text: str, body: str) -> None:
    doc = nlp.make_doc(text)
    doc._.published = date(2024, 11, 4)
    doc = nlp(doc)
    assert text[doc._.dateline_end :] == body


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The talks with President Vo Van Thuong went well.", None),
        ("Minister Ana Lima Costa arrived on Monday.", None),
        ("Talks opened in Lima on Monday.", "Lima"),
        ("Lima Declaration signed.", "Lima"),
        ("The Lima Group met.", "Lima"),
    ],
)
def test_a_city_inside_a_longer_name_is_no_city(nlp: Language, text: str, city: str | None) -> None:
    found = [name for kind, _, name in places(nlp, text) if kind == "city"]
    assert found == ([city] if city else [])


def test_seats_of_government_below_the_population_cut_are_cities(nlp: Language) -> None:
    found = places(nlp, "The leaders met in Putrajaya, and later at Meseberg and Chequers.")
    assert ("city", "MYS", "Putrajaya") in found
    assert ("city", "DEU", "Meseberg") in found
    assert ("city", "GBR", "Chequers") in found
