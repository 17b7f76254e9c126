"""The pure helpers behind provenance on the pages: sentences, marks, snippets."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from bilateral.web.highlight import (
    Mark,
    excerpt,
    highlight,
    plan_marks,
    render_snippet,
    sentence_bounds,
)


def sentence_of(text: str, fragment: str) -> str:
    start = text.index(fragment)
    left, right = sentence_bounds(text, start, start + len(fragment))
    return text[left:right]


def test_sentence_is_expanded_to_its_boundaries() -> None:
    text = "First one. The talks were held in Astana on Monday. Last one."
    assert sentence_of(text, "Astana") == "The talks were held in Astana on Monday."


def test_abbreviations_initials_and_acronyms_do_not_end_a_sentence() -> None:
    text = (
        "Intro here. Mr. Lu of the U.S. Department of State met Gen. K. Umarov in "
        "Washington, D.C. on Jan. 5. Next sentence."
    )
    assert sentence_of(text, "Washington") == (
        "Mr. Lu of the U.S. Department of State met Gen. K. Umarov in Washington, D.C. on Jan. 5."
    )


def test_line_breaks_bound_a_sentence() -> None:
    text = "Title line without stop\nThe sides met in Astana\nNext paragraph."
    assert sentence_of(text, "Astana") == "The sides met in Astana"


def test_question_exclamation_and_closing_quotes() -> None:
    text = 'Why? "We will meet again in Astana." She left!'
    assert sentence_of(text, "Astana") == '"We will meet again in Astana."'


def test_span_at_the_edges_of_the_text() -> None:
    text = "Astana hosted the talks"
    assert sentence_bounds(text, 0, 6) == (0, len(text))
    assert sentence_bounds(text, 18, 23) == (0, len(text))


def test_span_across_sentences_keeps_both() -> None:
    text = "One. Two in Astana. Three in Almaty. Four."
    start, end = text.index("Astana"), text.index("Almaty") + len("Almaty")
    assert text[slice(*sentence_bounds(text, start, end))] == "Two in Astana. Three in Almaty."


def test_very_long_sentence_is_cut_with_ellipses() -> None:
    text = "word " * 200 + "Astana " + "word " * 200
    start = text.index("Astana")
    left, right = sentence_bounds(text, start, start + 6)
    assert start - left <= 300
    assert right - (start + 6) <= 300
    shown = excerpt(text, start, start + 6)
    assert shown.startswith("…")
    assert shown.endswith("…")
    assert '<mark data-field="" data-start=' in shown


def test_excerpt_marks_the_span_and_escapes_the_sentence() -> None:
    text = "Before. The <b>talks</b> in Astana & Almaty. After."
    start = text.index("Astana")
    shown = excerpt(text, start, start + 6, "city")
    assert shown == (
        f'The &lt;b&gt;talks&lt;/b&gt; in <mark data-field="city" data-start="{start}" '
        f'data-end="{start + 6}">Astana</mark> &amp; Almaty.'
    )


def test_highlight_escapes_text_and_labels() -> None:
    text = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"
    out = highlight(text, [(0, 8, 'x" onmouseover="alert(3)')])
    assert "<script>" not in out
    assert "<img" not in out
    assert 'onmouseover="' not in out
    assert out.startswith('<mark data-field="x&#34; onmouseover=&#34;alert(3)"')
    assert "&lt;script&gt;</mark>alert(1)&lt;/script&gt;" in out


def test_identical_spans_share_one_mark() -> None:
    assert plan_marks(20, [(2, 5, "kind"), (2, 5, "mechanism"), (2, 5, "kind")]) == [
        Mark(2, 5, ("kind", "mechanism"))
    ]


def test_nested_spans_are_covered_by_the_outer_mark() -> None:
    assert plan_marks(30, [(5, 8, "inner"), (2, 20, "outer")]) == [Mark(2, 20, ("outer",))]


def test_overlapping_spans_are_clipped() -> None:
    assert plan_marks(30, [(2, 10, "a"), (6, 15, "b"), (15, 18, "c")]) == [
        Mark(2, 10, ("a",)),
        Mark(10, 15, ("b",)),
        Mark(15, 18, ("c",)),
    ]


def test_out_of_range_and_empty_spans_are_ignored() -> None:
    spans = [(-1, 3, "neg"), (5, 5, "empty"), (8, 4, "reversed"), (3, 99, "past"), (1, 2, "ok")]
    assert plan_marks(10, spans) == [Mark(1, 2, ("ok",))]
    assert highlight("abc", [(0, 10, "x")]) == "abc"


def test_highlight_with_offset_keeps_document_coordinates() -> None:
    out = highlight("in Astana", [(103, 109, "city"), (0, 2, "elsewhere")], offset=100)
    assert out == 'in <mark data-field="city" data-start="103" data-end="109">Astana</mark>'


@given(
    st.text(alphabet="ab <>&\"'.\n", max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from("xyz"))),
)
def test_highlight_never_loses_or_injects_text(
    text: str, spans: list[tuple[int, int, str]]
) -> None:
    out = str(highlight(text, spans))
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", out)) == text
    assert re.sub(r"</?mark[^>]*>", "", out).count("<") == 0
    assert out.count("<mark ") == out.count("</mark>")


def test_snippet_marks_become_tags_after_escaping() -> None:
    out = render_snippet("…the [<script>alert(1)</script>] and [Astana] talks…")
    assert out == (
        "…the <mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> and <mark>Astana</mark> talks…"
    )


def test_snippet_unbalanced_brackets_stay_text() -> None:
    assert render_snippet("a ] b [c [d] e [") == "a ] b [c <mark>d</mark> e ["
    assert render_snippet("[]") == "[]"
    assert render_snippet('<img src=x onerror="alert(1)">') == (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"
    )
