"""Meetings besides the main one: which reported meetings are engagements of their own.

The side-meetings component reports every sentence that says someone met someone. Those
about the main meeting (its first sentence, or a person already in it) are absorbed into
it; when the main meeting's first sentence names no counterpart, the first meeting with a
peer of the visitor (or the first meeting at all) is the main one ("Mondino then held talks
with Foreign Minister Vieira"). The others become engagements of kind ``meeting``; so
does a meeting of two members of a multilateral one ("attended the C5+1 ministerial ...
He met with the Foreign Minister"), of kind ``visit`` when the text calls it one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bilateral.extraction.assembly.context import Context, Sentence
from bilateral.extraction.assembly.who import select_participants
from bilateral.extraction.extensions import PersonMention, SideMeeting
from bilateral.extraction.kinds import kind_from_text, says_multilateral
from bilateral.extraction.side_meetings import returns_to_main
from bilateral.records import EngagementKind

MULTILATERAL = 3
"""A meeting whose first sentence names this many sides is multilateral."""
TITLE_MODIFIERS = frozenset(
    {"of", "the", "and", "for", "deputy", "vice", "first", "acting", "senior", "-", "–", "state"}
)


@dataclass
class Side:
    """A separate meeting and the sentences that report it."""

    meeting: SideMeeting
    sentences: list[Sentence] = field(default_factory=list)
    kind: EngagementKind = "meeting"


@dataclass
class SidePlan:
    """The document's side meetings, and the candidates that report the main meeting."""

    sides: list[Side] = field(default_factory=list)
    absorbed: list[SideMeeting] = field(default_factory=list)

    def side_sentence_starts(self) -> set[int]:
        return {s.start for side in self.sides for s in side.sentences}

    def drop_sentences(self, starts: set[int]) -> None:
        """Drop the side meetings reported in these sentences (another engagement's)."""
        self.sides = [s for s in self.sides if s.meeting.start not in starts]

    def side_counterparts(self) -> set[str]:
        return {s.meeting.counterpart for s in self.sides if s.meeting.counterpart}


def plan_sides(ctx: Context, candidates: list[SideMeeting], first: Sentence) -> SidePlan:
    """Split the reported meetings into the main one's and separate ones (see module doc)."""
    plan = SidePlan()
    body = [c for c in candidates if c.end > ctx.body]
    plan.absorbed = [c for c in body if c.start == first.start]
    lead_people = select_participants(ctx, [first])
    main_names = {p.name for p in lead_people} | {
        c.counterpart for c in plan.absorbed if c.counterpart
    }
    pending = [c for c in body if c.start != first.start]
    if len(main_names) == 1:  # the visitor alone: whom they came to see is reported later
        pick = _main_counterpart(ctx, pending, lead_people[0] if lead_people else None)
        if pick is not None:
            plan.absorbed.append(pick)
            main_names.add(pick.counterpart or "")
    multilateral = _countries_in(ctx, first) >= MULTILATERAL or says_multilateral(first.text)
    for c in pending:
        if c in plan.absorbed or any(_same_person(c, s.meeting) for s in plan.sides):
            continue
        if c.counterpart not in main_names:
            plan.sides.append(Side(_with_guest(ctx, c, plan)))
        elif multilateral:  # two members of a multilateral meeting also met bilaterally
            plan.sides.append(Side(_with_guest(ctx, c, plan), kind=_kind_near(ctx, c)))
        else:
            plan.absorbed.append(c)
    _attach_sentences(ctx, plan, first)
    return plan


def _same_person(a: SideMeeting, b: SideMeeting) -> bool:
    return a.counterpart is not None and a.counterpart == b.counterpart


def _countries_in(ctx: Context, sentence: Sentence) -> int:
    """How many sides a sentence names (countries, demonyms, organizations)."""
    return len({p.code for p in ctx.places if sentence.holds(p.start) and p.kind != "city"})


def _kind_near(ctx: Context, meeting: SideMeeting) -> EngagementKind:
    """ "Blinken made his first visit to Kazakhstan. He met with ...": a visit, if its
    sentence or the one before it in the paragraph says so; else a meeting."""
    i = next((k for k, s in enumerate(ctx.sentences) if s.start == meeting.start), 0)
    near = ctx.sentences[max(0, i - 1) : i + 1]
    if len(near) == 2 and "\n" in ctx.text[near[0].start : near[1].start]:
        near = near[1:]
    cues = [kind_from_text(s.text) for s in near]
    return "visit" if any(c and c[0] == "visit" for c in cues) else "meeting"


def _with_guest(ctx: Context, meeting: SideMeeting, plan: SidePlan) -> SideMeeting:
    """ "He later met X": the guest is the one of the meeting reported just before."""
    if meeting.guest or not plan.sides:
        return meeting
    before = plan.sides[-1].meeting
    gap = ctx.text[before.end : meeting.start]
    if before.guest and (before.start == meeting.start or "\n" not in gap):
        return replace(meeting, guest=before.guest)
    return meeting


def _main_counterpart(
    ctx: Context, pending: list[SideMeeting], guest: PersonMention | None
) -> SideMeeting | None:
    """The meeting that is the visit's main one: with the visitor's peer, else the first."""
    with_people = [c for c in pending if c.counterpart]
    if not with_people:
        return None
    people = {p.name: p for p in ctx.doc._.people or []}
    for c in with_people:
        met = people.get(c.counterpart or "")
        if guest is not None and met is not None and is_peer(guest.title, met.title):
            return c
    return with_people[0]


def is_peer(a: str | None, b: str | None) -> bool:
    """Two titles of the same rank or portfolio ("Foreign Secretary", "Foreign Minister")."""
    if not a or not b:
        return False
    wa = {w.lower() for w in a.replace("-", " ").split()} - TITLE_MODIFIERS
    wb = {w.lower() for w in b.replace("-", " ").split()} - TITLE_MODIFIERS
    return bool(wa & wb)


def _attach_sentences(ctx: Context, plan: SidePlan, first: Sentence) -> None:
    """Each side meeting's sentence, and those after it in its paragraph that go on about it."""
    reported = {c.start for c in plan.absorbed} | {s.meeting.start for s in plan.sides}
    reported.add(first.start)
    for side in plan.sides:
        i = next((k for k, s in enumerate(ctx.sentences) if s.start == side.meeting.start), None)
        if i is None:
            continue
        side.sentences.append(ctx.sentences[i])
        for sent in ctx.sentences[i + 1 :]:
            if (
                "\n" in ctx.text[side.sentences[-1].start : sent.start]
                or sent.start in reported
                or returns_to_main(sent.text)
            ):
                break
            side.sentences.append(sent)
