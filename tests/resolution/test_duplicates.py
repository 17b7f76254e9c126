"""Near-duplicate documents found with MinHash LSH."""

from __future__ import annotations

from bilateral.resolution.duplicates import near_duplicate_documents, shingles
from bilateral.resolved import EngagementKey, Report
from conftest import make_engagement

STATEMENT = " ".join(
    f"Paragraph {n}: the two delegations reviewed cooperation on topic number {n}, "
    f"agreed on follow-up step {n} and asked their experts to report back by month {n}."
    for n in range(1, 16)
)
OTHER = " ".join(
    f"Item {n}: a separate communique about harvest volume {n} and rail freight tariff {n} "
    f"was released by the ministry of agriculture after session {n}."
    for n in range(1, 16)
)


def report(document: str, text: str, ordinal: int = 0) -> Report:
    return Report(
        key=EngagementKey(document_id=document, ordinal=ordinal),
        document_name=document,
        engagement=make_engagement(),
        text=text,
    )


def test_shingles_are_word_sequences_with_case_and_punctuation_folded() -> None:
    assert shingles("One, two THREE four five six!", size=5) == {
        b"one two three four five",
        b"two three four five six",
    }
    assert shingles("too short", size=5) == {b"too short"}
    assert shingles("  ...  ") == set()


def test_a_republished_statement_is_a_near_duplicate() -> None:
    edited = STATEMENT.replace("Paragraph 7:", "Paragraph seven:") + " Posted by the embassy."
    pairs = near_duplicate_documents([report("b", edited), report("a", STATEMENT)])
    assert pairs == [("a", "b")]


def test_different_statements_are_not_near_duplicates() -> None:
    assert near_duplicate_documents([report("a", STATEMENT), report("b", OTHER)]) == []


def test_documents_without_text_are_skipped() -> None:
    assert near_duplicate_documents([report("a", ""), report("b", " "), report("c", "")]) == []


def test_one_document_with_several_engagements_is_not_its_own_duplicate() -> None:
    reports = [report("a", STATEMENT, 0), report("a", STATEMENT, 1), report("b", OTHER)]
    assert near_duplicate_documents(reports) == []


def test_a_stored_sketch_finds_the_same_copies_as_the_text() -> None:
    from bilateral.records import Engagement
    from bilateral.resolution.duplicates import near_duplicate_documents, sketch
    from bilateral.resolved import EngagementKey, Report

    text = (
        "The foreign ministers of Chile and Peru met in Lima on Monday to discuss trade, "
        "migration and the border, and agreed to meet again next year in Santiago."
    )

    def report(doc: str, body: str, stored: bool) -> Report:
        return Report(key=EngagementKey(document_id=doc, ordinal=0), document_name=doc,
                      engagement=Engagement(), text=body,
                      sketch=sketch(body) if stored else None)  # fmt: skip

    copy = text + " Both sides praised the talks."
    other = "An unrelated statement about fisheries quotas in the North Sea, signed in Oslo."
    for stored in (False, True):
        reports = [report("a", text, stored), report("b", copy, False), report("c", other, True)]
        assert near_duplicate_documents(reports) == [("a", "b")]
    assert sketch("") is None
