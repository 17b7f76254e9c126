"""What the engagement page shows: each field's value beside its evidence in the text.

Turns a :class:`~bilateral.records.StoredEngagement` into plain objects for the template,
so the template only lays things out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from bilateral.records import (
    Commitment,
    Engagement,
    Organization,
    Participant,
    Span,
    StoredEngagement,
)
from bilateral.web.highlight import SpanSpec, excerpt, highlight

MAX_EXCERPTS = 3  # source sentences shown per field; the rest are marked in the text only


@dataclass(frozen=True)
class Evidence:
    """One place in the text that supports a field: its span and the sentence around it."""

    start: int
    end: int
    sentence: Markup


@dataclass
class Fact:
    """A field of the record with its value(s) and the evidence for it."""

    key: str
    label: str
    value: str
    evidence: list[Evidence] = field(default_factory=list)
    more: int = 0  # spans beyond the excerpts shown


@dataclass
class EngagementView:
    """Everything the engagement page renders."""

    id: int
    title: str
    record: Engagement
    facts: list[Fact]
    participants: list[tuple[Participant, Fact]]
    organizations: list[tuple[Organization, Fact]]
    commitments: list[tuple[Commitment, Fact]]
    document_html: Markup
    spans_found: int


def engagement_title(record: Engagement) -> str:
    """A heading for an engagement: its mechanism, else its kind and parties."""
    if record.mechanism:
        return record.mechanism
    kind = record.kind.replace("_", " ").capitalize()
    if record.parties:
        return f"{kind}: {' – '.join(record.parties)}"
    return kind


def _usable(spans: list[Span], length: int) -> list[Span]:
    return [s for s in spans if s.start < s.end <= length]


def _fact(key: str, label: str, value: str, spans: list[Span], text: str) -> Fact:
    spans = sorted(_usable(spans, len(text)), key=lambda s: (s.start, s.end))
    shown = [Evidence(s.start, s.end, excerpt(text, s.start, s.end, key)) for s in spans]
    return Fact(key, label, value, shown[:MAX_EXCERPTS], max(0, len(shown) - MAX_EXCERPTS))


def _record_facts(record: Engagement, text: str) -> list[Fact]:
    """Every field of the record (empty value when not stated), parties, topics, and any
    other provenance key, each with its evidence."""
    prov = record.provenance
    kind = record.kind.replace("_", " ")
    mechanism = record.mechanism or ""
    if record.mechanism_short:
        mechanism = (
            f"{mechanism} ({record.mechanism_short})" if mechanism else record.mechanism_short
        )
    rows = [
        ("kind", "Kind", kind),
        ("mechanism", "Mechanism", mechanism),
        ("mechanism_short", "Short name", record.mechanism_short or ""),
        ("round", "Round", "" if record.round is None else str(record.round)),
        ("date", "Date", record.date or ""),
        ("date_end", "Until", record.date_end or ""),
        ("city", "City", record.city or ""),
        ("country", "Country", record.country or ""),
    ]
    facts = [
        _fact(key, label, value, prov.get(key, []), text)
        for key, label, value in rows
        if key != "mechanism_short" or key in prov
    ]
    facts += [
        _fact(f"party:{p}", "Party", p, prov.get(f"party:{p}", []), text) for p in record.parties
    ]
    facts += [
        _fact(f"topic:{t}", "Topic", t, prov.get(f"topic:{t}", []), text) for t in record.topics
    ]
    shown = {f.key for f in facts}
    facts += [
        _fact(key, key, "", spans, text) for key, spans in sorted(prov.items()) if key not in shown
    ]
    return facts


def all_spans(record: Engagement) -> list[SpanSpec]:
    """Every span of a record with the field it supports, for marking the whole text."""
    spans = [(s.start, s.end, key) for key, group in record.provenance.items() for s in group]
    for p in record.participants:
        spans += [(s.start, s.end, f"participant:{p.name}") for s in p.spans]
    for o in record.organizations:
        spans += [(s.start, s.end, f"organization:{o.name}") for s in o.spans]
    for i, c in enumerate(record.commitments, 1):
        spans += [(s.start, s.end, f"commitment:{i}") for s in c.spans]
    return spans


def build_engagement_view(stored: StoredEngagement) -> EngagementView:
    """The engagement page's content, with every source sentence and the marked text."""
    record, text = stored.record, stored.document.text
    spans = all_spans(record)
    return EngagementView(
        id=stored.id,
        title=engagement_title(record),
        record=record,
        facts=_record_facts(record, text),
        participants=[
            (p, _fact(f"participant:{p.name}", "Participant", p.name, p.spans, text))
            for p in record.participants
        ],
        organizations=[
            (o, _fact(f"organization:{o.name}", "Organization", o.name, o.spans, text))
            for o in record.organizations
        ],
        commitments=[
            (c, _fact(f"commitment:{i}", "Commitment", c.text, c.spans, text))
            for i, c in enumerate(record.commitments, 1)
        ],
        document_html=highlight(text, spans),
        spans_found=sum(1 for s, e, _ in spans if 0 <= s < e <= len(text)),
    )
