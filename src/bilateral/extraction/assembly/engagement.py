"""Turn an annotated Doc into engagement records (the one place that knows the spec).

The components have found dates, places, people, formats, topics and commitments; the
assembly steps (:mod:`.kind`, :mod:`.when`, :mod:`.who`, :mod:`.what`) decide which of them
describe the meeting the document reports, each value with the spans it came from.
:mod:`.sides` decides which other reported meetings are engagements of their own.

A document whose body has no sentence reporting a meeting, visit or call that took place (a
notice, a briefing, a preview of a visit, an opinion piece) has no engagement. The main
meeting's lead is the first such sentence, passing over headline lines and sentences about
another time ("Last year, the ministers met in ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.assembly.formats import FormatMeeting, find_format_meetings
from bilateral.extraction.assembly.kind import choose_kind, choose_mechanism, keep_mechanism
from bilateral.extraction.assembly.sides import Side, SidePlan, plan_sides
from bilateral.extraction.assembly.what import build_commitments, choose_topics
from bilateral.extraction.assembly.when import choose_date, choose_venue, side_date, side_venue
from bilateral.extraction.assembly.who import assign_roles, choose_parties, select_participants
from bilateral.extraction.extensions import MechanismMention, PersonMention, SideMeeting
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.kinds import reports_held_meeting
from bilateral.extraction.organizations import infer_organization
from bilateral.extraction.side_meetings import about_another_time
from bilateral.records import Engagement, Organization, Participant

FINAL = re.compile(r"[.!?\"”»)]$")
HEADLINE_WORDS = 25


class Assembler:
    """Builds :class:`Engagement` records from one annotated Doc."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def engagements(self, doc: Doc, title: str | None = None) -> list[Engagement]:
        """The main meeting the document reports, then the meetings reported in passing."""
        ctx = Context.of(doc, self.gaz, title)
        body = [s for s in ctx.sentences if s.end > ctx.body]
        reporting = [s for s in body if reports_held_meeting(s.text)]
        if not reporting:
            return []  # only meetings to come: an announcement, a preview, an opinion
        reporting = [s for s in reporting if not _headline_like(s)]
        if not reporting:
            return []  # only a headline speaks of a meeting: a notice about travel, a list
        reporting = [s for s in reporting if not about_another_time(s.text)] or reporting
        plan = plan_sides(ctx, list(doc._.side_meetings or []), reporting[0])
        lead = [s for s in reporting if s.start not in plan.side_sentence_starts()][:2]
        formats = find_format_meetings(ctx, body, lead, choose_mechanism(ctx, lead))
        apart = {start for f in formats for start in f.starts()}
        plan.drop_sentences(apart)
        aside = plan.side_sentence_starts() | apart
        main_sents = [s for s in body if s.start not in aside]
        meeting_sents = [s for s in reporting if s.start not in aside]
        main = self._main(ctx, main_sents, meeting_sents, plan)
        return [
            main,
            *(self._format(ctx, f) for f in formats),
            *(self._side(ctx, side, main) for side in plan.sides),
        ]

    def _main(
        self, ctx: Context, sents: list[Sentence], meeting_sents: list[Sentence], plan: SidePlan
    ) -> Engagement:
        lead = meeting_sents[:2]
        prov: Provenance = {}
        mech = choose_mechanism(ctx, lead)
        kind = choose_kind(lead, mech, prov, headline=_headline(ctx), body=sents)
        mech = keep_mechanism(kind, mech, prov)
        people = _without_side_counterparts(select_participants(ctx, sents), sents, plan)
        return _record(ctx, Reported(sents, lead, meeting_sents), people, kind, mech, prov)

    def _format(self, ctx: Context, meeting: FormatMeeting) -> Engagement:
        """A format's meeting reported after the main one: the format's kind, its people."""
        m = meeting.mention
        prov: Provenance = {"kind": [span(m.start, m.end)]}
        mech = keep_mechanism(m.kind, m, prov)
        people = select_participants(ctx, meeting.sentences)
        said = Reported(meeting.sentences, meeting.sentences[:2], meeting.setting)
        return _record(ctx, said, people, m.kind, mech, prov)

    def _side(self, ctx: Context, side: Side, main: Engagement) -> Engagement:
        """A meeting in passing: its own people or bodies, the main meeting's day or month."""
        meeting, sent = side.meeting, side.sentences[0]
        prov: Provenance = {"kind": [span(*(meeting.cue or (meeting.start, meeting.end)))]}
        met = _person(ctx, meeting.counterpart)
        participants, parties = _side_people(ctx, meeting, met, main)
        city, country = side_venue(ctx, sent, main)
        return Engagement(
            kind=side.kind,
            date=side_date(ctx, sent, main),
            city=city,
            country=country,
            parties=parties,
            participants=participants,
            organizations=_organizations(ctx, meeting),
            topics=choose_topics(ctx, side.sentences, [met] if met else [], prov),
            provenance=prov,
        )


@dataclass(frozen=True)
class Reported:
    """The sentences about one meeting: all of them, its lead, and those that date it."""

    sents: list[Sentence]
    lead: list[Sentence]
    when: list[Sentence]


def _record(
    ctx: Context,
    said: Reported,
    people: list[PersonMention],
    kind: str,
    mech: MechanismMention | None,
    prov: Provenance,
) -> Engagement:
    """An engagement of the given kind and format, from the sentences that report it."""
    date, date_end = choose_date(ctx, said.when, prov)
    city, country = choose_venue(ctx, said.when[:3], prov)
    parties = choose_parties(ctx, said.lead, people, prov)
    participants = assign_roles(ctx, people, parties)
    return Engagement(
        kind=kind,
        mechanism=mech.name if mech else None,
        mechanism_short=mech.short if mech else None,
        round=mech.round if mech else None,
        date=date,
        date_end=date_end,
        city=city,
        country=country,
        parties=parties,
        participants=participants,
        topics=choose_topics(ctx, said.sents, people, prov),
        commitments=build_commitments(ctx, said.sents, parties, participants),
        provenance=prov,
    )


def _headline_like(sent: Sentence) -> bool:
    """A line of its own without final punctuation: a headline the dateline did not set off."""
    line = sent.text.strip()
    return (
        sent.text.rstrip(" \t").endswith("\n")
        and not FINAL.search(line)
        and len(line.split()) <= HEADLINE_WORDS
    )


def _headline(ctx: Context) -> str:
    """The document's title and whatever precedes its dateline."""
    return f"{ctx.title or ''}\n{ctx.text[: ctx.body]}"


def _without_side_counterparts(
    people: list[PersonMention], sents: list[Sentence], plan: SidePlan
) -> list[PersonMention]:
    """The main meeting's people, less those met only in a side meeting."""
    aside = plan.side_counterparts()
    return [
        p
        for p in people
        if p.name not in aside or any(in_any(a, sents) for a, _ in [(p.start, p.end), *p.spans])
    ]


def _person(ctx: Context, name: str | None) -> PersonMention | None:
    return next((p for p in ctx.doc._.people or [] if p.name == name), None) if name else None


def _side_people(
    ctx: Context, meeting: SideMeeting, met: PersonMention | None, main: Engagement
) -> tuple[list[Participant], list[str]]:
    """The visitor's head and the person met (both heads), and the sides they stand for."""
    if met is None:
        return _body_meeting(meeting, main)
    guest = _guest(meeting, met, main)
    country = met.country or _other_side(main, guest.country if guest else None)
    out = [guest.model_copy(update={"role": "head"})] if guest else []
    organization = met.organization or (
        infer_organization(met.title, country, ctx.gaz) if met.title else None
    )
    out.append(
        Participant(
            name=met.name,
            title=met.title,
            organization=organization,
            country=country,
            role="head",
            spans=[span(a, b) for a, b in met.spans],
        )
    )
    sides = sorted({p.country for p in out if p.country})
    return out, sides if len(sides) >= 2 else list(main.parties)


def _body_meeting(meeting: SideMeeting, main: Engagement) -> tuple[list[Participant], list[str]]:
    """A meeting with bodies: the guest named in its sentence, else ("He toured ...") the
    head of the visiting side; as sides the delegation (or the visiting side) and the
    government met."""
    named = next((p for p in main.participants if p.name == meeting.guest), None)
    holder = meeting.delegation or (named.country if named else None)
    holder = holder or _other_side(main, main.country)
    sides = sorted({c for c in (holder, meeting.government) if c})
    if named is None and meeting.guest is None and not meeting.delegation:
        named = next(
            (p for p in main.participants if p.role == "head" and p.country == holder), None
        )
    out = [named.model_copy(update={"role": "head"})] if named else []
    return out, sides or list(main.parties)


def _guest(meeting: SideMeeting, met: PersonMention, main: Engagement) -> Participant | None:
    """Who met the person: named in the sentence, else the head of the other (or the
    visiting) side of the main meeting, else its first head (the lead's subject)."""
    heads = [p for p in main.participants if p.role == "head" and p.name != met.name]
    named = next((p for p in main.participants if p.name == meeting.guest), None)
    if named is not None:
        return named
    if meeting.delegation:
        return next((p for p in heads if p.country == meeting.delegation), None)
    host = met.country or main.country
    other = next((p for p in heads if p.country and p.country != host), None)
    return other or next(iter(heads), None)


def _other_side(main: Engagement, country: str | None) -> str | None:
    """In a bilateral, the side that is not ``country``."""
    others = [c for c in main.parties if c != country]
    return others[0] if country and len(others) == 1 else None


def _organizations(ctx: Context, meeting: SideMeeting) -> list[Organization]:
    return [
        Organization(name=name, country=_org_country(ctx, meeting, start), spans=[span(start, end)])
        for name, start, end in meeting.organizations
    ]


def _org_country(ctx: Context, meeting: SideMeeting, org_start: int) -> str | None:
    """ "the American NGO “X”": a demonym just before the name gives its country."""
    before = [p for p in ctx.places if meeting.start <= p.start < org_start and p.kind == "demonym"]
    return before[-1].code if before and org_start - before[-1].end < 12 else None
