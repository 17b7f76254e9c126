"""Person names compared the way a careful reader would.

``fold`` reduces a name to lower-case ASCII words without punctuation, honorifics or
initials, so ``Antony J. Blinken`` and ``antony blinken`` fold alike. ``family_name`` knows
that Chinese, Korean and Vietnamese names put the family name first. ``skeleton`` drops vowels
and doubled letters, so transliteration variants (Rakhmetulin / Rakhmetullin, Tleuberdi /
Tileuberdi, Akataev / Akatayev) share one; it is the blocking key for people.

:func:`compatible` decides whether two written names can be one person. It is strict where
names are short or syllabic (``Lu`` / ``Liu``, ``Wang`` / ``Wong`` are different families)
and lenient where transliteration varies (``Idrisov`` / ``Idrissov``, ``Erlan`` / ``Yerlan``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz import fuzz

#: Countries whose names are usually written family name first in English news.
FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "mme", "dr", "sir", "dame", "lord", "prof", "hon", "amb", "excellency"}
)

#: Honorifics that are also family names (``He Lifeng``): dropped only before a full name.
LEADING_HONORIFICS = frozenset({"he", "his", "her"})

#: Title words a name may arrive with (``Secretary of State Blinken``): dropped while they
#: lead it.
LEADING_TITLES = frozenset(
    {
        "affairs",
        "ambassador",
        "chairman",
        "chancellor",
        "deputy",
        "director",
        "envoy",
        "foreign",
        "general",
        "king",
        "minister",
        "of",
        "premier",
        "president",
        "prime",
        "prince",
        "princess",
        "queen",
        "secretary",
        "senator",
        "sheikh",
        "state",
        "the",
        "vice",
    }
)

#: Generational and degree suffixes, dropped at the end (``Jr.``).
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq"})

#: Lower-case name particles, part of neither given name nor family-name block.
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le"}
)

_NOT_WORD = re.compile(r"[^a-z0-9' -]+")
_VOWELS = re.compile(r"[aeiouy'\s-]+")
_DOUBLES = re.compile(r"(.)\1+")
#: Transliteration pairs a skeleton treats as one sound (``Zhanibek`` / ``Janibek``).
_SOUNDS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("q", "k"))

#: Names match when their folded forms are at least this similar (the scorer's ratio).
SIMILAR = 85.0
#: Given names with the same first letter match at this similarity (``Bauyrzhan`` / ``Baurzhan``).
GIVEN_SIMILAR = 70.0
#: Family names shorter than this must be spelled alike (``Lu`` / ``Li`` / ``Liu``).
SHORT_FAMILY = 4
#: East Asian family names are rarely longer than this (``Nguyen``, ``Zhuang``, ``Namgung``).
LONGEST_SYLLABIC_FAMILY = 7
#: Skeletons shorter than this say too little to equate two names (``Lee`` / ``Li``).
SHORT_SKELETON = 3


class ParsedName(NamedTuple):
    """A name split once for repeated comparison: folded family name and given names.

    ``syllabic`` marks names of family-first countries, whose family names are syllables
    that differ by one letter (``Wang`` / ``Wong``) and so must be spelled alike.
    """

    family: str
    given: tuple[str, ...]
    syllabic: bool


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower-case ASCII words, without honorifics, titles, suffixes and single-letter
    initials (``H.E. Secretary Antony J. Blinken Jr.`` folds to ``antony blinken``)."""
    text = _NOT_WORD.sub(" ", anyascii(name).lower().replace(".", " "))
    words = [w.strip("'-") for w in text.split()]
    words = [w for w in words if len(w) > 1 and w not in HONORIFICS]
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    while _leads_a_name(words):
        words.pop(0)
    return " ".join(words)


def _leads_a_name(words: list[str]) -> bool:
    """Whether the first of ``words`` is a title or honorific in front of the name."""
    if len(words) > 1 and words[0] in LEADING_TITLES:
        return True
    return len(words) > 2 and words[0] in LEADING_HONORIFICS


def words_of(name: str) -> list[str]:
    return fold(name).split()


def _written_family_first(words: list[str], country: str | None) -> bool:
    """Whether ``words`` put the family name first: a family-first country's name, unless its
    first word cannot be a family name there: hyphenated while the last word is not
    (``Min-cheol Kim``), or longer than any common one (``Mincheol Kim``)."""
    if country not in FAMILY_FIRST or len(words) < 2:
        return False
    first, last = words[0], words[-1]
    if "-" in first and "-" not in last:
        return False
    return len(first) <= LONGEST_SYLLABIC_FAMILY or len(last) > LONGEST_SYLLABIC_FAMILY


@lru_cache(maxsize=1 << 16)
def parse(name: str, country: str | None = None) -> ParsedName:
    """The folded family name and given names of ``name`` as written in ``country``."""
    words = words_of(name)
    syllabic = country in FAMILY_FIRST
    if not words:
        return ParsedName("", (), syllabic)
    if _written_family_first(words, country):
        return ParsedName(words[0], tuple(words[1:]), syllabic)
    given = tuple(w for w in words[:-1] if w not in PARTICLES)
    return ParsedName(words[-1], given, syllabic)


def family_name(name: str, country: str | None = None) -> str:
    """The folded family name: the first word for family-first countries, else the last."""
    return parse(name, country).family


def given_names(name: str, country: str | None = None) -> list[str]:
    """The folded given names (middle names included, particles and initials left out)."""
    return list(parse(name, country).given)


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonants of a folded word, doubled letters collapsed (``rakhmetullin`` -> ``rhmtln``).

    A few transliteration pairs are read as one sound first (``zh`` = ``j``, ``kh`` = ``h``,
    ``q`` = ``k``).
    """
    sounds = word
    for written, sound in _SOUNDS:
        sounds = sounds.replace(written, sound)
    consonants = _VOWELS.sub("", sounds)
    return _DOUBLES.sub(r"\1", consonants) or word[:1]


def block_key(name: str, country: str | None = None) -> str:
    """The blocking key of a person name: the skeleton of its family name."""
    return skeleton(family_name(name, country))


def person_block(name: str, country: str | None = None) -> str:
    """Where a person is kept and re-resolved: ``KAZ|rhmtln`` (country and family-name
    skeleton; ``-`` for no country). People of different countries are never one person, so
    an update re-resolves the people of one country who share a family-name skeleton, plus
    those without a country (see :mod:`bilateral.services.resolving`)."""
    return f"{country or '-'}|{block_key(name, country)}"


def name_key(name: str, country: str | None) -> str:
    """A stable key for one spelling of a name in one country: ``KAZ|akan rakhmetullin``."""
    return f"{country or ''}|{fold(name)}"


def similarity(a: str, b: str) -> float:
    """0-100 similarity of two folded words or names."""
    return float(fuzz.ratio(a, b))


def family_alike(a: str, b: str, *, syllabic: bool = False) -> bool:
    """Whether two folded family names can be spellings of one name.

    Syllabic (family-first) and short family names must be equal; longer ones may differ by
    transliteration (ratio >= :data:`SIMILAR`, or one skeleton of three consonants or more).
    """
    if a == b:
        return True
    if syllabic or min(len(a), len(b)) < SHORT_FAMILY:
        return False
    if similarity(a, b) >= SIMILAR:
        return True
    shape = skeleton(a)
    return len(shape) >= SHORT_SKELETON and shape == skeleton(b)


def given_alike(a: str, b: str) -> bool:
    """Whether two folded given names can be one: equal skeletons (``Erlan`` / ``Yerlan``),
    or the same first letter and either one hyphen part of the other (``Kassym`` /
    ``Kassym-Jomart``) or a ratio of :data:`GIVEN_SIMILAR` or more."""
    if a == b:
        return True
    shape = skeleton(a)
    if len(shape) >= 2 and shape == skeleton(b):
        return True
    if a[0] != b[0]:
        return False
    if a in b.split("-") or b in a.split("-"):
        return True
    return similarity(a, b) >= GIVEN_SIMILAR


@lru_cache(maxsize=1 << 18)
def parsed_compatible(a: ParsedName, b: ParsedName) -> bool:
    """:func:`compatible` on names already parsed."""
    if not a.family or not b.family:
        return False
    if not family_alike(a.family, b.family, syllabic=a.syllabic or b.syllabic):
        return False
    if not a.given or not b.given:
        return True
    return given_alike(a.given[0], b.given[0])


def compatible(a: str, b: str, country: str | None = None) -> bool:
    """Whether two written names can be the same person (countries checked elsewhere).

    Family names must be alike (:func:`family_alike`); first given names, when both names
    have them, must be alike too (:func:`given_alike`). A bare family name (``Blinken``,
    ``Kerry``) is compatible with any full name that has it.
    """
    return parsed_compatible(parse(a, country), parse(b, country))
