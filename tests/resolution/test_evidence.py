"""Sentences of later documents that show an agreement signed or an action done."""

from __future__ import annotations

import pytest

from bilateral.resolution.evidence import (
    Text,
    action_sought,
    agreement_sought,
    find_evidence,
    split_sentences,
)

KAZ_GBR = ["GBR", "KAZ"]
KAZ_USA = ["KAZ", "USA"]
SPCA = "sign a bilateral Agreement on Strategic Partnership and Cooperation"


def test_sentences_keep_their_spans_and_abbreviations() -> None:
    text = "The U.S. delegation met Mr. Smith in Astana. They signed a plan.\nNext line"
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "The U.S. delegation met Mr. Smith in Astana.",
        "They signed a plan.",
        "Next line",
    ]
    assert all(s.span.text_of(text) == s.text for s in found)
    assert [s.done for s in found] == [frozenset(), {"sign"}, frozenset()]


def test_an_agreement_is_named_by_its_title_case_name() -> None:
    spca = {"agreement", "strategic", "partnership", "cooperation"}
    assert agreement_sought(SPCA, KAZ_GBR).words == spca
    early = "early concluding a Strategic Partnership and Cooperation Agreement between Kazakhstan"
    assert agreement_sought(f"{early} and the United Kingdom", KAZ_GBR).words == spca
    unnamed = "swiftly reach an agreement on the transfer of sentenced persons"
    assert agreement_sought(unnamed, KAZ_GBR).words == {
        "agreement",
        "transfer",
        "sentenced",
        "person",
    }


def test_a_signing_sentence_is_evidence() -> None:
    text = ("Talks were held in Astana. The ministers signed a Strategic Partnership and "
            "Cooperation Agreement. A reception followed.")  # fmt: skip
    found = find_evidence(Text(text), agreement_sought(SPCA, KAZ_GBR))
    assert found is not None
    assert found.sentence.span.text_of(text) == (
        "The ministers signed a Strategic Partnership and Cooperation Agreement."
    )
    assert found.strength == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "The countries are preparing to sign a Strategic Partnership and Cooperation Agreement.",
        "A Strategic Partnership and Cooperation Agreement is expected to be signed next year.",
        "The Strategic Partnership and Cooperation Agreement has not yet been signed.",
        "The sides discussed a Strategic Partnership and Cooperation Agreement.",
        "The sides signed a memorandum on cooperation.",
    ],
)
def test_plans_and_other_agreements_are_not_evidence(sentence: str) -> None:
    assert find_evidence(Text(sentence), agreement_sought(SPCA, KAZ_GBR)) is None


def test_an_agreement_named_only_by_generic_words_is_not_sought() -> None:
    sought = agreement_sought("sign the agreement and bring it into force", KAZ_GBR)
    assert sought.words == frozenset()
    assert find_evidence(Text("The agreement was signed."), sought) is None


@pytest.mark.parametrize(
    "action",
    [
        "continue cooperation on consular matters",
        "further strengthen bilateral relations",
        "deepen cooperation in countering terrorism",
        "provide assistance to the reform agenda",
    ],
)
def test_vague_actions_are_not_sought(action: str) -> None:
    assert action_sought(action, KAZ_USA).words == frozenset()


def test_a_concrete_action_is_shown_done_by_its_own_verb() -> None:
    sought = action_sought("open a consulate general in Almaty", KAZ_USA)
    assert sought.words == {"consulate", "general", "almaty"}
    assert sought.verbs == {"open"}
    done = Text("In May the United States opened a consulate general in Almaty.")
    found = find_evidence(done, sought)
    assert found is not None and found.strength == 1.0
    for other in (
        "The United States plans to open a consulate general in Almaty.",
        "The United States closed its consulate general in Almaty.",
        "A consulate general in Almaty was discussed; a new school opened in Astana.",
    ):
        assert find_evidence(Text(other), sought) is None, other
