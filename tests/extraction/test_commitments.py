import pytest

from bilateral.extraction.commitments import find_commitments


def texts(sentence: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_commitments(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sides agreed to hold the next round in Lima in 2025.",
         [("hold the next round in Lima in 2025", "meeting")]),
        ("Both ministers expressed the intention to sign the visa facilitation agreement.",
         [("sign the visa facilitation agreement", "agreement")]),
        ("Canada pledged to expand scholarships for Peruvian students.",
         [("expand scholarships for Peruvian students", "action")]),
        ("They look forward to holding consultations next year.",
         [("holding consultations next year", "meeting")]),
        ("The delegations underscored their commitment to deepening trade ties, which grew.",
         [("deepening trade ties", "action")]),
    ],
)  # fmt: skip
def test_commitments_are_found(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister expressed support for the reform agenda.",
        "Both sides stressed the importance of regular dialogue.",
        "They look forward to the visit of the President.",
        "The ministers discussed energy security and trade.",
    ],
)
def test_support_importance_and_discussion_are_not_commitments(sentence: str) -> None:
    assert texts(sentence) == []


def test_offsets_cover_the_text() -> None:
    sentence = "The parties agreed to  open a consulate\nin Cusco."
    (c,) = find_commitments(sentence, offset=100)
    assert sentence[c.start - 100 : c.end - 100] == "open a consulate\nin Cusco"
    assert c.text == "open a consulate in Cusco"
