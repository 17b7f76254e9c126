"""Short readouts of our own, as stored records, for the resolution service tests.

Three rounds of a made-up Kazakhstan-United States dialogue (2021, 2022 reported twice,
2023) and an unrelated China-Kazakhstan call. The 2022 round commits to the next round in
2023; the 2023 round carries it out.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from bilateral.records import Commitment, DocumentRecord, Engagement, Participant, SourceDocument
from bilateral.store import Store

MECHANISM = "Kazakhstan-United States Enhanced Strategic Partnership Dialogue"


# Builders of their own (not the root conftest's): this module is imported from test folders
# that have a conftest of their own, where ``import conftest`` would find the wrong one.


def make_participant(**overrides: Any) -> Participant:
    values: dict[str, Any] = {"name": "Donald Lu", "country": "USA", "role": "head",
                              "title": "Assistant Secretary for South and Central Asian Affairs",
                              "organization": "U.S. Department of State"}  # fmt: skip
    return Participant(**(values | overrides))


def make_document(**overrides: Any) -> SourceDocument:
    values: dict[str, Any] = {"name": "readout", "text": "A readout.", "media_type": "text/plain"}
    values.update(overrides)
    values.setdefault("id", hashlib.sha256(values["text"].encode()).hexdigest())
    return SourceDocument(**values)


def make_engagement(**overrides: Any) -> Engagement:
    values: dict[str, Any] = {"kind": "dialogue", "date": "2022-12-05", "city": "Washington",
                              "country": "USA", "parties": ["KAZ", "USA"],
                              "topics": ["regional", "security.nonproliferation"]}  # fmt: skip
    return Engagement(**(values | overrides))


def heads(kaz: str = "Kairat Umarov", usa: str = "Donald Lu") -> list[Participant]:
    return [
        make_participant(name=usa, spans=[]),
        make_participant(name=kaz, title="First Deputy Foreign Minister", country="KAZ",
                         organization="Ministry of Foreign Affairs of Kazakhstan", spans=[]),
    ]  # fmt: skip


def readout(name: str, text: str, **engagement: Any) -> tuple[SourceDocument, DocumentRecord]:
    document = make_document(name=name, text=text, published=date(2022, 12, 8))
    values: dict[str, Any] = {"mechanism": MECHANISM, "participants": heads(),
                              "commitments": [], "provenance": {}, "organizations": []}  # fmt: skip
    record = DocumentRecord(document=name, engagements=[make_engagement(**(values | engagement))])
    return document, record


NEXT_ROUND = Commitment(text="hold the next round in 2023", by=["KAZ", "USA"], due="2023",
                        kind="meeting")  # fmt: skip

READOUTS = {
    "round-2021": readout("round-2021", "The dialogue met in Astana in December 2021.",
                          date="2021-12-15", city="Astana", country="KAZ",
                          participants=heads(kaz="Akan Rakhmetullin")),
    "round-2022-state": readout(
        "round-2022-state", "Washington hosted the dialogue on 5 December 2022; the sides "
        "will hold the next round in 2023.", date="2022-12-05", commitments=[NEXT_ROUND]),
    "round-2022-news": readout(
        "round-2022-news", "Umarov and Lu co-chaired the partnership dialogue in Washington "
        "this week.", date="2022-12", participants=heads(kaz="Kairat Umarov", usa="Lu")),
    "round-2023": readout("round-2023", "Astana hosted the fifth round on 6 November 2023.",
                          date="2023-11-06", city="Astana", country="KAZ", round=5),
    "call-2023": readout("call-2023", "The Chinese and Kazakh ministers spoke by phone.",
                         kind="call", mechanism=None, date="2023-03-01", city=None,
                         country=None, parties=["CHN", "KAZ"],
                         participants=[make_participant(name="Wang Yi", country="CHN",
                                                        title="Foreign Minister", spans=[]),
                                       make_participant(name="Murat Nurtleu", country="KAZ",
                                                        title="Foreign Minister", spans=[])]),
}  # fmt: skip


def store_readouts(store: Store, *names: str) -> list[str]:
    """Store the named readouts (all when none is named); their document ids."""
    return store.add_documents([READOUTS[n] for n in names or READOUTS])
