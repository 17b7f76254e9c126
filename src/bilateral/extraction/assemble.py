"""Turn an annotated Doc into engagement records (the one place that knows the spec).

The components have found dates, places, people, formats, topics and commitments; here we
decide which of them describe the meeting the document reports: its kind, date, venue,
sides, delegations, topics and follow-ups, each with the spans it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from bilateral.extraction.commitments import CommitmentSpan
from bilateral.extraction.dates import resolve_year_phrase
from bilateral.extraction.extensions import (
    DateMention,
    MechanismMention,
    PersonMention,
    PlaceMention,
    SideMeeting,
    published_of,
)
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.mechanisms import kind_from_text
from bilateral.extraction.organizations import infer_organization
from bilateral.records import Commitment, Engagement, Organization, Participant, Span

MEETING_CUE = re.compile(
    r"\b(met|meets|meeting|held|hold|holds|talks|consultations|dialogue|visit(?:ed|s)?|"
    r"conversation|call|hosted|hosts|welcomed|received|co-chaired|chaired|convened|"
    r"took place|conducted|summit|session|round|discussed|negotiations)\b",
    re.IGNORECASE,
)
ALL_SIDES = re.compile(
    r"\b(both|the (?:two )?sides|the parties|the delegations|they|the leaders|the ministers|"
    r"the two countries|the countries|together)\b",
    re.IGNORECASE,
)
PARTICIPATION = re.compile(
    r"\b(delegation|met|meeting|talks|consultations|dialogue|led|headed|chaired|co-chaired|"
    r"participated|attended|included|comprised|visit|welcomed|hosted|received|counterpart|"
    r"conversation|call)\b",
    re.IGNORECASE,
)
CAPITAL_OF = re.compile(r"\bin the (?P<adj>[A-Z][\w\-]+) capital\b")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


class Assembler:
    """Builds :class:`Engagement` records from one annotated Doc."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def engagements(self, doc: Doc, title: str | None = None) -> list[Engagement]:
        body = doc._.dateline_end or 0
        sentences = [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
        side = list(doc._.side_meetings or [])
        side_ranges = [(m.start, m.end) for m in side]
        main_sents = [
            s for s in sentences
            if s.end > body and not any(a <= s.start < b for a, b in side_ranges)
        ]  # fmt: skip
        meeting_sents = [s for s in main_sents if MEETING_CUE.search(s.text)]
        if not meeting_sents:
            return []
        main = self._main(doc, main_sents, meeting_sents, body, title)
        return [main, *(self._side(doc, m, main) for m in side)]

    # -- main engagement ---------------------------------------------------------------

    def _main(
        self,
        doc: Doc,
        sents: list[Sentence],
        meeting_sents: list[Sentence],
        body: int,
        title: str | None,
    ) -> Engagement:
        lead = meeting_sents[:2]
        prov: dict[str, list[Span]] = {}
        mech = self._mechanism(doc, lead, body)
        kind = self._kind(doc, lead, mech, prov)
        if mech and kind in ("dialogue", "consultations", "working_group", "summit"):
            prov["mechanism"] = [Span(start=mech.start, end=mech.end)]
            if mech.round_span:
                prov["round"] = [Span(start=mech.round_span[0], end=mech.round_span[1])]
        else:
            mech = None
        date, date_end = self._date(doc, meeting_sents, body, prov)
        city, country = self._venue(doc, meeting_sents[:3], body, prov)
        people = self._participants(doc, sents)
        parties = self._parties(doc, lead, people, prov)
        participants = self._roles(people, parties)
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
            organizations=[],
            topics=self._topics(doc, sents, people, prov),
            commitments=self._commitments(doc, sents, parties, participants),
            provenance=prov,
        )

    def _mechanism(self, doc: Doc, lead: list[Sentence], body: int) -> MechanismMention | None:
        mentions: list[MechanismMention] = list(doc._.mechanisms or [])
        in_lead = [m for m in mentions if any(s.start <= m.start < s.end for s in lead)]
        early = [m for m in mentions if m.start < (lead[-1].end if lead else body)]
        pool = in_lead or early
        if not pool:
            return None
        best = max(pool, key=lambda m: (m.short is not None, len(m.name.split()), -m.start))
        if best.short is None:
            short = next((m.short for m in mentions if m.short and m.name == best.name), None)
            if short:
                best = MechanismMention(best.start, best.end, best.name, short, best.kind,
                                        best.round, best.round_span)  # fmt: skip
        if best.round is None:
            counted = next((m for m in pool if m.round is not None), None)
            if counted:
                best = MechanismMention(best.start, best.end, best.name, best.short, best.kind,
                                        counted.round, counted.round_span)  # fmt: skip
        return best

    def _kind(
        self,
        doc: Doc,
        lead: list[Sentence],
        mech: MechanismMention | None,
        prov: dict[str, list[Span]],
    ) -> str:
        for sent in lead:
            cue = kind_from_text(sent.text)
            if cue and cue[0] == "call":
                prov["kind"] = [Span(start=sent.start + cue[1][0], end=sent.start + cue[1][1])]
                return "call"
        if mech and mech.kind != "meeting":
            prov["kind"] = [Span(start=mech.start, end=mech.end)]
            return mech.kind
        for sent in lead:
            cue = kind_from_text(sent.text)
            if cue:
                prov["kind"] = [Span(start=sent.start + cue[1][0], end=sent.start + cue[1][1])]
                return cue[0]
        return "meeting"

    # -- when and where ----------------------------------------------------------------

    def _date(
        self, doc: Doc, sents: list[Sentence], body: int, prov: dict[str, list[Span]]
    ) -> tuple[str | None, str | None]:
        dates: list[DateMention] = [d for d in doc._.dates or [] if d.start >= body]
        for sent in sents:
            here = [d for d in dates if sent.start <= d.start < sent.end and d.precision != "year"]
            if here:
                best = min(here, key=lambda d: (d.precision != "day", d.start))
                prov["date"] = [Span(start=best.start, end=best.end)]
                return best.value, best.end_value
        published = published_of(doc)
        if published is not None:
            return f"{published.year:04d}-{published.month:02d}", None
        return None, None

    def _venue(
        self, doc: Doc, sents: list[Sentence], body: int, prov: dict[str, list[Span]]
    ) -> tuple[str | None, str | None]:
        places: list[PlaceMention] = doc._.places or []
        for sent in sents:
            for place in places:
                if (
                    place.kind == "city"
                    and sent.start <= place.start < sent.end
                    and place.start >= body
                ):
                    before = doc.text[max(sent.start, place.start - 12) : place.start].lower()
                    if re.search(r"\b(in|to|at)\s+$", before) or doc.text[
                        place.end : place.end + 8
                    ].startswith((" host", " wel")):
                        prov["city"] = prov["country"] = [Span(start=place.start, end=place.end)]
                        return place.name, self.gaz.cities[
                            place.name
                        ].country if place.name in self.gaz.cities else place.code
            m = CAPITAL_OF.search(sent.text)
            if m and m.group("adj") in self.gaz.demonyms:
                code = self.gaz.demonyms[m.group("adj")]
                city = self._capital(code)
                prov["country"] = [Span(start=sent.start + m.start(), end=sent.start + m.end())]
                return city, code
        return None, None

    def _capital(self, code: str) -> str | None:
        for form, country in self.gaz.capitals.items():
            if country == code:
                city = self.gaz.cities.get(form)
                return city.name if city else form
        return None

    # -- who ---------------------------------------------------------------------------

    def _participants(self, doc: Doc, sents: list[Sentence]) -> list[PersonMention]:
        people: list[PersonMention] = doc._.people or []
        keep = []
        for person in people:
            sent = next((s for s in sents if s.start <= person.start < s.end), None)
            if person.role_cue or (sent and PARTICIPATION.search(sent.text)):
                keep.append(person)
        return keep

    def _parties(
        self,
        doc: Doc,
        lead: list[Sentence],
        people: list[PersonMention],
        prov: dict[str, list[Span]],
    ) -> list[str]:
        places: list[PlaceMention] = doc._.places or []
        spans: dict[str, list[Span]] = {}
        for place in places:
            if place.kind != "city" and any(s.start <= place.start < s.end for s in lead):
                spans.setdefault(place.code, []).append(Span(start=place.start, end=place.end))
        for person in people:
            if person.country and person.country not in spans:
                spans[person.country] = [Span(start=person.start, end=person.end)]
        if len(spans) > 2:
            freq = Counter(p.code for p in places if p.kind != "city")
            heads = {p.country for p in people if p.role_cue == "head" and p.country}
            ranked = sorted(spans, key=lambda c: (c not in heads, -freq[c]))
            spans = {c: spans[c] for c in ranked[: max(2, len(heads))]}
        for code, found in spans.items():
            prov[f"party:{code}"] = found
        return sorted(spans)

    def _fill_countries(self, people: list[PersonMention], parties: list[str]) -> None:
        """A person of unknown country belongs to the one side nobody else represents."""
        missing = [p for p in people if p.country is None]
        unrepresented = set(parties) - {p.country for p in people}
        if len(missing) == 1 and len(unrepresented) == 1:
            person = missing[0]
            person.country = unrepresented.pop()
            if person.organization is None and person.title:
                person.organization = infer_organization(person.title, person.country, self.gaz)

    def _roles(self, people: list[PersonMention], parties: list[str]) -> list[Participant]:
        self._fill_countries(people, parties)
        out = []
        headed: set[str | None] = {p.country for p in people if p.role_cue == "head"}
        for person in people:
            role = "member"
            if person.role_cue == "head":
                role = "head"
            elif person.country not in headed and (
                person.country in parties or person.country is None
            ):
                role = "head"
                headed.add(person.country)
            elif person.country and parties and person.country not in parties:
                role = "counterpart"
            out.append(
                Participant(
                    name=person.name,
                    title=person.title,
                    organization=person.organization,
                    country=person.country,
                    role=role,
                    spans=[Span(start=a, end=b) for a, b in person.spans],
                )
            )
        return out

    # -- what --------------------------------------------------------------------------

    def _topics(
        self,
        doc: Doc,
        sents: list[Sentence],
        people: list[PersonMention],
        prov: dict[str, list[Span]],
    ) -> list[str]:
        titles = [p.title_span for p in people if p.title_span]
        codes: dict[str, list[Span]] = {}
        for hit in doc._.topics or []:
            if any(a <= hit.start < b for a, b in titles):
                continue  # "Bureau of South and Central Asian Affairs" is not a topic
            if any(s.start <= hit.start < s.end for s in sents):
                codes.setdefault(hit.code, []).append(Span(start=hit.start, end=hit.end))
        for code, spans in codes.items():
            prov[f"topic:{code}"] = spans
        return sorted(codes)

    def _commitments(
        self,
        doc: Doc,
        sents: list[Sentence],
        parties: list[str],
        participants: Sequence[Participant],
    ) -> list[Commitment]:
        found: list[CommitmentSpan] = doc._.commitments or []
        out = []
        for c in found:
            sent = next((s for s in sents if s.start <= c.start < s.end), None)
            if sent is None:
                continue
            subject = doc.text[sent.start : c.cue_start]
            out.append(
                Commitment(
                    text=c.text,
                    by=self._committed(doc, subject, sent.start, parties, participants),
                    due=resolve_year_phrase(c.text, published_of(doc)),
                    kind=c.kind,
                    spans=[Span(start=c.start, end=c.end)],
                )
            )
        return out

    def _committed(
        self,
        doc: Doc,
        subject: str,
        offset: int,
        parties: list[str],
        participants: Sequence[Participant],
    ) -> list[str]:
        if ALL_SIDES.search(subject):
            return list(parties)
        places: list[PlaceMention] = doc._.places or []
        codes = {
            p.code for p in places
            if offset <= p.start < offset + len(subject) and p.code in parties and p.kind != "city"
        }  # fmt: skip
        for person in participants:
            surname = person.name.split()[-1]
            if person.country in parties and re.search(rf"\b{re.escape(surname)}\b", subject):
                codes.add(person.country)
        return sorted(codes) if codes else list(parties)

    # -- side meetings -----------------------------------------------------------------

    def _side(self, doc: Doc, meeting: SideMeeting, main: Engagement) -> Engagement:
        orgs = []
        for name, start, end in meeting.organizations:
            orgs.append(Organization(name=name, country=self._org_country(doc, meeting, start),
                                     spans=[Span(start=start, end=end)]))  # fmt: skip
        prov: dict[str, list[Span]] = {"kind": [Span(start=meeting.start, end=meeting.end)]}
        topics = []
        for hit in doc._.topics or []:
            if meeting.start <= hit.start < meeting.end and hit.code not in topics:
                topics.append(hit.code)
                prov[f"topic:{hit.code}"] = [Span(start=hit.start, end=hit.end)]
        return Engagement(
            kind="meeting",
            date=main.date,
            country=main.country,
            parties=[meeting.delegation] if meeting.delegation else list(main.parties),
            organizations=orgs,
            topics=sorted(topics),
            provenance=prov,
        )

    def _org_country(self, doc: Doc, meeting: SideMeeting, org_start: int) -> str | None:
        places: list[PlaceMention] = doc._.places or []
        before = [p for p in places if meeting.start <= p.start < org_start and p.kind == "demonym"]
        return before[-1].code if before and org_start - before[-1].end < 12 else None
