import pytest

from bilateral.extraction.gazetteer import load_gazetteer
from bilateral.extraction.organizations import (
    infer_organization,
    normalize_organization,
    split_title,
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
    assert infer_organization("Minister of Health", "BRA", GAZ) is None
    assert infer_organization("Foreign Minister", None, GAZ) is None
