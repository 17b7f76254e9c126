"""Mechanism names and commitment words compared without the parties' names."""

from __future__ import annotations

import pytest

from bilateral.resolution.mechanism_names import (
    abbreviations,
    content_words,
    initials,
    name_match,
    name_words,
    named_formats,
    slug,
)

KAZ_USA = ["KAZ", "USA"]


@pytest.mark.parametrize(
    "name",
    [
        "United States-Kazakhstan Enhanced Strategic Partnership Dialogue",
        "Kazakhstan-U.S. Enhanced Strategic Partnership Dialogue",
        "the annual Enhanced Strategic Partnership Dialogue",
        "Meeting of the Kazakhstan – U. S. Enhanced Strategic Partnership Dialogue",
        "Enhanced Strategic Partnership Dialogue between the United States of America and "
        "the Republic of Kazakhstan",
    ],
)
def test_wordings_of_one_format_reduce_to_the_same_words(name: str) -> None:
    assert name_words(name, KAZ_USA) == ("enhanced", "strategic", "partnership", "dialogue")


@pytest.mark.parametrize(
    ("name", "parties", "expected"),
    [
        ("Kazakh-German Intergovernmental Working Group", ["DEU", "KAZ"],
         ("intergovernmental", "working", "group")),
        ("China-Kazakhstan Strategic Dialogue", ["CHN", "KAZ"], ("strategic", "dialogue")),
        ("Kazakhstan-U.K. Strategic Dialogue", ["GBR", "KAZ"], ("strategic", "dialogue")),
        ("Kazakhstan-European Union Cooperation Council", ["EU", "KAZ"],
         ("cooperation", "council")),
        ("ROK-Kazakhstan consultation on consular affairs", ["KAZ", "KOR"],
         ("consultation", "consular")),
        ("Chinese-Korean Joint Committee", ["CHN", "KOR"], ("joint", "committee")),
        ("7th round of Turkish-Uzbek political consultations", ["TUR", "UZB"],
         ("political", "consultation")),
    ],
)  # fmt: skip
def test_any_pair_of_countries_and_their_demonyms_is_stripped(
    name: str, parties: list[str], expected: tuple[str, ...]
) -> None:
    assert name_words(name, parties) == expected


def test_only_the_parties_names_are_stripped() -> None:
    assert name_words("U.S.-Kazakhstan Working Group on Afghanistan", KAZ_USA) == (
        "working",
        "group",
        "afghanistan",
    )
    assert name_words("India-Kazakhstan Joint Indicators Committee", ["IND", "KAZ"]) == (
        "joint",
        "indicator",
        "committee",
    )


def test_word_order_and_plurals_do_not_make_a_different_key() -> None:
    a = name_words("consultations on consular issues", ["KAZ", "TUR"])
    b = name_words("consular consultations", ["KAZ", "TUR"])
    assert set(a) == set(b)
    assert slug(name_words("consular consultations", ["KAZ", "TUR"], stemmed=False)) == (
        "consular-consultations"
    )
    assert slug(("c5+1",)) == "c5plus1"


def test_initials_and_abbreviations() -> None:
    assert initials(("enhanced", "strategic", "partnership", "dialogue")) == "espd"
    text = "The U.S. and Kazakhstan agreed to hold the next ESPD and a C5+1 meeting in the US."
    assert abbreviations(text, KAZ_USA) == ["espd", "c5+1"]


def test_named_formats_in_a_commitment() -> None:
    text = "prepare the inaugural meeting of a High-Level Dialogue on Democratic Reforms in 2022"
    assert named_formats(text, KAZ_USA) == [("high", "level", "dialogue", "democratic", "reform")]
    assert named_formats("hold the next meeting in Astana", KAZ_USA) == []


def test_name_match_needs_two_shared_words() -> None:
    hld = frozenset(name_words("High-Level Dialogue on Human Rights and Democratic Reform", []))
    espd = frozenset(name_words("Enhanced Strategic Partnership Dialogue", []))
    named = ("high", "level", "dialogue", "democratic", "reform")
    assert name_match(named, [hld]) == 1.0
    assert name_match(named, [espd]) == 0.0


def test_content_words_drop_function_words_and_parties() -> None:
    words = content_words(
        "The sides will sign an Agreement between Kazakhstan and the U.S.", KAZ_USA
    )
    assert words == {"sign", "agreement"}
