"""HTML pages: main text, fallback, hostile content, encodings, metadata."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bilateral.errors import EmptySource
from bilateral.sources import read_bytes, read_path
from bilateral.sources.html import declared_charset, extract_html, visible_text

from .builders import FIXTURES

Write = Callable[[str, bytes | str], Path]
LEAKS = ["LEAK", "alert", "fetch(", "attacker", "color: #333", "document."]


def test_reads_the_main_text_and_metadata() -> None:
    document = read_path(FIXTURES / "readout.html")
    assert document.media_type == "text/html"
    assert document.name == "readout"
    assert document.title == "Northland and Southmark hold fourth round of trade talks"
    assert document.published == date(2023, 5, 4)
    assert "Deputy Minister Ada Brightwater" in document.text
    assert "exchange draft texts of a memorandum" in document.text
    assert "<p>" not in document.text
    assert "Contact" not in document.text  # navigation is not main text


def test_hostile_content_never_reaches_the_text() -> None:
    document = read_path(FIXTURES / "hostile.html")
    assert "shipping on the shared river" in document.text
    assert "share water level data every week" in document.text
    for leak in LEAKS:
        assert leak not in document.text


def test_hostile_content_never_reaches_the_fallback_text() -> None:
    markup = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    text = visible_text(markup, source="hostile.html")
    assert "Envoys meet to discuss river shipping" in text
    assert "share water level data every week" in text
    for leak in LEAKS:
        assert leak not in text


def test_falls_back_to_the_full_text() -> None:
    # trafilatura finds no main text in a page whose only block looks like a footer
    markup = (
        "<html><body><div class='footer'>The envoys met on Monday."
        "<script>alert('LEAK')</script></div></body></html>"
    )
    page = extract_html(markup, source="page.html")
    assert "The envoys met on Monday." in page.text
    assert "LEAK" not in page.text


def test_visible_text_puts_blocks_on_lines() -> None:
    markup = (
        "<h1>Talks</h1><p>First \t para.</p><ul><li>one</li><li>two</li></ul>x<br>y"
        "<table><tr><td>A</td><td>B</td></tr></table>"
    )
    text = visible_text(markup, source="p.html")
    assert text == "Talks\n\nFirst para.\n\none\n\ntwo\n\nx\ny\n\nA B"


def test_declared_charset_is_honoured(write: Write) -> None:
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Переговоры</title></head><body><p>Министры встретились в столице.</p></body></html>"
    )
    document = read_path(write("ru.htm", markup.encode("cp1251")))
    assert "Министры встретились в столице." in document.text
    assert document.title == "Переговоры"


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META CHARSET=latin1>", "latin1"),
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><html>', "ISO-8859-1"),
        (b"<html><body>none</body></html>", None),
    ],
)
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(head) == charset


def test_xml_declaration_is_accepted() -> None:
    markup = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Talks ended.</p></body></html>'
    assert read_bytes(markup.encode(), filename="x.html").text == "Talks ended."


def test_dateline_used_when_the_markup_has_no_date() -> None:
    markup = (
        "<html><body><h1>Envoys meet</h1><p>Port Town, 12 May 2021 – The envoys met to agree on"
        " a schedule for the locks on the shared river.</p></body></html>"
    )
    assert read_bytes(markup.encode(), filename="x.html").published == date(2021, 5, 12)


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><script>alert('only a script')</script></body></html>",
    ],
)
def test_page_without_text(markup: str) -> None:
    with pytest.raises(EmptySource, match="the page has no readable text"):
        read_bytes(markup.encode(), filename="x.html")


def test_whitespace_only_page() -> None:
    with pytest.raises(EmptySource, match="only whitespace"):
        read_bytes(b"  \n  ", filename="x.html")
