"""Who took part: the people whose mentions report them in the meeting, not talked about.

A person takes part when a mention of them (the name with its title) sits in a sentence about
the meeting and is not a reference to another event ("agreements reached during the visits
of President X"), reported speech ("he noted that ... President Y") or someone's policy
("President Z's reforms"). People met only in a separate meeting during a visit ("also
called on President W") are left to that meeting when their side has another participant.
"""

from __future__ import annotations

import re

from bilateral.extraction.assembly.context import Context, Sentence
from bilateral.extraction.extensions import PersonMention
from bilateral.extraction.vocabulary import participation_vocabulary

PARTICIPATION = re.compile(
    r"\b(delegation|met|meet|meets|meeting|talks|consultations|dialogue|led|headed|chaired|"
    r"co-chaired|chairmanship|co-chairmanship|participated|attended|included|comprised|visit|"
    r"visited|welcomed|hosted|received|counterparts?|conversation|call|negotiations|"
    r"discussed|held|interlocutors|signed|witnessed|took\s+part|take\s+part|takes\s+part|"
    r"taking\s+part|participating|joined|present)\b",
    re.IGNORECASE,
)
SPEECH_AFTER = re.compile(
    r"^\s*(?:,[^,]{0,80},\s*)?(?:also\s+)?(?:said|says|noted|stated|stressed|emphasi[sz]ed|"
    r"highlighted|underlined|underscored|added|expressed|thanked|told|reiterated|"
    r"congratulated|invited|briefed|informed|welcomed|called|pointed|assured|proposed)\b"
)
SPEECH_BEFORE = re.compile(r"\b(?:said|noted|stated|added|stressed|emphasi[sz]ed)\s*$")
CLAUSE_MARK = re.compile(r"[,;:(]")
QUOTE = re.compile(r"[«“]")
UNQUOTE = re.compile(r"[»”]")


def _words(text: str) -> set[str]:
    return set(re.sub(r"[^\w\s]", " ", text.lower()).split())


def name_mentions(text: str, person: PersonMention) -> list[tuple[int, int, int]]:
    """Each mention of the person by name, as (start of its title, start, end)."""
    words = _words(person.name)
    names = [(a, b) for a, b in person.spans if _words(text[a:b]) <= words]
    titles = [(a, b) for a, b in person.spans if (a, b) not in names]
    return [(min([s for s, e in titles if e <= a and a - e <= 6] + [a]), a, b) for a, b in names]


def mention_state(
    ctx: Context, text: str, mention: tuple[int, int, int], sents: list[Sentence]
) -> str:
    """ "out" (not in these sentences), "talked" (talked about), "active" or "plain"."""
    outer, start, end = mention
    sent = ctx.sentence_at(start, sents)
    if sent is None:
        return "out"
    vocab = participation_vocabulary()
    head = text[sent.start : outer]
    marks = list(CLAUSE_MARK.finditer(head))
    clause = head[marks[-1].end() :] if marks else head
    quoted = len(QUOTE.findall(head)) > len(UNQUOTE.findall(head)) or head.count('"') % 2 == 1
    if (
        vocab.other_event.search(clause)
        or vocab.reported.search(head)
        or quoted
        or vocab.possessed.match(text[end : end + 40])
    ):
        return "talked"
    after = text[end : end + 120]
    if SPEECH_AFTER.match(after) or SPEECH_BEFORE.search(head) or PARTICIPATION.search(sent.text):
        return "active"
    return "plain"


def select_participants(ctx: Context, sents: list[Sentence]) -> list[PersonMention]:
    """People with a mention that takes part in the meeting the sentences report."""
    keep: list[PersonMention] = []
    side: list[PersonMention] = []
    vocab = participation_vocabulary()
    text = ctx.text
    for person in ctx.doc._.people or []:
        states = [(mention_state(ctx, text, m, sents), m[1]) for m in name_mentions(text, person)]
        taking = [start for state, start in states if state == "active"]
        if person.role_cue:
            taking += [start for state, start in states if state == "plain"]
        if not taking:
            continue
        sentences = [ctx.sentence_at(start, sents) for start in taking]
        if all(s is not None and vocab.side_meeting.search(s.text) for s in sentences):
            side.append(person)
        else:
            keep.append(person)
    return keep + [p for p in side if not _represented(p, keep)]


def _represented(person: PersonMention, others: list[PersonMention]) -> bool:
    """Whether the person's side may already have someone else taking part."""
    countries = {o.country for o in others}
    if len(others) < 2:
        return False
    return person.country in countries or None in countries or len(countries) >= 2
