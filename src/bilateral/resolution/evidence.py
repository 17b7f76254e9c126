"""Sentences of later documents that show a commitment carried out.

What a commitment promises is :class:`Sought`: the words that name it and the verbs that
would report it done. An agreement is carried out when a later sentence says it was signed
(concluded, inked, ratified) and names it with at least half of the same words; an action
only when a later sentence reports its very verb done ("open a consulate" -> "opened") with
nearly all of its words. Sentences that only look forward ("are preparing to sign", "is
expected to be signed", "will open") are never evidence, and vague actions ("continue",
"strengthen", "further ...") are never sought.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilateral.records import Span
from bilateral.resolution.mechanism_names import content_words, tokens, wordset

#: Past forms that report something done, and the verb each is a form of.
PAST_FORMS: dict[str, str] = {
    "signed": "sign", "inked": "sign", "concluded": "sign", "ratified": "sign",
    "initialled": "sign", "initialed": "sign", "opened": "open", "launched": "launch",
    "established": "establish", "completed": "complete", "adopted": "adopt", "held": "hold",
    "doubled": "double", "introduced": "introduce", "approved": "approve",
    "implemented": "implement", "created": "create", "started": "start", "began": "start",
    "allocated": "allocate", "delivered": "deliver", "unveiled": "unveil",
    "inaugurated": "inaugurate", "abolished": "abolish", "lifted": "lift",
    "simplified": "simplify", "resumed": "resume", "built": "build",
}  # fmt: skip
#: Words that make a following past form a plan, not a fact ("to be signed", "will sign").
NOT_YET = wordset(
    "to will would shall be being preparing prepare plan plans planned expected expect expects "
    "intend intends ready could should may might must not yet soon hope hopes"
)
#: Words of a commitment that say how or when, not what (left out of what must match).
AGREEMENT_FILLERS = wordset(
    "sign signing signature conclude concluding conclusion early earliest swiftly swift reach "
    "work prepare steadily domestic procedure bring force possible soon year draft text "
    "finalize finalise complete expedite negotiation negotiate ratify ratification"
)
#: Words every agreement shares: an overlap of only these says nothing.
GENERIC_AGREEMENT_WORDS = wordset(
    "agreement cooperation memorandum understanding treaty accord protocol document mou "
    "convention declaration"
)
_TYPE_WORDS = re.compile(
    r"Agreement|Treaty|Memorandum|Convention|Protocol|Accord|Charter|Declaration|Roadmap|"
    r"Programme|Program|Plan"
)
_NAMED = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:on|of|and|for|the|in)\s+)*[A-Z][\w'-]*)*")
_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s|$)|[;\n]")
_ABBREVIATIONS = wordset("mr mrs ms dr st no gen lt col sen rep prof jr sr inc co ltd vs etc")


@dataclass(frozen=True)
class Sought:
    """What would show a commitment carried out.

    A sentence shows it when it reports one of ``verbs`` done and holds at least ``share`` of
    ``words``, one of them not in ``generic``.
    """

    words: frozenset[str]
    verbs: frozenset[str]
    share: float
    generic: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Sentence:
    """A sentence, its span, its content words and the verbs it reports done."""

    text: str
    start: int
    end: int
    words: frozenset[str]
    done: frozenset[str]

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end)


class Text:
    """A document's text, read once: its content words and verbs done at once (to rule the
    document out cheaply), its sentences only when asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = content_words(text)
        self.verbs = frozenset(PAST_FORMS[w] for w in tokens(text) if w in PAST_FORMS)
        self._sentences: tuple[Sentence, ...] | None = None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences


@dataclass(frozen=True)
class Evidence:
    """A sentence that shows a commitment carried out, and how strongly (0-1)."""

    sentence: Sentence
    strength: float


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` with their spans (``U.S.`` does not end one; a semicolon
    does, so that one clause cannot lend its verb to another)."""
    out: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() not in (";", "\n") and _continues(text, match.start(), end):
            continue
        out += _sentence(text, start, end)
        start = end
    return tuple(out + _sentence(text, start, len(text)))


def _continues(text: str, stop: int, end: int) -> bool:
    """True when the full stop at ``stop`` ends an abbreviation, or lower case follows."""
    before = re.search(r"(\w+)$", text[max(0, stop - 12) : stop])
    if before and (len(before.group(1)) == 1 or before.group(1).lower() in _ABBREVIATIONS):
        return True
    after = text[end : end + 3].lstrip()
    return bool(after) and after[0].islower()


def _sentence(text: str, start: int, end: int) -> list[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    begin = start + len(piece) - len(piece.lstrip())
    end = begin + len(stripped)
    return [Sentence(stripped, begin, end, content_words(stripped), verbs_done(stripped))]


def verbs_done(sentence: str) -> frozenset[str]:
    """The verbs ``sentence`` reports done as a fact, not as a plan ("to be signed")."""
    words = tokens(sentence)
    return frozenset(
        PAST_FORMS[word]
        for i, word in enumerate(words)
        if word in PAST_FORMS and NOT_YET.isdisjoint(words[max(0, i - 3) : i])
    )


def agreement_sought(text: str, parties: Sequence[str]) -> Sought:
    """An agreement is named by its Title Case name if it has one, else by the commitment's
    words (less those that say how or when); it is carried out when signed."""
    named = [m.group() for m in _NAMED.finditer(text) if _TYPE_WORDS.search(m.group())]
    words = content_words(" ".join(named) if named else text, parties) - AGREEMENT_FILLERS
    if len(words) < 2:
        words = frozenset()
    return Sought(words, frozenset({"sign"}), 0.5, GENERIC_AGREEMENT_WORDS)


def action_sought(text: str, parties: Sequence[str]) -> Sought:
    """An action starting with a verb that a past form can report done ("open", "launch")
    is sought by that verb and its other words; any other action is not sought at all."""
    words = tokens(text)
    if not words or words[0] not in PAST_FORMS.values():
        return Sought(frozenset(), frozenset(), 1.0)
    rest = content_words(text, parties) - {words[0]}
    return Sought(rest if len(rest) >= 2 else frozenset(), frozenset({words[0]}), 0.8)


def find_evidence(text: Text, sought: Sought) -> Evidence | None:
    """The sentence of ``text`` that best shows ``sought`` carried out, if one does."""
    wanted = sought.words
    if not wanted or not wanted - sought.generic or text.verbs.isdisjoint(sought.verbs):
        return None
    if len(wanted & text.words) < sought.share * len(wanted):
        return None
    best: Evidence | None = None
    for sentence in text.sentences:
        shared = wanted & sentence.words
        if sentence.done.isdisjoint(sought.verbs) or not shared - sought.generic:
            continue
        strength = len(shared) / len(wanted)
        if strength >= sought.share and (best is None or strength > best.strength):
            best = Evidence(sentence, strength)
    return best
