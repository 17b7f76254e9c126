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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders met in Accra, vowing to revive a partnership that had stalled.",
         [("revive a partnership that had stalled", "action")]),
        ("The premiers shook hands, pledging to open a consulate in Tromsø.",
         [("open a consulate in Tromsø", "action")]),
        ("Mr Ruto said he would attend the jubilee ceremony in Lima.",
         [("attend the jubilee ceremony in Lima", "meeting")]),
        ("The leaders instructed their ministers to conclude a fisheries agreement by May.",
         [("conclude a fisheries agreement by May", "agreement")]),
        ("They agreed to cut tariffs on textiles and directed officials to draft a roadmap.",
         [("cut tariffs on textiles", "action"), ("draft a roadmap", "action")]),
    ],
)  # fmt: skip
def test_gerund_and_instruction_cues(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert texts(sentence) == expected


def test_an_accepted_invitation_to_visit_is_the_guest_s_commitment() -> None:
    sentence = "Mr Odinga accepted an invitation to pay an official visit to Uruguay."
    (found,) = find_commitments(sentence, 0, names(sentence, "Mr Odinga", "Uruguay"))
    assert (found.text, found.kind) == ("pay an official visit to Uruguay", "meeting")
    assert sentence[found.subject_start : found.cue_start].strip() == "Mr Odinga"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers agreed that the forum will meet every spring, with the next one to "
        "take place in Quito in 2027.",
        "Both sides welcomed the progress, with the next round to be held in Oslo in 2026.",
    ],
)
def test_a_coming_meeting_in_an_absolute_phrase_is_a_commitment(sentence: str) -> None:
    found = texts(sentence, names(sentence, "Quito", "Oslo"))
    assert found[-1][1] == "meeting"
    assert found[-1][0].startswith("next ") and found[-1][0].endswith(("2027", "2026"))


def test_to_take_place_needs_a_coming_meeting_as_its_subject() -> None:
    sentence = "They discussed the elections, due to take place in March."
    assert texts(sentence) == []


def test_a_side_that_only_qualifies_a_thing_does_not_commit() -> None:
    sentence = "They were sure that Ghanaian-Togolese ties of friendship will grow stronger."
    assert texts(sentence, names(sentence, "Ghanaian-Togolese")) == []
    sentence = "Kenya and the Ghanaian side will grow more cocoa."
    assert texts(sentence, names(sentence, "Kenya", "Ghanaian")) == [("grow more cocoa", "action")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers signed a deal on trade and the joint construction of a bridge, "
         "which the two countries will finance together.",
         "joint construction of a bridge"),
        ("They welcomed the design of a new satellite, Condor-2, which both sides will build.",
         "design of a new satellite, Condor-2"),
    ],
)  # fmt: skip
def test_a_relative_clause_commits_to_its_antecedent(sentence: str, expected: str) -> None:
    found = texts(sentence, names(sentence, "the two countries", "both sides"))
    assert found == [(expected, "action")]


def test_a_relative_clause_with_its_own_object_keeps_it() -> None:
    sentence = "They signed a pact, which Chile will submit to its congress in March."
    found = texts(sentence, names(sentence, "Chile"))
    assert found == [("submit to its congress in March", "action")]


@pytest.mark.parametrize(
    "sentence",
    [
        "They reaffirmed their shared commitment to democracy and human rights.",
        "The leaders reaffirmed their commitment to regional integration.",
        "Both sides reaffirmed their commitment to peace and stability.",
    ],
)
def test_a_commitment_to_a_cause_is_a_position(sentence: str) -> None:
    assert texts(sentence) == []


RELATIVE_VOCABULARY = """the sides two countries will build together , which that and covering
the joint development of a satellite Condor-2 accepted an invitation to pay visit with next
one take place in 2026 instructed ministers vowing peace democracy commitment reaffirmed"""


@given(st.lists(st.sampled_from(RELATIVE_VOCABULARY.split()), max_size=30))
def test_antecedent_and_absolute_spans_lie_inside_the_sentence(words: list[str]) -> None:
    sentence = " ".join(words)
    for c in find_commitments(sentence, offset=3, sides=names(sentence, "countries")):
        assert 3 <= c.start < c.end <= 3 + len(sentence)
        assert " ".join(sentence[c.start - 3 : c.end - 3].split()) == c.text
        assert len(c.text.split()) >= 2


def test_sides_that_will_meet_again_commit_to_a_meeting() -> None:
    sentence = "The two delegations intend to keep talking and plan to meet again in Quito in May."
    assert ("meet again in Quito in May", "meeting") in texts(sentence)
    assert texts("Both teams plan to convene in Accra next spring.") == [
        ("convene in Accra next spring", "meeting")
    ]
