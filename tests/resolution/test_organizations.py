"""Organizations under one canonical English name: ministries, international bodies, others."""

from __future__ import annotations

import pytest

from bilateral.resolution.organizations import (
    OrganizationName,
    normalize_organization,
    preferred_organization,
)


def key(name: str, country: str | None = None) -> str:
    return normalize_organization(name, country).key


@pytest.mark.parametrize(
    ("variants", "country", "canonical"),
    [
        (
            [
                "Ministry of Foreign Affairs of Kazakhstan",
                "Ministry of Foreign Affairs of the Republic of Kazakhstan",
                "Kazakh Foreign Ministry",
                "Kazakhstani Ministry of Foreign Affairs",
                "Foreign Ministry of Kazakhstan",
                "MFA of Kazakhstan",
                "Kazakhstan's MFA",
                "Kazakhstan’s Foreign Ministry",
                "the MFA",
            ],
            "KAZ",
            "Ministry of Foreign Affairs of Kazakhstan",
        ),
        (
            ["Ministry of Foreign Affairs of Brazil", "Brazilian Foreign Ministry", "MFA"],
            "BRA",
            "Ministry of Foreign Affairs of Brazil",
        ),
        (
            ["Japanese Foreign Ministry", "Ministry of Foreign Affairs of Japan", "MOFA"],
            "JPN",
            "Ministry of Foreign Affairs of Japan",
        ),
        (
            ["Polish Ministry of Foreign Affairs", "Foreign Affairs Ministry of Poland"],
            None,
            "Ministry of Foreign Affairs of Poland",
        ),
        (
            [
                "Ministry of Foreign Affairs of the Russian Federation",
                "Russian Foreign Ministry",
                "Russia's Ministry of Foreign Affairs",
            ],
            None,
            "Ministry of Foreign Affairs of Russia",
        ),
    ],
)
def test_foreign_ministry_variants_are_one(
    variants: list[str], country: str | None, canonical: str
) -> None:
    names = {normalize_organization(v, country) for v in variants}
    assert len(names) == 1
    (name,) = names
    assert (name.name, name.short) == (canonical, "MFA")
    assert name.key.startswith("ministry:foreign_affairs:")


def test_a_defence_ministry_in_either_spelling() -> None:
    variants = [
        "Ministry of Defence of Uzbekistan",
        "Ministry of Defense of the Republic of Uzbekistan",
        "Uzbek Defense Ministry",
        "Uzbekistan's Ministry of Defence",
        "MoD",
    ]
    names = {normalize_organization(v, "UZB") for v in variants}
    assert names == {
        OrganizationName("Ministry of Defence of Uzbekistan", "MoD", "UZB", "ministry:defence:UZB")
    }


def test_interior_and_internal_affairs_are_one_portfolio() -> None:
    interior = normalize_organization("Interior Ministry", "KGZ")
    assert interior.name == "Ministry of Internal Affairs of Kyrgyzstan"
    assert key("Ministry of Internal Affairs of the Kyrgyz Republic") == interior.key


@pytest.mark.parametrize(
    "variant",
    ["U.S. Department of State", "US State Department", "State Department", "Department of State"],
)
def test_the_us_department_of_state(variant: str) -> None:
    # The State Department names its country itself, whoever's participant it is.
    assert normalize_organization(variant, "KAZ") == OrganizationName(
        "U.S. Department of State", None, "USA", "ministry:foreign_affairs:USA"
    )
    assert key("Ministry of Foreign Affairs", "USA") == key(variant)


def test_other_us_departments_keep_their_names() -> None:
    assert normalize_organization("Ministry of Defence", "USA").name == "U.S. Department of Defense"
    treasury = normalize_organization("U.S. Department of the Treasury")
    assert (treasury.name, treasury.key) == (
        "U.S. Department of the Treasury",
        "ministry:finance:USA",
    )


@pytest.mark.parametrize(
    ("variant", "country"),
    [
        ("Foreign, Commonwealth and Development Office", None),
        ("FCDO", None),
        ("Foreign and Commonwealth Office", None),
        ("UK Foreign Office", None),
        ("British Foreign Ministry", None),
        ("Foreign Office", "GBR"),
    ],
)
def test_the_uk_foreign_office(variant: str, country: str | None) -> None:
    assert normalize_organization(variant, country) == OrganizationName(
        "Foreign, Commonwealth and Development Office",
        "FCDO",
        "GBR",
        "ministry:foreign_affairs:GBR",
    )


def test_the_country_argument_counts_only_when_the_name_names_no_country() -> None:
    assert (
        normalize_organization("Foreign Ministry", "DEU").name
        == "Federal Foreign Office of Germany"
    )
    assert normalize_organization("Foreign Ministry", None) == OrganizationName(
        "Ministry of Foreign Affairs", "MFA", None, "ministry:foreign_affairs:-"
    )
    # A Kazakh participant may well belong to another country's ministry: the name decides.
    named = normalize_organization("Ministry of Foreign Affairs of Kyrgyzstan", "KAZ")
    assert (named.name, named.country) == ("Ministry of Foreign Affairs of Kyrgyzstan", "KGZ")
    assert normalize_organization("Kazakh MFA", "USA").country == "KAZ"


def test_a_name_shared_by_two_countries_follows_the_country_argument() -> None:
    assert normalize_organization("Korean Foreign Ministry", "PRK").country == "PRK"
    assert normalize_organization("Korean Foreign Ministry", "KAZ").country == "KOR"


@pytest.mark.parametrize(
    ("variants", "name", "short"),
    [
        (["United Nations", "UN", "U.N.", "the UN"], "United Nations", "UN"),
        (
            [
                "Organization for Security and Co-operation in Europe",
                "Organisation for Security and Cooperation in Europe",
                "OSCE",
                "the OSCE",
            ],
            "Organization for Security and Co-operation in Europe",
            "OSCE",
        ),
        (
            ["Shanghai Cooperation Organization", "Shanghai Co-operation Organisation", "SCO"],
            "Shanghai Cooperation Organisation",
            "SCO",
        ),
        (
            ["International Atomic Energy Agency", "IAEA"],
            "International Atomic Energy Agency",
            "IAEA",
        ),
        (
            ["UNDP", "UN Development Program", "United Nations Development Programme"],
            "United Nations Development Programme",
            "UNDP",
        ),
        (["European Union", "EU", "E.U."], "European Union", "EU"),
        (
            ["NATO", "North Atlantic Treaty Organisation"],
            "North Atlantic Treaty Organization",
            "NATO",
        ),
        (["World Bank", "World Bank Group"], "World Bank", None),
        (["IMF", "International Monetary Fund"], "International Monetary Fund", "IMF"),
    ],
)
def test_international_bodies_by_acronym_and_full_name(
    variants: list[str], name: str, short: str | None
) -> None:
    bodies = {normalize_organization(v, "KAZ") for v in variants}
    assert len(bodies) == 1
    (body,) = bodies
    assert (body.name, body.short, body.country) == (name, short, None)


def test_unknown_names_are_tidied_and_compared_folded() -> None:
    first = normalize_organization("  The Eurasia   Foundation ", "USA")
    assert first == OrganizationName("Eurasia Foundation", None, None, "eurasia foundation")
    assert key("eurasia foundation") == first.key
    assert key("Astana International Financial Centre") == key(
        "Astana International Financial Center"
    )
    # Not a ministry by itself: a department of one, or a ministry with a remit of its own.
    for name in ("Department of Consular Service of the MFA", "Ministry of Trade and Integration"):
        assert normalize_organization(name, "KAZ") == OrganizationName(name, key=key(name))
    assert normalize_organization("") == OrganizationName("")


def test_a_name_naming_two_countries_is_no_ministry() -> None:
    name = "Embassy of Kazakhstan in the United States"
    assert normalize_organization(name).name == name
    assert normalize_organization("Kazakh-Kyrgyz Foreign Ministry").short is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kazakh Foreign Ministry", None),
        ("the MFA", "KAZ"),
        ("Foreign Ministry", "USA"),
        ("Foreign Office", "GBR"),
        ("Foreign Ministry", "IND"),
        ("Foreign Ministry", "PRK"),
        ("Ministry of Defence", "USA"),
        ("Interior Ministry", "USA"),
        ("OSCE", None),
        ("the Eurasia Foundation", None),
    ],
)
def test_a_canonical_name_normalizes_to_itself(name: str, country: str | None) -> None:
    first = normalize_organization(name, country)
    assert normalize_organization(first.name) == first


def test_preferred_organization_counts_by_key() -> None:
    names = [
        normalize_organization("Ministry of Foreign Affairs of Kazakhstan"),
        normalize_organization("Eurasia Foundation"),
        normalize_organization("Kazakh MFA"),
        normalize_organization("eurasia foundation"),
        normalize_organization("eurasia foundation"),
    ]
    preferred = preferred_organization(names)
    assert preferred is not None
    assert preferred.key == "eurasia foundation"
    assert preferred_organization([]) is None
