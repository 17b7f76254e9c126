"""The meetings timeline and the meeting page, over a real SQLite store."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from bilateral.records import Commitment, Participant
from bilateral.services.resolving import resolve_store
from bilateral.store import Store
from bilateral.web import meetings as meetings_module

TESTS = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
MEETING_LINK = re.compile(r'href="/meetings/([0-9a-f]{64}:\d+)"')
Build = Callable[..., Any]


def linked_meetings(html: str) -> list[str]:
    """The meeting ids a page links to, in order, each once."""
    return list(dict.fromkeys(MEETING_LINK.findall(html)))


def section(html: str, heading_id: str) -> str:
    """The HTML of the section headed by the element with id ``heading_id``."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def facet(html: str, name: str) -> dict[str, int]:
    """``{link text: count}`` of one facet list of the timeline."""
    block = html[html.index(f'id="facet-{name}"') :]
    block = block[: block.index("</section>")]
    items = re.findall(r"<a [^>]*>(.*?)</a>\s*<span class=\"count\">(\d+)</span>", block, re.S)
    return {re.sub(r"<[^>]+>", "", text).strip(): int(n) for text, n in items}


def load_readouts(config: pytest.Config) -> ModuleType:
    """``support.readouts``. It imports the suite's top ``conftest`` by name, which under
    ``tests/web`` is this folder's: the top one is lent to it while it loads."""
    if "support.readouts" in sys.modules:
        return sys.modules["support.readouts"]
    top = next(plugin for plugin in config.pluginmanager.get_plugins()
               if getattr(plugin, "__file__", None) == str(TESTS / "conftest.py"))  # fmt: skip
    local = sys.modules.get("conftest")
    sys.modules["conftest"] = top
    try:
        return importlib.import_module("support.readouts")
    finally:
        if local is not None:
            sys.modules["conftest"] = local


@pytest.fixture
def readouts(request: pytest.FixtureRequest) -> ModuleType:
    return load_readouts(request.config)


@pytest.fixture
def resolved(store: Store, readouts: ModuleType) -> Store:
    """The five readouts stored and resolved: four meetings, one fulfilled commitment."""
    readouts.store_readouts(store)
    resolve_store(store, today=TODAY)
    return store


def meeting_of(store: Store, document_name: str) -> str:
    return next(m.id for m in store.list_meetings() if document_name in m.document_names)


# --------------------------------------------------------------------------- the timeline


def test_timeline_lists_meetings_newest_first(client: TestClient, resolved: Store) -> None:
    page = client.get("/meetings").text
    expected = [m.id for m in resolved.list_meetings()]
    assert linked_meetings(page) == expected
    assert "4 meetings, newest first." in page
    row = page[page.index(f'/meetings/{meeting_of(resolved, "round-2022-news")}"') :]
    row = row[: row.index("</tr>")]
    assert "Kazakhstan-United States Enhanced Strategic Partnership Dialogue" in row
    assert "Washington, <abbr" in row
    assert '<abbr title="Kazakhstan">KAZ</abbr> – <abbr title="United States">USA</abbr>' in row
    assert "Donald Lu; Kairat Umarov" in row
    assert '<td data-label="Reports">2</td>' in row
    assert ">dialogue</span>" in row
    assert "sources disagree" not in row  # 2022-12 and 2022-12-05 agree


@pytest.mark.parametrize(
    ("query", "documents"),
    [
        ({"pair": "CHN-KAZ"}, {"call-2023"}),
        ({"kind": "dialogue"}, {"round-2021", "round-2022-state", "round-2023"}),
        ({"person": "kaz-akan-rakhmetullin"}, {"round-2021"}),
        ({"person": "usa-donald-lu"}, {"round-2021", "round-2022-state", "round-2023"}),
        ({"from": "2023"}, {"call-2023", "round-2023"}),
        ({"from": "2022", "to": "2022-12"}, {"round-2022-state"}),
        ({"to": "2023-03-01"}, {"round-2021", "round-2022-state", "call-2023"}),
        ({"pair": "KAZ-USA", "from": "2022-06"}, {"round-2022-state", "round-2023"}),
    ],
)
def test_each_filter_narrows_the_timeline(
    client: TestClient, resolved: Store, query: dict[str, str], documents: set[str]
) -> None:
    shown = set(linked_meetings(client.get("/meetings", params=query).text))
    assert shown == {meeting_of(resolved, name) for name in documents}


def test_mechanism_and_topic_filters(
    client: TestClient, store: Store, readouts: ModuleType
) -> None:
    trade = readouts.readout("trade-2024", "Kazakh and Uzbek ministers discussed trade in 2024.",
                    kind="meeting", mechanism=None, mechanism_short=None, date="2024-02-01",
                    parties=["KAZ", "UZB"], topics=["economy.trade"], city="Tashkent",
                    country="UZB", participants=[])  # fmt: skip
    store.add_documents([*readouts.READOUTS.values(), trade])
    resolve_store(store, today=TODAY)
    espd = next(m.mechanism_id for m in store.list_meetings(block="KAZ-USA"))
    assert espd is not None
    by_mechanism = linked_meetings(client.get("/meetings", params={"mechanism": espd}).text)
    assert len(by_mechanism) == 3
    trade_meeting = meeting_of(store, "trade-2024")
    for topic in ("economy.trade", "economy"):  # a topic matches its refinements too
        page = client.get("/meetings", params={"topic": topic}).text
        assert linked_meetings(page) == [trade_meeting]
    assert trade_meeting not in linked_meetings(
        client.get("/meetings", params={"topic": "security"}).text
    )
    assert linked_meetings(client.get("/meetings", params={"topic": "econ"}).text) == []


def test_facets_count_meetings_under_the_current_filters(
    client: TestClient, resolved: Store
) -> None:
    page = client.get("/meetings").text
    assert facet(page, "pair") == {"KAZ – USA": 3, "CHN – KAZ": 1}
    assert facet(page, "kind") == {"dialogue": 3, "call": 1}
    people = facet(page, "person")
    assert people["Donald Lu"] == 3  # two reports of one meeting count once
    assert people["Kairat Umarov"] == 2
    assert people["Wang Yi"] == 1
    espd = "Kazakhstan-United States Enhanced Strategic Partnership Dialogue"
    assert facet(page, "mechanism")[espd] == 3
    assert facet(page, "topic")["Regional and geopolitical issues"] == 4
    narrowed = client.get("/meetings", params={"pair": "CHN-KAZ"}).text
    assert facet(narrowed, "kind") == {"call": 1}
    assert facet(narrowed, "pair") == {"CHN – KAZ": 1}
    assert set(facet(narrowed, "person")) == {"Wang Yi", "Murat Nurtleu"}
    # a facet link keeps the other filters and chooses its value
    assert 'href="/meetings?pair=CHN-KAZ&amp;kind=call"' in narrowed
    # the chosen value links back to "any"; a chip removes the filter too
    assert 'aria-current="true"' in facet_block(narrowed, "pair")
    assert 'href="/meetings" aria-current="true"' in facet_block(narrowed, "pair")
    assert "Remove the filter country pair" in narrowed


def facet_block(html: str, name: str) -> str:
    block = html[html.index(f'id="facet-{name}"') :]
    return block[: block.index("</section>")]


def test_timeline_pages(
    client: TestClient, resolved: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(meetings_module, "PER_PAGE", 2)
    everything = [m.id for m in resolved.list_meetings()]
    first = client.get("/meetings").text
    assert linked_meetings(first) == everything[:2]
    assert "Page 1 of 2." in first
    assert 'rel="next" href="/meetings?page=2"' in first
    assert '<a href="/meetings?page=2">2</a>' in first
    second = client.get("/meetings?page=2").text
    assert linked_meetings(second) == everything[2:]
    assert 'rel="prev" href="/meetings"' in second
    assert 'aria-current="page">2</a>' in second
    filtered = client.get("/meetings", params={"kind": "dialogue", "page": 2}).text
    assert 'rel="prev" href="/meetings?kind=dialogue"' in filtered
    past = client.get("/meetings?page=9")
    assert past.status_code == 200
    assert "Back to the first page" in past.text


@pytest.mark.parametrize(
    "query",
    [
        "kind=bogus",
        "from=20x",
        "to=2023-13",
        "from=2023-02-30",
        "page=0",
        "page=two",
        "page=99999999999",
        "from=2024&to=2021",
        "pair=" + "X" * 300,
        "person=a%00b",
    ],
)
def test_bad_filters_are_a_422_page(client: TestClient, resolved: Store, query: str) -> None:
    response = client.get(f"/meetings?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "query",
    ["pair=ZZZ-ZZZ", "mechanism=nope", "topic=%25", "person=%22%3E", "pair=KAZ-USA&kind=call"],
)
def test_unknown_filter_values_find_nothing(
    client: TestClient, resolved: Store, query: str
) -> None:
    response = client.get(f"/meetings?{query}")
    assert response.status_code == 200
    assert linked_meetings(response.text) == []
    assert "No meeting matches these filters" in response.text


def test_empty_filters_are_ignored(client: TestClient, resolved: Store) -> None:
    page = client.get("/meetings?pair=&kind=&from=&to=&topic=&person=&mechanism=").text
    assert len(linked_meetings(page)) == 4


def test_timeline_form_filters_by_pair_and_dates(client: TestClient, resolved: Store) -> None:
    page = client.get("/meetings", params={"kind": "dialogue"}).text
    form = page[page.index('<form class="filter-form"') :]
    form = form[: form.index("</form>")]
    assert 'action="/meetings" method="get"' in form
    assert '<label for="filter-pair">Country pair</label>' in form
    assert '<input id="filter-pair" name="pair"' in form
    assert '<label for="filter-from">From</label>' in form
    assert '<input type="hidden" name="kind" value="dialogue">' in form
    assert '<option value="KAZ-USA">' in page


# --------------------------------------------------------------------------- the meeting page


def test_meeting_page_shows_fields_and_their_sources(client: TestClient, resolved: Store) -> None:
    meeting = resolved.get_meeting(meeting_of(resolved, "round-2022-state"))
    response = client.get(f"/meetings/{meeting.id}")
    assert response.status_code == 200
    page = response.text
    assert "<h1>Kazakhstan-United States Enhanced Strategic Partnership Dialogue</h1>" in page
    record = section(page, "record-heading")
    for label, value in (("Kind", "dialogue"), ("Date", "2022-12-05"), ("City", "Washington")):
        row = record[record.index(f'data-label="Field">{label}</th>') :]
        assert value in row[: row.index("</tr>")]
    date_row = record[record.index('data-label="Field">Date</th>') :]
    date_row = date_row[: date_row.index("</tr>")]
    # each value reported, with the documents that give it, linked
    assert "2022-12 <span" in date_row
    for document_id, name in zip(meeting.documents, meeting.document_names, strict=True):
        assert f'<a href="/documents/{document_id}">{name}</a>' in date_row
    sources = section(page, "documents-heading")
    assert all(f'href="/documents/{d}"' in sources for d in meeting.documents)
    assert page.count('class="source-text"') == 2
    assert f'href="/meetings/{quote(meeting.id)}/review">Review this meeting</a>' in page
    assert f'href="/mechanisms/{quote(meeting.mechanism_id or "")}"' in page
    assert "The sources disagree" not in page


def test_meeting_page_links_participants_to_their_people(
    client: TestClient, resolved: Store
) -> None:
    page = client.get(f"/meetings/{meeting_of(resolved, 'round-2022-news')}").text
    people = section(page, "people-heading")
    # "Lu" in one report and "Donald Lu" in the other: one person, linked once
    assert people.count('href="/people/usa-donald-lu"') == 1
    assert '<a href="/people/usa-donald-lu">Donald Lu</a>' in people
    assert '<a href="/people/kaz-kairat-umarov">Kairat Umarov</a>' in people
    assert "First Deputy Foreign Minister" in people


def test_meeting_page_shows_commitments_with_status_and_links(
    client: TestClient, resolved: Store
) -> None:
    made_at = meeting_of(resolved, "round-2022-state")
    fulfilled_by = meeting_of(resolved, "round-2023")
    [commitment] = resolved.list_commitments()
    page = client.get(f"/meetings/{made_at}").text
    block = section(page, "commitments-heading")
    assert "hold the next round in 2023" in block
    assert '<span class="status status--fulfilled">fulfilled</span>' in block
    assert f'<a href="/meetings/{fulfilled_by}">2023-11-06 · ' in block
    assert commitment.links[0].evidence in block
    assert f'href="/commitments/{quote(commitment.id)}"' in block
    later = section(client.get(f"/meetings/{fulfilled_by}").text, "commitments-heading")
    assert "Earlier commitments this meeting carried out" in later
    assert f'href="/meetings/{made_at}"' in later


def two_reports(add: Build, make_document: Build, make_engagement: Build, readout: str) -> None:
    """The ESPD round reported on 5 December by one source and 7 December by another."""
    add(make_document(readout), make_engagement(readout))
    other = readout.replace("December 5, 2022", "December 7, 2022").replace(
        "in Washington", "in Washington, D.C.,"
    )
    add(make_document(other, name="espd-news.txt"), make_engagement(other, date="2022-12-07"))


def test_meeting_page_flags_sources_that_disagree(
    client: TestClient,
    store: Store,
    add: Build,
    make_document: Build,
    make_engagement: Build,
    readout: str,
) -> None:
    two_reports(add, make_document, make_engagement, readout)
    resolve_store(store, today=TODAY)
    [meeting] = store.list_meetings()
    page = client.get(f"/meetings/{meeting.id}").text
    said = ["2022-12-05 (espd-2022.txt)", "2022-12-07 (espd-news.txt)"]
    flags = {f"{a} vs {b}" for a, b in (said, said[::-1])}
    box = section(page, "disagree-heading")
    assert any(f"<strong>Date</strong>: {flag}</li>" in box for flag in flags)
    date_row = page[page.index('data-label="Field">Date</th>') :]
    date_row = date_row[: date_row.index("</tr>")]
    assert any(f'<p class="flag">sources disagree: {flag}</p>' in date_row for flag in flags)
    assert "sources disagree: date" in client.get("/meetings").text


def test_meeting_page_lights_up_each_field_in_every_source(
    client: TestClient,
    store: Store,
    add: Build,
    make_document: Build,
    make_engagement: Build,
    readout: str,
) -> None:
    two_reports(add, make_document, make_engagement, readout)
    resolve_store(store, today=TODAY)
    [meeting] = store.list_meetings()
    page = client.get(f"/meetings/{meeting.id}").text
    city_row = page[page.index('data-label="Field">City</th>') :]
    city_row = city_row[: city_row.index("</tr>")]
    spans = re.search(r'<a class="src-link" href="#sources" data-spans="([^"]+)"', city_row)
    assert spans is not None
    refs = spans.group(1).split()
    assert len(refs) == 2  # the city in each report
    for ref in refs:
        source, start, end = re.fullmatch(r"(\d+):(\d+)-(\d+)", ref).groups()  # type: ignore[union-attr]
        text = page[page.index(f'id="source-text-{source}"') :]
        text = text[: text.index("</div>")]
        assert f'data-start="{start}" data-end="{end}">Washington</mark>' in text
    # the sentence it came from, marked, and the page's own script
    assert '<details class="sentences">' in city_row
    assert 'data-field="city"' in city_row
    assert '<script src="/static/meetings.js" defer></script>' in page
    assert client.get("/static/meetings.js").status_code == 200


def test_unknown_meeting_is_a_404_page(client: TestClient, resolved: Store) -> None:
    for path in ("/meetings/nope:0", f"/meetings/{'0' * 64}:0", "/meetings/a%00b"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")


# --------------------------------------------------------------------------- hostile text

SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"Talks in Astana {SCRIPT} were held on 3 March 2024. The sides agreed to meet {SCRIPT}."


def test_hostile_text_and_names_stay_escaped(
    client: TestClient, store: Store, readouts: ModuleType
) -> None:
    document, record = readouts.readout(
        f"evil{SCRIPT}.txt", HOSTILE, date="2024-03-03", city=SCRIPT, mechanism=f"Talks {SCRIPT}",
        participants=[Participant(name=f"Evil {SCRIPT}", country="USA", role="head")],
        commitments=[Commitment(text=f"meet {SCRIPT}", by=["KAZ"], due="2025")],
        topics=[SCRIPT],
    )  # fmt: skip
    store.add_documents([(document.model_copy(update={"title": SCRIPT}), record)])
    resolve_store(store, today=TODAY)
    [meeting] = store.list_meetings()
    pages = [client.get(path) for path in (
        "/", "/meetings", f"/meetings/{meeting.id}", "/commitments?status=overdue",
        "/meetings?" + "&".join(f"{k}={quote(SCRIPT)}" for k in ("pair", "person", "topic")),
    )]  # fmt: skip
    for response in pages:
        assert response.status_code == 200, response.url
        assert SCRIPT not in response.text
        assert len(re.findall(r"<script\b", response.text)) <= 3
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt;" in pages[2].text
    assert "meet &lt;script&gt;alert(1)&lt;/script&gt;" in pages[2].text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[1].text
    assert "meet &lt;script&gt;alert(1)&lt;/script&gt;" in pages[3].text
    assert "meet &lt;script&gt;alert(1)&lt;/script&gt;" in pages[0].text  # overdue, on home
