"""Provenance on the page: source sentences and highlighted spans, as escaped HTML.

Pure functions over a document's text and ``(start, end, label)`` spans. Everything that
comes from the document is escaped first; only the ``<mark>`` tags made here are markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

SpanSpec = tuple[int, int, str]

# Words that end with a full stop without ending the sentence ("Mr. Lu", "Jan. 5").
_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "maj", "capt", "adm"),
        *("amb", "sen", "rep", "gov", "pres", "jr", "sr", "no", "nos", "vs", "etc", "inc"),
        *("ltd", "co", "corp", "dept", "approx", "jan", "feb", "mar", "apr", "jun", "jul"),
        *("aug", "sep", "sept", "oct", "nov", "dec"),
    )
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_MAX_SIDE = 300  # characters of context kept on each side of a span at most
_BOUNDARY = frozenset(".!?\"'”’)]\n")


@dataclass(frozen=True)
class Mark:
    """A span as it will be drawn: non-overlapping, with every label that shares it."""

    start: int
    end: int
    labels: tuple[str, ...]


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Whether the terminator at ``text[stop]`` (a run ending before ``after``) ends a sentence."""
    if text[stop] != ".":
        return True
    word = re.search(r"[\w.]*$", text[max(0, stop - 40) : stop])
    token = word.group(0) if word else ""
    if token.lower() in _ABBREVIATIONS or "." in token or (len(token) == 1 and token.isalpha()):
        return False  # "Mr.", "U.S.", "D.C.", an initial
    following = text[after:].lstrip(" \t")
    return not following or not following[0].islower()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``text[start:end]``, as ``(start, end)``.

    Sentences end at ``.``/``!``/``?`` followed by space (not after common abbreviations,
    initials or dotted acronyms) and at line breaks. At most ``_MAX_SIDE`` characters of
    context are kept on either side of the span.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = max(0, start - _MAX_SIDE)
    left = lo
    newline = text.rfind("\n", lo, start)
    if newline >= 0:
        left = newline + 1
    for match in _SENTENCE_END.finditer(text, left, start):
        if _ends_sentence(text, match.start(), match.end()):
            left = match.end()
    hi = min(len(text), end + _MAX_SIDE)
    right = hi
    newline = text.find("\n", end, hi)
    if newline >= 0:
        right = newline
    for match in _SENTENCE_END.finditer(text, end, right):
        if _ends_sentence(text, match.start(), match.end()):
            right = match.end()
            break
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def plan_marks(length: int, spans: Iterable[SpanSpec]) -> list[Mark]:
    """Sorted, non-overlapping marks for a text of ``length`` characters.

    Spans out of range or empty are dropped; spans with the same range share one mark
    (labels joined with ``; ``); a span nested in an earlier one is dropped (the outer
    mark covers it); a span that overlaps the previous one is clipped to the part after it.
    """
    labels: dict[tuple[int, int], list[str]] = {}
    for start, end, label in spans:
        if 0 <= start < end <= length:
            found = labels.setdefault((start, end), [])
            if label not in found:
                found.append(label)
    marks: list[Mark] = []
    covered = 0
    for (start, end), names in sorted(labels.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if end <= covered:
            continue
        marks.append(Mark(max(start, covered), end, tuple(names)))
        covered = end
    return marks


def highlight(text: str, spans: Iterable[SpanSpec], *, offset: int = 0) -> Markup:
    """``text`` as escaped HTML with ``<mark>`` around each span.

    Span positions are in the coordinates of a larger text that ``text`` starts at
    ``offset`` of (0 for a whole document), so one span list serves the whole document and
    its excerpts. Each mark carries ``data-field`` (its labels) and ``data-start``/``data-end``
    (its range in those coordinates). Spans not inside ``text`` are left out.
    """
    local = [(s - offset, e - offset, label) for s, e, label in spans]
    parts: list[str] = []
    cursor = 0
    for mark in plan_marks(len(text), local):
        parts.append(escape(text[cursor : mark.start]))
        parts.append(
            Markup('<mark data-field="{0}" data-start="{1}" data-end="{2}">{3}</mark>').format(
                "; ".join(mark.labels),
                mark.start + offset,
                mark.end + offset,
                text[mark.start : mark.end],
            )
        )
        cursor = mark.end
    parts.append(escape(text[cursor:]))
    return Markup("".join(parts))


def excerpt(text: str, start: int, end: int, label: str = "") -> Markup:
    """The sentence around ``text[start:end]`` with that span marked, as escaped HTML.

    An ellipsis shows where the excerpt was cut inside a sentence (a very long one).
    """
    left, right = sentence_bounds(text, start, end)
    html = highlight(text[left:right], [(start, end, label)], offset=left)
    before = text[:left].rstrip(" \t")
    after = text[right:].lstrip(" \t")
    prefix = "…" if before and before[-1] not in _BOUNDARY else ""
    suffix = "…" if after and text[right - 1] not in _BOUNDARY and after[0] != "\n" else ""
    return Markup("{}{}{}").format(prefix, html, suffix)


_SNIPPET_MARK = re.compile(r"\[([^\[\]]+)\]")


def render_snippet(snippet: str) -> Markup:
    """A search snippet whose matches the store wrapped in ``[`` ``]``, as escaped HTML.

    The text is escaped first; only then do balanced bracket pairs become ``<mark>``
    (brackets cannot be produced by escaping, so document text cannot forge a tag).
    """
    escaped = str(escape(snippet))
    return Markup(_SNIPPET_MARK.sub(r"<mark>\1</mark>", escaped))
