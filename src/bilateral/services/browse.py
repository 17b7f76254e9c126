"""Read-only views of the store for people: lists, pages, search."""

from __future__ import annotations

from bilateral.records import Page, SearchHit, StoredDocument, StoredEngagement
from bilateral.store import Store


def list_engagements(store: Store, *, page: int = 1, per_page: int = 50) -> Page:
    """Engagements, newest meeting date first (undated last)."""
    return store.list_engagements(page=max(1, page), per_page=max(1, min(per_page, 200)))


def get_engagement(store: Store, engagement_id: int) -> StoredEngagement:
    """One engagement with its source document; raises NotFound."""
    return store.get_engagement(engagement_id)


def get_document(store: Store, document_id: str) -> StoredDocument:
    """One document with its original text; raises NotFound."""
    return store.get_document(document_id)


def search(store: Store, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search over documents; an empty query finds nothing."""
    query = query.strip()
    if not query:
        return []
    return store.search(query, limit=limit)
