"""Recurring formats (mechanisms): their names, abbreviations, kinds and round numbers.

Pure functions over text; :mod:`components.mechanisms` runs them on a Doc. The vocabulary
(format nouns, qualifiers, round words) is in ``data/mechanisms.yaml``; the kind of an
engagement without a format is :mod:`.kinds`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.vocabulary import load_yaml

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "inaugural": 1,
}  # fmt: skip
_ORDINAL = r"\b(?P<word>" + "|".join(ORDINALS) + r"|(?P<num>\d{1,2})(?:st|nd|rd|th))\b"
ORDINAL = re.compile(_ORDINAL, re.IGNORECASE)
MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)
# One word of a capitalised name: "Kazakhstan", "U.S.", "2+2", "C5+1", "Leaders’"
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'+]*|\d\+\d)"
_WORD = _CAP + r"(?:-" + _CAP + r")*"  # "Counter-Terrorism" after "on"
_ABBR_INSIDE = r"(?:[ \t]*\([A-Z][A-Za-z.]{1,6}\))?"
_SEP = r"(?:[ \t]*[-–][ \t]*|[ \t]+)"
ABBR_INSIDE = re.compile(r"[ \t]*\([A-Z][A-Za-z.]{1,6}\)")
DASH_SPACES = re.compile(r"\s*([-–])\s*")
# "the 25th anniversary of the X Dialogue" counts years, "the fifth anniversary meeting" a round
LONE_ANNIVERSARY = re.compile(
    r"\banniversary\b(?!\s+(?:meeting|session|round|edition|sitting))", re.IGNORECASE
)
FILLER_SPLIT = re.compile(r"[\s\-–]+")
NAME_WORD = re.compile(r"[A-Z][\w.’']*|\([A-Z][A-Za-z.]{1,6}\)")
WEEKDAYS_MONTHS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December"
)


@dataclass(frozen=True)
class MechanismVocabulary:
    """The compiled patterns of ``data/mechanisms.yaml``."""

    named: re.Pattern[str]
    kind_of_noun: dict[str, str]
    not_formats: tuple[str, ...]
    plain: re.Pattern[str]
    kind_of_plain: dict[str, str]
    short_formats: re.Pattern[str]
    round_fillers: frozenset[str]
    round_after: re.Pattern[str]
    leading_noise: re.Pattern[str]
    headline_tail: re.Pattern[str]
    paired_name: re.Pattern[str]
    pair: re.Pattern[str]
    kind_of_pair: dict[str, str]
    created: re.Pattern[str]
    meets_before: re.Pattern[str]
    meets_proposed: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]") for w in ordered)


def _named(nouns: list[str]) -> re.Pattern[str]:
    word = _CAP + _ABBR_INSIDE
    return re.compile(
        r"(?P<name>(?:" + word + _SEP + r")*?(?P<noun>" + _alternation(nouns) + r")"
        r"(?:[ \t]+on[ \t]+" + _WORD + r"(?:[ \t]+(?:and[ \t]+)?" + _WORD + r"){0,5})?)"
        r"(?:[ \t]*\((?P<short>[A-Z][A-Za-z0-9+]{1,9})\))?"
    )


def _leading_noise(words: list[str]) -> re.Pattern[str]:
    ordinals = [w.capitalize() for w in ORDINALS]
    return re.compile(r"^(?:(?:" + "|".join(words + ordinals) + r"|\d{1,2}(?:st|nd|rd|th))\s+)+")


def _headline_tail(verbs: list[str]) -> re.Pattern[str]:
    """Words that end a name rather than continue it ("... Dialogue on Tuesday")."""
    return re.compile(rf"\s+on\s+(?:{WEEKDAYS_MONTHS})\b.*$|\s+(?:{'|'.join(verbs)})\b.*$")


def _plain(qualifiers: list[str], nouns: list[str], matters: list[str]) -> re.Pattern[str]:
    qual, noun, matter = _alternation(qualifiers), _alternation(nouns), _alternation(matters)
    return re.compile(
        rf"\b(?P<name>(?:{qual})\s+(?P<noun>{noun})|(?P<noun2>{noun})\s+on\s+(?:{qual})\s+"
        rf"(?:{matter}))\b",
        re.IGNORECASE,
    )


def _pair(recurrence: str, nouns: list[str]) -> re.Pattern[str]:
    """ "annual Chile-Peru summit": a lower-case format named by its two sides."""
    side = r"[A-Z][\w.’']*(?:[ \t][A-Z][\w’']*)?"
    return re.compile(
        rf"\b(?P<lead>{recurrence}[ \t]+)?(?P<name>{side}[ \t]?[-–][ \t]?{side}[ \t]+"
        rf"(?P<inner>{recurrence}[ \t]+)?(?P<noun>{_alternation(nouns)}))\b"
    )


@cache
def vocabulary() -> MechanismVocabulary:
    """The mechanism and kind vocabulary, compiled once."""
    data = load_yaml("mechanisms.yaml")
    nouns: dict[str, str] = data["format_nouns"]
    after_nouns = _alternation(data["round_after_nouns"])
    return MechanismVocabulary(
        named=_named(list(nouns)),
        kind_of_noun={k.lower().replace("’", "'"): v for k, v in nouns.items()},
        not_formats=tuple(data["not_formats"]),
        plain=_plain(data["plain_qualifiers"], list(data["plain_nouns"]), data["plain_matters"]),
        kind_of_plain=data["plain_nouns"],
        short_formats=re.compile(data["short_formats_regex"]),
        round_fillers=frozenset(w.lower() for w in data["round_fillers"]),
        round_after=re.compile(
            rf"[^.;]{{0,70}}?{data['round_after_regex']}{_ORDINAL}\s+(?:{after_nouns})\b",
            re.IGNORECASE,
        ),
        leading_noise=_leading_noise(data["leading_noise"]),
        headline_tail=_headline_tail(data["headline_verbs"]),
        paired_name=re.compile(data["paired_name_regex"]),
        pair=_pair(data["pair_recurrence"], list(data["pair_nouns"])),
        kind_of_pair=data["pair_nouns"],
        created=re.compile(data["created_regex"], re.IGNORECASE),
        meets_before=re.compile(data["meets_before_regex"], re.IGNORECASE),
        meets_proposed=re.compile(data["meets_proposed_regex"], re.IGNORECASE),
    )


def ordinal_value(m: re.Match[str]) -> int:
    """The number an ORDINAL match stands for."""
    return int(m.group("num")) if m.group("num") else ORDINALS[m.group("word").lower()]


def round_before(text: str, start: int) -> tuple[int, tuple[int, int]] | None:
    """The ordinal that introduces the format starting at ``start`` ("the 5th round of")."""
    window = max(0, start - 90)
    for m in reversed(list(ORDINAL.finditer(text, window, start))):
        if MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        between = text[m.end() : start]
        if _only_fillers(between) and not LONE_ANNIVERSARY.search(between):
            return ordinal_value(m), (m.start(), m.end())
    return None


def _only_fillers(between: str) -> bool:
    """Whether the words between an ordinal and a format's name are only round words,
    the sides' (capitalised) names and abbreviations: "round of the", "Kazakhstan – U.S."."""
    fillers = vocabulary().round_fillers
    for word in FILLER_SPLIT.split(between):
        if word and word.lower() not in fillers and not NAME_WORD.fullmatch(word):
            return False
    return True


def round_after(text: str, end: int) -> tuple[int, tuple[int, int]] | None:
    """The ordinal of "<format> ... held its nineteenth meeting", in the same sentence."""
    m = vocabulary().round_after.match(text, end)
    if not m:
        return None
    return ordinal_value(m), (m.start("word"), m.end("word"))


def _mention(
    text: str, start: int, end: int, name: str, short: str | None, kind: str
) -> MechanismMention:
    found = round_before(text, start) or round_after(text, end)
    return MechanismMention(
        start, end, name, short, kind,
        found[0] if found else None, found[1] if found else None,
    )  # fmt: skip


def _clean_name(raw: str) -> tuple[str, int]:
    """The name without leading noise or inner abbreviations, and the noise's length."""
    vocab = vocabulary()
    noise = vocab.leading_noise.match(raw)
    skip = noise.end() if noise else 0
    name = ABBR_INSIDE.sub("", raw[skip:])
    name = vocab.headline_tail.sub("", name)
    return DASH_SPACES.sub("-", name), skip


def _named_mentions(text: str) -> Iterator[MechanismMention]:
    vocab = vocabulary()
    for m in vocab.named.finditer(text):
        name, skip = _clean_name(m.group("name"))
        if len(name.split()) < 2 or _standing_body(name):
            continue
        kind = vocab.kind_of_noun[m.group("noun").lower().replace("’", "'")]
        start = m.start("name") + skip
        yield _mention(text, start, m.end(), name, m.group("short"), kind)


def _standing_body(name: str) -> bool:
    """A standing body or multilateral organ ("Security Council"), unless the name opens
    with the two sides ("Franco-German Council of Ministers")."""
    vocab = vocabulary()
    return name.lower().endswith(vocab.not_formats) and not vocab.paired_name.match(name)


def _pair_mentions(text: str) -> Iterator[MechanismMention]:
    """Lower-case formats named by their sides, when the text says they recur: "the first
    annual Chile-Peru summit", "the third Kenya-Uganda consultations"."""
    vocab = vocabulary()
    for m in vocab.pair.finditer(text):
        mention = _mention(
            text, m.start("name"), m.end(), DASH_SPACES.sub("-", m.group("name")), None,
            vocab.kind_of_pair[m.group("noun")],
        )  # fmt: skip
        if m.group("lead") or m.group("inner") or (mention.round or 0) >= 2:
            yield mention


def names_created(text: str, start: int) -> bool:
    """Whether the format named at ``start`` is being created rather than meeting: "signed a
    protocol creating a Joint Council", "agreed on the establishment of a Working Group"."""
    return vocabulary().created.search(text, max(0, start - 80), start) is not None


def format_meeting_cue(text: str, start: int, floor: int = 0) -> tuple[int, int] | None:
    """Where the words before the format named at ``start`` report it meeting ("a meeting of
    the Joint Commission", "co-chaired the Strategic Dialogue"); None when there are none or
    the clause from ``floor`` (the sentence start) proposes it ("agreed to convene ...")."""
    vocab = vocabulary()
    cue = vocab.meets_before.search(text, max(floor, start - 60), start)
    if cue is None or vocab.meets_proposed.search(text, floor, start):
        return None
    return cue.start(), cue.end()


def find_mechanisms(text: str) -> list[MechanismMention]:
    """Every mention of a recurring format, in text order, without nested duplicates."""
    vocab = vocabulary()
    found = [*_named_mentions(text), *_pair_mentions(text)]
    for m in vocab.plain.finditer(text):
        noun = (m.group("noun") or m.group("noun2")).lower()
        found.append(_mention(text, m.start(), m.end(), m.group("name"), None,
                              vocab.kind_of_plain[noun]))  # fmt: skip
    for m in vocab.short_formats.finditer(text):
        found.append(
            _mention(text, m.start(), m.end(), re.sub(r"\s+", "", m.group()), None, "dialogue")
        )
    return _outermost(found)


def _outermost(mentions: list[MechanismMention]) -> list[MechanismMention]:
    """Drop a mention inside a longer one ("C5+1" inside "C5+1 Ministerial Meeting")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[MechanismMention] = []
    for m in ordered:
        if out and m.start < out[-1].end and m.end <= out[-1].end:
            continue
        out.append(m)
    return out
