"""Turn an annotated Doc into engagement records (the one place that knows the spec).

The components have found dates, places, people, formats, topics and commitments; the
assembly steps (:mod:`.kind`, :mod:`.when`, :mod:`.who`, :mod:`.what`) decide which of them
describe the meeting the document reports, each value with the spans it came from.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, span
from bilateral.extraction.assembly.kind import choose_kind, choose_mechanism, keep_mechanism
from bilateral.extraction.assembly.what import build_commitments, choose_topics
from bilateral.extraction.assembly.when import choose_date, choose_venue
from bilateral.extraction.assembly.who import assign_roles, choose_parties, select_participants
from bilateral.extraction.extensions import SideMeeting
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.records import Engagement, Organization

MEETING_CUE = re.compile(
    r"\b(met|meets|meeting|held|hold|holds|talks|consultations|dialogue|visit(?:ed|s)?|"
    r"conversation|call|hosted|hosts|welcomed|received|co-chaired|chaired|convened|"
    r"took place|conducted|summit|session|round|discussed|negotiations)\b",
    re.IGNORECASE,
)


class Assembler:
    """Builds :class:`Engagement` records from one annotated Doc."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def engagements(self, doc: Doc, title: str | None = None) -> list[Engagement]:
        ctx = Context.of(doc, self.gaz, title)
        side = list(doc._.side_meetings or [])
        main_sents = [
            s
            for s in ctx.sentences
            if s.end > ctx.body and not any(m.start <= s.start < m.end for m in side)
        ]
        meeting_sents = [s for s in main_sents if MEETING_CUE.search(s.text)]
        if not meeting_sents:
            return []
        main = self._main(ctx, main_sents, meeting_sents)
        return [main, *(self._side(ctx, m, main) for m in side)]

    def _main(
        self, ctx: Context, sents: list[Sentence], meeting_sents: list[Sentence]
    ) -> Engagement:
        lead = meeting_sents[:2]
        prov: Provenance = {}
        mech = choose_mechanism(ctx, lead)
        kind = choose_kind(lead, mech, prov)
        mech = keep_mechanism(kind, mech, prov)
        date, date_end = choose_date(ctx, meeting_sents, prov)
        city, country = choose_venue(ctx, meeting_sents[:3], prov)
        people = select_participants(ctx, sents)
        parties = choose_parties(ctx, lead, people, prov)
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
            topics=choose_topics(ctx, sents, people, prov),
            commitments=build_commitments(ctx, sents, parties, participants),
            provenance=prov,
        )

    def _side(self, ctx: Context, meeting: SideMeeting, main: Engagement) -> Engagement:
        """A side meeting: same date and venue country as the main one, its own topics."""
        orgs = [
            Organization(
                name=name, country=_org_country(ctx, meeting, start), spans=[span(start, end)]
            )
            for name, start, end in meeting.organizations
        ]
        prov: Provenance = {"kind": [span(meeting.start, meeting.end)]}
        sentence = Sentence(meeting.start, meeting.end, ctx.text[meeting.start : meeting.end])
        return Engagement(
            kind="meeting",
            date=main.date,
            country=main.country,
            parties=[meeting.delegation] if meeting.delegation else list(main.parties),
            organizations=orgs,
            topics=choose_topics(ctx, [sentence], [], prov),
            provenance=prov,
        )


def _org_country(ctx: Context, meeting: SideMeeting, org_start: int) -> str | None:
    """ "the American NGO “X”": a demonym just before the name gives its country."""
    before = [p for p in ctx.places if meeting.start <= p.start < org_start and p.kind == "demonym"]
    return before[-1].code if before and org_start - before[-1].end < 12 else None
