"""A document's tokens as the people finder sees them: places, name runs, glued hyphens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bilateral.extraction.extensions import PlaceMention
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.vocabulary import PeopleVocabulary

NameTest = Callable[[Token], bool]  # whether a token can be part of a person's name


@dataclass
class TokenView:
    """One document's tokens, with what the gazetteer and the vocabulary say of them."""

    doc: Doc
    places: dict[int, PlaceMention]
    vocab: PeopleVocabulary
    gaz: Gazetteer
    text: str = ""  # doc.text, which spaCy rebuilds on every access

    def __post_init__(self) -> None:
        self.text = self.text or str(self.doc.text)

    def capitalised(self, tok: Token) -> bool:
        return tok.text[:1].isupper()

    def heads(self, tok: Token) -> bool:
        """Whether the token is a title's head word ("Minister", "Director-General")."""
        text = tok.text
        return text in self.vocab.title_heads or (
            text.islower() and text.title() in self.vocab.title_heads
        )

    def titled(self, tok: Token) -> bool:
        """Whether the token is a word of titles or bodies ("Minister", "Foreign", "Ministry")."""
        return tok.text in self.vocab.title_words or tok.text in self.vocab.body_words

    def country(self, tok: Token) -> str | None:
        place = self.places.get(tok.i)
        return place.code if place is not None and place.kind != "city" else None

    def address(self, i: int, start: int) -> bool:
        """An honorific or rank before a name ("Dr.", "General" but not "Attorney General")."""
        text = self.doc[i].text
        if text in self.vocab.honorifics:
            return True
        before = self.doc[i - 1].text if i > start else ""
        return text in self.vocab.ranks and before not in self.vocab.rank_titles

    def glued(self, i: int) -> bool:
        """Whether token ``i`` touches the previous one ("Kassym-Jomart" is three tokens)."""
        tok = self.doc[i]
        return i > 0 and self.doc[i - 1].idx + len(self.doc[i - 1].text) == tok.idx


def place_tokens(doc: Doc, places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
    """Token index -> the place mention covering it."""
    out: dict[int, PlaceMention] = {}
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out[tok.i] = place
    return out


@dataclass(frozen=True)
class Run:
    """A candidate name: tokens ``i`` to ``j`` of sentence ``sent``."""

    sent: Span
    i: int
    j: int

    @property
    def start(self) -> int:
        return int(self.sent.doc[self.i].idx)

    @property
    def end(self) -> int:
        last = self.sent.doc[self.j - 1]
        return int(last.idx + len(last.text))

    @property
    def text(self) -> str:
        return str(self.sent.doc[self.i : self.j].text)
