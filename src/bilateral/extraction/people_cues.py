"""What the words around a person say of their part, and how mentions of one person join.

* role cues: "led by X" and "X held talks" make a head, "accompanied by X" a member; people
  joined by "and" share a cue ("A and B co-chaired", "included A, B and C");
* the side a person belongs to when only the delegation says it ("the Kazakh side was
  represented by ...", "his Uzbek counterpart ...");
* one person written several ways: "Tleuberdi" and "Tileuberdi", "Antony" and "Anthony".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Span

from bilateral.extraction.extensions import PersonMention, PlaceMention
from bilateral.extraction.vocabulary import PeopleVocabulary, phrase_alternation

SPEECH_VERBS = (
    "said", "says", "noted", "stated", "stressed", "emphasized", "emphasised", "highlighted",
    "underscored", "underlined", "added", "expressed", "welcomed", "thanked", "told",
    "reiterated", "praised", "commended", "invited", "briefed", "informed", "called",
    "congratulated", "conveyed", "pointed", "assured", "announced", "urged", "proposed",
)  # fmt: skip
# "met with", "his counterpart", "welcomed" shortly before a name (and its title)
HEAD_CUE_NEAR = re.compile(
    r"\b(?:counterparts?|welcomed|hosted|received|met with|met|meets|talks with)"
    r"(?:\s+(?:the|his|her|their|its|a|an|new|newly|visiting|appointed|incoming|[A-Z][\w.’'\-]*))*\s*$"
)
WITH_CUE = re.compile(
    r"\b(?:met|meets|meeting|talks|consultations|negotiations|conversation|call|spoke|speaks|"
    r"talked|discussions?|dialogue|held)\b[^.;:]{0,80}\bwith$"
)
# Names and titles at the end of a text: "... led by Chilean Vice Minister X and"
TRAILING_NAMES = re.compile(
    r"(?:[\s,–—\-]+(?:(?:of|for|and|the|to|on|in|at|or|&)\s+)*[A-Z(][^\s,]*)+[\s,]*(?:and)?\s*$"
)
# What may join two people of one list: "A and B", "A, B", "A of Japan, together with B"
COORDINATED = re.compile(
    r"^\s*(?:(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s*){1,5})?"
    r"(?:,\s*(?:and\s+(?:by\s+)?|(?:together|along)\s+with\s+)?|and\s+(?:by\s+)?|"
    r"(?:together|along)\s+with\s+)"
    r"(?:(?:the|his|her|their)\s+)?(?:[A-Z][\w.’'\-]*\s+){0,4}?"
    r"(?:(?:counterparts?,?|[\w.\-]+[’']s)\s+)?$"
)
# The body or country written right after a name: "Teodoro Jr. of the Philippines"
BODY_AFTER = re.compile(
    r"\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'.\-]*"
    r"(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w’'.\-]*){0,6}"
)
# A list item's bullet: "- ", "• ", "2) "
BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪◦]|\d{1,2}[.)])[ \t]*")
ITEM = re.compile(r"(?:[-–—•*·▪◦]|\d{1,2}[.)])\s")
LIST_LINES = 30
CLAUSE_BREAK = re.compile(r";|, while\b")
SIDE_NOUN = re.compile(r"\s*(delegation|side|team|counterparts?)\b")
SIDE_LINK = re.compile(r"\b(by|included|includes|comprised|counterparts?)\b")
OFFICE_BREAK = re.compile(r"(\s*,\s+|\s+[–—-]\s+|\s+and\s+)")
COUNTERPART = re.compile(r"\bcounterparts?,?\s*$")
# "on Wednesday", "today": a time between a name and its verb
WHEN = r"(?:(?:on\s+\w+(?:\s+\d{1,2})?|today|yesterday|this\s+week|last\s+week)\s+)?"
RANK = {"head": 2, "member": 1}


@dataclass
class Mention:
    """One mention of a person: the name with its titles (character offsets) and its cue."""

    start: int
    end: int
    person: PersonMention
    cue: str | None


def upgrade_cue(person: PersonMention, cue: str | None) -> None:
    """Keep the strongest cue any mention gave: head over member over none."""
    if RANK.get(cue or "", 0) > RANK.get(person.role_cue or "", 0):
        person.role_cue = cue


class CueReader:
    """Reads role cues around a person's name and title."""

    def __init__(self, vocab: PeopleVocabulary) -> None:
        self.vocab = vocab
        verbs = "|".join(re.escape(v) for v in vocab.head_verbs_after)
        self.head_after = re.compile(
            r"\s*(?:,[^,]*,\s*|,\s*)?"
            + WHEN
            + r"(?:(?:has|have|had|also|jointly)\s+)?("
            + verbs
            + r")\b(?!\s+by\b)"
        )
        self.member_after = re.compile(
            r"\s*(?:,[^,]*,\s*|,\s*)?"
            + WHEN
            + r"(?:"
            + phrase_alternation(vocab.member_verbs_after)
            + r")\b"
        )
        self.speech = re.compile(
            r"\s*(?:,[^,]{0,80},\s*)?(?:also\s+)?(" + "|".join(SPEECH_VERBS) + r")\b"
        )

    def role_cue(self, text: str, sent: Span, start: int, end: int) -> str | None:
        """ "head" or "member" from the words before ``start`` and after ``end``, if any; a
        list item takes the cue of the line that opens the list ("accompanied by:")."""
        before = list_intro(text, start) or text[max(sent.start_char, start - 200) : start]
        before = TRAILING_NAMES.sub("", before).rstrip(" ,:").lower()
        if before.endswith(self.vocab.head_cues_before) or HEAD_CUE_NEAR.search(before):
            return "head"
        if WITH_CUE.search(before):
            return "head"
        if before.endswith(self.vocab.member_cues_before):
            return "member"
        body = BODY_AFTER.match(text, end, min(sent.end_char, end + 120))
        end = body.end() if body else end
        after = text[end : min(sent.end_char, end + 60)].lower()
        if self.head_after.match(after):
            return "head"
        if self.member_after.match(after):
            return "member"
        return None

    def speaks(self, text: str, end: int) -> bool:
        """Whether a speech verb follows the name ("Umarov said")."""
        return bool(self.speech.match(text[end : end + 100].lower()))

    def share_coordinated(self, text: str, mentions: list[Mention]) -> None:
        """People joined by "and" or a comma share a cue: "A and B co-chaired", "included A, B"."""
        ordered = sorted(mentions, key=lambda m: m.start)
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(ordered)
            if a.person is not b.person
            and a.end <= b.start
            and COORDINATED.match(text[a.end : b.start])
        ]
        self._counterpart_titles(text, ordered, pairs)
        for a, b in pairs:  # forward: "included A, B and C"
            if b.cue is None and a.cue is not None:
                b.cue = a.cue
                upgrade_cue(b.person, a.cue)
        for a, b in reversed(pairs):  # backward: "A, B and C co-chaired", "A and B attended"
            if a.cue is None and b.cue is not None:
                a.cue = b.cue
                upgrade_cue(a.person, b.cue)

    def core_office(self, title: str | None) -> str | None:
        """The last office of a compound title, the one a counterpart shares: "Deputy Prime
        Minister and Minister of Foreign Affairs" -> "Minister of Foreign Affairs"."""
        if title is None:
            return None
        parts = OFFICE_BREAK.split(title)  # office, separator, office, ...
        offices = [parts[0]]
        for sep, part in zip(parts[1::2], parts[2::2], strict=True):
            if any(w in self.vocab.title_heads for w in part.split()):
                offices.append(part)
            else:  # "Minister of Foreign Affairs and International Cooperation"
                offices[-1] += sep + part
        return offices[-1]

    def _counterpart_titles(
        self, text: str, ordered: list[Mention], pairs: list[tuple[Mention, Mention]]
    ) -> None:
        """A counterpart holds the same office: "Foreign Minister A received his counterpart
        B", "A hosted his counterparts, B and C"."""
        copied: set[int] = set()
        for a, b in itertools.pairwise(ordered):
            between = text[a.end : b.start]
            if COUNTERPART.search(between) and len(between) < 80 and b.person.title is None:
                b.person.title = self.core_office(a.person.title)
                copied.add(id(b.person))
        for a, b in pairs:
            if id(a.person) in copied and b.person.title is None:
                b.person.title = a.person.title
                copied.add(id(b.person))


def list_intro(text: str, start: int) -> str | None:
    """The line that opens the list whose item starts at ``start`` ("The delegation
    included:"), without its colon; None when the item is in no such list."""
    line_start = text.rfind("\n", 0, start) + 1
    if not BULLET.fullmatch(text, line_start, start):
        return None
    end = line_start - 1
    for _ in range(LIST_LINES):
        if end <= 0:
            return None
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        end = begin - 1
        if not line or ITEM.match(line):
            continue  # a blank line or another item
        return line[:-1] if line.endswith(":") else None
    return None


def delegation_country(
    text: str, sent: Span, start_char: int, places: Sequence[PlaceMention]
) -> str | None:
    """The side a person stands for when "the Kazakh side was represented by ..." says it."""
    breaks = [m.end() + sent.start_char for m in CLAUSE_BREAK.finditer(sent.text)]
    clause_start = max([sent.start_char, *(b for b in breaks if b <= start_char)])
    for place in reversed(places):
        if not (clause_start <= place.start < start_char) or place.kind == "city":
            continue
        noun = SIDE_NOUN.match(text, place.end)
        if noun and SIDE_LINK.search(text[place.end : start_char]):
            return place.code
    return None


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())


def same_person(a: str, b: str) -> bool:
    """Whether two full names are one person written two ways."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb or fuzz.ratio(fa, fb) >= 85:
        return True
    wa, wb = fa.split(), fb.split()
    short, long_ = sorted((wa, wb), key=len)
    if len(short) >= 2 and long_[-len(short) :] == short:
        return True  # "Le Drian" is "Jean-Yves Le Drian"
    return wa[-1] == wb[-1] and wa[0][0] == wb[0][0] and (wa[0] in wb[0] or wb[0] in wa[0])


def merge_into(keep: PersonMention, other: PersonMention) -> None:
    """Fold ``other``'s mentions and what it says of the person into ``keep``; the fuller
    name ("Jean-Yves Le Drian" over "Le Drian") brings its title along."""
    keep.spans.extend(s for s in other.spans if s not in keep.spans)
    fuller = len(other.name.split()) > len(keep.name.split())
    if fuller:
        keep.name = other.name
    for attr in ("title", "title_span", "organization", "country"):
        if getattr(keep, attr) is None or (fuller and getattr(other, attr) is not None):
            setattr(keep, attr, getattr(other, attr))
    upgrade_cue(keep, other.role_cue)


def surname_owner(word: str, people: list[PersonMention]) -> PersonMention | None:
    """The one person whose name has this word (or a close spelling of it), if unique."""
    folded = _fold(word)
    exact = [p for p in people if folded in _fold(p.name).split()]
    if len(exact) == 1:
        return exact[0]
    if exact or len(folded) < 5:
        return None
    close = [p for p in people if any(fuzz.ratio(folded, w) >= 85 for w in _fold(p.name).split())]
    return close[0] if len(close) == 1 else None
