"""The shared vocabulary: documents, engagement records and their provenance.

The record classes mirror ``record-format.md`` (the extraction contract) field for field;
:meth:`DocumentRecord.to_spec` writes exactly that JSON. Provenance (the character spans a
value came from, in the document's text) travels beside the values and is left out of the
spec JSON unless asked for.

Sources, extraction and the store share only this module.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EngagementKind = Literal[
    "dialogue", "consultations", "meeting", "visit", "call", "summit", "working_group"
]
ENGAGEMENT_KINDS: tuple[str, ...] = (
    "dialogue",
    "consultations",
    "meeting",
    "visit",
    "call",
    "summit",
    "working_group",
)
Role = Literal["head", "member", "counterpart"]
CommitmentKind = Literal["meeting", "agreement", "action"]


class Span(BaseModel):
    """Half-open character range ``[start, end)`` in a document's text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


# --------------------------------------------------------------------------- documents


class SourceDocument(BaseModel):
    """A document read from a file, folder entry, URL or pasted text.

    ``id`` is the SHA-256 of the normalised text, so the same content always gets the
    same id wherever it comes from.
    """

    id: str
    name: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    media_type: str = "text/plain"


# --------------------------------------------------------------------------- records


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Participant(_Record):
    name: str
    title: str | None = None
    organization: str | None = None
    country: str | None = None
    role: Role = "member"
    spans: list[Span] = Field(default_factory=list)


class Organization(_Record):
    name: str
    country: str | None = None
    spans: list[Span] = Field(default_factory=list)


class Commitment(_Record):
    text: str
    by: list[str] = Field(default_factory=list)
    due: str | None = None
    kind: CommitmentKind = "action"
    spans: list[Span] = Field(default_factory=list)


class Engagement(_Record):
    """One engagement (meeting, call, visit, round of a dialogue) as a document reports it.

    ``provenance`` maps a field name (``kind``, ``mechanism``, ``date``, ``city``, ...),
    ``party:XXX`` or ``topic:code`` to the spans that support it.
    """

    kind: EngagementKind = "meeting"
    mechanism: str | None = None
    mechanism_short: str | None = None
    round: int | None = None
    date: str | None = None
    date_end: str | None = None
    city: str | None = None
    country: str | None = None
    parties: list[str] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    provenance: dict[str, list[Span]] = Field(default_factory=dict)

    def to_spec(self, *, with_provenance: bool = False) -> dict[str, Any]:
        """This engagement as the spec's JSON object."""
        exclude: Any = (
            None
            if with_provenance
            else {
                "provenance": True,
                "participants": {"__all__": {"spans"}},
                "organizations": {"__all__": {"spans"}},
                "commitments": {"__all__": {"spans"}},
            }
        )
        data = self.model_dump(mode="json", exclude=exclude)
        data["parties"] = sorted(data["parties"])
        return data


class DocumentRecord(_Record):
    """Everything extracted from one document: the spec's per-document JSON."""

    document: str
    engagements: list[Engagement] = Field(default_factory=list)

    def to_spec(self, *, with_provenance: bool = False) -> dict[str, Any]:
        return {
            "document": self.document,
            "engagements": [e.to_spec(with_provenance=with_provenance) for e in self.engagements],
        }


# --------------------------------------------------------------------------- stored views


class StoredDocument(BaseModel):
    """A document as the store keeps it."""

    id: str
    name: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    media_type: str = "text/plain"
    ingested_at: datetime
    extractor_version: str = ""
    text: str = ""
    engagement_ids: list[int] = Field(default_factory=list)


class EngagementSummary(BaseModel):
    """One line of the engagements list."""

    id: int
    document_id: str
    document_name: str
    kind: str
    mechanism: str | None = None
    date: str | None = None
    city: str | None = None
    country: str | None = None
    parties: list[str] = Field(default_factory=list)
    heads: list[str] = Field(default_factory=list)


class StoredEngagement(BaseModel):
    """An engagement with the document it came from (its text, for showing provenance)."""

    id: int
    document: StoredDocument
    record: Engagement


class SearchHit(BaseModel):
    """A full-text hit: the document and a snippet with ``[`` ``]`` marks around matches."""

    document_id: str
    document_name: str
    title: str | None = None
    snippet: str


class Page(BaseModel):
    """A page of results."""

    items: list[EngagementSummary]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))
