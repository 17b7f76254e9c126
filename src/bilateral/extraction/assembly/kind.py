"""Which kind of engagement, and which recurring format (mechanism) it belongs to."""

from __future__ import annotations

from dataclasses import replace

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.kinds import (
    at_larger_event,
    call_without_cue,
    calls_it_a_visit,
    in_person,
    kind_from_text,
    names_larger_event,
    planned_at,
)
from bilateral.extraction.mechanisms import names_created

FORMAT_KINDS = ("dialogue", "consultations", "working_group", "summit")


def _outside_events(
    mentions: list[MechanismMention], lead: list[Sentence]
) -> list[MechanismMention]:
    """Drop formats named as the larger event a meeting was held at ("on the sidelines of")."""
    out = []
    for m in mentions:
        sent = next((s for s in lead if s.holds(m.start)), None)
        if sent is None or not names_larger_event(sent.text, m.start - sent.start):
            out.append(m)
    return out


def choose_mechanism(ctx: Context, lead: list[Sentence]) -> MechanismMention | None:
    """The format the lead sentences name, with its short form and round (the headline may
    give the round). A format named only in the headline is not enough: headlines also name
    the larger event a meeting was held at."""
    mentions: list[MechanismMention] = list(ctx.doc._.mechanisms or [])
    named = [m for m in mentions if in_any(m.start, lead) and not _planned(ctx, m)]
    pool = _outside_events(named, lead)
    if not pool:
        return None
    first = min(m.start for m in pool)
    best = max(pool, key=lambda m: (m.short is not None, m.start == first, len(m.name.split())))
    if best.short is None:
        short = next((m.short for m in mentions if m.short and _same_format(m, best)), None)
        if short:
            best = replace(best, short=short)
    if best.round is None:
        headline = [m for m in mentions if m.start < ctx.body]
        counted = next(
            (m for m in pool + headline if m.round is not None and _same_format(m, best)), None
        )
        if counted:
            best = replace(best, round=counted.round, round_span=counted.round_span)
    return best


def _planned(ctx: Context, m: MechanismMention) -> bool:
    """A format named as what comes next ("agreed to hold the next Strategic Dialogue") or
    as being created ("signed a protocol creating a Joint Council")."""
    return planned_at(ctx.text, m.start, m.end) or names_created(ctx.text, m.start)


def _same_format(a: MechanismMention, b: MechanismMention) -> bool:
    """Two mentions name the same format when one name's words are all in the other's."""
    wa, wb = set(a.name.lower().split()), set(b.name.lower().split())
    return a.kind == b.kind and (wa <= wb or wb <= wa or bool(a.short and a.short == b.short))


def choose_kind(
    lead: list[Sentence],
    mech: MechanismMention | None,
    prov: Provenance,
    headline: str = "",
    body: list[Sentence] | None = None,
) -> str:
    """call > the format's own kind > a meeting at a larger event > the first cue in the
    lead > "X spoke with Y" or a headline that says call > a body that calls it a visit
    ("during the trip") > meeting."""
    for sent in lead:
        cue = kind_from_text(sent.text)
        if cue and cue[0] == "call":
            prov["kind"] = [span(sent.start + cue[1][0], sent.start + cue[1][1])]
            return "call"
    if mech and mech.kind != "meeting":
        prov["kind"] = [span(mech.start, mech.end)]
        return mech.kind
    if lead and at_larger_event(lead[0].text):
        return "meeting"
    for sent in lead:
        cue = kind_from_text(sent.text)
        if cue:
            prov["kind"] = [span(sent.start + cue[1][0], sent.start + cue[1][1])]
            return cue[0]
    if lead and call_without_cue(lead[0].text):
        return "call"
    said = kind_from_text(headline)
    if said and said[0] == "call" and not any(in_person(s.text) for s in lead):
        return "call"
    return _visit_in(body or [], prov)


def _visit_in(body: list[Sentence], prov: Provenance) -> str:
    """ "visit" if the body refers to the meeting as a visit that took place, else "meeting"."""
    for sent in body:
        found = calls_it_a_visit(sent.text)
        if found:
            prov["kind"] = [span(sent.start + found[0], sent.start + found[1])]
            return "visit"
    return "meeting"


def keep_mechanism(
    kind: str, mech: MechanismMention | None, prov: Provenance
) -> MechanismMention | None:
    """A one-off meeting has no mechanism; a format's mention is its provenance."""
    if mech is None or kind not in FORMAT_KINDS:
        return None
    prov["mechanism"] = [span(mech.start, mech.end)]
    if mech.round_span:
        prov["round"] = [span(*mech.round_span)]
    return mech
