"""Topic trends: a chart and a table of the same numbers, for the store, a pair, a mechanism.

(Not ``test_topics.py``: ``tests/extraction`` has one, and neither folder is a package.)
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from support import readouts

TODAY = date(2026, 11, 23)
ESPD = "KAZ-USA:enhanced-strategic-partnership-dialogue"


@pytest.fixture
def resolved(store: Store) -> Store:
    """The shared readouts, plus a 2024 round about trade and a 2019 call about energy with
    the Chinese side (so 2020 has no meeting at all)."""
    readouts.store_readouts(store)
    extra = [
        readouts.readout("round-2024", "The sixth round.", date="2024-10-02", round=6,
                         topics=["economy.trade", "regional"]),
        readouts.readout("call-2019", "A call about energy.", kind="call", mechanism=None,
                         date="2019-05-05", city=None, country=None, parties=["CHN", "KAZ"],
                         topics=["economy.energy", "regional"]),
    ]  # fmt: skip
    store.add_documents(extra)
    resolve_store(store, today=TODAY)
    return store


def table_counts(html: str) -> tuple[list[str], dict[str, list[int]], list[int]]:
    """The years, each topic's counts (by code) and the all-meetings row of the table."""
    tree = lxml.html.fromstring(html)
    [table] = tree.xpath('//table[contains(@class, "trend-table")]')
    years = [th.text_content().strip() for th in table.xpath("./thead/tr/th")][1:-1]
    counts = {
        row.get("data-topic"): [int(td.text_content()) for td in row.xpath("./td")][:-1]
        for row in table.xpath("./tbody/tr")
    }
    meetings = [int(td.text_content()) for td in table.xpath("./tfoot/tr/td")][:-1]
    return years, counts, meetings


def chart_counts(html: str) -> dict[str, list[int]]:
    """Each series of the SVG chart (by ``data-series``) with its points' values."""
    series = re.findall(r'<g class="chart__series" data-series="([^"]+)">(.*?)</g>', html, re.S)
    return {
        key: [int(v) for v in re.findall(r"<title>[^<]*?, \d{4}: (\d+)</title>", body)]
        for key, body in series
    }


def test_chart_and_table_give_the_same_numbers(client: TestClient, resolved: Store) -> None:
    response = client.get("/topics")
    assert response.status_code == 200
    html = response.text
    years, counts, meetings = table_counts(html)
    assert years == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert counts["regional"] == [1, 0, 1, 1, 2, 1]
    assert counts["economy.trade"] == [0, 0, 0, 0, 0, 1]
    assert counts["economy.energy"] == [1, 0, 0, 0, 0, 0]
    assert meetings == [1, 0, 1, 1, 2, 1]
    chart = chart_counts(html)
    assert chart == counts  # one series per topic, the same numbers
    assert html.count('<g class="chart__series"') == len(counts) == 4
    assert "<title>Regional and geopolitical issues, 2023: 2</title>" in html
    assert 'role="img"' in html and 'aria-label="Meetings per year by topic"' in html
    assert " checked" not in html  # none chosen: a new filter draws its own most discussed


def test_pair_filter_narrows_the_counts(client: TestClient, resolved: Store) -> None:
    html = client.get("/topics", params={"pair": "usa-kaz"}).text
    years, counts, meetings = table_counts(html)
    assert years == ["2021", "2022", "2023", "2024"]
    assert counts["regional"] == [1, 1, 1, 1]
    assert "economy.energy" not in counts
    assert meetings == [1, 1, 1, 1]
    assert chart_counts(html) == counts
    assert 'value="KAZ-USA"' in html
    assert 'aria-label="Meetings per year by topic, KAZ-USA"' in html
    china = table_counts(client.get("/topics", params={"pair": "CHN-KAZ"}).text)
    assert china[0] == ["2019", "2020", "2021", "2022", "2023"]
    assert china[1]["regional"] == [1, 0, 0, 0, 1]


def test_mechanism_filter(client: TestClient, resolved: Store) -> None:
    html = client.get("/topics", params={"mechanism": ESPD}).text
    _, counts, meetings = table_counts(html)
    assert counts["regional"] == [1, 1, 1, 1]
    assert meetings == [1, 1, 1, 1]
    assert f'name="mechanism" value="{ESPD}"' in html
    assert f'href="/mechanisms/{ESPD}"' in html


def test_chosen_topics_are_drawn_and_the_table_keeps_them_all(
    client: TestClient, resolved: Store
) -> None:
    html = client.get("/topics", params=[("topic", "economy.trade"), ("topic", "regional")]).text
    assert set(chart_counts(html)) == {"economy.trade", "regional"}
    assert len(table_counts(html)[1]) == 4
    assert 'value="economy.trade" checked' in html
    assert 'value="economy.energy">' in html  # not drawn, not checked


def test_bad_filters(client: TestClient, resolved: Store) -> None:
    bad_pair = client.get("/topics", params={"pair": "KAZ<script>"})
    assert bad_pair.status_code == 400
    assert "<script>" not in bad_pair.text.replace('<script src="', "")
    assert client.get("/topics", params={"mechanism": "KAZ-USA:nothing"}).status_code == 404


def test_a_pair_without_meetings(client: TestClient, resolved: Store) -> None:
    html = client.get("/topics", params={"pair": "FRA-USA"}).text
    assert "No dated meetings for this selection" in html
    assert "No topics to show" in html


def test_empty_store(client: TestClient) -> None:
    html = client.get("/topics").text
    assert "No topics to show" in html
    assert "<svg" not in html


def test_links_from_the_mechanism_page_work(client: TestClient, resolved: Store) -> None:
    assert client.get(f"/topics?mechanism={quote(ESPD, safe='')}").status_code == 200
