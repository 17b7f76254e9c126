"""People in a readout, found by their titles, appositions and delegation cues.

Statistical NER misses many officials' names ("Kairat Umarov"), but readouts name people in
a few regular ways, and those are strong signals:

* a title before the name: "First Deputy Foreign Minister of Kazakhstan Kairat Umarov";
* an apposition after it: "Bauyrzhan Akatayev, Director of the Department of ...";
* a delegation cue: "the delegation was led by ...", "his Uzbek counterpart ...".

A name is a run of two to four capitalised tokens that are not title, organization or place
words. Later mentions by surname ("Assistant Secretary Lu", "Umarov said") join the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bilateral.extraction.extensions import PersonMention, PlaceMention
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.organizations import infer_organization, split_title
from bilateral.extraction.vocabulary import PeopleVocabulary

NOT_NAME_SUFFIX = re.compile(
    r"(tions?|ships?|ments?|ities|ness|ances?|ences?|isms?|ures?|ogy|ical|ative|ists?)$"
)
INITIAL = re.compile(r"^[A-Z]\.$")
DASHES = {"–", "—", "-"}
# "met with", "his counterpart", "welcomed" shortly before a name (and its title)
HEAD_CUE_NEAR = re.compile(
    r"\b(counterpart|welcomed|hosted|received|met with|met|talks with)\s*(?:[\w.\- ]{0,80})?$"
)
SPEECH_VERBS = (
    "said", "noted", "stated", "stressed", "emphasized", "emphasised", "highlighted",
    "underscored", "underlined", "added", "expressed", "welcomed", "thanked", "told",
    "reiterated", "praised", "commended", "invited", "briefed", "informed", "called",
)  # fmt: skip


@dataclass(frozen=True)
class TitlePhrase:
    start: int
    end: int
    title: str
    organization: str | None
    country: str | None


class PeopleFinder:
    """Finds :class:`PersonMention` objects in a parsed Doc (sentences and places set)."""

    def __init__(self, vocab: PeopleVocabulary, gazetteer: Gazetteer) -> None:
        self.vocab = vocab
        self.gaz = gazetteer

    # -- tokens ------------------------------------------------------------------------

    def _place_tokens(self, doc: Doc, places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
        out: dict[int, PlaceMention] = {}
        for place in places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    out[tok.i] = place
        return out

    def _name_like(self, tok: Token, places: dict[int, PlaceMention]) -> bool:
        text = tok.text
        if not text[:1].isupper() or tok.i in places or text in self.vocab.not_name:
            return False
        if INITIAL.match(text):
            return True
        if text.isupper() and len(text) > 1:
            return False
        if NOT_NAME_SUFFIX.search(text.lower()):
            return False
        return bool(re.fullmatch(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", text))

    # -- titles ------------------------------------------------------------------------

    def _title_before(
        self, sent: Span, i: int, places: dict[int, PlaceMention]
    ) -> TitlePhrase | None:
        k = i - 1
        while k >= sent.start:
            tok = sent.doc[k]
            prev_name = k > sent.start and self._name_like(sent.doc[k - 1], places)
            if tok.text in self.vocab.connectors and prev_name:
                break
            ok = (
                tok.text[:1].isupper()
                or tok.text in self.vocab.connectors
                or (tok.text in DASHES and k > sent.start and sent.doc[k - 1].text[:1].isupper())
            )
            if not ok:
                break
            k -= 1
        toks = list(sent.doc[k + 1 : i])
        while toks and (
            toks[0].text in self.vocab.connectors
            or toks[0].text in {"The", "A", "An"}
            or toks[0].text in DASHES
            or (self._name_like(toks[0], places) and not self._is_title_word(toks[0]))
        ):
            toks.pop(0)
        return self._title_phrase(toks, places, possessor=self._possessor(sent, toks, i))

    def _possessor(self, sent: Span, toks: list[Token], i: int) -> str | None:
        first = toks[0].i if toks else i
        if first - 2 >= sent.start and sent.doc[first - 1].text in {"’s", "'s"}:
            return None if first - 2 < 0 else sent.doc[first - 2].text
        return None

    def _is_title_word(self, tok: Token) -> bool:
        return tok.text in self.vocab.title_heads or any(
            part in self.vocab.title_heads for part in tok.text.split("-")
        )

    def _title_after(
        self, sent: Span, j: int, places: dict[int, PlaceMention]
    ) -> TitlePhrase | None:
        doc = sent.doc
        if j >= sent.end or doc[j].text != ",":
            return None
        k = j + 1
        if k < sent.end and doc[k].text.lower() in {"the", "a", "an"}:
            k += 1
        start = k
        while k < sent.end and (doc[k].text[:1].isupper() or doc[k].text in self.vocab.connectors):
            k += 1
        toks = list(doc[start:k])
        while toks and toks[-1].text in self.vocab.connectors:
            toks.pop()
        if not toks or not any(self._is_title_word(t) for t in toks[:5]):
            return None
        return self._title_phrase(toks, places, possessor=None)

    def _title_phrase(
        self, toks: list[Token], places: dict[int, PlaceMention], possessor: str | None
    ) -> TitlePhrase | None:
        if not toks or not any(self._is_title_word(t) for t in toks):
            return None
        country = self._country_of(possessor)
        while toks and toks[0].i in places and places[toks[0].i].kind != "city":
            country = country or places[toks[0].i].code
            toks = toks[1:]
        if not toks:
            return None
        doc = toks[0].doc
        text = doc[toks[0].i : toks[-1].i + 1].text
        title, organization, org_country = split_title(text, self.gaz)
        return TitlePhrase(
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            title,
            organization,
            country or org_country,
        )

    def _country_of(self, word: str | None) -> str | None:
        if not word:
            return None
        return self.gaz.countries.get(word) or self.gaz.demonyms.get(word)

    # -- cues --------------------------------------------------------------------------

    def _role_cue(self, sent: Span, start_char: int, end_char: int) -> str | None:
        before = sent.doc.text[max(sent.start_char, start_char - 60) : start_char]
        # "led by Chilean Vice Minister ...": look past a country word before the title
        before = re.sub(r"(?:\s+(?:the\s+)?[A-Z][\w.’'\-]*){0,3}\s*$", "", before)
        before = before.rstrip(" ,").lower()
        if before.endswith(self.vocab.head_cues_before) or HEAD_CUE_NEAR.search(before):
            return "head"
        after = sent.doc.text[end_char : min(sent.end_char, end_char + 40)].lower()
        if re.match(r"\s*(?:,[^,]*,\s*)?(" + "|".join(self.vocab.head_verbs_after) + r")\b", after):
            return "head"
        return None

    def _delegation_country(
        self, sent: Span, start_char: int, places: Sequence[PlaceMention]
    ) -> str | None:
        text = sent.doc.text
        clause_start = max(
            [sent.start_char]
            + [m.end() + sent.start_char for m in re.finditer(r";|, while|, and", sent.text)
               if m.end() + sent.start_char <= start_char]
        )  # fmt: skip
        for place in reversed(places):
            if clause_start <= place.start < start_char and place.kind in ("demonym", "country"):
                tail = text[place.end : place.end + 30].lower()
                if re.match(r"\s*(delegation|side|counterpart|team)", tail):
                    return place.code
        return None

    # -- main --------------------------------------------------------------------------

    def find(self, doc: Doc, places: Sequence[PlaceMention]) -> list[PersonMention]:
        place_tok = self._place_tokens(doc, places)
        people: dict[str, PersonMention] = {}
        surnames: list[tuple[str, int, int]] = []
        for sent in doc.sents:
            i = sent.start
            while i < sent.end:
                if not self._name_like(doc[i], place_tok):
                    i += 1
                    continue
                j = i
                while j < sent.end and j - i < 4 and self._name_like(doc[j], place_tok):
                    j += 1
                if j - i >= 2:
                    self._candidate(sent, i, j, place_tok, places, people)
                else:
                    surnames.append((doc[i].text, doc[i].idx, doc[i].idx + len(doc[i].text)))
                i = j
        self._link_surnames(people, surnames)
        return sorted(people.values(), key=lambda p: p.start)

    def _candidate(
        self,
        sent: Span,
        i: int,
        j: int,
        place_tok: dict[int, PlaceMention],
        places: Sequence[PlaceMention],
        people: dict[str, PersonMention],
    ) -> None:
        doc = sent.doc
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        before = self._title_before(sent, i, place_tok)
        if before is None and i - 1 > sent.start and doc[i - 1].text == ",":
            before = self._title_before(sent, i - 1, place_tok)  # "The Minister of X, Name,"
        after = self._title_after(sent, j, place_tok)
        cue = self._role_cue(sent, before.start if before else start, end)
        follows = doc.text[end : end + 25].lower()
        speaks = re.match(r"\s*(" + "|".join(SPEECH_VERBS) + r")\b", follows)
        if not (before or after or cue or speaks):
            return
        name = doc[i:j].text
        title = after or before
        mention = PersonMention(
            start=start,
            end=end,
            name=name,
            title=title.title if title else None,
            title_span=(title.start, title.end) if title else None,
            organization=title.organization if title else None,
            country=(title.country if title else None)
            or self._delegation_country(sent, start, places),
            role_cue=cue,
            spans=[(start, end)] + ([(title.start, title.end)] if title else []),
        )
        if mention.organization is None and mention.title:
            mention.organization = infer_organization(mention.title, mention.country, self.gaz)
        existing = people.get(name)
        if existing is None:
            people[name] = mention
            return
        existing.spans.append((start, end))
        for attr in ("title", "title_span", "organization", "country", "role_cue"):
            if getattr(existing, attr) is None:
                setattr(existing, attr, getattr(mention, attr))

    @staticmethod
    def _link_surnames(
        people: dict[str, PersonMention], surnames: list[tuple[str, int, int]]
    ) -> None:
        by_surname: dict[str, list[PersonMention]] = {}
        for person in people.values():
            by_surname.setdefault(person.name.split()[-1], []).append(person)
        for word, start, end in surnames:
            owners = by_surname.get(word, [])
            if len(owners) == 1:
                owners[0].spans.append((start, end))
