"""The canonical record of a meeting, chosen from what each of its sources reports.

Every field keeps its evidence: the value chosen, every value reported with the documents
that give it, and whether the sources disagree. Values are chosen by support (how many
documents give a compatible value), then precision (``2024-05-31`` over ``2024-05``, a full
name over a bare family name). Human corrections override the choice and are marked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from bilateral.records import Commitment, Engagement, Organization, Participant
from bilateral.resolution import dates
from bilateral.resolution.names import compatible, words_of
from bilateral.resolution.organizations import (
    OrganizationName,
    normalize_organization,
    preferred_organization,
)
from bilateral.resolved import Report, ResolvedField, SourcedValue

#: Kinds from the most to the least specific, to break ties between sources.
KIND_SPECIFICITY = (
    "dialogue",
    "consultations",
    "working_group",
    "summit",
    "visit",
    "call",
    "meeting",
)
#: Commitments whose folded texts are at least this similar are one commitment.
SAME_COMMITMENT = 90.0

_NOT_WORD = re.compile(r"[^a-z0-9]+")

Sourced = list[tuple[str, Any]]

ROLE_RANK = {"head": 2, "counterpart": 1, "member": 0}


@lru_cache(maxsize=1 << 16)
def fold_text(value: str) -> str:
    """Lower-case ASCII words separated by single spaces: the comparable form of a label."""
    return _NOT_WORD.sub(" ", anyascii(value).lower()).strip()


def tally(
    sourced: Iterable[tuple[str, Any]], normalize: Callable[[Any], Any]
) -> list[SourcedValue]:
    """Non-empty values grouped by their normalized form, each with the documents giving it.

    The first spelling met stands for its group; groups keep the order they were met in.
    """
    groups: dict[Any, SourcedValue] = {}
    for document, value in sourced:
        if value is None or value in ("", []):
            continue
        group = groups.setdefault(normalize(value), SourcedValue(value=value, documents=[]))
        if document not in group.documents:
            group.documents.append(document)
    return list(groups.values())


def choose(
    values: Sequence[SourcedValue],
    support: Callable[[SourcedValue], int] = lambda v: len(v.documents),
    precision: Callable[[Any], float] = lambda value: 0.0,
) -> Any:
    """The value with the most support, then the most precise, then the first met."""
    if not values:
        return None
    best = max(
        range(len(values)), key=lambda i: (support(values[i]), precision(values[i].value), -i)
    )
    return values[best].value


def resolve_field(
    sourced: Sourced,
    normalize: Callable[[Any], Any] = lambda value: value,
    *,
    flag_differences: bool = True,
    precision: Callable[[Any], float] = lambda value: 0.0,
) -> ResolvedField:
    """A plain field: most supported value; a disagreement whenever sources differ."""
    values = tally(sourced, normalize)
    return ResolvedField(
        value=choose(values, precision=precision),
        values=values,
        disagreement=flag_differences and len(values) > 1,
    )


def resolve_date(sourced: Sourced) -> ResolvedField:
    """A date: support counts every document giving a compatible date; precise dates win.

    Sources disagree only when neither of two dates contains the other.
    """
    values = tally(sourced, lambda value: value)

    def support(candidate: SourcedValue) -> int:
        agreeing = (v.documents for v in values if dates.compatible(v.value, candidate.value))
        return len({doc for documents in agreeing for doc in documents})

    clash = any(not dates.compatible(a.value, b.value) for a in values for b in values)
    return ResolvedField(
        value=choose(values, support, dates.precision), values=values, disagreement=clash
    )


def resolve_kind(sourced: Sourced) -> ResolvedField:
    """The kind most sources give, the most specific on ties; calls vs meetings disagree."""
    values = tally(sourced, lambda value: value)
    value = choose(values, precision=lambda kind: -KIND_SPECIFICITY.index(kind))
    calls = {v.value == "call" for v in values}
    return ResolvedField(value=value or "meeting", values=values, disagreement=len(calls) > 1)


def resolve_scalars(reports: Sequence[Report]) -> dict[str, ResolvedField]:
    """Kind, mechanism, round, dates, place and parties."""

    def sourced(name: str) -> Sourced:
        return [(r.key.document_id, getattr(r.engagement, name)) for r in reports]

    parties = [(r.key.document_id, sorted(set(r.engagement.parties))) for r in reports]
    return {
        "kind": resolve_kind(sourced("kind")),
        "mechanism": resolve_field(
            sourced("mechanism"),
            fold_text,
            flag_differences=False,
            precision=lambda name: len(name),
        ),
        "mechanism_short": resolve_field(
            sourced("mechanism_short"), fold_text, flag_differences=False
        ),
        "round": resolve_field(sourced("round")),
        "date": resolve_date(sourced("date")),
        "date_end": resolve_date(sourced("date_end")),
        "city": resolve_field(sourced("city"), fold_text),
        "country": resolve_field(sourced("country")),
        "parties": resolve_field(parties, tuple),
    }


def resolve_topics(reports: Sequence[Report]) -> ResolvedField:
    """Every topic any source gives, in the order met."""
    values = tally(
        ((r.key.document_id, t) for r in reports for t in r.engagement.topics), lambda topic: topic
    )
    return ResolvedField(value=[v.value for v in values], values=values)


@dataclass
class _Person:
    """One participant as several sources name them, while merging."""

    country: str | None
    first: tuple[int, int]
    name: str = ""  # the fullest spelling: most words, then longest
    fullness: tuple[int, int] = (0, 0)
    titles: list[str] = field(default_factory=list)
    organizations: list[OrganizationName] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)

    @property
    def documents(self) -> list[str]:
        """The documents naming this person, in member order."""
        return sorted(self.sources, key=self.sources.__getitem__)

    def add(self, position: tuple[int, int], document: str, person: Participant) -> None:
        fullness = (len(words_of(person.name)), len(person.name))
        if fullness > self.fullness:
            self.name, self.fullness = person.name, fullness
        self.first = min(self.first, position)
        self.titles += [person.title] if person.title else []
        if person.organization:
            self.organizations.append(normalize_organization(person.organization, person.country))
        self.roles.append(person.role)
        self.sources[document] = min(self.sources.get(document, position[0]), position[0])

    def merged(self) -> Participant:
        organization = preferred_organization(self.organizations)
        return Participant(
            name=self.name,
            title=most_common(self.titles),
            organization=organization.name if organization else None,
            country=self.country,
            role=max(self.roles, key=ROLE_RANK.__getitem__),
        )


def most_common(values: list[str]) -> str | None:
    """The value given most often, the longest on ties."""
    counts = Counter(values)
    return max(counts, key=lambda value: (counts[value], len(value))) if counts else None


def cluster_people(reports: Sequence[Report]) -> dict[tuple[int, int], _Person]:
    """Each (report, participant) position mapped to its person, compatible names joined.

    Fuller names are placed first, so a bare family name joins the full name it belongs to.
    """
    positions = [
        (len(words_of(p.name)), r, i)
        for r, report in enumerate(reports)
        for i, p in enumerate(report.engagement.participants)
    ]
    people: list[_Person] = []
    placed: dict[tuple[int, int], _Person] = {}
    for _, r, i in sorted(positions, key=lambda p: (-p[0], p[1], p[2])):
        person = reports[r].engagement.participants[i]
        home = next(
            (
                known
                for known in people
                if known.country == person.country
                and compatible(known.name, person.name, person.country)
            ),
            None,
        )
        if home is None:
            home = _Person(country=person.country, first=(r, i))
            people.append(home)
        home.add((r, i), reports[r].key.document_id, person)
        placed[(r, i)] = home
    return placed


def head_positions(report: Report) -> list[int]:
    return [i for i, p in enumerate(report.engagement.participants) if p.role == "head"]


def merge_participants(
    reports: Sequence[Report],
) -> tuple[list[Participant], ResolvedField, ResolvedField]:
    """Participants across sources, and the ``participants`` and ``heads`` fields.

    Heads disagree when sources that name heads do not name the same people.
    """
    placed = cluster_people(reports)
    people = sorted({id(p): p for p in placed.values()}.values(), key=lambda p: p.first)
    participants = [p.merged() for p in people]
    named = ResolvedField(
        value=[p.name for p in participants],
        values=[SourcedValue(value=p.name, documents=p.documents) for p in people],
    )
    heads_by_source = [
        (report.key.document_id, sorted({placed[(r, i)].name for i in head_positions(report)}))
        for r, report in enumerate(reports)
    ]
    values = tally(heads_by_source, tuple)
    heads = ResolvedField(
        value=[p.name for p in participants if p.role == "head"],
        values=values,
        disagreement=len(values) > 1,
    )
    return participants, named, heads


def merge_organizations(reports: Sequence[Report]) -> tuple[list[Organization], ResolvedField]:
    """Organizations of every source, one per normalized key (``Kazakh Foreign Ministry`` and
    ``MFA of Kazakhstan`` are one) under its canonical name; the first country given kept."""
    merged: dict[str, Organization] = {}
    key_of: dict[str, str] = {}
    sourced = []
    for report in reports:
        for org in report.engagement.organizations:
            norm = normalize_organization(org.name, org.country)
            key_of[norm.name] = norm.key
            sourced.append((report.key.document_id, norm.name))
            country = norm.country or org.country
            known = merged.get(norm.key)
            if known is None:
                merged[norm.key] = Organization(name=norm.name, country=country)
            elif known.country is None and country is not None:
                known.country = country
    values = tally(sourced, key_of.__getitem__)
    return list(merged.values()), ResolvedField(
        value=[o.name for o in merged.values()], values=values
    )


def merge_commitments(reports: Sequence[Report]) -> list[Commitment]:
    """Every commitment once: near-identical texts from several sources are one."""
    kept: list[Commitment] = []
    for report in reports:
        for item in report.engagement.commitments:
            text = fold_text(item.text)
            twin = next(
                (k for k in kept if fuzz.ratio(fold_text(k.text), text) >= SAME_COMMITMENT), None
            )
            if twin is None:
                kept.append(
                    Commitment(text=item.text, by=list(item.by), due=item.due, kind=item.kind)
                )
                continue
            twin.by = sorted(set(twin.by) | set(item.by))
            if dates.precision(item.due) > dates.precision(twin.due):
                twin.due = item.due
    return kept


def apply_corrections(
    fields: dict[str, ResolvedField], corrections: Mapping[str, Any]
) -> dict[str, ResolvedField]:
    """Fields with the hand-set values in place, marked ``corrected``."""
    updated = dict(fields)
    for name, value in corrections.items():
        known = fields.get(name, ResolvedField(value=None))
        updated[name] = known.model_copy(update={"value": value, "corrected": True})
    return updated


def merge_reports(
    reports: Sequence[Report], corrections: Mapping[str, Any] | None = None
) -> tuple[Engagement, dict[str, ResolvedField]]:
    """The canonical engagement of one meeting's reports, and how each field was chosen.

    ``corrections`` (from :attr:`bilateral.resolved.Constraints.meeting_fields`) override
    chosen values. The engagement carries no spans and no provenance.
    """
    if not reports:
        raise ValueError("a meeting needs at least one report")
    fields = resolve_scalars(reports)
    participants, fields["participants"], fields["heads"] = merge_participants(reports)
    organizations, fields["organizations"] = merge_organizations(reports)
    fields["topics"] = resolve_topics(reports)
    corrections = corrections or {}
    fields = apply_corrections(fields, corrections)
    record = {name: f.value for name, f in fields.items() if name in Engagement.model_fields}
    record["kind"] = record["kind"] or "meeting"
    record["parties"] = list(record["parties"] or [])
    merged = {
        "participants": participants,
        "organizations": organizations,
        "commitments": merge_commitments(reports),
    }
    record.update({name: value for name, value in merged.items() if name not in corrections})
    return Engagement.model_validate(record), fields
