"""End-to-end extraction of short readouts written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from bilateral.extraction import Extractor
from bilateral.extraction.components.paragraphs import paragraphs
from bilateral.extraction.pipeline import build_pipeline
from bilateral.records import DocumentRecord, SourceDocument

JOINT_STATEMENT = """Joint Statement on the Third Peru-Canada Strategic Dialogue

LIMA, March 14, 2024 – Peruvian Vice Minister of Foreign Affairs Ana Torres welcomed \
Canadian Deputy Minister of Foreign Affairs David Morrison to Lima on March 13, 2024, for the \
third Peru-Canada Strategic Dialogue (PCSD).

The delegations reviewed trade and investment, critical minerals and mining, and climate \
change. Vice Minister Torres thanked Canada for its support on migration management.

Both sides agreed to hold the fourth PCSD in Ottawa next year.
"""

CALL = """Ministers speak by phone

The Foreign Minister of Ghana, Samuel Okudzeto, had a telephone conversation with \
Foreign Minister of Kenya Musalia Mudavadi on June 3, 2025. They discussed regional security.
"""

NOTICE = """The Embassy will be closed on Monday for a public holiday.
Consular services resume on Tuesday morning.
"""


def source(text: str, name: str, published: date | None = None) -> SourceDocument:
    return SourceDocument(
        id=hashlib.sha256(text.encode()).hexdigest(), name=name, text=text, published=published
    )


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def statement(extractor: Extractor) -> DocumentRecord:
    return extractor.extract(source(JOINT_STATEMENT, "pcsd", date(2024, 3, 14)))


def test_dialogue_core_fields(statement: DocumentRecord) -> None:
    (e,) = statement.engagements
    assert (e.kind, e.mechanism_short, e.round) == ("dialogue", "PCSD", 3)
    assert e.mechanism == "Peru-Canada Strategic Dialogue"
    assert (e.date, e.city, e.country) == ("2024-03-13", "Lima", "PER")
    assert e.parties == ["CAN", "PER"]


def test_dialogue_heads(statement: DocumentRecord) -> None:
    heads = {(p.name, p.country) for p in statement.engagements[0].participants if p.role == "head"}
    assert heads == {("Ana Torres", "PER"), ("David Morrison", "CAN")}


def test_dialogue_topics_and_commitment(statement: DocumentRecord) -> None:
    e = statement.engagements[0]
    assert {"economy.trade", "economy.investment", "economy.critical_minerals"} <= set(e.topics)
    assert {"climate_environment", "migration"} <= set(e.topics)
    (c,) = e.commitments
    assert (c.by, c.due, c.kind) == (["CAN", "PER"], "2025", "meeting")
    assert c.text.startswith("hold the fourth PCSD in Ottawa")


def test_every_value_has_provenance_pointing_at_its_words(statement: DocumentRecord) -> None:
    e = statement.engagements[0]
    text = JOINT_STATEMENT
    assert [s.text_of(text) for s in e.provenance["date"]] == ["March 13, 2024"]
    assert [s.text_of(text) for s in e.provenance["city"]] == ["Lima"]
    assert "Peru-Canada Strategic Dialogue" in e.provenance["mechanism"][0].text_of(text)
    assert e.provenance["round"][0].text_of(text) == "third"
    for person in e.participants:
        assert person.spans[0].text_of(text) == person.name
    assert "PCSD in Ottawa" in e.commitments[0].spans[0].text_of(text)


def test_call(extractor: Extractor) -> None:
    (e,) = extractor.extract(source(CALL, "call")).engagements
    assert (e.kind, e.date, e.parties) == ("call", "2025-06-03", ["GHA", "KEN"])
    assert {p.name for p in e.participants if p.role == "head"} == {
        "Samuel Okudzeto", "Musalia Mudavadi",
    }  # fmt: skip


def test_document_without_a_meeting_has_no_engagement(extractor: Extractor) -> None:
    assert extractor.extract(source(NOTICE, "notice", date(2024, 5, 1))).engagements == []


def test_spec_json_has_exactly_the_spec_fields(statement: DocumentRecord) -> None:
    data = statement.to_spec()
    assert set(data) == {"document", "engagements"}
    assert set(data["engagements"][0]) == {
        "kind", "mechanism", "mechanism_short", "round", "date", "date_end", "city",
        "country", "parties", "participants", "organizations", "topics", "commitments",
    }  # fmt: skip
    assert set(data["engagements"][0]["participants"][0]) == {
        "name", "title", "organization", "country", "role",
    }  # fmt: skip


def test_extract_many_keeps_order(extractor: Extractor) -> None:
    docs = [source(CALL, "a"), source(NOTICE, "b"), source(JOINT_STATEMENT, "c")]
    assert [r.document for r in extractor.extract_many(docs, batch_size=2)] == ["a", "b", "c"]


def test_line_breaks_do_not_touch_a_parsed_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Ministers meet\nThey met today.")
    heads = [i - 1 if i else 0 for i in range(len(doc))]
    parsed = Doc(nlp.vocab, words=[t.text for t in doc], heads=heads, deps=["dep"] * len(doc))
    before = [t.is_sent_start for t in parsed]
    assert [t.is_sent_start for t in paragraphs(parsed)] == before


@pytest.mark.skipif(not spacy.util.get_installed_models(), reason="no spaCy model installed")
def test_a_named_model_runs_without_its_parser() -> None:
    model = spacy.util.get_installed_models()[0]
    nlp = build_pipeline(model=model)
    assert not {"parser", "lemmatizer"} & set(nlp.pipe_names)
    record = Extractor(model=model).extract(source(CALL, "call-with-model"))
    assert [e.kind for e in record.engagements] == ["call"]
