"""What the pipeline's components find, as plain data, and the Doc attributes that hold it.

Each component writes one attribute; :mod:`bilateral.extraction.assemble` reads them all and
builds the records. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from spacy.tokens import Doc

Precision = Literal["day", "month", "year"]
PlaceKind = Literal["country", "demonym", "city", "io"]


@dataclass(frozen=True)
class DateMention:
    """A date in the text, at the precision the text gives."""

    start: int
    end: int
    value: str
    precision: Precision
    end_value: str | None = None
    relative: bool = False


@dataclass(frozen=True)
class PlaceMention:
    """A country, demonym, international organization or city; ``code`` is alpha-3 or IO."""

    start: int
    end: int
    kind: PlaceKind
    code: str
    name: str


@dataclass
class PersonMention:
    """A named person with what the text says of them near the name."""

    start: int
    end: int
    name: str
    title: str | None = None
    title_span: tuple[int, int] | None = None
    organization: str | None = None
    country: str | None = None
    role_cue: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class TopicHit:
    code: str
    start: int
    end: int


@dataclass(frozen=True)
class MechanismMention:
    start: int
    end: int
    name: str
    short: str | None
    kind: str
    round: int | None = None
    round_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class SideMeeting:
    """An extra meeting reported in passing ("the delegation also met with ...").

    ``start``/``end`` are the reporting sentence's; ``cue`` the words that report the meeting.
    A meeting with a named person has ``counterpart`` (the person met, as in ``doc._.people``)
    and maybe ``guest`` (the person who met them, when named); a meeting with bodies has
    ``organizations`` (non-governmental) and ``government`` (the country whose officials
    were met). ``delegation`` is the side that held the meeting when the text says so.
    """

    start: int
    end: int
    organizations: tuple[tuple[str, int, int], ...]
    delegation: str | None = None
    cue: tuple[int, int] | None = None
    counterpart: str | None = None
    guest: str | None = None
    government: str | None = None
    same_day: bool = False


ATTRIBUTES: dict[str, object] = {
    "published": None,  # datetime.date | None, set before the pipeline runs
    "dateline_end": 0,  # where the dateline (place, date, publisher) ends
    "dates": None,  # list[DateMention]
    "places": None,  # list[PlaceMention]
    "people": None,  # list[PersonMention]
    "topics": None,  # list[TopicHit]
    "mechanisms": None,  # list[MechanismMention]
    "commitments": None,  # list[commitments.CommitmentSpan]
    "side_meetings": None,  # list[SideMeeting]
}


def register_extensions() -> None:
    """Register the custom Doc attributes (idempotent)."""
    for name, default in ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_TEXT_KEY = "bilateral.text"


def text_of(doc: Doc) -> str:
    """The document's text, built once per Doc.

    spaCy rebuilds ``doc.text`` from the tokens on every access; the components and the
    assembly all read the text, so they share this one copy (the tokens never change).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def published_of(doc: Doc) -> date | None:
    value = doc._.published
    return value if isinstance(value, date) else None
