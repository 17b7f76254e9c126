"""The resolved picture's vocabulary: meetings, people, mechanisms and commitments.

:mod:`bilateral.records` describes what one document says; this module describes what
bilateral concludes across documents. :mod:`bilateral.resolution` produces these objects
from :class:`Report` inputs, the store keeps them, and the interfaces show them.

Identity that must survive re-extraction is expressed with keys built from stable things:
an engagement is ``(document id, ordinal)`` (document ids are content hashes), a person name
is ``country|folded name`` and a commitment is its engagement key plus its ordinal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bilateral.records import Engagement, Span

CommitmentState = Literal["open", "fulfilled", "overdue", "superseded"]
LinkState = Literal["suggested", "accepted", "confirmed", "rejected"]
CorrectionAction = Literal[
    "edit_engagement",
    "edit_meeting",
    "merge_meetings",
    "split_meeting",
    "merge_people",
    "split_people",
    "confirm_link",
    "reject_link",
]

#: Fulfillment links at or above this confidence are facts; below it, suggestions for review.
LINK_THRESHOLD = 0.6


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EngagementKey(_Model):
    """One engagement as one document reports it: the document's id and the ordinal."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document_id: str
    ordinal: int = Field(ge=0)

    def __str__(self) -> str:
        return f"{self.document_id}:{self.ordinal}"

    @classmethod
    def parse(cls, value: str) -> EngagementKey:
        """The key written as ``document_id:ordinal``."""
        document_id, _, ordinal = value.rpartition(":")
        if not document_id or not ordinal.isdigit():
            raise ValueError(f"not an engagement key: {value!r} (expected DOCUMENT_ID:ORDINAL)")
        return cls(document_id=document_id, ordinal=int(ordinal))


def block_of(parties: list[str]) -> str:
    """The resolution block of an engagement: its sorted parties (``KAZ-USA``), or ``-``.

    Meetings, mechanisms and commitment links are resolved within one block, so adding a
    document re-resolves only the blocks its engagements fall in.
    """
    return "-".join(sorted(set(parties))) or "-"


# --------------------------------------------------------------------------- input


class Report(_Model):
    """One engagement as one document reports it: the input of resolution.

    ``text`` is the document's text (for fulfillment evidence); it may be empty when the
    caller does not need evidence sentences. ``sketch`` is the text's MinHash as stored at
    ingest (:func:`bilateral.resolution.duplicates.sketch`), if any.
    """

    key: EngagementKey
    document_name: str
    published: date | None = None
    engagement: Engagement
    text: str = ""
    sketch: bytes | None = None

    @property
    def block(self) -> str:
        return block_of(self.engagement.parties)


class Constraints(_Model):
    """What human corrections impose on resolution (see :mod:`bilateral.services.review`).

    * ``same_meeting`` / ``different_meeting``: pairs of engagement keys that must (not) be
      in one meeting;
    * ``meeting_fields``: field values set by hand on the meeting holding that engagement
      (keyed by ``str(EngagementKey)``);
    * ``same_person`` / ``different_person``: pairs of person name keys
      (:func:`bilateral.resolution.names.name_key`) that must (not) be one person;
    * ``confirmed_links`` / ``rejected_links``: ``(commitment id, str(EngagementKey))`` pairs,
      the engagement being any report of the fulfilling meeting.
    """

    same_meeting: list[tuple[EngagementKey, EngagementKey]] = Field(default_factory=list)
    different_meeting: list[tuple[EngagementKey, EngagementKey]] = Field(default_factory=list)
    meeting_fields: dict[str, dict[str, Any]] = Field(default_factory=dict)
    same_person: list[tuple[str, str]] = Field(default_factory=list)
    different_person: list[tuple[str, str]] = Field(default_factory=list)
    confirmed_links: list[tuple[str, str]] = Field(default_factory=list)
    rejected_links: list[tuple[str, str]] = Field(default_factory=list)


# --------------------------------------------------------------------------- meetings


class SourcedValue(_Model):
    """One value of a field and the documents (ids) that give it."""

    value: Any
    documents: list[str]


class ResolvedField(_Model):
    """A field of a meeting: the value chosen, every value reported, and whether they differ.

    ``disagreement`` is true when sources give incompatible values (31 May vs 5 June; a head
    one source names and another does not). Compatible values of different precision
    (``2024-05-31`` and ``2024-05``) are not a disagreement; the more precise one is chosen.
    ``corrected`` marks a value set by hand.
    """

    value: Any
    values: list[SourcedValue] = Field(default_factory=list)
    disagreement: bool = False
    corrected: bool = False


class Meeting(_Model):
    """One real-world engagement, reported by one or more documents.

    ``id`` is the string key of its anchor report (the smallest member key), so it is stable
    while that report stays in the meeting. ``record`` holds the chosen values (no spans);
    ``fields`` explains each of them.
    """

    id: str
    block: str
    members: list[EngagementKey]
    documents: list[str]
    document_names: list[str]
    record: Engagement
    fields: dict[str, ResolvedField] = Field(default_factory=dict)
    mechanism_id: str | None = None

    @property
    def disagreements(self) -> list[str]:
        return sorted(name for name, field in self.fields.items() if field.disagreement)


# --------------------------------------------------------------------------- people


class Appearance(_Model):
    """A person named in one report: as written, with the title given there."""

    key: EngagementKey
    participant: int
    name: str
    title: str | None = None
    organization: str | None = None
    country: str | None = None
    role: str = "member"
    date: str | None = None
    meeting_id: str | None = None


class RolePeriod(_Model):
    """A title held, from the first to the last dated appearance that shows it."""

    title: str | None = None
    organization: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: list[EngagementKey] = Field(default_factory=list)


class Person(_Model):
    """One person across spellings; ``block`` is the folded family-name skeleton.

    ``mentions`` counts the appearances; lists of people may leave ``appearances`` empty.
    """

    id: str
    name: str
    country: str | None = None
    block: str
    variants: list[str] = Field(default_factory=list)
    name_keys: list[str] = Field(default_factory=list)
    appearances: list[Appearance] = Field(default_factory=list)
    mentions: int = 0
    roles: list[RolePeriod] = Field(default_factory=list)

    def title_on(self, when: str | None) -> str | None:
        """The title valid on ``when`` (an ISO date or prefix), from the role timeline.

        That is the latest period begun by ``when`` (a title holds until another is seen),
        or the earliest one for a date before them all; with no date, the latest. Periods
        without dates count only when none has one.
        """
        dated = sorted((p for p in self.roles if p.start is not None), key=lambda p: p.start or "")
        if not dated:
            return self.roles[-1].title if self.roles else None
        if when is None:
            return dated[-1].title
        best = dated[0]
        for period in dated:
            if (period.start or "")[: len(when)] <= when:
                best = period
        return best.title


# --------------------------------------------------------------------------- mechanisms


class MechanismName(_Model):
    name: str
    first: str | None = None
    last: str | None = None


class MechanismRound(_Model):
    meeting_id: str
    date: str | None = None
    stated_round: int | None = None
    round: int | None = None
    city: str | None = None
    country: str | None = None
    name: str | None = None


class Mechanism(_Model):
    """A dialogue format between parties: its names over time, cadence, rounds and venues."""

    id: str
    block: str
    parties: list[str]
    name: str
    short: str | None = None
    names: list[MechanismName] = Field(default_factory=list)
    cadence: str | None = None
    rounds: list[MechanismRound] = Field(default_factory=list)
    venues: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- commitments


class FulfillmentLink(_Model):
    """A later meeting that carried a commitment out, with the sentence that shows it."""

    meeting_id: str
    engagement: EngagementKey
    documents: list[str]
    document_names: list[str]
    evidence: str = ""
    evidence_document: str | None = None
    evidence_span: Span | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    state: LinkState = "suggested"


class CommitmentStatus(_Model):
    """A commitment made at a meeting, and what became of it."""

    id: str
    key: EngagementKey
    ordinal: int
    meeting_id: str
    block: str
    document_name: str
    text: str
    by: list[str] = Field(default_factory=list)
    due: str | None = None
    kind: str = "action"
    made_on: str | None = None
    status: CommitmentState = "open"
    superseded_by: str | None = None
    links: list[FulfillmentLink] = Field(default_factory=list)

    @staticmethod
    def make_id(key: EngagementKey, ordinal: int) -> str:
        return f"{key}:{ordinal}"


class Resolution(_Model):
    """Everything resolution concludes about a set of reports."""

    meetings: list[Meeting] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    mechanisms: list[Mechanism] = Field(default_factory=list)
    commitments: list[CommitmentStatus] = Field(default_factory=list)


# --------------------------------------------------------------------------- corrections


class Correction(_Model):
    """One human correction, kept as such (who, when, before, after) and never overwritten.

    ``target`` and ``other`` hold stable keys, so a correction survives re-extraction:

    * ``edit_engagement``: ``target`` an engagement key, ``field`` and ``after`` its new value;
    * ``edit_meeting``: ``target`` any member key of the meeting, ``field``, ``after``;
    * ``merge_meetings`` / ``split_meeting``: two engagement keys that must (not) share a
      meeting (a split of one report from a meeting is one correction per other member);
    * ``merge_people`` / ``split_people``: two person name keys;
    * ``confirm_link`` / ``reject_link``: ``target`` a commitment id, ``other`` an engagement
      key of the fulfilling meeting.
    """

    id: int | None = None
    action: CorrectionAction
    target: str
    other: str | None = None
    field: str | None = None
    before: Any = None
    after: Any = None
    author: str
    note: str | None = None
    created_at: datetime | None = None
