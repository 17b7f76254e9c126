"""What the review pages show: field forms, member reports and the corrections history.

Plain objects built from resolved meetings, people and corrections, so that the templates
only lay them out and the routes in :mod:`bilateral.web.review` stay thin.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bilateral.records import ENGAGEMENT_KINDS
from bilateral.resolved import Correction, Meeting
from bilateral.web.forms import JSON_FIELDS, LINE_FIELDS, field_text

#: The editable fields of a meeting, in page order: name, label and how to type a value.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("kind", "Kind", "The kind of engagement."),
    ("mechanism", "Mechanism", "The dialogue format's full name; empty for a one-off."),
    ("mechanism_short", "Short name", "The format's acronym, e.g. ESPD."),
    ("round", "Round", "A whole number, e.g. 5; empty when unknown."),
    ("date", "Date", "YYYY-MM-DD, or YYYY-MM or YYYY when only that is known."),
    ("date_end", "Until", "The last day of a meeting over several days, as YYYY-MM-DD."),
    ("city", "City", "The city it took place in; empty for a call."),
    ("country", "Country", "ISO 3166 three-letter code, e.g. KAZ."),
    ("parties", "Parties", "ISO three-letter codes (or EU, UN), one per line."),
    ("topics", "Topics", "Topic codes, one per line, e.g. security.nonproliferation."),
    ("participants", "Participants",
     'A JSON list of objects with "name", "title", "organization", "country" and '
     '"role" (head, member or counterpart).'),
    ("organizations", "Organizations", 'A JSON list of objects with "name" and "country".'),
    ("commitments", "Commitments",
     'A JSON list of objects with "text", "by" (a list of codes), "due" and "kind" '
     "(meeting, agreement or action)."),
)  # fmt: skip

ACTIONS = {
    "edit_engagement": "Edited a report",
    "edit_meeting": "Edited",
    "merge_meetings": "Merged meetings",
    "split_meeting": "Split a report off",
    "merge_people": "Merged people",
    "split_people": "Split a spelling off",
    "confirm_link": "Confirmed a link",
    "reject_link": "Rejected a link",
}
_WHAT = {
    "edit_engagement": "report {0}",
    "merge_meetings": "{0} with {1}",
    "split_meeting": "report {0} from {1}",
    "merge_people": "{0} with {1}",
    "split_people": "spelling {0} from {1}",
    "confirm_link": "meeting {1}",
    "reject_link": "meeting {1}",
}
_LONG_KEY = re.compile(r"\b([0-9a-f]{10})[0-9a-f]{54}\b")


@dataclass
class FieldForm:
    """One editable field: its current value as typed in the form, and what sources say."""

    name: str
    label: str
    help: str
    control: str  # "select", "text" or "textarea"
    text: str
    shown: str
    corrected: bool = False
    disagreement: bool = False
    sources: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """The values a select offers (kinds), or none for a free field."""
        return ENGAGEMENT_KINDS if self.name == "kind" else ()


@dataclass(frozen=True)
class FormError:
    """A refused form: which one (``edit``, ``merge``, ...), why, and what was typed."""

    form: str
    message: str
    field: str | None = None
    text: str = ""
    author: str | None = None


@dataclass(frozen=True)
class HistoryRow:
    """One correction as the history panel lists it."""

    id: int | None
    when: str
    author: str
    action: str
    what: str
    before: str
    after: str
    note: str


def show(value: Any) -> str:
    """A value for reading: empty as a dash, lists joined, other structures as JSON."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ", ".join(short(str(v)) for v in value)
    if isinstance(value, str | int | float):
        return short(str(value))
    return json.dumps(value, ensure_ascii=False)


def summary(field: str, value: Any) -> str:
    """A field's value in a line: people, organizations and commitments by their names."""
    if not value or field not in JSON_FIELDS:
        return show(value)
    if field == "commitments":
        return "; ".join(c["text"] + (f" (due {c['due']})" if c.get("due") else "") for c in value)
    parts = []
    for item in value:
        details = [item.get("title"), item.get("country")]
        details += ["head"] if item.get("role") == "head" else []
        extra = ", ".join(d for d in details if d)
        parts.append(f"{item['name']} ({extra})" if extra else item["name"])
    return "; ".join(parts)


def short(text: str) -> str:
    """Document ids (64 hex digits) shortened to their first ten digits and an ellipsis."""
    return _LONG_KEY.sub(r"\1…", text)


def field_forms(meeting: Meeting, error: FormError | None = None) -> list[FieldForm]:
    """The edit forms of a meeting, the refused one showing what was typed and why."""
    values = meeting.record.model_dump(mode="json")
    names = dict(zip(meeting.documents, meeting.document_names, strict=False))
    forms = []
    for name, label, help_text in FIELDS:
        resolved = meeting.fields.get(name)
        control = "textarea" if name in LINE_FIELDS | JSON_FIELDS else "text"
        item = FieldForm(
            name=name, label=label, help=help_text,
            control="select" if name == "kind" else control,
            text=field_text(name, values[name]), shown=summary(name, values[name]),
            corrected=bool(resolved and resolved.corrected),
            disagreement=bool(resolved and resolved.disagreement),
        )  # fmt: skip
        if resolved and len(resolved.values) > 1:
            item.sources = [
                f"{show(v.value)} ({', '.join(names.get(d, short(d)) for d in v.documents)})"
                for v in resolved.values
            ]
        if error and error.form == "edit" and error.field == name:
            item.text, item.error = error.text, error.message
        forms.append(item)
    return forms


def member_choices(meeting: Meeting) -> list[tuple[str, str]]:
    """The meeting's reports as ``(engagement key, label naming the document)`` pairs."""
    names = dict(zip(meeting.documents, meeting.document_names, strict=False))
    return [
        (str(key), f"{names.get(key.document_id, short(key.document_id))} (report {key.ordinal})")
        for key in meeting.members
    ]


def history_rows(corrections: list[Correction]) -> list[HistoryRow]:
    """Corrections newest first, as the history panel shows them."""
    rows = []
    for item in reversed(corrections):
        when = item.created_at.strftime("%Y-%m-%d %H:%M UTC") if item.created_at else ""
        template = _WHAT.get(item.action, "{0} {1}")
        what = item.field or short(template.format(item.target, item.other or ""))
        rows.append(HistoryRow(
            id=item.id, when=when, author=item.author, action=ACTIONS.get(item.action, item.action),
            what=what, before=show(item.before), after=show(item.after), note=item.note or "",
        ))  # fmt: skip
    return rows


def saved_row(rows: list[HistoryRow], saved: int | None) -> HistoryRow | None:
    """The correction just recorded (by id), for the confirmation message."""
    return next((row for row in rows if saved is not None and row.id == saved), None)
