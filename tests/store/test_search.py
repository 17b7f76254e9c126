"""Full-text search, on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

from __future__ import annotations

import pytest

from bilateral.records import SearchHit
from bilateral.store import Store
from bilateral.store.search import Query, parse_query
from conftest import make_document, make_record

HOSTILE = [
    '"foo',
    "AND OR (",
    "NOT",
    "OR",
    "-",
    '""',
    '"""',
    "*",
    "kazakh*",
    "NEAR(a b)",
    "title:Kazakhstan",
    "^start",
    "a AND",
    "((((",
    "') OR 1=1 --",
    "%_\\",
    "\x00",
    "Kazakh\x00stan",
    "-Kazakhstan",
    "Kazakhstan OR",
    "OR OR Kazakhstan",
    '"unterminated Kazakhstan',
    "{title text}: x",
]


def _add(store: Store, name: str, text: str, title: str | None = None) -> None:
    document = make_document(name=name, text=text, title=title)
    store.add_document(document, make_record(document))


@pytest.fixture
def corpus(store: Store) -> Store:
    _add(
        store,
        "espd",
        "The sixth Enhanced Strategic Partnership Dialogue met in Washington. The delegations "
        "discussed nonproliferation and counterterrorism, and agreed to meet in Astana.",
        title="Kazakhstan dialogue",
    )
    _add(
        store,
        "c5",
        "Foreign ministers of the C5+1 held consultations on water security and trade routes "
        "across Central Asia. Kazakhstan hosted the working group.",
    )
    _add(store, "phone", "The Secretary spoke by phone with the Uzbek foreign minister.")
    return store


def test_search_finds_ranks_and_marks(corpus: Store) -> None:
    hits = corpus.search("Kazakhstan")

    assert [hit.document_name for hit in hits] == ["espd", "c5"]  # a title match ranks first
    assert hits[0].title == "Kazakhstan dialogue"
    assert "[Kazakhstan]" in hits[1].snippet
    assert hits[1].document_id == make_document(name="c5", text=_text(corpus, "c5")).id


def _text(store: Store, name: str) -> str:
    return store.find_document(name).text


def test_search_stems_words(corpus: Store) -> None:
    hits = corpus.search("consultation routes")
    assert [hit.document_name for hit in hits] == ["c5"]
    assert "[consultations]" in hits[0].snippet
    assert "[routes]" in hits[0].snippet


def test_search_phrases_or_and_exclusion(corpus: Store) -> None:
    assert _names(corpus.search('"water security"')) == ["c5"]
    assert _names(corpus.search('"security water"')) == []
    assert sorted(_names(corpus.search("phone or Washington"))) == ["espd", "phone"]
    assert _names(corpus.search("Kazakhstan -water")) == ["espd"]
    assert _names(corpus.search('Kazakhstan -"working group"')) == ["espd"]
    assert _names(corpus.search("Kazakhstan water")) == ["c5"]


def _names(hits: list[SearchHit]) -> list[str]:
    return [hit.document_name for hit in hits]


def test_search_limit(corpus: Store) -> None:
    assert len(corpus.search("Kazakhstan", limit=1)) == 1
    assert corpus.search("Kazakhstan", limit=0) == []


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(corpus: Store, query: str) -> None:
    hits = corpus.search(query)
    assert all(hit.document_name in {"espd", "c5", "phone"} for hit in hits)


def test_punctuation_in_queries_is_text(corpus: Store) -> None:
    assert sorted(_names(corpus.search('"unterminated Kazakhstan'))) == []
    assert sorted(_names(corpus.search("Kazakhstan OR"))) == ["c5", "espd"]
    assert _names(corpus.search("((Astana))")) == ["espd"]
    assert _names(corpus.search("C5+1")) == ["c5"]


def test_search_unicode_and_diacritics(store: Store) -> None:
    _add(store, "ru", "Министр иностранных дел Казахстана провёл переговоры в Астане.")
    _add(store, "accents", "Talks with President Tokáyev in Astana.")

    hits = store.search("Казахстана")
    assert _names(hits) == ["ru"]
    assert "[Казахстана]" in hits[0].snippet
    assert _names(store.search("Tokáyev")) == ["accents"]
    if store.dialect == "sqlite":  # PostgreSQL's english configuration keeps accents
        assert _names(store.search("Tokayev")) == ["accents"]


def test_search_follows_replace_and_delete(store: Store) -> None:
    _add(store, "one", "Consultations in Bishkek.")
    assert _names(store.search("Bishkek")) == ["one"]
    store.delete_document(store.find_document("one").id)
    assert store.search("Bishkek") == []


def test_long_document_is_searchable_and_snippet_is_short(store: Store) -> None:
    filler = " ".join(f"word{i} lorem ipsum dolor" for i in range(5000))
    _add(store, "long", f"{filler} The Samarkand summit ended. {filler}")

    (hit,) = store.search("Samarkand")
    assert "[Samarkand]" in hit.snippet
    assert len(hit.snippet) < 400


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("a b", Query(groups=[["a"], ["b"]])),
        ('"a b" c', Query(groups=[["a b"], ["c"]])),
        ("a or b c", Query(groups=[["a", "b"], ["c"]])),
        ("a OR b OR c", Query(groups=[["a", "b", "c"]])),
        ("or a", Query(groups=[["a"]])),
        ("a -b", Query(groups=[["a"]], excluded=["b"])),
        ('a -"b c"', Query(groups=[["a"]], excluded=["b c"])),
        ('"a', Query(groups=[["a"]])),
        ('x"y', Query(groups=[["x y"]])),
        ("( a )", Query(groups=[["a"]])),
        ("-a", None),
        ("AND OR (", Query(groups=[["AND"]])),
        ("  ", None),
    ],
)
def test_parse_query(query: str, expected: Query | None) -> None:
    assert parse_query(query) == expected


def test_fts5_and_websearch_renderings_quote_every_term() -> None:
    parsed = parse_query('kazakh* or "NEAR(x" -AND')
    assert parsed is not None
    assert parsed.to_fts5() == '(("kazakh*" OR "NEAR(x")) NOT "AND"'
    assert parsed.to_websearch() == '"kazakh*" or "NEAR(x" -"AND"'


def test_huge_document_of_unique_words_is_stored_and_searchable(store: Store) -> None:
    text = "Tashkent " + " ".join(f"ж{i}" for i in range(250_000))  # ~2 MB of unique words
    _add(store, "huge", text)

    assert _names(store.search("Tashkent")) == ["huge"]
    assert store.find_document("huge").text == text
