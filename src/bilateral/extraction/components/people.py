"""``bilateral_people_v1``: people with titles, organizations, countries and role cues."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bilateral.extraction.extensions import register_extensions
from bilateral.extraction.gazetteer import load_gazetteer
from bilateral.extraction.people import PeopleFinder
from bilateral.extraction.vocabulary import people_vocabulary


class PeopleComponent:
    def __init__(self) -> None:
        self.finder = PeopleFinder(people_vocabulary(), load_gazetteer())

    def __call__(self, doc: Doc) -> Doc:
        doc._.people = self.finder.find(doc, doc._.places or [])
        return doc


@Language.factory("bilateral_people_v1", requires=["doc.sents"])
def make_people(nlp: Language, name: str) -> PeopleComponent:
    register_extensions()
    return PeopleComponent()
