"""Meetings reported in passing: "the Foreign Secretary also called on X", "President Y
received the delegation", "the delegation also met with representatives of Z".

Every sentence that reports such a meeting yields a :class:`SideMeeting` (one per person
met); which of them are the document's main meeting is for the assembly to decide. The
vocabulary is in ``data/side_meetings.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from bilateral.extraction.extensions import PersonMention, PlaceMention, SideMeeting
from bilateral.extraction.vocabulary import load_yaml

QUOTED = re.compile(r"[“\"«]([^”\"»]{2,80})[”\"»]")
CAPITALISED = re.compile(
    r"(?:the\s+)?((?:[A-Z][\w.&’'\-]*(?:,\s+|\s+)(?:(?:of|for|and|the)\s+)*){0,10}"
    r"[A-Z][\w.&’'\-]*)"
)
ORG_LIST = re.compile(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+the\s+")
DELEGATION_AFTER = re.compile(r"\s*(?:delegation|side|team)\b", re.IGNORECASE)
GROUP_LEAD = re.compile(
    r"(?:the\s+)?(?:representatives|leadership|heads|members|officials|management|experts)\s+"
    r"(?:of|from)\s+",
    re.IGNORECASE,
)
PERSON_REACH = 120  # how far after a cue the person met may be named
RECEIVER_REACH = 60  # how far before "received the delegation" the receiver may be named


@dataclass(frozen=True)
class SideVocabulary:
    person_after: re.Pattern[str]
    person_before: re.Pattern[str]
    group: re.Pattern[str]
    not_held: re.Pattern[str]
    government: re.Pattern[str]
    org_kind: re.Pattern[str]
    same_day: re.Pattern[str]
    any_cue: re.Pattern[str]
    another_time: re.Pattern[str]
    before_name: re.Pattern[str]
    back_to_main: re.Pattern[str]
    company: re.Pattern[str]


@cache
def vocabulary() -> SideVocabulary:
    """The side-meeting patterns, compiled once."""
    data = load_yaml("side_meetings.yaml")
    after, before, group = (
        "|".join(data["person_after"]),
        "|".join(data["person_before"]),
        "|".join(data["group"]),
    )
    return SideVocabulary(
        person_after=re.compile(after, re.IGNORECASE),
        person_before=re.compile(before, re.IGNORECASE),
        group=re.compile(group, re.IGNORECASE),
        not_held=re.compile(data["not_held"], re.IGNORECASE),
        government=re.compile(data["government_words"], re.IGNORECASE),
        org_kind=re.compile(
            r"(?:the\s+)?(?:(?-i:[A-Z])\w+\s+)?" + data["organization_kinds"] + r"\s+",
            re.IGNORECASE,
        ),
        same_day=re.compile(data["same_day"], re.IGNORECASE),
        any_cue=re.compile("|".join((after, before, group)), re.IGNORECASE),
        another_time=re.compile(data["another_time"], re.IGNORECASE),
        before_name=re.compile(data["before_name"], re.IGNORECASE),
        back_to_main=re.compile(data["back_to_main"]),
        company=re.compile(
            r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?" + data["company_nouns"] + r"(?=(?-i:[A-Z]))",
            re.IGNORECASE,
        ),
    )


@dataclass(frozen=True)
class Setting:
    """What a sentence says of all the meetings it reports."""

    delegation: str | None
    same_day: bool


class NameIndex:
    """Where each person is named (name and title spans), for lookups by offset."""

    def __init__(self, people: Sequence[PersonMention]) -> None:
        spans = sorted((a, b, p.name) for p in people for a, b in [(p.start, p.end), *p.spans])
        self.starts = [a for a, _, _ in spans]
        self.spans = spans

    def first_after(self, offset: int, limit: int) -> tuple[int, str] | None:
        """Where and who: the person named first in [offset, limit)."""
        i = bisect_left(self.starts, offset)
        if i < len(self.spans) and self.starts[i] < limit:
            return self.starts[i], self.spans[i][2]
        return None

    def last_before(self, offset: int, floor: int) -> str | None:
        """The person whose name ends last in [floor, offset]."""
        i = bisect_left(self.starts, offset)
        ends = [
            (b, name) for a, b, name in self.spans[max(0, i - 12) : i] if floor <= a and b <= offset
        ]
        return max(ends)[1] if ends else None


def find_side_meetings(
    text: str,
    sentences: Sequence[tuple[int, int]],
    places: Sequence[PlaceMention],
    people: Sequence[PersonMention] = (),
) -> Iterator[SideMeeting]:
    """Meetings reported in each sentence: with named people, else with bodies."""
    vocab, names = vocabulary(), NameIndex(people)
    for start, end in sentences:
        sentence = text[start:end]
        if not vocab.any_cue.search(sentence) or vocab.another_time.search(sentence):
            continue
        common = Setting(
            _delegation(sentence, start, places), vocab.same_day.search(sentence) is not None
        )
        found = list(_with_people(text, start, end, names, common))
        if found:
            yield from found
            continue
        group = _with_bodies(text, start, end, places, common, names)
        if group is not None:
            yield group


def _held(text: str, sentence_start: int, cue_start: int) -> bool:
    """A cue reports a held meeting unless the clause before it plans or negates one."""
    before = text[max(sentence_start, cue_start - 40) : cue_start]
    return vocabulary().not_held.search(before) is None


def _with_people(
    text: str, start: int, end: int, names: NameIndex, common: Setting
) -> Iterator[SideMeeting]:
    """One meeting per person named after "met", "called on", ... or before "received"."""
    vocab, seen = vocabulary(), set[str]()
    for m in vocab.person_after.finditer(text, start, end):
        found = names.first_after(m.end(), min(end, m.end() + PERSON_REACH))
        if found is None or not vocab.before_name.fullmatch(text, m.end(), found[0]):
            continue
        if found[1] in seen or not _held(text, start, m.start()):
            continue
        seen.add(found[1])
        guest = names.last_before(m.start(), start)
        yield _person_meeting(start, end, m, found[1], guest if guest != found[1] else None, common)
    for m in vocab.person_before.finditer(text, start, end):
        met = names.last_before(m.start(), max(start, m.start() - RECEIVER_REACH))
        if met is None or met in seen or not _held(text, start, m.start()):
            continue
        seen.add(met)
        yield _person_meeting(start, end, m, met, None, common)


def _person_meeting(
    start: int, end: int, m: re.Match[str], met: str, guest: str | None, common: Setting
) -> SideMeeting:
    return SideMeeting(
        start,
        end,
        (),
        cue=(m.start(), m.end()),
        counterpart=met,
        guest=guest,
        delegation=common.delegation,
        same_day=common.same_day,
    )


def _with_bodies(
    text: str,
    start: int,
    end: int,
    places: Sequence[PlaceMention],
    common: Setting,
    names: NameIndex,
) -> SideMeeting | None:
    """A meeting with organizations or officials ("met with representatives of ..."), held by
    a delegation or by the person named before the cue."""
    vocab = vocabulary()
    cue = vocab.group.search(text, start, end)
    if cue is None or not _held(text, start, cue.start()):
        return None
    rest = text[cue.end() : end]
    government = None
    if vocab.government.search(rest):
        government = next(
            (p.code for p in places if cue.end() <= p.start < end and p.kind != "city"), None
        )
    return SideMeeting(
        start,
        end,
        tuple(_organizations(rest, cue.end())),
        cue=(cue.start(), cue.end()),
        government=government,
        delegation=common.delegation,
        same_day=common.same_day,
        guest=names.last_before(cue.start(), start),
    )


def _organizations(rest: str, offset: int) -> list[tuple[str, int, int]]:
    """Non-governmental bodies named after the cue: quoted names, or "the X Foundation"."""
    lead = GROUP_LEAD.match(rest)
    if lead:
        rest, offset = rest[lead.end() :], offset + lead.end()
    quoted = [
        (m.group(1).strip(), offset + m.start(1), offset + m.end(1)) for m in QUOTED.finditer(rest)
    ]
    if quoted:
        return quoted[:3]
    if vocabulary().government.search(rest[:80]):
        return []
    m = vocabulary().org_kind.match(rest) or vocabulary().company.match(rest)
    cap = CAPITALISED.match(rest, m.end() if m else 0)
    if cap is None:
        return []
    run, base, pos = cap.group(1), offset + cap.start(1), 0
    found, words = [], 1 if m else 2  # "the carmaker X": a described name may be one word
    for sep in [*ORG_LIST.finditer(run), None]:
        name = run[pos : sep.start() if sep else len(run)].rstrip(".")
        if len(name.split()) >= words:
            found.append((name, base + pos, base + pos + len(name)))
        pos = sep.end() if sep else pos
    return found[:3]


def _delegation(sentence: str, offset: int, places: Sequence[PlaceMention]) -> str | None:
    """The side named as "the <demonym> delegation/side/team" in the sentence."""
    for place in places:
        inside = offset <= place.start < offset + len(sentence)
        side = place.kind in ("demonym", "country")
        if inside and side and DELEGATION_AFTER.match(sentence, place.end - offset):
            return place.code
    return None


def returns_to_main(sentence: str) -> bool:
    """Whether a sentence goes back to the main meeting ("During the talks, ...")."""
    return vocabulary().back_to_main.search(sentence) is not None


def about_another_time(sentence: str) -> bool:
    """Whether a sentence is about another time than the report's ("Last year, X met Y")."""
    return vocabulary().another_time.search(sentence) is not None
