"""The people list and a person's page, over a resolved SQLite store.

(Not ``test_people.py``: ``tests/extraction`` has one, and neither folder is a package.)
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import lxml.html
import pytest
from fastapi.testclient import TestClient

from bilateral.records import Participant
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.web import people
from support import readouts

TODAY = date(2026, 11, 23)
SCRIPT = "<script>alert(1)</script>"


def head(name: str, country: str, title: str, organization: str | None = None) -> Participant:
    return Participant(name=name, title=title, organization=organization, country=country,
                       role="head")  # fmt: skip


def later_round(name: str, kaz: str = "Kairat Umarov", **more: Any) -> Any:
    """A 2024 round where Umarov is Deputy Prime Minister (spelled ``kaz``)."""
    values: dict[str, Any] = {
        "participants": [readouts.heads()[0], head(kaz, "KAZ", "Deputy Prime Minister",
                                                   "Government of Kazakhstan")],
    }  # fmt: skip
    values |= {"date": "2024-10-02", "city": "Washington", "country": "USA", "round": 6}
    return readouts.readout(name, f"The sixth round ({name}).", **(values | more))


@pytest.fixture
def resolved(store: Store) -> Store:
    readouts.store_readouts(store)
    store.add_documents([later_round("round-2024", kaz="Kayrat Umarov")])
    resolve_store(store, today=TODAY)
    return store


def cls(name: str) -> str:
    """An XPath test for elements of the CSS class ``name``."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def texts(html: str, xpath: str) -> list[str]:
    """The text (spaces collapsed) of each element ``xpath`` finds."""
    return [" ".join(e.text_content().split()) for e in lxml.html.fromstring(html).xpath(xpath)]


def rows(html: str, table: str = "") -> list[list[str]]:
    """The cells' text of each body row of the table of class ``table`` (any table if "")."""
    where = f"[{cls(table)}]" if table else ""
    tree = lxml.html.fromstring(html)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")]
        for row in tree.xpath(f"//table{where}/tbody/tr")
    ]


def section(html: str, heading_id: str) -> str:
    """The HTML of the section labelled by ``heading_id``."""
    tree = lxml.html.fromstring(html)
    [found] = tree.xpath(f'//section[@aria-labelledby="{heading_id}"]')
    return lxml.html.tostring(found, encoding="unicode")


# --------------------------------------------------------------------------- the list


def test_people_list_shows_country_and_latest_title(client: TestClient, resolved: Store) -> None:
    response = client.get("/people")
    assert response.status_code == 200
    assert "5 people, by name." in response.text
    assert rows(response.text, "people-list") == [
        ["Akan Rakhmetullin", "KAZ", "First Deputy Foreign Minister", "1"],
        ["Donald Lu", "USA", "Assistant Secretary for South and Central Asian Affairs", "5"],
        ["Kairat Umarov", "KAZ", "Deputy Prime Minister", "4"],
        ["Murat Nurtleu", "KAZ", "Foreign Minister", "1"],
        ["Wang Yi", "CHN", "Foreign Minister", "1"],
    ]
    assert 'href="/people/kaz-kairat-umarov">Kairat Umarov</a>' in response.text


def test_people_search_by_name_or_spelling(client: TestClient, resolved: Store) -> None:
    by_spelling = client.get("/people", params={"q": "kayrat"}).text
    assert [r[0] for r in rows(by_spelling, "people-list")] == ["Kairat Umarov"]
    assert "1 person matching “kayrat”" in by_spelling
    assert 'value="kayrat"' in by_spelling
    nobody = client.get("/people", params={"q": "zzz"}).text
    assert "Nobody is named “zzz”" in nobody


def test_people_list_is_paginated_keeping_the_query(
    client: TestClient, resolved: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people, "PER_PAGE", 2)
    first = client.get("/people", params={"q": "u"}).text  # all but Wang Yi
    assert "Page 1 of 2." in first
    assert 'href="/people?q=u&amp;page=2"' in first
    second = client.get("/people", params={"q": "u", "page": 2}).text
    assert len(rows(second, "people-list")) == 2
    assert 'href="/people?q=u&amp;page=1"' in second


def test_empty_store_explains(client: TestClient) -> None:
    assert "No people yet" in client.get("/people").text


def test_bad_page_number_is_a_400(client: TestClient) -> None:
    assert client.get("/people", params={"page": 0}).status_code == 400


# --------------------------------------------------------------------------- a person


def test_person_page_role_timeline_with_dates(client: TestClient, resolved: Store) -> None:
    response = client.get("/people/kaz-kairat-umarov")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Kairat Umarov</h1>" in html
    assert texts(html, f"//ol[{cls('role-timeline')}]/li") == [
        "2022-12 – 2023-11-06 First Deputy Foreign Minister, "
        "Ministry of Foreign Affairs of Kazakhstan 3 reports",
        "2024-10-02 Deputy Prime Minister, Government of Kazakhstan 1 report",
    ]


def test_person_page_meetings_attended(client: TestClient, resolved: Store) -> None:
    html = client.get("/people/kaz-kairat-umarov").text
    meetings = section(html, "meetings-heading")
    assert rows(meetings) == [
        ["2024-10-02", "Kazakhstan-United States Enhanced Strategic Partnership Dialogue",
         "KAZ – USA", "head", "Deputy Prime Minister"],
        ["2023-11-06", "Kazakhstan-United States Enhanced Strategic Partnership Dialogue",
         "KAZ – USA", "head", "First Deputy Foreign Minister"],
        ["2022-12-05", "Kazakhstan-United States Enhanced Strategic Partnership Dialogue",
         "KAZ – USA", "head", "First Deputy Foreign Minister"],
    ]  # fmt: skip
    links = re.findall(r'href="/meetings/([^"]+)"', meetings)
    assert len(links) == 3
    assert all(re.fullmatch(r"[0-9a-f]{64}:0", link) for link in links)


def test_person_page_counterparts_and_spellings(client: TestClient, resolved: Store) -> None:
    html = client.get("/people/usa-donald-lu").text
    counterparts = section(html, "counterparts-heading")
    assert texts(counterparts, "//li") == [
        "Kairat Umarov (KAZ) 3 meetings",
        "Akan Rakhmetullin (KAZ) 1 meeting",
    ]
    assert 'href="/people/kaz-kairat-umarov"' in counterparts
    assert 'href="/people/kaz-akan-rakhmetullin"' in counterparts
    spellings = section(client.get("/people/kaz-kairat-umarov").text, "spellings-heading")
    assert "Kairat Umarov" in spellings and "Kayrat Umarov" in spellings
    assert 'href="/people/usa-donald-lu/review">Review</a>' in html


def test_unknown_person_is_a_404(client: TestClient, resolved: Store) -> None:
    response = client.get("/people/nobody-at-all")
    assert response.status_code == 404
    assert "no person with id" in response.text


def test_names_and_titles_are_escaped(client: TestClient, store: Store) -> None:
    readouts.store_readouts(store, "round-2023")
    evil = head(f"Evil {SCRIPT}", "USA", "<b>Aide</b>")
    kaz = head(f"Kairat {SCRIPT}", "KAZ", "Minister")
    store.add_documents([later_round("round-2024", participants=[evil, kaz])])
    resolve_store(store, today=TODAY)
    person_ids = re.findall(r'href="/people/([^"]+)"', client.get("/people").text)
    assert len(person_ids) >= 3
    for url in ["/people", "/people?q=evil", *(f"/people/{i}" for i in person_ids)]:
        html = client.get(url).text
        assert SCRIPT not in html and "<b>Aide" not in html, url
        assert len(re.findall(r"<script\b", html)) == 2  # the two the app ships
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/people").text
