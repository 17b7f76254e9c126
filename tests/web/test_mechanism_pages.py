"""The mechanisms list and a mechanism's page: rounds, topics per round, commitments.

(Not ``test_mechanisms.py``: ``tests/extraction`` has one, and neither folder is a package.)
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from bilateral.records import Commitment, Participant
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.web.templating import STATIC_DIR
from support import readouts

TODAY = date(2026, 11, 23)
ESPD = "KAZ-USA:enhanced-strategic-partnership-dialogue"
NAME = "Kazakhstan-United States Enhanced Strategic Partnership Dialogue"
SCRIPT = "<script>alert(1)</script>"
CONSULATE = Commitment(text=f"open a consulate {SCRIPT} in Almaty by 2025", by=["USA"],
                       due="2025", kind="action")  # fmt: skip


@pytest.fixture
def resolved(store: Store) -> Store:
    """The shared readouts, plus a sixth round in Washington (trade comes up; a commitment
    due in 2025 is never carried out), resolved on 23 November 2026."""
    readouts.store_readouts(store)
    kaz = Participant(name="Kairat Umarov", title="Deputy Prime Minister", country="KAZ",
                      role="head")  # fmt: skip
    sixth = readouts.readout(
        "round-2024", "Washington hosted the sixth round.", date="2024-10-02",
        city="Washington", country="USA", round=6, topics=["economy.trade", "regional"],
        participants=[readouts.heads()[0], kaz], commitments=[CONSULATE],
    )  # fmt: skip
    store.add_documents([sixth])
    resolve_store(store, today=TODAY)
    return store


def cls(name: str) -> str:
    """An XPath test for elements of the CSS class ``name``."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def table(html: str, name: str) -> lxml.html.HtmlElement:
    [found] = lxml.html.fromstring(html).xpath(f"//table[{cls(name)}]")
    return found


def cells(row: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")]


def body_rows(html: str, name: str) -> list[list[str]]:
    return [cells(row) for row in table(html, name).xpath("./tbody/tr")]


# --------------------------------------------------------------------------- the list


def test_mechanisms_list(client: TestClient, resolved: Store) -> None:
    html = client.get("/mechanisms").text
    assert "1 mechanism, by parties and name." in html
    espd = next(row for row in body_rows(html, "mechanism-list") if row[0].startswith(NAME))
    assert espd == [NAME, "KAZ – USA", "annual", "4", "2021-12-15 – 2024-10-02"]
    assert f'href="/mechanisms/{ESPD}"' in html


def test_mechanisms_search(client: TestClient, resolved: Store) -> None:
    html = client.get("/mechanisms", params={"q": "partnership"}).text
    assert [row[0] for row in body_rows(html, "mechanism-list")] == [NAME]
    assert "No mechanism is called" in client.get("/mechanisms", params={"q": "zzz"}).text


def test_empty_store_explains(client: TestClient) -> None:
    assert "No mechanisms yet" in client.get("/mechanisms").text


# --------------------------------------------------------------------------- a mechanism


@pytest.mark.parametrize("path", [ESPD, quote(ESPD)])
def test_mechanism_ids_with_a_colon_work_raw_or_encoded(
    client: TestClient, resolved: Store, path: str
) -> None:
    response = client.get(f"/mechanisms/{path}")
    assert response.status_code == 200
    assert f"<h1>{NAME}</h1>" in response.text


def test_rounds_in_order_with_venues_and_heads(client: TestClient, resolved: Store) -> None:
    html = client.get(f"/mechanisms/{ESPD}").text
    rounds = body_rows(html, "rounds")
    assert [row[:4] for row in rounds] == [
        ["3", "—", "2021-12-15", "Astana, KAZ"],
        ["4", "—", "2022-12-05", "Washington, USA"],
        ["5", "5", "2023-11-06", "Astana, KAZ"],
        ["6", "6", "2024-10-02", "Washington, USA"],
    ]
    assert rounds[0][4] == "Akan Rakhmetullin (KAZ); Donald Lu (USA)"
    assert [row[5] for row in rounds] == ["Round 3", "Round 4", "Round 5", "Round 6"]
    links = table(html, "rounds").xpath(".//a/@href")
    assert "/people/kaz-akan-rakhmetullin" in links and "/people/usa-donald-lu" in links
    assert sum(1 for link in links if link.startswith("/meetings/")) == 4
    assert "annual" in html and NAME in html  # cadence and the name over time


def test_topic_matrix_marks_the_rounds_that_discussed_each_topic(
    client: TestClient, resolved: Store
) -> None:
    matrix = table(client.get(f"/mechanisms/{ESPD}").text, "matrix")
    header = cells(matrix.xpath("./thead/tr")[0])
    assert header == ["Topic", "Round 3 2021", "Round 4 2022", "Round 5 2023", "Round 6 2024",
                      "Rounds"]  # fmt: skip
    marks = {
        row.xpath("./th/code")[0].text: [
            "is-discussed" in (td.get("class") or "") for td in row.xpath("./td")[:-1]
        ]
        for row in matrix.xpath("./tbody/tr")
    }
    assert marks["economy.trade"] == [False, False, False, True]
    assert marks["regional"] == [True, True, True, True]
    assert marks["security.nonproliferation"] == [True, True, True, False]
    trade = next(
        r for r in matrix.xpath("./tbody/tr") if r.xpath("./th/code")[0].text == "economy.trade"
    )
    assert cells(trade)[0] == "Trade economy.trade"  # the taxonomy's label
    assert cells(trade)[-1] == "1"
    assert 'visually-hidden">discussed<' in lxml.html.tostring(trade, encoding="unicode")


def test_commitments_tracker(client: TestClient, resolved: Store) -> None:
    html = client.get(f"/mechanisms/{ESPD}").text
    tracker = table(html, "tracker")
    rows = tracker.xpath("./tbody/tr")
    assert [cells(r)[0] for r in rows] == ["Round 4 2022-12-05", "Round 6 2024-10-02"]
    fulfilled, overdue = rows
    assert cells(fulfilled)[1:4] == ["hold the next round in 2023 by KAZ, USA", "2023",
                                     "fulfilled"]  # fmt: skip
    assert cells(fulfilled)[4] == "Round 5 2023-11-06"
    round_5 = (
        table(html, "rounds")
        .xpath("./tbody/tr")[2]
        .xpath(".//a[starts-with(@href, '/meetings/')]/@href")
    )
    assert fulfilled.xpath("./td[5]//a/@href") == round_5  # the fulfilling meeting
    assert "tracker__row--overdue" in overdue.get("class")
    assert cells(overdue)[2:5] == ["2025", "overdue, past its due date", "—"]
    assert "Commitments</dt>" in html and "1 fulfilled" in html and "1 overdue" in html


def test_commitment_text_is_escaped(client: TestClient, resolved: Store) -> None:
    html = client.get(f"/mechanisms/{ESPD}").text
    assert SCRIPT not in html
    assert "open a consulate &lt;script&gt;alert(1)&lt;/script&gt; in Almaty" in html
    assert len(re.findall(r"<script\b", html)) == 2  # the two the app ships


def test_unknown_mechanism_is_a_404(client: TestClient, resolved: Store) -> None:
    response = client.get("/mechanisms/KAZ-USA:nothing")
    assert response.status_code == 404
    assert "no mechanism with id" in response.text


def test_links_to_its_topic_trends(client: TestClient, resolved: Store) -> None:
    html = client.get(f"/mechanisms/{ESPD}").text
    assert f'href="/topics?mechanism={quote(ESPD, safe="")}"' in html


def test_print_styles_hide_navigation_and_forms() -> None:
    css = (STATIC_DIR / "pages" / "people.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert "body:has(.insight-page) .site-header" in printed
    assert ".insight-page .ins-filter-form" in printed
