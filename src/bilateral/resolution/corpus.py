"""The spec's corpus format (``same_event`` groups, ``fulfillments``) from a resolution."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bilateral.resolved import CommitmentStatus, Meeting

#: Link states that count as facts (suggestions and rejected links are left out).
FACT_STATES = frozenset({"accepted", "confirmed"})


def same_event_groups(meetings: Iterable[Meeting]) -> list[list[str]]:
    """Document names of every meeting reported by two or more documents, sorted."""
    groups = {tuple(sorted(set(m.document_names))) for m in meetings}
    return sorted(list(g) for g in groups if len(g) > 1)


def fulfillments(commitments: Iterable[CommitmentStatus]) -> list[dict[str, Any]]:
    """One entry per commitment with a fact link: its document, text and fulfilling documents."""
    out = []
    for c in commitments:
        names = sorted({n for link in c.links if link.state in FACT_STATES
                        for n in link.document_names})  # fmt: skip
        if names:
            out.append({"document": c.document_name, "commitment": c.text, "fulfilled_by": names})
    return sorted(out, key=lambda f: (f["document"], f["commitment"]))


def corpus_of(
    meetings: Iterable[Meeting], commitments: Iterable[CommitmentStatus]
) -> dict[str, Any]:
    return {"same_event": same_event_groups(meetings), "fulfillments": fulfillments(commitments)}
