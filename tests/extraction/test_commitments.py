"""Commitment spans in single sentences (written for these tests)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extraction.commitments import find_commitments, is_action, kind_of


def texts(sentence: str, sides: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_commitments(sentence, 0, sides or [])]


def names(sentence: str, *words: str) -> list[tuple[int, int]]:
    """The spans of ``words`` in ``sentence``, standing for the places the pipeline finds."""
    return [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), sentence)]


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
        ("The ministers stated their readiness to open a joint business council.",
         [("open a joint business council", "action")]),
        ("Norway is willing to fund two new research chairs at the university.",
         [("fund two new research chairs at the university", "action")]),
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
        "The minister reaffirmed his country's commitment to the territorial integrity of Chad.",
        "The results reflect a shared commitment to strengthening the partnership.",
    ],
)
def test_support_importance_and_discussion_are_not_commitments(sentence: str) -> None:
    assert texts(sentence) == []


def test_one_cue_can_govern_two_actions() -> None:
    sentence = "The sides agreed to draft a work plan by June and to meet again in Quito."
    assert texts(sentence) == [("draft a work plan by June", "action"),
                               ("meet again in Quito", "meeting")]  # fmt: skip


def test_an_agreement_named_under_including_is_a_commitment_of_its_own() -> None:
    sentence = (
        "They confirmed their commitment to closer energy ties, including the work on "
        "concluding a framework agreement on hydropower."
    )
    agreement = "concluding a framework agreement on hydropower"
    assert texts(sentence) == [("closer energy ties", "action"), (agreement, "agreement")]


def test_will_commits_only_when_its_subject_is_a_side() -> None:
    sentence = "Chile will open a trade office in Seoul, and Korea will lower tariffs on wine."
    sides = names(sentence, "Chile", "Korea")
    assert texts(sentence, sides) == [("open a trade office in Seoul", "action"),
                                      ("lower tariffs on wine", "action")]  # fmt: skip
    assert texts("The exhibition will last until the end of May.") == []
    assert texts("The forum will focus on climate finance and energy.") == []
    assert texts("Officials noted that it will be difficult to finish the road.") == []


def test_will_said_of_a_thing_is_not_a_commitment() -> None:
    sentence = "The new visa regime between Chile and Korea will apply to students only."
    assert texts(sentence, names(sentence, "Chile", "Korea")) == []
    relative = "Chile signed an accord, which will cut tariffs on copper."
    assert texts(relative, names(relative, "Chile")) == []


def test_passive_will_is_a_commitment_only_for_a_coming_meeting() -> None:
    meeting = "The ministers agreed that the next Joint Commission will be held in Hanoi."
    assert texts(meeting) == [("next Joint Commission will be held in Hanoi", "meeting")]
    closed = "The Consulate of Chile will be closed on Friday."
    assert texts(closed, names(closed, "Chile")) == []


def test_a_scheduled_coming_meeting_is_a_commitment() -> None:
    sentence = "The next round of talks is scheduled for March 2026 in Dakar."
    assert texts(sentence) == [
        ("next round of talks is scheduled for March 2026 in Dakar", "meeting")
    ]
    assert texts("The visit is scheduled for Monday morning.") == []


def test_an_accepted_invitation_is_the_guest_s_visit() -> None:
    sentence = "Ruto invited Lula to visit Nairobi next year, and the President accepted."
    (c,) = find_commitments(sentence)
    assert (c.text, c.kind) == ("Lula to visit Nairobi next year", "meeting")
    assert sentence[c.subject_start : c.cue_start] == "Lula "  # the guest commits
    assert texts("Ruto invited Lula to visit Nairobi at a convenient time.") == []


def test_would_commits_in_reported_speech() -> None:
    sentence = "The minister said Ghana would send experts to the regional training centre."
    assert texts(sentence, names(sentence, "Ghana")) == [
        ("send experts to the regional training centre", "action")
    ]
    assert texts("The plan would have far-reaching benefits for the region.") == []


def test_the_next_cue_ends_the_text_with_its_clause() -> None:
    sentence = "Peru will keep its market open to Bolivian beef, and is ready to buy more."
    spans = find_commitments(sentence, 0, names(sentence, "Peru"))
    assert [c.text for c in spans] == ["keep its market open to Bolivian beef", "buy more"]
    assert spans[0].subject_start == spans[1].subject_start == 0  # the same subject


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("Both sides agreed to hold talks in May, the ministry said.", "hold talks in May"),
        ("They agreed to build a bridge, noting its cost.", "build a bridge"),
        ("They agreed to review the treaty as soon as it is ratified.", "review the treaty"),
        ("“We are ready to train more nurses,” the minister added.", "train more nurses"),
    ],
)
def test_text_ends_where_the_clause_ends(sentence: str, end: str) -> None:
    assert [c.text for c in find_commitments(sentence)] == [end]


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("deepening trade ties", True),
        ("further strengthen the partnership", True),
        ("the further enhancement of ties", True),
        ("the bilateral relations", False),
        ("Mongolia's independence", False),
        ("the Quad", False),
    ],
)
def test_what_follows_commitment_to_is_an_action(body: str, action: bool) -> None:
    assert is_action(body) is action


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hold the third round in Accra", "meeting"),
        ("resume regular consultations", "meeting"),
        ("sign the extradition treaty", "agreement"),
        ("implement the agreements reached", "action"),
        ("start preparations for the inaugural meeting of the council", "meeting"),
    ],
)
def test_kind_of_a_commitment(text: str, kind: str) -> None:
    assert kind_of(text) == kind


def test_offsets_cover_the_text() -> None:
    sentence = "The parties agreed to  open a consulate\nin Cusco."
    (c,) = find_commitments(sentence, offset=100)
    assert sentence[c.start - 100 : c.end - 100] == "open a consulate\nin Cusco"
    assert c.text == "open a consulate in Cusco"
    assert sentence[c.cue_start - 100 :].startswith("agreed to")


VOCABULARY = """the sides agreed to will hold talks in Lima and sign a deal Chile , . “ ” said
commitment reaffirmed their deepening trade next round be held which is scheduled for"""
WORDS = st.sampled_from(VOCABULARY.split())


@given(st.lists(WORDS, max_size=30))
def test_spans_always_lie_inside_the_sentence(words: list[str]) -> None:
    sentence = " ".join(words)
    for c in find_commitments(sentence, offset=7):
        assert 7 <= c.start < c.end <= 7 + len(sentence)
        assert " ".join(sentence[c.start - 7 : c.end - 7].split()) == c.text
        assert c.kind in {"meeting", "agreement", "action"}
