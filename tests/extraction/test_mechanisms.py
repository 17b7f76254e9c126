import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.mechanisms import ORDINALS, find_mechanisms, kind_from_text


def first(text: str):  # type: ignore[no-untyped-def]
    return next(find_mechanisms(text))


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


def test_plain_consultations() -> None:
    m = first("consular consultations between the two ministries were held")
    assert (m.name, m.kind) == ("consular consultations", "consultations")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ministers had a telephone conversation.", "call"),
        ("Political consultations took place in Rome.", "consultations"),
        ("The leaders met at the summit in Jakarta.", "summit"),
        ("The minister paid an official visit to Brasília.", "visit"),
        ("The Working Group on Migration met.", "working_group"),
        ("The two ministers discussed trade.", None),
    ],
)
def test_kind_cues(text: str, kind: str | None) -> None:
    found = kind_from_text(text)
    assert (found[0] if found else None) == kind
