"""Which kind of engagement, and which recurring format (mechanism) it belongs to."""

from __future__ import annotations

from dataclasses import replace

from bilateral.extraction.assembly.context import Context, Provenance, Sentence, in_any, span
from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.mechanisms import kind_from_text

FORMAT_KINDS = ("dialogue", "consultations", "working_group", "summit")


def choose_mechanism(ctx: Context, lead: list[Sentence]) -> MechanismMention | None:
    """The format named in the lead sentences (or before them), with its short form and round."""
    mentions: list[MechanismMention] = list(ctx.doc._.mechanisms or [])
    in_lead = [m for m in mentions if in_any(m.start, lead)]
    early = [m for m in mentions if m.start < (lead[-1].end if lead else ctx.body)]
    pool = in_lead or early
    if not pool:
        return None
    best = max(pool, key=lambda m: (m.short is not None, len(m.name.split()), -m.start))
    if best.short is None:
        short = next((m.short for m in mentions if m.short and m.name == best.name), None)
        if short:
            best = replace(best, short=short)
    if best.round is None:
        counted = next((m for m in pool if m.round is not None), None)
        if counted:
            best = replace(best, round=counted.round, round_span=counted.round_span)
    return best


def choose_kind(lead: list[Sentence], mech: MechanismMention | None, prov: Provenance) -> str:
    """call > the format's own kind > the first kind cue in the lead > meeting."""
    for sent in lead:
        cue = kind_from_text(sent.text)
        if cue and cue[0] == "call":
            prov["kind"] = [span(sent.start + cue[1][0], sent.start + cue[1][1])]
            return "call"
    if mech and mech.kind != "meeting":
        prov["kind"] = [span(mech.start, mech.end)]
        return mech.kind
    for sent in lead:
        cue = kind_from_text(sent.text)
        if cue:
            prov["kind"] = [span(sent.start + cue[1][0], sent.start + cue[1][1])]
            return cue[0]
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
