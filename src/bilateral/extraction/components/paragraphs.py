"""``bilateral_paragraphs_v1``: a line break ends a sentence, unless the line was wrapped.

Readouts put headlines, datelines and bylines on lines of their own, without final
punctuation; the rule-based sentencizer would glue them to the first sentence. Text from a
PDF or an e-mail is often hard-wrapped, though: a single line break followed by a lower-case
word, or ending a full-width line that has no final punctuation, continues the sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.extensions import text_of

LINE_BREAK = re.compile(r"[ \t]*(\n[ \t\r\f\v]*)+")
LOWER_NEXT = re.compile(r"[ \t]*\n[ \t]*[a-z]")
SINGLE = re.compile(r"[ \t]*\n[ \t]*\S")
FINAL = re.compile(r"[.!?:;\"”»)\]]\s*$")
MAX_WRAP = 110
"""Lines longer than this are paragraphs, not wrapped lines."""
FULL = 0.8
"""A line at least this share of the wrap width is full (for finding the width)."""
WRAPPED = 0.6
"""A line at least this share of the wrap width, without final punctuation, goes on."""
MIN_FULL_LINES = 3


def wrap_width(text: str) -> int | None:
    """The width the text is hard-wrapped at, if it is: several lines near one length."""
    lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
    if not lengths or max(lengths) > MAX_WRAP:
        return None
    width = max(lengths)
    full = sum(1 for n in lengths if n >= FULL * width)
    return width if full >= MIN_FULL_LINES else None


def line_starts(text: str) -> list[int]:
    """Offsets where a line that starts a sentence begins (after its indentation)."""
    width = wrap_width(text)
    starts = []
    for m in LINE_BREAK.finditer(text):
        if m.end() >= len(text) or LOWER_NEXT.match(text, m.start()):
            continue
        if width and SINGLE.match(text, m.start()) and _wrapped(text, m.start(), width):
            continue
        starts.append(m.end())
    return starts


def _wrapped(text: str, line_end: int, width: int) -> bool:
    """Whether the line ending at ``line_end`` is full and has no final punctuation."""
    line = text[text.rfind("\n", 0, line_end) + 1 : line_end].strip()
    return len(line) >= WRAPPED * width and not FINAL.search(line)


@Language.component("bilateral_paragraphs_v1")
def paragraphs(doc: Doc) -> Doc:
    """Mark line starts as sentence starts; a parsed doc keeps the parser's sentences."""
    if doc.has_annotation("DEP"):
        return doc
    for offset in line_starts(text_of(doc)):
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc
