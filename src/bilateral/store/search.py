"""Full-text search over document titles and texts.

A user's query is parsed once, the way PostgreSQL's ``websearch_to_tsquery`` reads it: words
and ``"quoted phrases"`` must all appear, ``or`` between two of them means either, and
``-word`` excludes. Anything else (brackets, stray quotes, ``AND``, ``NEAR``, ``*``) is plain
text, so no query can fail. The parsed query is then written out for the backend:

- SQLite: an FTS5 expression with every term quoted, ranked by ``bm25`` (title weighs 2.5x),
  ``snippet()`` for the excerpt; the ``documents_fts`` table (porter stemmer, diacritics
  folded) is kept in sync with ``documents`` by triggers.
- PostgreSQL: ``websearch_to_tsquery('english', ...)`` over the generated ``search_vector``
  column (title weight A, text weight B, GIN index), ranked by ``ts_rank_cd``,
  ``ts_headline`` for the excerpt. A ``tsvector`` holds at most 1 MB, so only the first
  240,000 characters of a text are indexed there (SQLite indexes all of it).

Excerpts mark matches with ``[`` and ``]``. Differences left: PostgreSQL drops English stop
words and does not fold diacritics; a query of only exclusions finds nothing on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from bilateral.records import SearchHit

_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')
_WORD = re.compile(r"\w")
SNIPPET_TOKENS = 24

_SQLITE = text(
    """
    SELECT d.id, d.name, d.title,
           snippet(documents_fts, -1, '[', ']', '…', :tokens) AS snippet
    FROM documents_fts JOIN documents AS d ON d.id = documents_fts.document_id
    WHERE documents_fts MATCH :query
    ORDER BY bm25(documents_fts, 0.0, 2.5, 1.0), d.name
    LIMIT :limit
    """
)

_POSTGRESQL = text(
    """
    WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
    hits AS (
        SELECT d.id, d.name, d.title, d.text,
               ts_rank_cd(d.search_vector, q.query, 1) AS rank
        FROM documents AS d, q
        WHERE d.search_vector @@ q.query
        ORDER BY rank DESC, d.name
        LIMIT :limit
    )
    SELECT hits.id, hits.name, hits.title,
           ts_headline('english',
                       concat_ws(E'\\n', left(hits.title, 2000), left(hits.text, 240000)),
                       q.query, :options) AS snippet
    FROM hits, q
    ORDER BY hits.rank DESC, hits.name
    """
)
_HEADLINE_OPTIONS = (
    f"StartSel=[, StopSel=], MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS // 2}, "
    'MaxFragments=1, FragmentDelimiter=" … "'
)


@dataclass
class Query:
    """A parsed query: every group must match (one of its terms), no excluded term may."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    def to_fts5(self) -> str:
        expression = " AND ".join(
            "(" + " OR ".join(_fts5_phrase(term) for term in group) + ")" for group in self.groups
        )
        for term in self.excluded:
            expression = f"({expression}) NOT {_fts5_phrase(term)}"
        return expression

    def to_websearch(self) -> str:
        parts = [" or ".join(f'"{term}"' for term in group) for group in self.groups]
        parts += [f'-"{term}"' for term in self.excluded]
        return " ".join(parts)


def _fts5_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(query: str) -> Query | None:
    """The query's structure, or None if it asks for nothing that can be searched."""
    parsed = Query()
    join_next = False
    for match in _TOKEN.finditer(query.replace("\x00", " ")):
        negated, phrase, word = match.groups()
        term = " ".join((phrase if phrase is not None else word).replace('"', " ").split())
        if word is not None and not negated and term.lower() == "or":
            join_next = bool(parsed.groups)
            continue
        if not _WORD.search(term):
            continue
        if negated:
            parsed.excluded.append(term)
        elif join_next:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        join_next = False
    return parsed if parsed.groups else None


def search(connection: Connection, query: str, *, limit: int) -> list[SearchHit]:
    """Documents matching ``query``, best first."""
    parsed = parse_query(query)
    if parsed is None or limit <= 0:
        return []
    if connection.dialect.name == "postgresql":
        params: dict[str, object] = {"query": parsed.to_websearch(), "options": _HEADLINE_OPTIONS}
        rows = connection.execute(_POSTGRESQL, {**params, "limit": limit})
    else:
        params = {"query": parsed.to_fts5(), "tokens": SNIPPET_TOKENS}
        rows = connection.execute(_SQLITE, {**params, "limit": limit})
    return [
        SearchHit(document_id=row.id, document_name=row.name, title=row.title, snippet=row.snippet)
        for row in rows
    ]
