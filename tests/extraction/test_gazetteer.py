"""The place gazetteer built from ISO, countryinfo and GeoNames data."""

from __future__ import annotations

from bilateral.extraction.gazetteer import load_gazetteer


def test_a_city_owns_its_own_name() -> None:
    gaz = load_gazetteer()
    assert gaz.cities["New Delhi"].name == "New Delhi"
    assert gaz.cities["Delhi"].name == "Delhi"


def test_capitals_with_accents_are_kept() -> None:
    gaz = load_gazetteer()
    assert gaz.capitals["Brasília"] == "BRA"
    assert gaz.capitals["Bogotá"] == "COL"
    assert gaz.cities["Brasilia"].name == "Brasília"


def test_a_country_name_is_never_a_city_form() -> None:
    gaz = load_gazetteer()
    for form in ("Mexico", "Panama", "Guatemala", "Paraguay"):
        assert form not in gaz.cities or gaz.cities[form].name == form


def test_curly_apostrophes_are_known_forms() -> None:
    gaz = load_gazetteer()
    straight = [f for f in gaz.countries if "'" in f]
    assert straight
    for form in straight:
        assert gaz.countries[form.replace("'", "\u2019")] == gaz.countries[form]


def test_dateline_spellings_of_washington() -> None:
    gaz = load_gazetteer()
    for form in ("Washington", "Washington, D.C.", "Washington DC"):
        assert (gaz.cities[form].name, gaz.cities[form].country) == ("Washington", "USA")


def test_hand_kept_venues_win_over_namesakes() -> None:
    gaz = load_gazetteer()
    assert (gaz.cities["Geneva"].name, gaz.cities["Geneva"].country) == ("Geneva", "CHE")
    assert gaz.cities["New York"].country == "USA"
    assert gaz.cities["Bali"].country == "IDN"
