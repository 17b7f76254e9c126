"""Plural titles before a list of names: "The ministers of foreign affairs, A and B, ..."."""

from __future__ import annotations

import re

from bilateral.extraction.vocabulary import PeopleVocabulary

# "the foreign ministers, A and B": a plural title before a list of names ...
PLURAL_TITLE = re.compile(
    r"(?P<title>(?:[\w\-]+\s+){0,2}?[\w\-]+?(?:ies|s)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[a-zA-Z]+(?:\s+(?:and\s+)?[a-zA-Z]+){0,3}?)?)\s*,\s*$"
)
# ... less the names listed before this one ("A and ", "A, ")
LISTED_BEFORE = re.compile(r",\s*(?:[A-Z][\w.’'\-]*\s*){1,5}?(?:,\s*)?(?:and\s+)?$")


def plural_before(vocab: PeopleVocabulary, text: str, sent_start: int, start: int) -> str | None:
    """The office a plural title before a list of names gives each of them: "The
    ministers of foreign affairs, A and B, joined" -> "Minister of Foreign Affairs"."""
    head = text[max(sent_start, start - 160) : start]
    for _ in range(6):  # "A, B and " before C
        listed = LISTED_BEFORE.search(head)
        if listed is None or listed.end() == listed.start() + 1:
            break
        head = head[: listed.start() + 1]
    m = PLURAL_TITLE.search(head)
    if m is None:
        return None
    words = m.group("title").split()
    of = next((k for k, w in enumerate(words) if w in ("of", "for")), len(words))
    plural = words[of - 1]
    single = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    if single.capitalize() not in vocab.title_heads:
        return None
    mods = [w for w in words[: of - 1] if w.capitalize() in vocab.title_words]
    if len(mods) != of - 1:
        mods = mods[-1:] if words[of - 2].capitalize() in vocab.title_words else []
    out = [*mods, single, *words[of:]]
    return " ".join(w if w in vocab.connectors else w[:1].upper() + w[1:] for w in out)
