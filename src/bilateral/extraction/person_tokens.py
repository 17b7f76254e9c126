"""A document's tokens as the people finder sees them: places, name runs, glued hyphens."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bilateral.extraction.extensions import PlaceMention, text_of
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.vocabulary import PeopleVocabulary

NameTest = Callable[[Token], bool]  # whether a token can be part of a person's name

NOT_NAME_SUFFIX = re.compile(
    r"(tions?|ships?|ments|ities|ness|ances|ences|isms?|ures|ogy|ical|ative|ists)$"
)
INITIAL = re.compile(r"^[A-Z][a-z]?\.$")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
SHOUTED = re.compile(r"[^\W\d_a-z]{2,}(?:-[^\W\d_a-z]+)*")


@dataclass
class TokenView:
    """One document's tokens, with what the gazetteer and the vocabulary say of them."""

    doc: Doc
    places: dict[int, PlaceMention]
    vocab: PeopleVocabulary
    gaz: Gazetteer
    text: str = ""

    def __post_init__(self) -> None:
        self.text = self.text or text_of(self.doc)

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


class NameWords:
    """Decides which tokens can be words of a person's name."""

    def __init__(self, vocab: PeopleVocabulary, gaz: Gazetteer) -> None:
        self.vocab = vocab
        self.gaz = gaz

    def name_like(self, view: TokenView, tok: Token) -> bool:
        """A capitalised word that is no title, body, place or common word; a surname in
        capitals beside a given name ("KAMIKAWA Yoko"); a month's name beside a name ("Jan
        Novak", "Theresa May")."""
        text = tok.text
        if not text[:1].isupper() or tok.i in view.places:
            return False
        if text in self.vocab.months:
            return self._beside_name(view, tok) and not self._beside_number(view, tok)
        if text.isupper() and len(text) > 1 and not INITIAL.match(text):
            return self._shouted_surname(view, tok)
        return self._plain(tok)

    def _plain(self, tok: Token) -> bool:
        """A word written like a name and known as no other kind of word."""
        text = tok.text
        if text in self.vocab.not_name or self._plural_of_common(text):
            return False
        if INITIAL.match(text):
            return True
        if text.isupper() and len(text) > 1:
            return False
        if NOT_NAME_SUFFIX.search(text.lower()) or text.rstrip("s") in self.gaz.demonyms:
            return False
        return bool(WORD.fullmatch(text))

    def _plural_of_common(self, text: str) -> bool:
        """ "Representatives", "Deputies": the plural of a title or body word."""
        if text.endswith("ies"):
            return text[:-3] + "y" in self.vocab.not_name
        return text.endswith("s") and text[:-1] in self.vocab.not_name

    def _shouted_surname(self, view: TokenView, tok: Token) -> bool:
        """A surname in capitals next to a given name in mixed case: "KIHARA Minoru"."""
        text = tok.text
        if not SHOUTED.fullmatch(text) or text in self.vocab.not_name:
            return False
        if text in self.vocab.body_words or text in self.vocab.suffixes:
            return False
        return self._beside_name(view, tok)

    def _beside_name(self, view: TokenView, tok: Token) -> bool:
        """Whether a neighbouring word, apart by a space, is a name word in mixed case."""
        doc = view.doc
        for k in (tok.i - 1, tok.i + 1):
            if not (0 <= k < len(doc)) or view.glued(max(k, tok.i)):
                continue
            other = doc[k]
            if k in view.places or (other.is_sent_start and k > tok.i):
                continue
            if other.text in self.vocab.months or other.text.isupper():
                continue
            if self._plain(other) and not INITIAL.match(other.text):
                return True
        return False

    def city_word(self, view: TokenView, j: int) -> bool:
        """A surname that is also a city's name ("Ken Salazar", "Lloyd J. Austin")."""
        place = view.places.get(j)
        tok = view.doc[j]
        return (
            place is not None
            and place.kind == "city"
            and place.end == tok.idx + len(tok.text)
            and tok.text not in self.vocab.not_name
            and not tok.text.isupper()
        )

    def city_first_name(self, view: TokenView, sent: Span, i: int, is_name: NameTest) -> bool:
        """A given name that is also a city's ("Santiago Cafiero", "Victoria Nuland"): a city
        word before a name word, not after a preposition ("in Santiago Monday")."""
        doc = view.doc
        prev = doc[i - 1].lower_ if i > sent.start else ""
        return (
            i + 1 < sent.end
            and self.city_word(view, i)
            and prev not in self.vocab.place_prepositions
            and is_name(doc[i + 1])
            and not view.glued(i + 1)
        )

    @staticmethod
    def _beside_number(view: TokenView, tok: Token) -> bool:
        doc = view.doc
        return any(0 <= k < len(doc) and doc[k].like_num for k in (tok.i - 1, tok.i + 1))


def display_name(name: str) -> str:
    """A name as written in running text: surnames in capitals in title case ("KIHARA
    Minoru" -> "Kihara Minoru"); generational suffixes ("III") stay."""
    words = name.split(" ")
    out = []
    for word in words:
        if SHOUTED.fullmatch(word) and word not in ("II", "III", "IV", "VI", "JR"):
            word = "-".join(part.capitalize() for part in word.split("-"))
        out.append(word)
    return " ".join(out)
