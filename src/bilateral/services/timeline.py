"""Browsing the resolved picture: the home page, the meetings timeline, one meeting.

The web pages call these; each reads what one page needs from the store (filtered, counted
and paged in SQL) and hands back plain objects.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from bilateral.errors import NotFound, ValidationError
from bilateral.records import ENGAGEMENT_KINDS, Engagement, Participant, StoredDocument
from bilateral.resolution.names import compatible
from bilateral.resolved import CommitmentStatus, EngagementKey, Meeting, Person
from bilateral.store import Store
from bilateral.store.browsing import (
    FACETS,
    Count,
    MeetingPage,
    MeetingQuery,
    Mention,
    RecentDocument,
)
from bilateral.taxonomy import load_taxonomy

__all__ = [
    "FACETS", "STATUSES", "CommitmentQuery", "Count", "Filters", "Home", "InvalidFilter",
    "MeetingDetail", "MeetingPage", "RecentDocument", "Source", "Timeline", "commitments",
    "home", "meeting_detail", "parse_commitment_query", "parse_filters", "timeline",
    "topic_labels",
]  # fmt: skip

PER_PAGE = 50
MAX_PAGE = 100_000
HOME_ITEMS = 8
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MAX_VALUE = 200
STATUSES = ("open", "overdue", "fulfilled", "superseded")


class InvalidFilter(ValidationError):
    """A filter value that cannot mean anything (a malformed date, an unknown kind)."""

    http_status = 422


def parse_period(text: str, *, last_day: bool = False) -> date:
    """``2021``, ``2023-06`` or ``2023-06-14`` as its first (or last) day."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        raise InvalidFilter(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        first = date(year, month or 1, day or 1)
        if day is not None or not last_day:
            return first
        if month is None:
            return date(year, 12, 31)
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    except ValueError as exc:
        raise InvalidFilter(f"{text!r} is not a date: {exc}") from exc


@dataclass(frozen=True)
class Filters:
    """The timeline's filters as given in the address (``from``/``to`` kept as written)."""

    pair: str | None = None
    mechanism: str | None = None
    kind: str | None = None
    topic: str | None = None
    person: str | None = None
    start: str | None = None
    end: str | None = None
    page: int = 1

    def query(self) -> MeetingQuery:
        return MeetingQuery(
            block=self.pair, mechanism_id=self.mechanism, kind=self.kind, topic=self.topic,
            person_id=self.person,
            start=parse_period(self.start) if self.start else None,
            end=parse_period(self.end, last_day=True) if self.end else None,
        )  # fmt: skip

    @property
    def active(self) -> bool:
        return any((self.pair, self.mechanism, self.kind, self.topic, self.person,
                    self.start, self.end))  # fmt: skip

    def value(self, facet: str) -> str | None:
        """The value chosen for a facet (``pair``, ``mechanism``, ``kind``, ...)."""
        return self.query().chosen(facet) if facet in FACETS else None

    def link(self, **changes: str | int | None) -> str:
        """The query string (``?pair=KAZ-USA&page=2``) of these filters with ``changes``;
        any change but the page goes back to the first page."""
        if "page" not in changes:
            changes["page"] = 1
        merged = {**self.params(), **{_PARAM.get(k, k): v for k, v in changes.items()}}
        items = [(k, str(v)) for k, v in merged.items() if v not in (None, "") and
                 not (k == "page" and v == 1)]  # fmt: skip
        return "?" + urlencode(items) if items else ""

    def params(self) -> dict[str, str | int | None]:
        return {"pair": self.pair, "mechanism": self.mechanism, "kind": self.kind,
                "topic": self.topic, "person": self.person, "from": self.start,
                "to": self.end, "page": self.page}  # fmt: skip


_PARAM = {"start": "from", "end": "to"}


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    if len(value) > _MAX_VALUE or "\x00" in value:
        raise InvalidFilter(f"{name}: not a value this timeline can filter on")
    return value


def parse_filters(params: Mapping[str, str]) -> Filters:
    """The filters of a timeline address; :class:`InvalidFilter` (422) for nonsense."""
    page = _page_number(params)
    kind = _text(params, "kind")
    if kind is not None and kind not in ENGAGEMENT_KINDS:
        raise InvalidFilter(f"kind: {kind!r} is not one of {', '.join(ENGAGEMENT_KINDS)}")
    filters = Filters(
        pair=_text(params, "pair"), mechanism=_text(params, "mechanism"), kind=kind,
        topic=_text(params, "topic"), person=_text(params, "person"),
        start=_text(params, "from"), end=_text(params, "to"), page=page,
    )  # fmt: skip
    query = filters.query()  # checks the dates
    if query.start and query.end and query.start > query.end:
        raise InvalidFilter(f"from ({filters.start}) is after to ({filters.end})")
    return filters


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class Timeline:
    """One page of the timeline with its filters, facets and page count."""

    filters: Filters
    result: MeetingPage
    topic_labels: dict[str, str]
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, -(-self.result.total // self.per_page))


def timeline(store: Store, filters: Filters, *, per_page: int = PER_PAGE) -> Timeline:
    """The meetings matching ``filters``, newest first, with counts by facet."""
    result = store.browse_meetings(
        filters.query(), limit=per_page, offset=(filters.page - 1) * per_page
    )
    return Timeline(filters, result, topic_labels(), per_page)


def topic_labels() -> dict[str, str]:
    """The label of each topic code of the taxonomy (``economy.trade``: ``Trade``)."""
    return {t.code: t.label for t in load_taxonomy()}


# --------------------------------------------------------------------------- home


@dataclass(frozen=True)
class Home:
    """What the home page shows: what changed, what is due, where most meetings are."""

    today: date
    documents: int
    meetings: int
    recent: list[RecentDocument]
    due: list[CommitmentStatus]
    due_total: int
    overdue: list[CommitmentStatus]
    overdue_total: int
    pairs: list[Count]
    mechanisms: list[Count]


def home(store: Store, *, today: date, items: int = HOME_ITEMS) -> Home:
    """The home page: recent documents, commitments due this year or next and overdue, and
    the country pairs and mechanisms with most meetings."""
    due, due_total = store.find_commitments(
        status="open", due_from=str(today.year), due_before=str(today.year + 2), limit=items
    )
    overdue, overdue_total = store.find_commitments(
        status="overdue", latest_first=True, limit=items
    )
    return Home(
        today=today, documents=store.count_documents(), meetings=store.count_meetings(),
        recent=store.recent_documents(limit=items), due=due, due_total=due_total,
        overdue=overdue, overdue_total=overdue_total,
        pairs=store.count_values("pair", limit=items),
        mechanisms=store.count_values("mechanism", limit=items),
    )  # fmt: skip


@dataclass(frozen=True)
class CommitmentQuery:
    """The commitments list's filter (a status, or every commitment) and page."""

    status: str | None = None
    page: int = 1

    def link(self, **changes: str | int | None) -> str:
        values = {"status": self.status, "page": 1, **changes}
        items = [(k, str(v)) for k, v in values.items() if v not in (None, "", 1)]
        return "?" + urlencode(items) if items else ""


def _page_number(params: Mapping[str, str]) -> int:
    text = _text(params, "page") or "1"
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise InvalidFilter(f"page: {text!r} is not a page number (1 to {MAX_PAGE})")
    return int(text)


def parse_commitment_query(params: Mapping[str, str]) -> CommitmentQuery:
    """The commitments list's address; :class:`InvalidFilter` (422) for an unknown status."""
    status = _text(params, "status")
    if status is not None and status not in STATUSES:
        raise InvalidFilter(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    return CommitmentQuery(status=status, page=_page_number(params))


def commitments(
    store: Store, query: CommitmentQuery, *, per_page: int = PER_PAGE
) -> tuple[list[CommitmentStatus], int]:
    """Commitments of one status (all when None) by due date (overdue ones latest first), a
    page at a time; and how many there are."""
    return store.find_commitments(status=query.status, latest_first=query.status == "overdue",
                                  limit=per_page, offset=(query.page - 1) * per_page)  # fmt: skip


# --------------------------------------------------------------------------- one meeting


@dataclass(frozen=True)
class Source:
    """One report of a meeting: the document (with its text) and its engagement record."""

    key: EngagementKey
    document: StoredDocument
    engagement: Engagement
    engagement_id: int | None


@dataclass(frozen=True)
class MeetingDetail:
    """Everything the meeting page shows."""

    meeting: Meeting
    sources: list[Source]
    people: list[Person | None]  # the person of each participant of the record
    mention_people: dict[tuple[str, int, int], Person]  # (document, ordinal, participant)
    made: list[CommitmentStatus]
    fulfilled: list[CommitmentStatus]
    linked: dict[str, Meeting] = field(default_factory=dict)


def _sources(store: Store, meeting: Meeting) -> list[Source]:
    found: list[Source] = []
    for document_id in meeting.documents:
        document = store.get_document(document_id)
        record = store.get_record(document_id)
        for key in meeting.members:
            if key.document_id == document_id and key.ordinal < len(record.engagements):
                ids = document.engagement_ids
                found.append(
                    Source(
                        key,
                        document,
                        record.engagements[key.ordinal],
                        ids[key.ordinal] if key.ordinal < len(ids) else None,
                    )
                )
    return found  # fmt: skip


def person_of(participant: Participant, mentions: list[Mention]) -> Person | None:
    """The person a merged participant is: the one whose mentions (of the same country) are
    spelled alike, preferring one that has the exact spelling among its variants."""
    alike = [m.person for m in mentions if m.country == participant.country and (
        participant.name in m.person.variants or m.name == participant.name
        or compatible(participant.name, m.name, participant.country))]  # fmt: skip
    if not alike:
        return None
    exact = [p for p in alike if participant.name in p.variants or p.name == participant.name]
    counts = Counter(p.id for p in exact or alike)
    best = max(counts, key=lambda i: (counts[i], i))
    return next(p for p in alike if p.id == best)


def meeting_detail(store: Store, meeting_id: str) -> MeetingDetail:
    """One meeting with its sources, people, commitments; :class:`NotFound` otherwise."""
    if "\x00" in meeting_id:
        raise NotFound(f"no meeting with id {meeting_id!r}")
    meeting = store.get_meeting(meeting_id)
    mentions = store.mentions_in([(k.document_id, k.ordinal) for k in meeting.members])
    made, fulfilled = store.commitments_of_meeting(meeting)
    linked_ids = [link.meeting_id for c in made for link in c.links]
    return MeetingDetail(
        meeting=meeting, sources=_sources(store, meeting),
        people=[person_of(p, mentions) for p in meeting.record.participants],
        mention_people={(m.document_id, m.ordinal, m.participant): m.person for m in mentions},
        made=made, fulfilled=fulfilled,
        linked={m.id: m for m in store.meetings_by_id(linked_ids)},
    )  # fmt: skip
