"""Headlines of plain texts."""

from __future__ import annotations

import pytest

from bilateral.sources.headline import find_title

CASES = [
    (
        "Ministers meet in Eastham to talk trade\n\nThe ministers met today.",
        "Ministers meet in Eastham to talk trade",
    ),
    (
        "Breaking News\n\n\nEnvoys Discuss River Shipping in Westria D.C.\n\nWestria, April 3.",
        "Envoys Discuss River Shipping in Westria D.C.",
    ),
    (
        "Skip to main content\nPrint\nCategory: News\nTalks on rail freight end in agreement\n",
        "Talks on rail freight end in agreement",
    ),
    (
        "date 2021-12-24 Westria and Lakeland sign a joint statement on trade\n\nText.",
        "Westria and Lakeland sign a joint statement on trade",
    ),
    (
        "# Customs pilot agreed between two neighbours\n\nText.",
        "Customs pilot agreed between two neighbours",
    ),
    (
        "Go to the main site\n  Deputy minister meets the new ambassador\n\n  21 May 2022, 21:14",
        "Deputy minister meets the new ambassador",
    ),
    (
        "Images | gov.kz\n\nCooperation Council meeting, 20 June 2022\n",
        "Cooperation Council meeting, 20 June 2022",
    ),
    (
        "Radio Westria Радиокомпания Вестрии Столица\nEnvoys meet to discuss the river\n",
        "Envoys meet to discuss the river",
    ),
]

NO_TITLE = [
    "",
    "EASTHAM – The visa-free regime between the two countries will apply to tourist and "
    "business trips only, the spokesperson said at a press briefing.",
    "MEDIA NOTE\n\nOFFICE OF THE SPOKESPERSON\n\nDECEMBER 6, 2022\n\nThe text of the following "
    "statement was released by the governments of the two countries today.",
    "By Jane Doe\n\nShort.\n\n21 January 2022, 21:14",
    "  1. HOME\n  2. Press\nPress Releases\n",
    "Talks ended,\nwith a statement;\n",
]


@pytest.mark.parametrize(("text", "title"), CASES)
def test_finds_the_headline(text: str, title: str) -> None:
    assert find_title(text) == title


@pytest.mark.parametrize("text", NO_TITLE)
def test_finds_no_headline(text: str) -> None:
    assert find_title(text) is None


def test_gives_up_after_the_first_lines() -> None:
    furniture = "\n".join(["Menu"] * 20)
    assert find_title(furniture + "\nA headline far too far down the page") is None
