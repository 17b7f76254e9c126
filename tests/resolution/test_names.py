"""Person names: folding, family names, skeletons and compatibility."""

from __future__ import annotations

import pytest

from bilateral.resolution.names import (
    block_key,
    compatible,
    family_name,
    fold,
    given_names,
    name_key,
    skeleton,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("H.E. Mr. Antony J. Blinken", "antony blinken"),
        ("Kassym-Jomart Tokayev", "kassym-jomart tokayev"),
        ("Matthias Lüttenberg", "matthias luttenberg"),
        ("Ali Murat Başçeri", "ali murat basceri"),
        ("HE Kairat Umarov", "kairat umarov"),
        ("He Lifeng", "he lifeng"),
        ("  BLINKEN ", "blinken"),
        ("Secretary of State Blinken", "blinken"),
        ("Foreign Minister Wang Yi", "wang yi"),
        ("His Excellency Secretary Antony Blinken", "antony blinken"),
        ("Deputy Prime Minister Murat Nurtleu", "murat nurtleu"),
        ("Martin Luther King Jr.", "martin luther king"),
        ("President", "president"),
    ],
)
def test_fold_keeps_only_name_words(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("written", "country", "family"),
    [
        ("Donald Lu", "USA", "lu"),
        ("Lu Shaye", "CHN", "lu"),
        ("Wang Yi", "CHN", "wang"),
        ("Woo In-shik", "KOR", "woo"),
        ("Min-cheol Kim", "KOR", "kim"),
        ("Mincheol Kim", "KOR", "kim"),
        ("Namgung Pyo", "KOR", "namgung"),
        ("Antony J. Blinken", None, "blinken"),
        ("Ursula von der Leyen", "DEU", "leyen"),
        ("Blinken", "USA", "blinken"),
    ],
)
def test_family_name_knows_the_order_of_names(
    written: str, country: str | None, family: str
) -> None:
    assert family_name(written, country) == family


def test_given_names_skip_particles_and_initials() -> None:
    assert given_names("Ursula von der Leyen", "DEU") == ["ursula"]
    assert given_names("Antony J. Blinken") == ["antony"]
    assert given_names("Wang Yi", "CHN") == ["yi"]
    assert given_names("Blinken") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("rakhmetulin", "rakhmetullin"),
        ("tleuberdi", "tileuberdi"),
        ("akataev", "akatayev"),
        ("idrisov", "idrissov"),
        ("vasilenko", "vassilenko"),
        ("zhanibek", "janibek"),
        ("qairat", "kairat"),
    ],
)
def test_transliteration_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_of_vowels_only_is_the_first_letter() -> None:
    assert skeleton("aya") == "a"


def test_block_and_name_keys() -> None:
    assert block_key("Akan Rakhmetulin", "KAZ") == block_key("Akan Rakhmetullin", "KAZ")
    assert block_key("Wang Yi", "CHN") == skeleton("wang")
    assert name_key("Antony J. Blinken", "USA") == "USA|antony blinken"
    assert name_key("Antony Blinken", None) == "|antony blinken"


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Akan Rakhmetulin", "Akan Rakhmetullin", "KAZ"),
        ("Mukhtar Tleuberdi", "Mukhtar Tileuberdi", "KAZ"),
        ("Erlan Idrisov", "Yerlan Idrissov", "KAZ"),
        ("Bauyrzhan Akataev", "Baurzhan Akatayev", "KAZ"),
        ("Antony J. Blinken", "Antony Blinken", "USA"),
        ("Blinken", "Antony Blinken", "USA"),
        ("Kassym Tokayev", "Kassym-Jomart Tokayev", "KAZ"),
        ("Ali Murat Başçeri", "Ali Basceri", "TUR"),
        ("Wang Yi", "Wang", "CHN"),
    ],
)
def test_compatible_spellings(a: str, b: str, country: str | None) -> None:
    assert compatible(a, b, country)
    assert compatible(b, a, country)


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("John Kerry", "John Kirby", "USA"),
        ("Donald Lu", "David Lu", "USA"),
        ("Donald Lu", "Donald Liu", "USA"),
        ("Wang Yi", "Wong Yi", "CHN"),
        ("Wang Yi", "Wang Wei", "CHN"),
        ("Kim Mincheol", "Kim Jisoo", "KOR"),
        ("Antony Blinken", "Tony Blinken", "USA"),
        ("Blinken", "", "USA"),
    ],
)
def test_incompatible_names(a: str, b: str, country: str | None) -> None:
    assert not compatible(a, b, country)
    assert not compatible(b, a, country)
