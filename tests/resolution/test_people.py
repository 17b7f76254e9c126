"""People resolution: spellings, bare family names, countries, constraints and order."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.records import Engagement, Participant
from bilateral.resolution.names import name_key
from bilateral.resolution.people import resolve_people
from bilateral.resolved import Constraints, EngagementKey, Meeting, Person, Report
from conftest import make_engagement, make_participant

NONE = Constraints()


def person_named(name: str, country: str | None = "KAZ", **overrides: Any) -> Participant:
    values: dict[str, Any] = {"name": name, "country": country, "title": None, "spans": []}
    return make_participant(**(values | overrides))


def report(
    document: str, *participants: Participant, date: str | None = "2023-01-10", ordinal: int = 0
) -> Report:
    engagement = make_engagement(date=date, participants=list(participants), provenance={})
    return Report(
        key=EngagementKey(document_id=document, ordinal=ordinal),
        document_name=document,
        engagement=engagement,
    )


def meeting_of(*reports: Report, date: str | None = None) -> Meeting:
    keys = sorted((r.key for r in reports), key=str)
    return Meeting(
        id=str(keys[0]),
        block="KAZ-USA",
        members=keys,
        documents=[k.document_id for k in keys],
        document_names=[r.document_name for r in reports],
        record=Engagement(date=date),
    )


def people_of(
    reports: list[Report], meetings: list[Meeting] | None = None, constraints: Constraints = NONE
) -> list[Person]:
    return resolve_people(reports, meetings or [], constraints=constraints)


def spellings(people: list[Person]) -> list[list[str]]:
    return sorted(p.variants for p in people)


def test_spelling_variants_are_one_person() -> None:
    reports = [
        report("d1", person_named("Akan Rakhmetullin")),
        report("d2", person_named("Akan Rakhmetulin")),
        report("d3", person_named("Akan Rakhmetullin")),
        report("d4", person_named("Roman Vasilenko"), person_named("Mukhtar Tileuberdi")),
        report("d5", person_named("Roman Vassilenko"), person_named("Mukhtar Tleuberdi")),
    ]
    people = people_of(reports)
    assert spellings(people) == [
        ["Akan Rakhmetulin", "Akan Rakhmetullin"],
        ["Mukhtar Tileuberdi", "Mukhtar Tleuberdi"],
        ["Roman Vasilenko", "Roman Vassilenko"],
    ]
    akan = next(p for p in people if "Akan Rakhmetullin" in p.variants)
    assert akan.id == "kaz-akan-rakhmetullin"
    assert akan.name == "Akan Rakhmetullin"
    assert akan.country == "KAZ"
    assert akan.name_keys == ["KAZ|akan rakhmetulin", "KAZ|akan rakhmetullin"]
    assert [a.key.document_id for a in akan.appearances] == ["d1", "d2", "d3"]


def test_canonical_name_is_the_most_frequent_full_spelling_then_the_longest() -> None:
    reports = [
        report("d1", person_named("Antony J. Blinken", "USA")),
        report("d2", person_named("Antony Blinken", "USA")),
        report("d3", person_named("Blinken", "USA")),
        report("d4", person_named("Blinken", "USA")),
    ]
    [blinken] = people_of(reports)
    assert blinken.name == "Antony J. Blinken"
    assert blinken.id == "usa-antony-blinken"
    assert blinken.variants == ["Antony Blinken", "Antony J. Blinken", "Blinken"]
    assert blinken.name_keys == ["USA|antony blinken", "USA|blinken"]


def test_bare_family_name_joins_the_full_name() -> None:
    reports = [
        report("d1", person_named("Yermek Kosherbayev")),
        report("d2", person_named("Kosherbayev")),
    ]
    [minister] = people_of(reports)
    assert minister.name == "Yermek Kosherbayev"
    assert len(minister.appearances) == 2


def test_people_of_different_countries_never_merge() -> None:
    reports = [
        report("d1", person_named("Donald Lu", "USA"), person_named("Lu Shaye", "CHN")),
        report("d2", person_named("Lu", "USA")),
        report("d3", person_named("Lu", "CHN")),
    ]
    people = people_of(reports)
    assert [(p.id, len(p.appearances)) for p in people] == [
        ("chn-lu-shaye", 2),
        ("usa-donald-lu", 2),
    ]


def test_similar_names_of_one_country_stay_apart() -> None:
    reports = [
        report("d1", person_named("John Kerry", "USA")),
        report("d2", person_named("John Kirby", "USA")),
    ]
    assert spellings(people_of(reports)) == [["John Kerry"], ["John Kirby"]]


def test_shared_family_name_in_one_country_is_decided_by_the_meeting() -> None:
    with_kairat = report("d1", person_named("Kairat Umarov"))
    with_nurlan = report("d2", person_named("Nurlan Umarov"))
    bare_at_kairat = report("d3", person_named("Umarov"))
    bare_elsewhere = report("d4", person_named("Umarov"))
    meetings = [meeting_of(with_kairat, bare_at_kairat), meeting_of(with_nurlan)]
    people = people_of([with_kairat, with_nurlan, bare_at_kairat, bare_elsewhere], meetings)
    by_name = {p.name: [a.key.document_id for a in p.appearances] for p in people}
    assert by_name == {"Kairat Umarov": ["d1", "d3"], "Nurlan Umarov": ["d2"], "Umarov": ["d4"]}


def test_family_first_names() -> None:
    reports = [
        report("d1", person_named("Wang Yi", "CHN"), person_named("Wang Wei", "CHN")),
        report("d2", person_named("Wang Yi", "CHN")),
        report("d3", person_named("Wang", "CHN")),
    ]
    meetings = [meeting_of(reports[1], reports[2])]
    people = people_of(reports, meetings)
    assert [(p.id, p.block, len(p.appearances)) for p in people] == [
        ("chn-wang-wei", "CHN|wng", 1),
        ("chn-wang-yi", "CHN|wng", 3),
    ]


def test_mention_without_country_joins_a_unique_person_only() -> None:
    reports = [
        report("d1", person_named("Antony Blinken", "USA")),
        report("d2", person_named("Antony Blinken", None)),
        report("d3", person_named("John Smith", "USA"), person_named("John Smith", "GBR")),
        report("d4", person_named("John Smith", None)),
    ]
    people = people_of(reports)
    assert [(p.id, len(p.appearances)) for p in people] == [
        ("gbr-john-smith", 1),
        ("unk-john-smith", 1),
        ("usa-antony-blinken", 2),
        ("usa-john-smith", 1),
    ]
    blinken = people[-2]
    assert blinken.name_keys == ["USA|antony blinken", "|antony blinken"]


def test_no_chaining_through_a_middle_spelling() -> None:
    reports = [report(f"d{i}", person_named("Anna Petrova", "RUS")) for i in range(3)] + [
        report("e1", person_named("Ana Petrova", "RUS")),
        report("e2", person_named("Annabel Petrova", "RUS")),
    ]
    groups = spellings(people_of(reports))
    assert len(groups) == 2
    assert not any({"Ana Petrova", "Annabel Petrova"} <= set(group) for group in groups)


def test_same_person_constraint_merges_incompatible_spellings() -> None:
    reports = [
        report("d1", person_named("Sergey Ivanov", "RUS")),
        report("d2", person_named("Sergei Ivanoff", "RUS")),
        report("d3", person_named("Wang Yi", "CHN")),
        report("d4", person_named("Yi Wang", "CHN")),
    ]
    assert len(people_of(reports)) == 4
    constraints = Constraints(
        same_person=[
            (name_key("Sergey Ivanov", "RUS"), name_key("Sergei Ivanoff", "RUS")),
            ("CHN|Yi Wang", "CHN|wang yi"),
        ]
    )
    assert spellings(people_of(reports, constraints=constraints)) == [
        ["Sergei Ivanoff", "Sergey Ivanov"],
        ["Wang Yi", "Yi Wang"],
    ]


def test_different_person_constraint_splits_and_blocks_bare_names() -> None:
    reports = [
        report("d1", person_named("Roman Vasilenko")),
        report("d2", person_named("Roman Vassilenko")),
        report("d3", person_named("Vassilenko")),
    ]
    constraints = Constraints(
        different_person=[
            ("KAZ|roman vasilenko", "KAZ|roman vassilenko"),
            ("KAZ|vassilenko", "KAZ|roman vasilenko"),
        ]
    )
    people = people_of(reports, constraints=constraints)
    assert spellings(people) == [["Roman Vasilenko"], ["Roman Vassilenko", "Vassilenko"]]


def test_appearances_carry_meeting_and_its_date() -> None:
    undated = report("d1", person_named("Kairat Umarov", title="First Deputy Minister"), date=None)
    meeting = meeting_of(undated, date="2022-12-05")
    [umarov] = people_of([undated], [meeting])
    [appearance] = umarov.appearances
    assert appearance.meeting_id == meeting.id
    assert appearance.date == "2022-12-05"
    assert appearance.title == "First Deputy Minister"
    assert umarov.roles[0].start == "2022-12-05"


def test_titles_over_time_become_role_periods() -> None:
    titles = [
        ("2021-12-15", "Deputy Minister of Foreign Affairs"),
        ("2022-06", "Deputy Foreign Minister"),
        ("2024-05-31", "First Deputy Foreign Minister"),
        ("2024-06", "First Deputy Minister of Foreign Affairs"),
        ("2024-09", "First Deputy Foreign Minister"),
    ]
    reports = [
        report(f"d{i}", person_named("Akan Rakhmetullin", title=title), date=date)
        for i, (date, title) in enumerate(titles)
    ]
    [akan] = people_of(reports)
    periods = [(r.title, r.start, r.end, len(r.evidence)) for r in akan.roles]
    assert periods == [
        ("Deputy Minister of Foreign Affairs", "2021-12-15", "2022-06", 2),
        ("First Deputy Foreign Minister", "2024-05-31", "2024-09", 3),
    ]
    assert akan.title_on("2023-03-01") == "Deputy Minister of Foreign Affairs"
    assert akan.title_on("2024-05-31") == "First Deputy Foreign Minister"
    assert akan.title_on("2026") == "First Deputy Foreign Minister"
    assert akan.title_on(None) == "First Deputy Foreign Minister"


def test_ids_are_unique_and_sorted() -> None:
    reports = [
        report("d1", person_named("Kim Mincheol", "KOR"), person_named("Kim Jisoo", "KOR")),
        report("d2", person_named("Kim", "KOR")),
        report("d3", person_named("Kim", None)),
    ]
    people = people_of(reports)
    ids = [p.id for p in people]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert sum(len(p.appearances) for p in people) == 4


def test_participants_without_a_name_are_skipped() -> None:
    assert people_of([report("d1", person_named("H.E."))]) == []


MIXED = [
    report("d1", person_named("Antony J. Blinken", "USA"), person_named("Mukhtar Tleuberdi")),
    report("d2", person_named("Blinken", "USA"), person_named("Mukhtar Tileuberdi")),
    report("d3", person_named("Antony Blinken", None), person_named("Tileuberdi")),
    report("d4", person_named("Donald Lu", "USA"), person_named("Lu Shaye", "CHN")),
    report("d5", person_named("Lu", "USA"), person_named("Kim", "KOR")),
    report("d6", person_named("Kim Mincheol", "KOR"), person_named("Kim Jisoo", "KOR")),
    report("d7", person_named("Ana Petrova", "RUS"), person_named("Anna Petrova", "RUS")),
    report("d8", person_named("Annabel Petrova", "RUS"), person_named("Lu", None)),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(MIXED))
def test_result_does_not_depend_on_input_order(reports: list[Report]) -> None:
    constraints = Constraints(different_person=[("KOR|kim", "KOR|kim jisoo")])
    expected = people_of(MIXED, constraints=constraints)
    assert people_of(reports, constraints=constraints) == expected


def test_a_block_resolves_the_same_from_its_own_reports() -> None:
    """What an incremental update relies on: the people of one block (country and family
    name) come out the same from the reports naming that family name in that country or
    without a country, as from everything."""
    everyone = people_of(MIXED)

    def near(block: str, other: str) -> bool:
        country, _, family = block.partition("|")
        return other in (block, f"-|{family}") or (country == "-" and other.endswith(family))

    for block in {p.block for p in everyone}:
        naming = [r for r in MIXED if any(near(block, p.block) for p in people_of([r]))]
        alone = [p for p in people_of(naming) if p.block == block]
        assert alone == [p for p in everyone if p.block == block]
