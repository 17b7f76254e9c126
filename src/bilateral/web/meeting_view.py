"""What the meeting page shows: each resolved field with the documents behind each value,
where in their texts it comes from, and whether they disagree.

Spans are handed to the page as ``source:start-end`` references (``0:120-131 1:40-49``) that
``static/meetings.js`` lights up in the source texts; the texts are escaped and marked by
:mod:`bilateral.web.highlight`, as on the engagement page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from bilateral.records import Participant, Span
from bilateral.services.timeline import MeetingDetail, Source, topic_labels
from bilateral.web.highlight import excerpt, highlight
from bilateral.web.templating import kind_label
from bilateral.web.views import all_spans, engagement_title

FIELDS = (
    ("kind", "Kind"), ("mechanism", "Mechanism"), ("mechanism_short", "Short name"),
    ("round", "Round"), ("date", "Date"), ("date_end", "Until"), ("city", "City"),
    ("country", "Country"), ("parties", "Parties"), ("heads", "Heads"),
    ("participants", "Participants"), ("organizations", "Organizations"), ("topics", "Topics"),
)  # fmt: skip
COUNTRY_FIELDS = frozenset({"country", "parties"})
OPTIONAL = frozenset({"mechanism_short", "date_end", "organizations"})
MAX_SENTENCES = 4

Ref = tuple[int, int, int]  # source index, start, end


@dataclass(frozen=True)
class Reported:
    """One value of a field: as shown, the documents giving it, where they say it."""

    text: str
    codes: tuple[str, ...]  # country codes, shown with their names
    documents: list[tuple[str, str]]  # (document id, name)
    spans: str


@dataclass(frozen=True)
class FieldRow:
    key: str
    label: str
    value: Reported
    reported: list[Reported]
    disagreement: str | None  # "31 May (state.gov) vs June (news)" when sources disagree
    corrected: bool
    sentences: list[tuple[str, Markup]]  # (document name, the sentence with the span marked)


@dataclass(frozen=True)
class PersonRow:
    participant: Participant
    person_id: str | None
    title: str | None
    documents: list[tuple[str, str]]
    spans: str


@dataclass(frozen=True)
class SourceText:
    index: int
    source: Source
    html: Markup
    marked: int


@dataclass(frozen=True)
class MeetingView:
    detail: MeetingDetail
    title: str
    fields: list[FieldRow]
    people: list[PersonRow]
    commitment_spans: dict[str, str]  # commitment id -> its spans
    texts: list[SourceText]
    names: dict[str, str]  # document id -> name

    @property
    def disagreements(self) -> list[FieldRow]:
        return [row for row in self.fields if row.disagreement]


def encode(refs: Iterable[Ref]) -> str:
    """References as the page's script reads them: ``source:start-end``, space-separated."""
    return " ".join(f"{i}:{s}-{e}" for i, s, e in sorted(set(refs)))


def show(key: str, value: Any) -> tuple[str, tuple[str, ...]]:
    """A value as text (and country codes, which the page shows with their names)."""
    if value is None or value == "" or value == [] or value == ():
        return "", ()
    if key in COUNTRY_FIELDS:
        codes = (value,) if isinstance(value, str) else tuple(value)
        return " – ".join(codes), codes
    if key == "kind":
        return kind_label(str(value)), ()
    if key == "topics":
        labels = topic_labels()
        topics = [value] if isinstance(value, str) else list(value)
        return ", ".join(f"{labels[t]} ({t})" if t in labels else str(t) for t in topics), ()
    if isinstance(value, list | tuple):
        return ("; " if key in ("heads", "participants") else ", ").join(map(str, value)), ()
    return str(value), ()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return bool(a == b)


class _Builder:
    """Finds the spans of a field (or of one of its values) in each source."""

    def __init__(self, detail: MeetingDetail) -> None:
        self.detail = detail
        self.names = dict(zip(detail.meeting.documents, detail.meeting.document_names,
                              strict=False))  # fmt: skip
        record = detail.meeting.record
        self.person_of_name = {
            p.name: person.id for p, person in zip(record.participants, detail.people,
                                                   strict=False) if person is not None
        }  # fmt: skip

    def same_person(self, source: Source, index: int, name: str) -> bool:
        """Whether participant ``index`` of ``source`` is the record's participant ``name``."""
        written = source.engagement.participants[index]
        person = self.detail.mention_people.get((source.key.document_id, source.key.ordinal,
                                                 index))  # fmt: skip
        wanted = self.person_of_name.get(name)
        if person is not None and wanted is not None:
            return person.id == wanted
        return written.name == name

    def people_spans(self, source: Source, names: Sequence[str] | None, heads: bool) -> list[Span]:
        return [
            span for i, p in enumerate(source.engagement.participants)
            if (not heads or p.role == "head")
            and (names is None or any(self.same_person(source, i, n) for n in names))
            for span in p.spans
        ]  # fmt: skip

    def spans(self, key: str, value: Any, source: Source) -> list[Span]:
        """The spans of ``key`` (of ``value`` only, unless None) in one source."""
        record, prov = source.engagement, source.engagement.provenance
        if key in ("parties", "topics"):
            prefix = "party:" if key == "parties" else "topic:"
            codes = record.parties if key == "parties" else record.topics
            chosen = codes if value is None else [value] if isinstance(value, str) else value
            return [s for code in chosen for s in prov.get(prefix + code, [])]
        if key in ("participants", "heads"):
            names = None if value is None else [value] if isinstance(value, str) else value
            return self.people_spans(source, names, heads=key == "heads")
        if key == "organizations":
            return [s for o in record.organizations for s in o.spans]
        return list(prov.get(key, []))

    def refs(self, key: str, value: Any, documents: Sequence[str] | None) -> list[Ref]:
        return [
            (i, s.start, s.end)
            for i, source in enumerate(self.detail.sources)
            if documents is None or source.key.document_id in documents
            for s in self.spans(key, value, source)
            if 0 <= s.start < s.end <= len(source.document.text)
        ]  # fmt: skip

    def reported(self, key: str, value: Any, documents: Sequence[str]) -> Reported:
        text, codes = show(key, value)
        return Reported(text, codes, [(d, self.names.get(d, d)) for d in documents],
                        encode(self.refs(key, value, documents)))  # fmt: skip

    def row(self, key: str, label: str) -> FieldRow | None:
        """A field's row; None for an optional field no source states."""
        field = self.detail.meeting.fields.get(key)
        value = field.value if field else getattr(self.detail.meeting.record, key, None)
        values = field.values if field else []
        if key in OPTIONAL and not value and not values:
            return None
        reported = [self.reported(key, v.value, v.documents) for v in values]
        giving = [r.documents for r, v in zip(reported, values, strict=True)
                  if _same(v.value, value)]  # fmt: skip
        documents = giving[0] if giving else list(dict.fromkeys(
            d for r in reported for d in r.documents))  # fmt: skip
        text, codes = show(key, value)
        chosen = Reported(text, codes, documents, encode(self.refs(key, None, None)))
        disagreement = None
        if field is not None and field.disagreement:
            disagreement = " vs ".join(
                f"{r.text or 'not stated'} ({', '.join(n for _, n in r.documents)})"
                for r in reported
            )
        return FieldRow(key, label, chosen, reported, disagreement,
                        field.corrected if field else False, self.sentences(key))  # fmt: skip

    def sentences(self, key: str) -> list[tuple[str, Markup]]:
        found = []
        for i, start, end in self.refs(key, None, None)[:MAX_SENTENCES]:
            source = self.detail.sources[i]
            found.append((self.names.get(source.key.document_id, source.document.name),
                          excerpt(source.document.text, start, end, key)))  # fmt: skip
        return found


def _people(builder: _Builder) -> list[PersonRow]:
    detail = builder.detail
    meeting = detail.meeting
    field = meeting.fields.get("participants")
    sourced = {v.value: v.documents for v in field.values} if field else {}
    rows = []
    for participant, person in zip(meeting.record.participants, detail.people, strict=False):
        documents = sourced.get(participant.name, [])
        title = person.title_on(meeting.record.date) if person else None
        rows.append(PersonRow(
            participant, person.id if person else None, participant.title or title,
            [(d, builder.names.get(d, d)) for d in documents],
            encode(builder.refs("participants", participant.name, None)),
        ))  # fmt: skip
    return rows


def _commitment_spans(detail: MeetingDetail) -> dict[str, str]:
    found: dict[str, str] = {}
    for commitment in detail.made:
        refs = [
            (i, s.start, s.end)
            for i, source in enumerate(detail.sources) if source.key == commitment.key
            and commitment.ordinal < len(source.engagement.commitments)
            for s in source.engagement.commitments[commitment.ordinal].spans
            if 0 <= s.start < s.end <= len(source.document.text)
        ]  # fmt: skip
        found[commitment.id] = encode(refs)
    return found


def _texts(detail: MeetingDetail) -> list[SourceText]:
    texts = []
    for i, source in enumerate(detail.sources):
        text, spans = source.document.text, all_spans(source.engagement)
        marked = sum(1 for s, e, _ in spans if 0 <= s < e <= len(text))
        texts.append(SourceText(i, source, highlight(text, spans), marked))
    return texts


def build_meeting_view(detail: MeetingDetail) -> MeetingView:
    """The meeting page's content: fields, people, commitments' spans and marked texts."""
    builder = _Builder(detail)
    rows = [builder.row(key, label) for key, label in FIELDS]
    return MeetingView(
        detail=detail, title=engagement_title(detail.meeting.record),
        fields=[r for r in rows if r is not None], people=_people(builder),
        commitment_spans=_commitment_spans(detail), texts=_texts(detail), names=builder.names,
    )  # fmt: skip
