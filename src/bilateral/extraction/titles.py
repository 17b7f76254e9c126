"""Title phrases around a person's name, read from the tokens.

* before the name: "Kazakhstan’s Deputy Prime Minister – Foreign Minister Murat Nurtleu",
  "the German Federal Foreign Ministry’s Director for Eastern Europe, Caucasus and Central
  Asia Matthias Lüttenberg";
* after it, as an apposition: "Wu Demin, Deputy Director General of the Department of
  Consular Affairs of the Ministry of Foreign Affairs of the People's Republic of China";
* the body after a bare name: "Umbetbaev of the Ministry of Foreign Affairs of Kazakhstan".

A phrase is split into the title as the document gives it, the organization and the country
(:func:`bilateral.extraction.organizations.split_title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.organizations import code_of, normalize_organization, split_title
from bilateral.extraction.person_tokens import NameTest, TokenView
from bilateral.extraction.vocabulary import PeopleVocabulary

DASHES = frozenset({"–", "—", "-"})
POSSESSIVE = frozenset({"’s", "'s"})
ARTICLES = frozenset({"The", "A", "An", "the", "a", "an"})
RELATIVE = re.compile(
    r"who\s+(?:also\s+)?(?:serves|served|is|was|holds|held)\s+(?:also\s+)?(?:as\s+|the\s+post\s+of\s+)?"
)


@dataclass(frozen=True)
class TitlePhrase:
    start: int
    end: int
    title: str
    organization: str | None
    country: str | None
    additional: bool = False  # a second office: "X, who also serves as ..."


class TitleReader:
    """Reads the title phrases before and after a name."""

    def __init__(self, vocab: PeopleVocabulary, gazetteer: Gazetteer) -> None:
        self.vocab = vocab
        self.gaz = gazetteer

    # -- before the name -----------------------------------------------------------------

    def before(self, view: TokenView, sent: Span, i: int, is_name: NameTest) -> TitlePhrase | None:
        """The title written before the name that starts at token ``i``."""
        k = i - 1
        while k >= sent.start and view.address(k, sent.start):
            k -= 1
        end = k + 1
        while k >= sent.start and self._continues_back(view, sent, k, is_name):
            k = self._skip_brackets(view.doc, k, sent.start) - 1
        toks = self._clean(view, list(view.doc[k + 1 : end]), is_name)
        return self._phrase(view, toks, self._possessor(view, sent, toks))

    def _continues_back(self, view: TokenView, sent: Span, k: int, is_name: NameTest) -> bool:
        tok, prev = view.doc[k], view.doc[k - 1] if k > sent.start else None
        if tok.text in self.vocab.connectors:
            if tok.text == "and" and (
                not self._title_behind(view, sent, k) or self._owned_country(view, sent, k, is_name)
            ):
                return False  # "A of the Ministry and Director B": two people
            return prev is not None and not is_name(prev) and not self._city(view, prev)
        if tok.text == ",":
            return prev is not None and view.titled(prev)
        if tok.text in DASHES or tok.text == ")":
            return prev is not None and (view.capitalised(prev) or prev.text == ")")
        return view.capitalised(tok)

    @staticmethod
    def _owned_country(view: TokenView, sent: Span, k: int, is_name: NameTest) -> bool:
        """Whether the words before "and" at ``k`` are a person's country ("Minister A of
        Italy and Chancellor B"): then no title runs on across the "and"."""
        j = k - 1
        while j > sent.start and view.country(view.doc[j]):
            j -= 1
        if j == k - 1:
            return False
        if view.doc[j].text == "the":
            j -= 1
        return j > sent.start and view.doc[j].text in {"of", "from"} and is_name(view.doc[j - 1])

    def _title_behind(self, view: TokenView, sent: Span, k: int) -> bool:
        """Whether a title head precedes token ``k`` within the same run of title words."""
        j = k - 1
        while j >= sent.start:
            tok = view.doc[j]
            if view.heads(tok):
                return True
            if not (
                view.capitalised(tok)
                or tok.text in self.vocab.connectors
                or tok.text in {",", *DASHES}
            ):
                return False
            j -= 1
        return False

    @staticmethod
    def _skip_brackets(doc: Doc, k: int, start: int) -> int:
        """From a ")" to its "(" a few tokens back ("Office (FCDO)"); else ``k``."""
        if doc[k].text != ")":
            return k
        for j in range(k - 1, max(start, k - 5) - 1, -1):
            if doc[j].text == "(":
                return j
        return k

    def _possessor(self, view: TokenView, sent: Span, toks: list[Token]) -> tuple[Token, ...]:
        """The words before "’s" that own the title ("Kazakhstan’s", "the Foreign Ministry’s")."""
        if not toks:
            return ()
        mark = toks[0].i - 1
        while (
            mark > toks[0].i - 3
            and mark > sent.start
            and view.doc[mark].is_lower
            and view.doc[mark].text not in POSSESSIVE
        ):
            mark -= 1  # "Kazakhstan’s newly appointed Foreign Minister"
        if mark - 1 < sent.start or view.doc[mark].text not in POSSESSIVE:
            return ()
        k = mark - 1
        while k > sent.start and (
            (view.capitalised(view.doc[k - 1]) and view.doc[k - 1].text not in ARTICLES)
            or view.doc[k - 1].text in {"of", "for"}
        ):
            k -= 1
        return tuple(view.doc[k:mark])

    # -- after the name ------------------------------------------------------------------

    def after(self, view: TokenView, sent: Span, j: int, is_name: NameTest) -> TitlePhrase | None:
        """An apposition after the name that ends before token ``j``: ", Director of ..."."""
        doc = view.doc
        if j >= sent.end or doc[j].text != ",":
            return None
        k = j + 1
        relative = RELATIVE.match(view.text, doc[k].idx) if k < sent.end else None
        if relative:  # ", who also serves as Brazil's Minister of ..."
            while k < sent.end and doc[k].idx < relative.end():
                k += 1
        while k < sent.end and doc[k].text in ARTICLES:
            k += 1
        possessor: tuple[Token, ...] = ()
        if k + 1 < sent.end and doc[k + 1].text in POSSESSIVE and view.country(doc[k]):
            possessor, k = (doc[k],), k + 2  # ", France's Minister for ..."
        start = k
        lower_head = k < sent.end and doc[k].is_lower and view.heads(doc[k])
        if lower_head:  # ", chairman of the foreign affairs committee, ..."
            k = self._lower_apposition_end(doc, k, sent.end)
        while k < sent.end and self._continues_forward(view, sent, k, is_name):
            k = self._skip_forward_brackets(doc, k, sent.end) + 1
        if k < sent.end and is_name(doc[k]):
            return None  # the title of the next person: "A, Ambassador to Mexico B and C"
        if start < sent.end and not (view.capitalised(doc[start]) or possessor or lower_head):
            return None
        toks = self._clean(view, list(doc[start:k]), is_name)
        if not toks or not any(view.heads(t) for t in toks[:6]):
            return None
        phrase = self._phrase(view, toks, possessor)
        return replace(phrase, additional=True) if phrase and relative else phrase

    @staticmethod
    def _lower_apposition_end(doc: Doc, k: int, end: int) -> int:
        """Where an apposition written in lower case ends: at its punctuation, if near."""
        for j in range(k + 1, min(end, k + 12)):
            if doc[j].is_punct and doc[j].text not in {"-", "’s", "'s"}:
                return j
        return k + 1

    def _continues_forward(self, view: TokenView, sent: Span, k: int, is_name: NameTest) -> bool:
        doc = view.doc
        tok = doc[k]
        nxt = doc[k + 1] if k + 1 < sent.end else None
        if view.capitalised(tok):
            return not (is_name(tok) and nxt is not None and is_name(nxt))
        if tok.text in self.vocab.connectors or tok.text in POSSESSIVE or tok.text in DASHES:
            return nxt is not None and (view.capitalised(nxt) or nxt.text in ARTICLES)
        if tok.text == ",":
            return (
                k > sent.start
                and view.titled(doc[k - 1])
                and nxt is not None
                and (view.capitalised(nxt) and not is_name(nxt))
            )
        return tok.text == "("

    @staticmethod
    def _skip_forward_brackets(doc: Doc, k: int, end: int) -> int:
        if doc[k].text != "(":
            return k
        for j in range(k + 1, min(end, k + 5)):
            if doc[j].text == ")":
                return j
        return k

    def body_after(
        self, view: TokenView, sent: Span, j: int
    ) -> tuple[str | None, str | None] | None:
        """The body or country named right after a name: "Woo In-shik of the ROK Ministry of
        Foreign Affairs", "Prime Minister Tomas Vera of Peru"."""
        doc = view.doc
        if j + 1 >= sent.end or doc[j].text not in {"of", "from", "at"}:
            return None
        k = j + 2 if doc[j + 1].text == "the" and j + 2 < sent.end else j + 1
        country = view.country(doc[k])
        if country:  # "of Peru", not "of Peru LNG"
            last = k
            while last + 1 < sent.end and view.places.get(last + 1) is view.places[k]:
                last += 1
            after = doc[last + 1] if last + 1 < sent.end else None
            return None if after is not None and view.capitalised(after) else (None, country)
        k = j + 1
        while k < sent.end and (view.capitalised(doc[k]) or doc[k].text in self.vocab.connectors):
            if doc[k].text == "and" and k + 1 < sent.end and view.heads(doc[k + 1]):
                break  # "... of the Ministry and Director of ...": the next person
            k += 1
        text = doc[j + 1 : k].text.removeprefix("the ").strip()
        words = text.split()
        if not any(top in text for top in self.vocab.top_organizations) or len(words) < 2:
            return None
        return normalize_organization(text.removesuffix(" and").removesuffix(" of"), self.gaz)

    # -- shared ---------------------------------------------------------------------------

    def _clean(self, view: TokenView, toks: list[Token], is_name: NameTest) -> list[Token]:
        """Trim what is not title: a dateline ("ASTANA –"), articles, another person's name."""
        toks = self._after_dateline(view, self._after_person(view, toks, is_name))
        while toks and (
            toks[0].text in self.vocab.connectors
            or toks[0].text in ARTICLES
            or toks[0].text in DASHES
            or toks[0].text in {",", "("}
            or toks[0].text in self.vocab.honorifics
            or self._shouting(view, toks[0])
            or (is_name(toks[0]) and not view.heads(toks[0]))
        ):
            toks.pop(0)
        while toks and (
            toks[-1].text in self.vocab.connectors
            or toks[-1].text in {",", "(", *DASHES}
            or toks[-1].text in self.vocab.honorifics
        ):
            toks.pop()
        return toks

    @staticmethod
    def _city(view: TokenView, tok: Token) -> bool:
        place = view.places.get(tok.i)
        return place is not None and place.kind == "city" and not tok.text.isupper()

    def _after_person(self, view: TokenView, toks: list[Token], is_name: NameTest) -> list[Token]:
        """Drop everything up to another person inside the phrase: "Ambassador to Mexico Ken
        Salazar and Secretary of Defense", "Secretary Clinton Discuss ..."."""
        for n in range(len(toks) - 1, 0, -1):
            named = is_name(toks[n]) or self._city(view, toks[n])
            if named and (is_name(toks[n - 1]) or view.heads(toks[n - 1])):
                return toks[n + 1 :]
        return toks

    def _after_dateline(self, view: TokenView, toks: list[Token]) -> list[Token]:
        """Drop a lead-in before a spaced dash when it holds no title ("BRASÍLIA — ...")."""
        for n, tok in enumerate(toks):
            spaced = tok.idx > 0 and view.text[tok.idx - 1].isspace()
            if tok.text in DASHES and spaced and not any(view.heads(t) for t in toks[:n]):
                return toks[n + 1 :]
        return toks

    def _shouting(self, view: TokenView, tok: Token) -> bool:
        """An upper-case word that is a dateline or an agency's name ("KAZINFORM")."""
        text = tok.text
        return (
            len(text) > 1
            and text.isupper()
            and text.replace("-", "").isalpha()
            and view.country(tok) is None
            and text not in self.vocab.title_words
            and text not in self.vocab.top_organizations
        )

    def _phrase(
        self, view: TokenView, toks: list[Token], possessor: tuple[Token, ...]
    ) -> TitlePhrase | None:
        if not any(view.heads(t) for t in toks):
            return None
        country = None
        while toks and (view.country(toks[0]) or toks[0].text in {"(", ")"}):
            country = country or view.country(toks[0])
            toks = toks[1:]
            while toks and toks[0].text in POSSESSIVE:
                toks = toks[1:]
        if not toks:
            return None
        text = view.doc[toks[0].i : toks[-1].i + 1].text
        title, organization, title_country = split_title(text[:1].upper() + text[1:], self.gaz)
        owner, owner_country = self._owner(view, possessor)
        return TitlePhrase(
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            title,
            organization or owner,
            title_country or country or owner_country,
        )

    def _owner(
        self, view: TokenView, possessor: tuple[Token, ...]
    ) -> tuple[str | None, str | None]:
        """(organization, country) of a possessor: "Brazil's", "the Kazakh Foreign Ministry’s"."""
        if not possessor:
            return None, None
        text = possessor[0].doc[possessor[0].i : possessor[-1].i + 1].text
        text = text.removeprefix("the ").removeprefix("The ")
        code = code_of(text, self.gaz)
        if code:
            return None, code
        if any(top in text for top in self.vocab.top_organizations):
            return normalize_organization(text, self.gaz)
        return None, None
