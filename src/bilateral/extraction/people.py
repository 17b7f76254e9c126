"""People in a readout, found by their titles, appositions and delegation cues.

Statistical NER misses many officials' names ("Kairat Umarov"), but readouts name people in
a few regular ways, and those are strong signals:

* a title before the name: "First Deputy Foreign Minister of Kazakhstan Kairat Umarov";
* an apposition after it: "Bauyrzhan Akatayev, Director of the Department of ...";
* a delegation cue: "the delegation was led by ...", "his Uzbek counterpart ...".

A name is a run of capitalised tokens that are not title, organization or place words, with
hyphenated parts ("Kassym-Jomart"), particles ("Lula da Silva") and suffixes ("Austin III").
A single word is a name only right after a title ("Minister Kosherbayev") when no full name
owns it. Later mentions by surname ("Assistant Secretary Lu", "Umarov said") and spelling
variants ("Tleuberdi", "Tileuberdi") join the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import partial

from spacy.tokens import Doc, Span, Token

from bilateral.extraction.extensions import PersonMention, PlaceMention
from bilateral.extraction.gazetteer import Gazetteer
from bilateral.extraction.organizations import infer_organization
from bilateral.extraction.people_cues import (
    CueReader,
    Mention,
    delegation_country,
    merge_into,
    same_person,
    surname_owner,
    upgrade_cue,
)
from bilateral.extraction.person_tokens import (
    NameTest,
    NameWords,
    Run,
    TokenView,
    display_name,
    place_tokens,
)
from bilateral.extraction.plural_titles import plural_before
from bilateral.extraction.titles import TitlePhrase, TitleReader
from bilateral.extraction.vocabulary import PeopleVocabulary

LOWER_WORD = re.compile(r"(?<![\w’'\-])[a-z][a-z\-]*(?![\w’'\-])")
MAX_WORDS = 6
MIDDLE_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


class PeopleFinder:
    """Finds :class:`PersonMention` objects in a parsed Doc (sentences and places set)."""

    def __init__(self, vocab: PeopleVocabulary, gazetteer: Gazetteer) -> None:
        self.vocab = vocab
        self.gaz = gazetteer
        self.titles = TitleReader(vocab, gazetteer)
        self.cues = CueReader(vocab)
        self.words = NameWords(vocab, gazetteer)

    # -- names -------------------------------------------------------------------------

    def name_like(self, view: TokenView, tok: Token) -> bool:
        """Whether a token can be a word of a person's name."""
        return self.words.name_like(view, tok)

    def name_runs(self, view: TokenView, sent: Span, is_name: NameTest) -> Iterator[Run]:
        """Candidate names in a sentence, longest first from each starting word."""
        i = sent.start
        while i < sent.end:
            if not (is_name(view.doc[i]) or self.words.city_first_name(view, sent, i, is_name)):
                i += 1
                continue
            j = self._extend(view, sent, i, is_name)
            yield Run(sent, i, j)
            i = j

    def _extend(self, view: TokenView, sent: Span, i: int, is_name: NameTest) -> int:
        """Where the name that starts at token ``i`` ends."""
        doc, j, words = view.doc, i + 1, 1
        while j < sent.end and words < MAX_WORDS:
            text = doc[j].text
            if text == "-" and view.glued(j) and j + 1 < sent.end and view.glued(j + 1):
                if not doc[j + 1].is_alpha:
                    break
                j += 2  # "Kassym-Jomart", "In-shik"
            elif (
                is_name(doc[j]) or self._hyphenated(view, sent, j) or self.words.city_word(view, j)
            ):
                j, words = j + 1, words + 1
            elif text in self.vocab.particles and self._particle_joins(view, sent, j, is_name):
                j += 1  # "Lula da Silva", "el-Sisi", "de la Cruz", "van der Berg"
            elif self._initials_join(view, sent, j, is_name):
                j += 1  # "Sri M.K. Rao": initials run together inside a name
            elif text in self.vocab.suffixes:
                return j + 1
            else:
                break
        return j

    def _particle_joins(self, view: TokenView, sent: Span, j: int, is_name: NameTest) -> bool:
        """Whether the particle at ``j`` leads to more name: "da Silva", "el-Sisi", two
        particles in a row ("de la Cruz", "van der Berg"), a surname that is also a city's
        ("dos Santos")."""
        doc = view.doc
        k = j + 1
        if k < sent.end and doc[k].text in self.vocab.particles and not view.glued(k):
            k += 1  # "de la", "van der", "dos" + "das"
        if k < sent.end and (is_name(doc[k]) or self.words.city_word(view, k)):
            return True
        return (
            k == j + 1
            and j + 2 < sent.end
            and doc[j + 1].text == "-"
            and view.glued(j + 1)
            and view.glued(j + 2)
        )

    def _initials_join(self, view: TokenView, sent: Span, j: int, is_name: NameTest) -> bool:
        """Run-together initials between name words ("L.K." in "Anan L.K. Sari")."""
        doc = view.doc
        return (
            MIDDLE_INITIALS.fullmatch(doc[j].text) is not None
            and doc[j].text not in self.vocab.honorifics
            and j not in view.places
            and j + 1 < sent.end
            and is_name(doc[j + 1])
            and not view.glued(j + 1)
        )

    @staticmethod
    def _hyphenated(view: TokenView, sent: Span, j: int) -> bool:
        """A capitalised word glued to a hyphenated part ("In" of "Woo In-shik")."""
        doc = view.doc
        return (
            doc[j].text[:1].isupper()
            and doc[j].is_alpha
            and j + 2 < sent.end
            and doc[j + 1].text == "-"
            and view.glued(j + 1)
            and view.glued(j + 2)
            and doc[j + 2].is_alpha
        )

    # -- main --------------------------------------------------------------------------

    def find(self, doc: Doc, places: Sequence[PlaceMention]) -> list[PersonMention]:
        view = TokenView(doc, place_tokens(doc, places), self.vocab, self.gaz)
        is_name: NameTest = partial(self.name_like, view)
        common = frozenset(LOWER_WORD.findall(view.text))  # words written in lower case
        people: list[PersonMention] = []
        mentions: list[Mention] = []
        singles: list[Run] = []
        for sent in doc.sents:
            for run in self.name_runs(view, sent, is_name):
                run = self._drop_common_word(view, run, common)
                if self._words(run) >= 2:
                    mention = self._person(view, run, places, is_name)
                    if mention is not None:
                        mention.person = self._add(people, mention.person)
                        mentions.append(mention)
                elif doc[run.i].lower_ not in common:
                    singles.append(run)
        for run in singles:
            mention = self._single(view, run, people, places, is_name)
            if mention is not None:
                mentions.append(mention)
        self.cues.share_coordinated(view.text, mentions)
        return sorted(people, key=lambda p: p.start)

    def _words(self, run: Run) -> int:
        return sum(1 for w in run.text.split() if w not in self.vocab.particles)

    @staticmethod
    def _add(people: list[PersonMention], person: PersonMention) -> PersonMention:
        """The person as listed: a new entry, or the same person met earlier."""
        known = next((p for p in people if same_person(p.name, person.name)), None)
        if known is None:
            people.append(person)
            return person
        merge_into(known, person)
        return known

    @staticmethod
    def _drop_common_word(view: TokenView, run: Run, common: frozenset[str]) -> Run:
        """Trim words written in lower case elsewhere: "Security Policy Kaja Kallas", and in
        a title-case headline "Secretary Clinton Discuss Strategic Issues"."""
        doc, i, j = view.doc, run.i, run.j
        if j - i >= 3 and doc[i].lower_ in common and not view.glued(i + 1):
            i += 1
        title_case = j < run.sent.end and doc[j].text[:1].isupper()
        if j - i >= 2 and title_case and doc[j - 1].lower_ in common and not view.glued(j - 1):
            j -= 1
        return run if (i, j) == (run.i, run.j) else Run(run.sent, i, j)

    def _single(
        self,
        view: TokenView,
        run: Run,
        people: list[PersonMention],
        places: Sequence[PlaceMention],
        is_name: NameTest,
    ) -> Mention | None:
        """A one-word name: a later mention of someone, or a person named by title only."""
        title = self.titles.before(view, run.sent, run.i, is_name)
        gap = view.text[title.end : run.start].split() if title else ["-"]
        adjacent = title is not None and all(w in self.vocab.honorifics for w in gap)
        owner = surname_owner(run.text, people)
        if owner is not None:
            start = title.start if title and adjacent else run.start
            cue = self.cues.role_cue(view.text, run.sent, start, run.end)
            owner.spans.append((run.start, run.end))
            upgrade_cue(owner, cue)
            return Mention(start, run.end, owner, cue)
        if not adjacent or self._inside_title(view, run):
            return None
        mention = self._person(view, run, places, is_name, title_before=title)
        if mention is None:
            return None
        person = mention.person
        same_title = [p for p in people if p.title == person.title and len(p.name.split()) > 1]
        if len(same_title) == 1:  # "President Jokowi" is "President Joko Widodo"
            merge_into(same_title[0], person)
            mention.person = same_title[0]
        else:
            mention.person = self._add(people, person)
        return mention

    @staticmethod
    def _inside_title(view: TokenView, run: Run) -> bool:
        """A word inside a title, not a name: "Commissioner for European Neighbourhood Policy"."""
        nxt = view.doc[run.j] if run.j < run.sent.end else None
        return nxt is not None and view.capitalised(nxt) and view.titled(nxt)

    def _person(
        self,
        view: TokenView,
        run: Run,
        places: Sequence[PlaceMention],
        is_name: NameTest,
        title_before: TitlePhrase | None = None,
    ) -> Mention | None:
        """The person a name run denotes, if the text around it says it is one."""
        sent, doc = run.sent, view.doc
        before = title_before or self.titles.before(view, sent, run.i, is_name)
        if before is None:  # "the Minister of X, Name", "the Commissioner for X, Mr. Name"
            k = run.i - 1
            while k > sent.start and view.address(k, sent.start):
                k -= 1
            if k > sent.start and doc[k].text == ",":
                before = self.titles.before(view, sent, k, is_name)
        after = self.titles.after(view, sent, run.j, is_name)
        body = self.titles.body_after(view, sent, run.j) if after is None else None
        if before is None and after is None:  # "the foreign ministers, A and B"
            office = plural_before(self.vocab, view.text, sent.start_char, run.start)
            if office:
                before = TitlePhrase(run.start, run.start, office, None, None)
        outer_start = before.start if before else run.start
        outer_end = after.end if after else run.end
        cue = self.cues.role_cue(view.text, sent, outer_start, outer_end)
        if not (before or after or cue or self.cues.speaks(view.text, outer_end)):
            return None
        person = self._mention(view.text, run, before, after, body, cue, places)
        return Mention(outer_start, outer_end, person, cue)

    def _mention(
        self,
        text: str,
        run: Run,
        before: TitlePhrase | None,
        after: TitlePhrase | None,
        body: tuple[str | None, str | None] | None,
        cue: str | None,
        places: Sequence[PlaceMention],
    ) -> PersonMention:
        title = after or before
        if after and before and after.additional:  # "Vice President X, who also serves as Y"
            title = TitlePhrase(
                before.start, after.end, f"{before.title} and {after.title}",
                after.organization, after.country,
            )  # fmt: skip
        country = (after.country if after else None) or (before.country if before else None)
        organization = (after.organization if after else None) or (
            before.organization if before else None
        )
        if body is not None:
            organization = organization or body[0]
            country = country or body[1]
        spans = [(run.start, run.end)]
        spans += [(t.start, t.end) for t in (before, after) if t is not None and t.end > t.start]
        mention = PersonMention(
            start=run.start,
            end=run.end,
            name=display_name(run.text),
            title=title.title if title else None,
            title_span=(title.start, title.end) if title else None,
            organization=organization,
            country=country or delegation_country(text, run.sent, run.start, places),
            role_cue=cue,
            spans=spans,
        )
        if mention.organization is None and mention.title:
            mention.organization = infer_organization(mention.title, mention.country, self.gaz)
        return mention
