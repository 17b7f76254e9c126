"""``bilateral_places_v1``: countries, demonyms, international organizations and cities.

A PhraseMatcher over the gazetteer's surface forms (case-sensitive, so "US" the country is
not "us" the pronoun, plus an upper-case pass for datelines such as "NUR-SULTAN").
Longest match wins where matches overlap. A city's name inside a longer capitalised name
("President Vo Van Thuong") is no city.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bilateral.extraction.extensions import PlaceMention, register_extensions
from bilateral.extraction.gazetteer import Gazetteer, load_gazetteer

LABELS = ("country", "demonym", "io", "city")


class PlacesComponent:
    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        register_extensions()
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lookup: dict[str, dict[str, tuple[str, str]]] = {label: {} for label in LABELS}
        tables: dict[str, dict[str, str]] = {
            "country": gazetteer.countries,
            "demonym": gazetteer.demonyms,
            "io": gazetteer.organizations,
            "city": {form: city.country for form, city in gazetteer.cities.items()},
        }
        for label, table in tables.items():
            originals = {form: form for form in table}
            if label == "city":  # datelines shout: "NUR-SULTAN. KAZINFORM –"
                originals |= {f.upper(): f for f in table if f.upper() not in table}
            for form, original in originals.items():
                name = gazetteer.cities[original].name if label == "city" else original
                self.lookup[label][form] = (table[original], name)
            self.matcher.add(label, [nlp.make_doc(form) for form in originals])

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(self.matcher(doc, as_spans=True))
        found: list[PlaceMention] = []
        for span in spans:
            label = span.label_
            entry = self.lookup[label].get(span.text)
            if entry is None:
                continue
            if label == "city" and _inside_a_name(doc, span):
                continue
            code, name = entry
            found.append(PlaceMention(span.start_char, span.end_char, label, code, name))  # type: ignore[arg-type]
        doc._.places = found
        return doc


def _inside_a_name(doc: Doc, span: Span) -> bool:
    """Whether a city's name is a word inside a longer capitalised name ("President Vo Van
    Thuong"): a capitalised word on each side, the left one not opening the sentence."""
    if span.start == 0 or span.end >= len(doc):
        return False
    left, right = doc[span.start - 1], doc[span.end]
    return left.is_title and right.is_title and not left.is_sent_start


@Language.factory("bilateral_places_v1")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, load_gazetteer())
