"""Words of mechanism names and commitments, compared without the parties' names.

``United States-Kazakhstan Enhanced Strategic Partnership Dialogue``, ``Kazakhstan-U.S.
Enhanced Strategic Partnership Dialogue`` and ``the annual Enhanced Strategic Partnership
Dialogue`` all reduce to the words ``enhanced strategic partnership dialogue``: the parties'
country names (from pycountry, with demonyms and a few common short forms), articles,
ordinals and words like "annual" or "meeting of the" are dropped and plurals are folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pycountry
from anyascii import anyascii


def wordset(words: str) -> frozenset[str]:
    """The space-separated ``words`` as a set."""
    return frozenset(words.split())


#: Short forms and names pycountry does not give, by party code.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "USA": ("us", "usa", "america", "american", "americans"),
    "GBR": ("uk", "britain", "great britain", "british"),
    "EU": ("eu", "european union", "european", "europe"),
    "KOR": ("rok", "south korea"),
    "PRK": ("dprk", "north korea"),
    "TUR": ("turkey", "turkish"),
    "RUS": ("russia", "russian"),
    "NLD": ("holland", "dutch"),
    "FRA": ("french",),
    "CHE": ("swiss",),
}

#: Words of country names that say nothing about which country it is.
_NAME_FILLERS = wordset(
    "the of and republic federal federation united states kingdom islamic democratic people "
    "peoples state plurinational socialist great northern arab bolivarian"
)

#: Words that do not tell one mechanism from another wording of it.
NAME_STOPWORDS = wordset(
    "the a an of on for and in at to with between annual regular bilateral meeting meetings "
    "round rounds session sessions sitting inaugural first second third fourth fifth sixth "
    "seventh eighth ninth tenth next affairs affair issues issue matters matter questions "
    "framework within"
)

#: Function words and vague verbs left out of commitment content words.
STOPWORDS = NAME_STOPWORDS | wordset(
    "be is are was were been being will would shall should can could may might must it its "
    "this that these those their our his her they we he she them as by from into than then "
    "also both all any each other such very more most further well including include "
    "two sides side country countries party parties level levels"
)

_DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ese", "i", "ish", "ic", "s", "ns", "ans"})

_ABBREVIATED = re.compile(r"\b([a-z])\.\s?(?=[a-z]\.)")
_TOKEN = re.compile(r"[a-z0-9+]+")
#: Texts up to this length have their content words remembered.
_REMEMBERED = 400
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")


def stem(word: str) -> str:
    """The word without a plural ending (``consultations`` -> ``consultation``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def tokens(text: str) -> list[str]:
    """Lower-case ASCII tokens; ``U.S.`` becomes ``us``, hyphens and dashes separate words."""
    folded = anyascii(text).lower().replace("&", " and ").replace("'", "")
    if "." in folded:
        folded = _ABBREVIATED.sub(_first_group, folded)
    return _TOKEN.findall(folded)


@lru_cache(maxsize=4096)
def _country_phrases(party: str) -> tuple[tuple[str, ...], ...]:
    names = list(SHORT_FORMS.get(party, ()))
    country = pycountry.countries.get(alpha_3=party) if len(party) == 3 else None
    if country is not None:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                head, _, tail = value.partition(", ")
                names += [head, f"{tail} {head}"] if tail else [value]
    return tuple(tuple(tokens(name)) for name in names if tokens(name))


class PartyNames:
    """The parties' names as token sequences (by first word), and a memo of demonyms."""

    def __init__(self, parties: tuple[str, ...]) -> None:
        phrases = {phrase for party in parties for phrase in _country_phrases(party)}
        starts: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
            starts.setdefault(phrase[0], []).append(phrase)
        self.starts = starts
        self.cores = frozenset(w for phrase in phrases for w in phrase
                               if w not in _NAME_FILLERS and len(w) >= 4)  # fmt: skip
        self._demonyms: dict[str, bool] = {}

    def phrase_at(self, words: Sequence[str], index: int) -> int:
        """The length of the longest party name starting at ``words[index]`` (0 if none)."""
        for phrase in self.starts.get(words[index], ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def is_demonym(self, word: str) -> bool:
        """True when ``word`` is a demonym of one of the parties (remembered per word)."""
        known = self._demonyms.get(word)
        if known is None:
            known = self._demonyms[word] = is_demonym(word, self.cores)
        return known


@lru_cache(maxsize=4096)
def party_names(parties: tuple[str, ...]) -> PartyNames:
    """The names of ``parties`` (sorted codes), built once per set of parties."""
    return PartyNames(parties)


def is_demonym(word: str, cores: Iterable[str]) -> bool:
    """``kazakh``/``kazakhstani`` of ``kazakhstan``, ``german`` of ``germany``, ``chinese``."""
    return len(word) >= 4 and any(_demonym_of(word, core) for core in cores)


def _demonym_of(word: str, core: str) -> bool:
    shared = len(_common_prefix(word, core))
    if shared < 4:
        return False
    if shared == len(word):  # kazakh, uzbek, afghan: the name without "-stan"
        return shared * 2 >= len(core)
    return shared >= len(core) - 2 and word[shared:] in _DEMONYM_ENDINGS


def _common_prefix(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def parties_of(block: str) -> list[str]:
    """The parties of a resolution block (``KAZ-USA`` -> ``["KAZ", "USA"]``)."""
    return [] if block == "-" else block.split("-")


def without_parties(words: Sequence[str], parties: Sequence[str]) -> list[str]:
    """``words`` without the parties' names, short forms and demonyms."""
    names = party_names(tuple(sorted(set(parties))))
    kept: list[str] = []
    index = 0
    while index < len(words):
        size = names.phrase_at(words, index)
        if size:
            index += size
            continue
        if not names.is_demonym(words[index]):
            kept.append(words[index])
        index += 1
    return kept


def name_words(name: str, parties: Sequence[str], *, stemmed: bool = True) -> tuple[str, ...]:
    """The distinctive words of a mechanism name, in order, each once; as written (for
    showing) when not ``stemmed``."""
    seen: set[str] = set()
    out: list[str] = []
    for word in without_parties(tokens(name), parties):
        if word in NAME_STOPWORDS or _ORDINAL.match(word) or stem(word) in seen:
            continue
        seen.add(stem(word))
        out.append(stem(word) if stemmed else word)
    return tuple(out)


def content_words(text: str, parties: Sequence[str] = ()) -> frozenset[str]:
    """The words of a commitment or sentence that carry its meaning (stemmed).

    Short texts (commitments, names) are remembered, as they recur; whole documents are not.
    """
    if len(text) <= _REMEMBERED:
        return _remembered_content_words(text, tuple(parties))
    return _content_words(text, parties)


@lru_cache(maxsize=65536)
def _remembered_content_words(text: str, parties: tuple[str, ...]) -> frozenset[str]:
    return _content_words(text, parties)


def _content_words(text: str, parties: Sequence[str]) -> frozenset[str]:
    words = without_parties(tokens(text), parties) if parties else tokens(text)
    return frozenset(stem(w) for w in words if w not in STOPWORDS and len(w) > 1)


def initials(words: Sequence[str]) -> str:
    """``espd`` for ``enhanced strategic partnership dialogue``."""
    return "".join(word[0] for word in words if word)


def abbreviation_key(short: str) -> str:
    """``ESPD`` and ``E.S.P.D.`` alike: lower-case letters and digits only."""
    return "".join(tokens(short))


def slug(words: Sequence[str]) -> str:
    """``enhanced-strategic-partnership-dialogue``; ``c5plus1`` for ``c5+1``."""
    return "-".join(words).replace("+", "plus") or "unnamed"


# --------------------------------------------------------------------------- formats in text

_FORMAT_NOUNS = (
    r"Dialogue|Consultations?|Council|Commission|Committee|Forum|Summit|Talks|Conference|"
    r"Working Group|Platform|Mechanism|Meeting|Round|Session"
)
_TITLE_RUN = re.compile(r"[A-Z][\w'+-]*(?:\s+(?:(?:on|of|and|for|the|in)\s+)*[A-Z][\w'+-]*)*")
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9+]*[A-Z0-9+](?![\w+])")


def named_formats(text: str, parties: Sequence[str]) -> list[tuple[str, ...]]:
    """The name words of every format a text names in Title Case ("High-Level Dialogue on
    Democratic Reforms"); names of fewer than two words are left out."""
    runs = [m.group() for m in _TITLE_RUN.finditer(text) if re.search(_FORMAT_NOUNS, m.group())]
    return [words for run in runs if len(words := name_words(run, parties)) >= 2]


def abbreviations(text: str, parties: Sequence[str]) -> list[str]:
    """Upper-case abbreviations in a text (``ESPD``, ``C5+1``), the parties' own left out."""
    found = [abbreviation_key(m.group()) for m in _ABBREVIATION.finditer(text)]
    return [short for short in found if short and without_parties([short], parties)]


def name_match(words: Sequence[str], keys: Sequence[frozenset[str]]) -> float:
    """How much of a named format's ``words`` one of a mechanism's names covers (0-1).

    At least two words must be shared, so a lone "dialogue" matches nothing.
    """
    wanted = set(words)
    best = 0.0
    for key in keys:
        shared = len(wanted & key)
        if shared >= 2:
            best = max(best, shared / len(wanted))
    return best
