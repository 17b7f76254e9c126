import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.extensions import MechanismMention
from bilateral.extraction.mechanisms import (
    ORDINALS,
    call_without_cue,
    find_mechanisms,
    kind_from_text,
    names_larger_event,
    planned_at,
    reports_held_meeting,
    reports_meeting,
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
    ],
)
def test_bodies_and_forums_are_no_formats(text: str) -> None:
    assert find_mechanisms(text) == []


def test_a_name_does_not_run_across_a_sentence() -> None:
    assert first("They met in Lima. The Strategic Dialogue resumed.").name == "Strategic Dialogue"


def test_a_name_does_not_run_across_lines() -> None:
    assert first("World News\n\nPolitical Consultations Held").name == "Political Consultations"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministers had a telephone conversation.", "call"),
        ("The minister spoke by phone with her counterpart.", "call"),
        ("The leaders held talks by video link.", "call"),
        ("Political consultations took place in Rome.", "consultations"),
        ("The leaders met at the summit in Jakarta.", "summit"),
        ("The presidents held a bilateral summit in Seoul.", "summit"),
        ("The minister paid an official visit to Brasília.", "visit"),
        ("The president chose Chile for his first foreign trip.", "visit"),
        ("The Working Group on Migration met.", "working_group"),
        ("The two ministers discussed trade.", None),
        ("They discussed preparations for the bilateral summit.", None),
        ("They discussed the summit to be held next month.", None),
        ("He briefed her on his upcoming visit to Japan.", None),
    ],
)
def test_kind_cues(text: str, kind: str | None) -> None:
    found = kind_from_text(text)
    assert (found[0] if found else None) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Secretary spoke today with Foreign Minister Rau.", True),
        ("The Secretary spoke with Minister Rau after they met in Warsaw.", False),
        ("The Secretary spoke to reporters.", False),
    ],
)
def test_spoke_with_is_a_call(text: str, expected: bool) -> None:
    assert call_without_cue(text) is expected


@pytest.mark.parametrize(
    ("text", "reports", "held"),
    [
        ("The two ministers met in Accra.", True, True),
        ("She expects her upcoming meeting with the ministers to go well.", True, False),
        ("The minister will visit Peru next week.", True, False),
        ("Citizens may travel to visit Peru without a visa.", False, False),
        ("The embassy advises travellers to call the emergency line.", False, False),
        ("Norway welcomed the Security Council resolution.", False, False),
        ("The President received the Ambassador of Chile.", True, True),
        ("The President received a letter.", False, False),
        ("The minister spoke with Foreign Minister Rau today.", True, True),
    ],
)
def test_sentences_that_report_a_meeting(text: str, reports: bool, held: bool) -> None:
    assert reports_meeting(text) is reports
    assert reports_held_meeting(text) is held


def test_planned_cue() -> None:
    text = "ahead of the summit in May"
    assert planned_at(text, text.index("summit"), text.index("summit") + 6)


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("They met on the sidelines of the Asia Cooperation Summit in Doha.", "Asia", True),
        ("They met on the margins of the assembly, opening the Chile-Peru Dialogue.", "Chile",
         False),
        ("She met him at the Munich Security Conference.", "Munich", True),
        ("The Chile-Peru Dialogue was held at the ministry.", "Chile", False),
    ],
)  # fmt: skip
def test_larger_event(sentence: str, name: str, expected: bool) -> None:
    assert names_larger_event(sentence, sentence.index(name)) is expected
