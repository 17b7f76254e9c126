import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.mechanisms import (
    ORDINALS,
    find_mechanisms,
    format_meeting_cue,
    names_created,
)


def first(text: str) -> MechanismMention:
    return find_mechanisms(text)[0]


def test_named_dialogue_with_abbreviation() -> None:
    m = first("the annual United States-Kazakhstan Enhanced Strategic Partnership Dialogue (ESPD).")
    assert m.name == "United States-Kazakhstan Enhanced Strategic Partnership Dialogue"
    assert (m.short, m.kind, m.round) == ("ESPD", "dialogue", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fifth meeting of the Poland-Canada Strategic Dialogue", 5),
        ("the 12th round of the India-Japan Strategic Dialogue", 12),
        ("the inaugural Canada-Chile Cooperation Council", 1),
        ("the Mexico-Peru Joint Commission", None),
        ("The third round of Ghana-Togo political consultations was held", 3),
        ("the 4th Chile – Peru (CP) Joint Commission", 4),
        ("The Joint Commission of Oman and Kenya held its ninth session in Muscat", 9),
        ("the sixth anniversary meeting of the Brazil-Angola Strategic Dialogue", 6),
        ("the 25th anniversary of the Brazil-Angola Strategic Dialogue", None),
        ("for the first time, the Chile-Peru Strategic Dialogue", None),
        ("On March 5th the Chile-Peru Strategic Dialogue", None),
        ("The seventeenth round will follow the Chile-Peru Strategic Dialogue", None),
    ],
)
def test_round_numbers(text: str, expected: int | None) -> None:
    assert first(text).round == expected


@given(st.sampled_from(sorted(ORDINALS)))
def test_every_ordinal_word_gives_its_number(word: str) -> None:
    assert first(f"the {word} Egypt-Jordan Political Dialogue").round == ORDINALS[word]


@given(st.integers(1, 99))
def test_numeric_ordinals(n: int) -> None:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    assert first(f"the {n}{suffix} Brazil-Chile Strategic Dialogue").round == n


@given(
    st.sampled_from(sorted(ORDINALS)),
    st.sampled_from(["time", "visit", "year", "trip", "decade", "day"]),
)
def test_an_ordinal_of_something_else_is_no_round(word: str, noun: str) -> None:
    assert first(f"for the {word} {noun} since the Chad-Niger Strategic Dialogue").round is None


def test_plain_consultations() -> None:
    m = first("consular consultations between the two ministries were held")
    assert (m.name, m.kind) == ("consular consultations", "consultations")


def test_consultations_on_a_field() -> None:
    m = first("Ghanaian-Togolese consultations on consular issues took place")
    assert (m.name, m.kind) == ("consultations on consular issues", "consultations")


def test_bilateral_consultations_are_no_format() -> None:
    assert find_mechanisms("the two ministries held bilateral consultations") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("held the Spain-Morocco Annual Leaders' Meeting", "Spain-Morocco Annual Leaders' Meeting",
         "summit"),
        ("the first Japan-Fiji 2+2 Ministerial Dialogue", "Japan-Fiji 2+2 Ministerial Dialogue",
         "dialogue"),
        ("the Peru-Chile Working Group on Migration met", "Peru-Chile Working Group on Migration",
         "working_group"),
        ("The Nordic-Baltic High-Level Dialogue on Energy Security opened",
         "Nordic-Baltic High-Level Dialogue on Energy Security", "dialogue"),
        ("the B5+1 ministerial meeting", "B5+1", "dialogue"),
        ("held the Ghana-Togo Permanent Joint Commission on Tuesday",
         "Ghana-Togo Permanent Joint Commission", "dialogue"),
        ("the third meeting of the Chile-Peru High Level Core Group",
         "Chile-Peru High Level Core Group", "working_group"),
        ("the Kenya-Tanzania Task Force on Trade met", "Kenya-Tanzania Task Force on Trade",
         "working_group"),
        ("a meeting of the Polish-Lithuanian Council of Ministers",
         "Polish-Lithuanian Council of Ministers", "dialogue"),
    ],
)  # fmt: skip
def test_format_names(text: str, name: str, kind: str) -> None:
    m = first(text)
    assert (m.name, m.kind) == (name, kind)


@pytest.mark.parametrize(
    "text",
    [
        "reform of the UN Security Council",
        "the Davos World Economic Forum",
        "the State Council of China",
        "Kenya welcomed the European Commission proposal",
        "approved by the Saudi Council of Ministers",
        "a decision of the Council of Ministers",
    ],
)
def test_bodies_and_forums_are_no_formats(text: str) -> None:
    assert find_mechanisms(text) == []


def test_a_name_does_not_run_across_a_sentence() -> None:
    assert first("They met in Lima. The Strategic Dialogue resumed.").name == "Strategic Dialogue"


def test_a_name_does_not_run_across_lines() -> None:
    assert first("World News\n\nPolitical Consultations Held").name == "Political Consultations"


SIDES = ["Kenya", "Chile", "UK", "Viet Nam", "New Zealand", "Ghana", "Peru", "Norway"]


@given(
    st.sampled_from(SIDES),
    st.sampled_from(SIDES),
    st.sampled_from(["annual", "regular", "yearly"]),
    st.sampled_from(["summit", "dialogue", "consultations"]),
)
def test_a_recurring_lower_case_format_named_by_its_sides(
    a: str, b: str, recurrence: str, noun: str
) -> None:
    m = first(f"hosted the first {recurrence} {a}-{b} {noun} on Friday")
    assert (m.name, m.round) == (f"{a}-{b} {noun}", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the fourth Ghana-Togo summit", ("Ghana-Togo summit", 4)),
        ("the Ghana-Togo summit in Accra", None),
        ("the first Ghana-Togo summit since 2019", None),
    ],
)
def test_a_lower_case_format_recurs_only_when_said(
    text: str, expected: tuple[str, int] | None
) -> None:
    found = [(m.name, m.round) for m in find_mechanisms(text)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "created"),
    [
        ("the leaders signed a protocol creating a Kenya-Uganda Joint Council", True),
        ("they agreed on the establishment of a Peru-Chile Working Group", True),
        ("the ministers set up a new Ghana-Togo Joint Commission", True),
        ("the ministers co-chaired the Ghana-Togo Joint Commission", False),
    ],
)
def test_a_format_being_created(text: str, created: bool) -> None:
    assert names_created(text, first(text).start) is created


@pytest.mark.parametrize(
    ("text", "meets"),
    [
        ("The visit closed with a meeting of the Chile-Peru Joint Commission.", True),
        ("Ministers co-chaired the Chile-Peru Joint Commission.", True),
        ("They agreed to convene a session of the Chile-Peru Joint Commission.", False),
        ("They praised the work of the Chile-Peru Joint Commission.", False),
    ],
)
def test_format_meeting_cue(text: str, meets: bool) -> None:
    assert (format_meeting_cue(text, first(text).start) is not None) is meets
