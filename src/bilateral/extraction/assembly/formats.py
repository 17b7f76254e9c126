"""Meetings of a named format reported after the main meeting: engagements of their own.

A state visit often closes with a session of a standing format ("The visit ended with a
meeting of the Joint Commission, co-chaired by ..."). A format named in the body in words
that report it meeting ("a meeting of", "chaired the"), that is not the main meeting's
format, the larger event a meeting was held at, or a format to come or being created, is a
separate engagement of the format's kind. It takes the sentences of its paragraph from the
one naming it on, the lines before them that only set the scene ("Nairobi, 12 March."), and
the paragraphs after it that go on about it ("The Commission reviewed ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilateral.extraction.assembly.context import Context, Sentence, in_any
from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.kinds import names_larger_event, planned_at, reports_meeting
from bilateral.extraction.mechanisms import format_meeting_cue, names_created

REFERS_BACK = re.compile(r"^\W*(?:(?:at|during|in)\s+)?(?:the|its|this)\s+([\w-]+)", re.I)
NOT_NAME_WORDS = frozenset({"of", "the", "and", "on", "for"})


@dataclass
class FormatMeeting:
    """A format's meeting: its mention, the sentences reporting it, and those that set the
    scene (for the date and venue)."""

    mention: MechanismMention
    sentences: list[Sentence] = field(default_factory=list)
    setting: list[Sentence] = field(default_factory=list)

    def starts(self) -> set[int]:
        return {s.start for s in self.sentences + self.setting}


def find_format_meetings(
    ctx: Context, body: list[Sentence], lead: list[Sentence], main: MechanismMention | None
) -> list[FormatMeeting]:
    """The format meetings reported in the body besides the main meeting (see module doc)."""
    found: list[FormatMeeting] = []
    for m in ctx.doc._.mechanisms or []:
        sent = ctx.sentence_at(m.start, body)
        if sent is None or in_any(m.start, lead) or _same_format(m, main):
            continue
        if any(_same_format(m, f.mention) or f.starts() & {sent.start} for f in found):
            continue
        if _meets_here(ctx, sent, m):
            found.append(_gather(ctx, body, sent, m))
    return found


def _meets_here(ctx: Context, sent: Sentence, m: MechanismMention) -> bool:
    """Whether the sentence reports the format meeting now, not as the setting, to come or
    being created."""
    cue = format_meeting_cue(ctx.text, m.start, sent.start)
    return (
        cue is not None
        and not planned_at(ctx.text, *cue)
        and not planned_at(ctx.text, m.start, m.end)
        and not names_created(ctx.text, m.start)
        and not names_larger_event(sent.text, m.start - sent.start)
    )


def _same_format(a: MechanismMention, b: MechanismMention | None) -> bool:
    if b is None:
        return False
    wa, wb = set(a.name.lower().split()), set(b.name.lower().split())
    return wa <= wb or wb <= wa or bool(a.short and a.short == b.short)


def _gather(
    ctx: Context, body: list[Sentence], sent: Sentence, m: MechanismMention
) -> FormatMeeting:
    """The format meeting's sentences: see the module doc."""
    i = body.index(sent)
    meeting = FormatMeeting(m, [sent])
    k = i
    while k > 0 and not _paragraph_break(ctx, body[k - 1], body[k]):
        if reports_meeting(body[k - 1].text):
            break
        k -= 1
    meeting.setting = body[k : i + 1]
    words = {w.lower() for w in m.name.split()} - NOT_NAME_WORDS
    for prev, cur in zip(body[i:], body[i + 1 :], strict=False):
        if _paragraph_break(ctx, prev, cur) and not _refers_back(cur.text, words):
            break
        meeting.sentences.append(cur)
    return meeting


def _paragraph_break(ctx: Context, prev: Sentence, cur: Sentence) -> bool:
    return ctx.text[prev.start : cur.start].rstrip(" \t").endswith("\n")


def _refers_back(text: str, name_words: set[str]) -> bool:
    """ "The Council focused on ...": a paragraph that opens with the format's own noun."""
    m = REFERS_BACK.match(text)
    return bool(m and m.group(1).lower() in name_words)
