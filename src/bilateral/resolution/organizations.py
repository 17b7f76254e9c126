"""Organizations under one canonical English name, with an acronym and a key to compare by.

``Kazakh Foreign Ministry``, ``Foreign Ministry of Kazakhstan``, ``Kazakhstan's MFA`` and
``the MFA`` (of a Kazakh participant) are all the ``Ministry of Foreign Affairs of
Kazakhstan`` (``MFA``); ``UN`` and ``United Nations`` are one body. Three kinds of name:

* **international bodies** (``data/organizations.yaml`` ``bodies``): the whole name, folded,
  must be one of a body's names or acronyms (``organisation``/``organization``,
  ``co-operation``/``cooperation`` and ``United Nations``/``UN`` compared alike);
* **ministries**: once the country's names and demonyms are taken out (any country, from
  pycountry through :mod:`~bilateral.resolution.mechanism_names`) and filler words dropped,
  the words left must be exactly a head word (``ministry``, ``department``, ``office``) and a
  portfolio's wording, in any order, or the portfolio's acronym (``MFA``). The country is the
  one the name gives, else the ``country`` argument. A few countries' foreign ministries and
  the United States' departments have their own names (data, not code);
* anything else is kept as written, tidied, and compared by its folded words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from bilateral.resolution.mechanism_names import _country_phrases, is_demonym, tokens

DATA = Path(str(resources.files("bilateral.resolution") / "data"))
FOREIGN = "foreign_affairs"
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class OrganizationName:
    """An organization's canonical English name, its acronym, its country and its key.

    Two names of one organization have the same ``key``.
    """

    name: str
    short: str | None = None
    country: str | None = None
    key: str = ""


@dataclass(frozen=True)
class Portfolio:
    """A government portfolio: ``Foreign Affairs`` (``MFA``)."""

    id: str
    name: str
    short: str | None


@dataclass(frozen=True)
class Vocabulary:
    """What ``data/organizations.yaml`` says, ready for lookups."""

    spellings: dict[str, str]
    fillers: frozenset[str]
    portfolios: dict[str, Portfolio]
    ministries: dict[frozenset[str], str]  # words without country and fillers -> portfolio
    implied: dict[frozenset[str], str]  # words naming one country's foreign ministry -> country
    foreign: dict[str, tuple[str, str | None]]  # country -> foreign ministry (name, short)
    styles: dict[str, tuple[str, dict[str, str]]]  # country -> (pattern, portfolio names)
    country_names: dict[str, str]
    bodies: dict[str, OrganizationName]  # body words -> body


@cache
def _data() -> dict[str, Any]:
    with (DATA / "organizations.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@cache
def vocabulary() -> Vocabulary:
    """The organization vocabulary (``data/organizations.yaml``), loaded once."""
    data = _data()
    foreign = data["foreign_ministries"]
    vocab = Vocabulary(
        spellings={str(k): str(v) for k, v in data["spellings"].items()},
        fillers=frozenset(data["ministry_fillers"]),
        portfolios={},
        ministries={},
        implied={},
        foreign={c: (row["name"], row.get("short")) for c, row in foreign.items()},
        styles={c: (row["pattern"], row["names"]) for c, row in data["ministry_styles"].items()},
        country_names=data["country_names"],
        bodies={},
    )
    portfolios, ministries = _portfolios(data, vocab)
    vocab = replace(vocab, portfolios=portfolios, ministries=ministries)
    return replace(vocab, implied=_implied(foreign, vocab), bodies=_bodies(data["bodies"], vocab))


def _portfolios(
    data: dict[str, Any], vocab: Vocabulary
) -> tuple[dict[str, Portfolio], dict[frozenset[str], str]]:
    portfolios: dict[str, Portfolio] = {}
    ministries: dict[frozenset[str], str] = {}
    for key, row in data["portfolios"].items():
        portfolios[key] = Portfolio(key, row["name"], row.get("short"))
        for wording in row["words"]:
            words = _core(words_of(wording, vocab), vocab)
            for head in data["ministry_heads"]:
                ministries[words | {head}] = key
        for acronym in row.get("acronyms", ()):
            ministries[frozenset({acronym})] = key
    return portfolios, ministries


def _implied(rows: dict[str, Any], vocab: Vocabulary) -> dict[frozenset[str], str]:
    """Names of foreign ministries that say whose they are (``State Department``, ``FCDO``)
    without naming the country; wordings any country could use are left out."""
    implied: dict[frozenset[str], str] = {}
    for country, row in rows.items():
        names = [row["name"], *row.get("aliases", ()), *([row["short"]] if "short" in row else [])]
        for name in names:
            kept, _ = countries_in(words_of(name, vocab), country)
            core = _core(kept, vocab)
            if core and core not in vocab.ministries:
                implied[core] = country
    return implied


def _bodies(rows: list[list[Any]], vocab: Vocabulary) -> dict[str, OrganizationName]:
    bodies: dict[str, OrganizationName] = {}
    for row in rows:
        name, short, aliases = row[0], row[1], row[2] if len(row) > 2 else []
        body = OrganizationName(name, short, None, "body:" + _body_words(name, vocab))
        for variant in [name, *([short] if short else []), *aliases]:
            bodies[_body_words(variant, vocab)] = body
    return bodies


def words_of(name: str, vocab: Vocabulary | None = None) -> list[str]:
    """Folded words, spelling variants mapped (``organisation`` -> ``organization``) and
    ``co-operation`` joined into ``cooperation``."""
    spellings = (vocab or vocabulary()).spellings
    words: list[str] = []
    for word in tokens(name):
        if words and words[-1] == "co":
            words[-1] = "co" + word
        else:
            words.append(spellings.get(word, word))
    return words


def _core(words: Iterable[str], vocab: Vocabulary) -> frozenset[str]:
    return frozenset(w for w in words if w not in vocab.fillers)


def _body_words(name: str, vocab: Vocabulary) -> str:
    text = " ".join(w for w in words_of(name, vocab) if w != "the")
    return f" {text} ".replace(" united nations ", " un ").strip()


# ----------------------------------------------------------------------------- countries


@cache
def _country_index() -> dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
    """Every country's names as word tuples with the countries they name, by the first four
    letters of their first word (where demonyms begin too), longest first."""
    named: dict[tuple[str, ...], set[str]] = {}
    extra: dict[str, list[str]] = _data()["country_forms"]
    for country in pycountry.countries:
        code = country.alpha_3
        phrases = [*_country_phrases(code), *(tuple(tokens(f)) for f in extra.get(code, ()))]
        for phrase in phrases:
            named.setdefault(phrase, set()).add(code)
    index: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for phrase in sorted(named, key=lambda p: (-len(p), p)):
        index.setdefault(phrase[0][:4], []).append((phrase, frozenset(named[phrase])))
    return {start: tuple(rows) for start, rows in index.items()}


def _country_at(words: list[str], index: int) -> tuple[int, frozenset[str]]:
    """(how many words, which countries) of a country name or demonym at ``words[index]``."""
    for phrase, codes in _country_index().get(words[index][:4], ()):
        window = words[index : index + len(phrase)]
        if len(window) < len(phrase) or window[:-1] != list(phrase[:-1]):
            continue
        last, wanted = window[-1], phrase[-1]
        if last in (wanted, wanted + "s") or is_demonym(last, (wanted,)):
            return len(phrase), codes
    return 0, frozenset()


def countries_in(words: list[str], country: str | None) -> tuple[list[str], set[str]]:
    """``words`` without country names and demonyms, and the countries they name (a name
    several countries share, like ``Korea``, is ``country`` if it is one of them, else the
    first by code)."""
    kept: list[str] = []
    found: set[str] = set()
    index = 0
    while index < len(words):
        size, codes = _country_at(words, index)
        if not size:
            kept.append(words[index])
            index += 1
            continue
        found.add(country if country in codes else min(codes))
        index += size
    return kept, found


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """How a country is named in a ministry's name: ``Kazakhstan``, ``the United States``."""
    known = vocabulary().country_names.get(code)
    country = pycountry.countries.get(alpha_3=code)
    if known or country is None:
        return known or code
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    return str(common or (official if official and ", " in country.name else country.name))


# ----------------------------------------------------------------------------- names


@lru_cache(maxsize=1 << 16)
def normalize_organization(name: str, country: str | None = None) -> OrganizationName:
    """The canonical name of an organization as written, ``country`` being the country of
    whoever it belongs to when the name names none (see the module docstring)."""
    vocab = vocabulary()
    tidy = _LEADING_THE.sub("", _SPACES.sub(" ", name).strip())
    words = words_of(tidy, vocab)
    body = vocab.bodies.get(_body_words(tidy, vocab))
    if body is not None:
        return body
    ministry = _ministry(words, country, vocab)
    return ministry or OrganizationName(tidy, None, None, " ".join(words))


def _ministry(words: list[str], country: str | None, vocab: Vocabulary) -> OrganizationName | None:
    """The ministry these words name, if they name exactly one (of at most one country)."""
    kept, named = countries_in(words, country)
    core = _core(kept, vocab)
    portfolio = vocab.ministries.get(core)
    implied = vocab.implied.get(core)
    if len(named) > 1 or (portfolio is None and implied is None):
        return None
    if implied is not None:
        if named and named != {implied}:
            return None
        portfolio, named = FOREIGN, {implied}
    assert portfolio is not None
    return ministry_name(vocab.portfolios[portfolio], min(named) if named else country)


def ministry_name(portfolio: Portfolio, country: str | None) -> OrganizationName:
    """``Ministry of Defence of Kazakhstan`` (``MoD``); a country's own name where it has one."""
    vocab = vocabulary()
    key = f"ministry:{portfolio.id}:{country or '-'}"
    if country is None:
        return OrganizationName(f"Ministry of {portfolio.name}", portfolio.short, None, key)
    if portfolio.id == FOREIGN and country in vocab.foreign:
        name, short = vocab.foreign[country]
        return OrganizationName(name, short, country, key)
    pattern, names = vocab.styles.get(country, ("", {}))
    if portfolio.id in names:
        return OrganizationName(pattern.format(name=names[portfolio.id]), None, country, key)
    name = f"Ministry of {portfolio.name} of {country_name(country)}"
    return OrganizationName(name, portfolio.short, country, key)


def preferred_organization(names: Iterable[OrganizationName]) -> OrganizationName | None:
    """The organization named most often (by key); ties go to the longest name, then the
    first met."""
    listed = [n for n in names if n.name]
    counts = Counter(n.key for n in listed)
    best = min(
        range(len(listed)),
        key=lambda i: (-counts[listed[i].key], -len(listed[i].name), i),
        default=None,
    )
    return None if best is None else listed[best]
