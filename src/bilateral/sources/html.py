"""HTML pages to text: the main text via trafilatura, the whole visible text as a fallback.

Hostile and invisible content (scripts, styles, frames, embedded objects, templates,
``hidden`` elements, comments) is removed from the tree before either extractor sees it, so it
can never reach the text. Metadata (title, publication date) is read from the untouched page,
since pages keep it in ``<meta>`` tags and JSON-LD scripts. trafilatura and lxml are imported
when a page is read, not when this module is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bilateral.errors import UnreadableSource

HtmlElement = Any  # lxml.html.HtmlElement; lxml ships no type information

_HOSTILE_TAGS = (
    "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
    "noscript", "template", "svg", "math", "canvas", "audio", "video", "select", "textarea",
    "button",
)  # fmt: skip
_HIDDEN = (
    "//*[@hidden] | //*[@aria-hidden='true']"
    " | //*[contains(translate(@style, 'DISPLAYNOE: ', 'displaynoe'), 'displaynone')]"
)
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
})  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class HtmlText:
    """What a page yields: its text and the metadata its markup states."""

    text: str
    title: str | None
    published: date | None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (``<meta charset>`` or XML), if any."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def extract_html(markup: str, *, source: str) -> HtmlText:
    """The main text, title and publication date of an HTML page.

    Raises :class:`UnreadableSource` when the markup is not a page at all. A page without
    visible text gives an empty ``text``.
    """
    tree = _parse(markup, source)
    title, published = _read_metadata(tree)
    _remove_hostile(tree)
    text = _main_text(tree) or _full_text(tree)
    return HtmlText(text=text, title=title, published=published)


def visible_text(markup: str, *, source: str) -> str:
    """All the visible text of a page, one block per line (the fallback extractor).

    Hostile and hidden content is removed first, as for :func:`extract_html`.
    """
    tree = _parse(markup, source)
    _remove_hostile(tree)
    return _full_text(tree)


def _parse(markup: str, source: str) -> HtmlElement:
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        tree: HtmlElement = lxml_html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableSource(source, f"not a readable HTML page ({exc})") from exc
    return tree


def _read_metadata(tree: HtmlElement) -> tuple[str | None, date | None]:
    from copy import deepcopy

    from trafilatura import extract_metadata

    date_config: dict[str, Any] = {
        "original_date": True,
        "extensive_search": False,  # markup only: a date in the body is no publication date
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }
    metadata = extract_metadata(deepcopy(tree), date_config=date_config, extensive=False)
    title = metadata.title or tree.findtext(".//title")
    return title, _parse_iso_date(metadata.date)


def _parse_iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _remove_hostile(tree: HtmlElement) -> None:
    doomed = [*tree.iter(*_HOSTILE_TAGS), *tree.xpath(_HIDDEN)]
    for element in doomed:
        if element.getparent() is not None:  # not already gone with an ancestor
            element.drop_tree()


def _main_text(tree: HtmlElement) -> str:
    from trafilatura import bare_extraction

    found = bare_extraction(tree, include_comments=False, include_tables=True)
    text = getattr(found, "text", None) if found is not None else None
    return text.strip() if isinstance(text, str) else ""


def _full_text(tree: HtmlElement) -> str:
    """Every visible text of the page's body, one block element per line."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _CELL_TAGS:
            element.tail = " " + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
