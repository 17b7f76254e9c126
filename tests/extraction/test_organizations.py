import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.gazetteer import load_gazetteer
from bilateral.extraction.organizations import (
    complete_organization,
    infer_organization,
    normalize_organization,
    split_title,
    title_country,
)

GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Foreign Ministry of Japan", ("Ministry of Foreign Affairs of Japan", "JPN")),
        ("Japanese Foreign Ministry", ("Ministry of Foreign Affairs of Japan", "JPN")),
        ("Ministry of Foreign Affairs of the Republic of Kazakhstan",
         ("Ministry of Foreign Affairs of Kazakhstan", "KAZ")),
        ("State Department", ("U.S. Department of State", "USA")),
        ("the U.S. Department of State", ("U.S. Department of State", "USA")),
        ("Ministry of Health of Peru", ("Ministry of Health of Peru", "PER")),
        ("the German Federal Foreign Ministry", ("Federal Foreign Office of Germany", "DEU")),
        ("Foreign, Commonwealth, and Development Office (FCDO) of the UK",
         ("Foreign, Commonwealth and Development Office", "GBR")),
        ("ROK Ministry of Foreign Affairs", ("Ministry of Foreign Affairs of Korea", "KOR")),
    ],
)  # fmt: skip
def test_normalize_organization(name: str, expected: tuple[str, str]) -> None:
    assert normalize_organization(name, GAZ) == expected


def test_split_title_keeps_the_country_out_of_the_title() -> None:
    assert split_title("First Deputy Foreign Minister of Ghana", GAZ) == (
        "First Deputy Foreign Minister", None, "GHA",
    )  # fmt: skip


def test_infer_organization_from_title() -> None:
    assert (
        infer_organization("Foreign Minister", "BRA", GAZ)
        == "Ministry of Foreign Affairs of Brazil"
    )
    assert infer_organization("Assistant Secretary", "USA", GAZ) == "U.S. Department of State"
    assert infer_organization("Foreign Minister", None, GAZ) is None
    assert infer_organization("Chief of Protocol", "BRA", GAZ) is None


@pytest.mark.parametrize(
    ("title", "country", "expected"),
    [
        ("Minister of Health", "BRA", "Ministry of Health of Brazil"),
        ("Secretary of the Interior", "MEX", "Ministry of the Interior of Mexico"),
        ("Defence Minister", "IND", "Ministry of Defence of India"),
        ("External Affairs Minister", "IND", "Ministry of External Affairs of India"),
        ("President", "KOR", "Office of the President of Korea"),
        ("Prime Minister", "JPN", "Office of the Prime Minister of Japan"),
        ("Ambassador to Chile", "NOR", "Ministry of Foreign Affairs of Norway"),
        ("Secretary of Homeland Security", "USA", "U.S. Department of Homeland Security"),
        ("Secretary of State", "USA", "U.S. Department of State"),
        ("High Representative for Foreign Affairs", "EU", "European Union"),
    ],
)  # fmt: skip
def test_bodies_implied_by_titles(title: str, country: str, expected: str) -> None:
    assert infer_organization(title, country, GAZ) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister of Foreign Affairs of the Republic of Ghana",
         ("Minister of Foreign Affairs", None, "GHA")),
        ("Deputy Prime Minister – Minister of Foreign Affairs of the Republic of Chile",
         ("Deputy Prime Minister – Minister of Foreign Affairs", None, "CHL")),
        ("High Representative of the European Union for Foreign Affairs",
         ("High Representative for Foreign Affairs", None, "EU")),
        ("Director of the Americas Department of the Foreign Ministry of Norway",
         ("Director of the Americas Department", "Ministry of Foreign Affairs of Norway", "NOR")),
        ("Foreign Ministry Spokesperson", ("Spokesperson", "Ministry of Foreign Affairs", None)),
    ],
)  # fmt: skip
def test_split_title_country_in_the_middle_or_the_end(
    text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert split_title(text, GAZ) == expected


def test_complete_organization_adds_the_country() -> None:
    assert complete_organization("Ministry of Foreign Affairs", "PAK", GAZ) == (
        "Ministry of Foreign Affairs of Pakistan"
    )
    assert complete_organization("Ministry of Health", "PAK", GAZ) == "Ministry of Health"
    assert complete_organization(None, "PAK", GAZ) is None


def test_title_country_only_for_titles_one_government_uses() -> None:
    assert title_country("Assistant Secretary of State for African Affairs") == "USA"
    assert title_country("Foreign Minister") is None


@given(st.text(alphabet="ABCDEFGHIJ abcdefghij,-’'", max_size=60))
def test_split_title_never_grows_the_text(text: str) -> None:
    title, _, _ = split_title(text, GAZ)
    assert len(title) <= len(" ".join(text.split()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President of the Argentine Nation", ("President of the Nation", None, "ARG")),
        ("Ambassador of Mongolia to Japan", ("Ambassador to Japan", None, "MNG")),
        ("Vice President of the Nation", ("Vice President of the Nation", None, None)),
    ],
)
def test_country_inside_a_title(text: str, expected: tuple[str, str | None, str | None]) -> None:
    from bilateral.extraction.gazetteer import load_gazetteer
    from bilateral.extraction.organizations import split_title

    assert split_title(text, load_gazetteer()) == expected


def test_eu_commissioner_title_country() -> None:
    from bilateral.extraction.organizations import title_country

    assert title_country("Commissioner for Trade") == "EU"
    assert title_country("High Commissioner") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Norway's Ministry of Transport", ("Ministry of Transport of Norway", "NOR")),
        ("Chile’s Foreign Ministry", ("Ministry of Foreign Affairs of Chile", "CHL")),
    ],
)
def test_a_country_owning_a_body(name: str, expected: tuple[str, str]) -> None:
    assert normalize_organization(name, load_gazetteer()) == expected
