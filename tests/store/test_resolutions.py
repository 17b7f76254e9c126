"""The store keeps what resolution concluded, block by block, and the corrections log."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from bilateral.errors import NotFound, ValidationError
from bilateral.records import Engagement
from bilateral.resolved import (
    Appearance,
    CommitmentStatus,
    Correction,
    EngagementKey,
    Mechanism,
    MechanismRound,
    Meeting,
    Person,
    Resolution,
)
from bilateral.store import Store, open_store
from bilateral.store.database import alembic_config
from conftest import FIXED_NOW, make_document, make_engagement, make_participant, make_record


def key(document_id: str, ordinal: int = 0) -> EngagementKey:
    return EngagementKey(document_id=document_id, ordinal=ordinal)


def meeting(document_id: str, block: str, date: str | None = "2023-11-06") -> Meeting:
    parties = block.split("-")
    return Meeting(
        id=str(key(document_id)),
        block=block,
        members=[key(document_id)],
        documents=[document_id],
        document_names=[f"doc-{document_id}"],
        record=Engagement(kind="dialogue", date=date, parties=parties),
        mechanism_id=f"{block}:espd",
    )


def person(pid: str, block: str, *keys: EngagementKey) -> Person:
    appearances = [Appearance(key=k, participant=0, name=pid) for k in keys]
    return Person(id=pid, name=pid.title(), country="USA", block=block, appearances=appearances)


def commitment(document_id: str, block: str, status: str = "open") -> CommitmentStatus:
    return CommitmentStatus(
        id=f"{document_id}:0:0", key=key(document_id), ordinal=0, meeting_id=str(key(document_id)),
        block=block, document_name=f"doc-{document_id}", text="hold the next round",
        status=status,  # type: ignore[arg-type]
    )  # fmt: skip


def resolution(*blocks: tuple[str, str]) -> Resolution:
    return Resolution(
        meetings=[meeting(d, b) for d, b in blocks],
        mechanisms=[Mechanism(id=f"{b}:espd", block=b, parties=b.split("-"), name="ESPD",
                              rounds=[MechanismRound(meeting_id=str(key(d)))])
                    for d, b in blocks],
        commitments=[commitment(d, b) for d, b in blocks],
        people=[person(f"p{d}", "ln", key(d)) for d, _ in blocks],
    )  # fmt: skip


def test_saved_resolution_reads_back(store: Store) -> None:
    store.save_resolution(resolution(("a", "KAZ-USA"), ("b", "CHN-KAZ")), blocks=None,
                          person_blocks=None)  # fmt: skip
    assert store.get_meeting("a:0").block == "KAZ-USA"
    assert [m.id for m in store.list_meetings(block="CHN-KAZ")] == ["b:0"]
    assert [m.id for m in store.list_meetings(mechanism_id="KAZ-USA:espd")] == ["a:0"]
    assert store.get_mechanism("KAZ-USA:espd").rounds[0].meeting_id == "a:0"
    assert store.get_person("pa").appearances[0].key == key("a")
    assert store.get_commitment("a:0:0").status == "open"
    assert store.meeting_id_of("b", 0) == "b:0"
    assert store.meeting_id_of("b", 1) is None
    assert [m.id for m in store.meetings_of([("a", 0), ("b", 0)])] == ["a:0", "b:0"]
    assert store.count_meetings() == 2


def test_saving_some_blocks_leaves_the_others(store: Store) -> None:
    store.save_resolution(resolution(("a", "KAZ-USA"), ("b", "CHN-KAZ")), blocks=None,
                          person_blocks=None)  # fmt: skip
    update = resolution(("c", "KAZ-USA")).model_copy(update={"people": []})
    store.save_resolution(update, blocks=["KAZ-USA"], person_blocks=[])
    assert sorted(m.id for m in store.list_meetings()) == ["b:0", "c:0"]
    assert store.meeting_id_of("a", 0) is None
    assert [c.id for c in store.list_commitments()] == ["b:0:0", "c:0:0"]
    assert sorted(p.id for p in store.list_people()) == ["pa", "pb"]  # people untouched


def test_meetings_list_newest_first_undated_last(store: Store) -> None:
    res = Resolution(meetings=[meeting("a", "KAZ-USA", "2021"), meeting("b", "KAZ-USA", None),
                               meeting("c", "KAZ-USA", "2023-05")])  # fmt: skip
    store.save_resolution(res, blocks=None, person_blocks=None)
    assert [m.id for m in store.list_meetings()] == ["c:0", "a:0", "b:0"]
    assert [m.id for m in store.list_meetings(limit=1, offset=1)] == ["a:0"]


def test_commitments_filter_by_status_and_block(store: Store) -> None:
    res = Resolution(commitments=[commitment("a", "KAZ-USA", "overdue"),
                                  commitment("b", "CHN-KAZ", "open")])  # fmt: skip
    store.save_resolution(res, blocks=None, person_blocks=None)
    assert [c.id for c in store.list_commitments(status="overdue")] == ["a:0:0"]
    assert [c.id for c in store.list_commitments(block="CHN-KAZ")] == ["b:0:0"]


def test_reports_are_loaded_by_block(store: Store) -> None:
    one, two = make_document(text="first readout"), make_document(text="second readout")
    store.add_document(one, make_record(one, make_engagement(parties=["USA", "KAZ"])))
    store.add_document(two, make_record(two, make_engagement(parties=["CHN", "KAZ"]),
                                        make_engagement(parties=["KAZ"])))  # fmt: skip
    assert store.blocks_of_documents([two.id]) == {"CHN-KAZ", "KAZ"}
    reports = store.load_reports(blocks=["CHN-KAZ"], with_text=True)
    assert [(r.key.document_id, r.key.ordinal, r.text) for r in reports] == [
        (two.id, 0, "second readout")
    ]
    assert reports[0].engagement.participants[0].name == "Donald Lu"
    assert len(store.load_reports()) == 3


def test_appearances_are_loaded_by_person_block_with_their_meeting_now(store: Store) -> None:
    doc = make_document(text="a readout")
    store.add_document(doc, make_record(doc, make_engagement(participants=[make_participant()])))
    ghost = key("deleted-document")
    lu = person("lu", "l", key(doc.id), ghost)
    store.save_resolution(Resolution(meetings=[meeting(doc.id, "KAZ-USA")], people=[lu]),
                          blocks=None, person_blocks=None)  # fmt: skip
    [found] = store.load_appearances(["l"])  # the ghost's engagement is not stored
    assert (found.key, found.name, found.meeting_id) == (key(doc.id), "lu", f"{doc.id}:0")
    assert store.load_appearances(["l"], skip={(doc.id, 0)}) == []
    assert store.load_appearances(["other"]) == []
    assert store.get_person("lu").appearances[0].meeting_id == f"{doc.id}:0"


def test_corrections_are_kept_with_time_and_filtered_by_target(store: Store) -> None:
    edit = Correction(action="edit_meeting", target="a:0", field="city", before="Astana",
                      after="Almaty", author="desk")  # fmt: skip
    first = store.add_correction(edit)
    store.add_correction(Correction(action="merge_meetings", target="b:0", other="a:0",
                                    author="desk"))  # fmt: skip
    store.add_correction(Correction(action="confirm_link", target="c:0:0", other="d:0",
                                    author="analyst"))  # fmt: skip
    assert first.id is not None and first.created_at == FIXED_NOW
    assert [c.action for c in store.list_corrections()] == [
        "edit_meeting", "merge_meetings", "confirm_link"
    ]  # fmt: skip
    about_a = store.list_corrections(targets=["a:0"])
    assert [c.action for c in about_a] == ["edit_meeting", "merge_meetings"]
    assert about_a[0].after == "Almaty" and about_a[0].created_at == FIXED_NOW


def test_upgrade_fills_the_block_of_engagements_stored_before_it(
    database_url: str, tmp_path: Path
) -> None:
    (tmp_path / "store").mkdir()
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text(
                "INSERT INTO documents (id, name, media_type, text, ingested_at, extractor_version,"
                " record_document) VALUES ('d1', 'n', 'text/plain', 't', '2026-01-01', '', 'n')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO engagements (id, document_id, ordinal, kind) "
                "VALUES (1, 'd1', 0, 'call')"
            )
        )
        connection.execute(text(
            "INSERT INTO engagement_parties (engagement_id, ordinal, code) "
            "VALUES (1, 0, 'USA'), (1, 1, 'KAZ')"))  # fmt: skip
    engine.dispose()
    with open_store(database_url) as upgraded:
        assert [r.block for r in upgraded.load_reports()] == ["KAZ-USA"]


def test_saving_people_again_moves_appearances_between_people(store: Store) -> None:
    a, b = key("a"), key("b")
    store.save_resolution(Resolution(people=[person("lu", "l", a, b)]), blocks=[],
                          person_blocks=None)  # fmt: skip
    split = [person("lu", "l", a), person("lu-2", "l", b)]
    store.save_resolution(Resolution(people=split), blocks=[], person_blocks=["l"])
    assert [x.key for x in store.get_person("lu").appearances] == [a]
    assert [x.key for x in store.get_person("lu-2").appearances] == [b]
    store.save_resolution(Resolution(people=[]), blocks=[], person_blocks=["l"])
    assert store.list_people() == []


def test_a_documents_sketch_comes_back_with_its_reports(store: Store) -> None:
    doc = make_document(text="a readout with a sketch")
    store.add_document(doc, make_record(doc, make_engagement()), sketch=b"\x01\x02\x03\x04")
    [report] = store.load_reports()
    assert report.sketch == b"\x01\x02\x03\x04"
    assert store.get_document(doc.id).text == "a readout with a sketch"


def test_a_meeting_is_found_by_a_unique_prefix_of_its_id(store: Store) -> None:
    res = Resolution(meetings=[meeting("abcdef01", "KAZ-USA"), meeting("abcdef02", "KAZ-USA")])
    store.save_resolution(res, blocks=None, person_blocks=None)
    assert store.find_meeting("abcdef01:0").id == "abcdef01:0"
    assert store.find_meeting("abcdef02").id == "abcdef02:0"
    with pytest.raises(ValidationError, match="several meetings"):
        store.find_meeting("abcdef")
    with pytest.raises(NotFound):
        store.find_meeting("abc")  # too short to be a prefix
    with pytest.raises(NotFound):
        store.find_meeting("abcdef0%")
