"""An analyst's journey through the UI, in a real browser, and a tour of every page.

The journey: home -> the meetings timeline -> filter by a country pair (the list narrows) ->
a meeting -> click a field (its sentence lights up in the source text) -> the review page ->
correct the city, signed -> the meeting shows the new city and the history the correction
(who, before -> after) -> search for a word (a highlighted snippet).
"""

from __future__ import annotations

import re

import pytest

from browser.site import OpenTab, Site, Tab

JOURNEY_DOCUMENT = "ind-jpn-strategic-dialogue-2024"  # India-Japan FMSD, Tokyo
JOURNEY_PAIR = "IND-JPN"
OLD_CITY, NEW_CITY = "Tokyo", "Osaka"
ANALYST = "Ada Lovelace"
SEARCH_WORD = "Jaishankar"


def filter_by_pair(tab: Tab, pair: str) -> None:
    """Filter the timeline to ``pair`` as a person would: with the pair control of the
    filter form if there is one, else with a facet link to ``?pair=...``."""
    control = tab.main.locator('select[name="pair"], input[name="pair"]:not([type="hidden"])')
    if control.count():
        control = control.first
        if control.evaluate("(el) => el.tagName") == "SELECT":
            control.select_option(pair)
        else:
            control.fill(pair)
        form = tab.main.locator("form").filter(has=control)
        submit = form.locator('button[type="submit"], button:not([type]), input[type="submit"]')
        if submit.count():
            submit.first.click()
        else:
            control.press("Enter")
        return
    facet = tab.main.locator(f'a[href*="pair={pair}"]')
    assert facet.count(), f"the timeline has no pair control and no link to filter by {pair}"
    facet.first.click()


def test_analyst_journey(site: Site, open_tab: OpenTab) -> None:
    tab = open_tab(fresh=True)
    page = tab.page
    meeting = site.meeting_of(JOURNEY_DOCUMENT)
    pair_meetings = {m.id for m in site.meetings(block=JOURNEY_PAIR)}
    assert meeting.record.city == OLD_CITY, "the journey starts from the extracted city"

    # Home, then the timeline by the main navigation.
    tab.open("/", "home", phone=True)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    tab.wait_for_path("/meetings")
    tab.shot("timeline", phone=True)
    everything = tab.meeting_ids()
    assert meeting.id in everything, "the timeline does not link to the journey's meeting"
    assert len(everything) > len(pair_meetings), "the timeline lists too few meetings to narrow"

    # Filter by the country pair: the list narrows to that pair's meetings.
    filter_by_pair(tab, JOURNEY_PAIR)
    tab.wait_for(lambda: tab.meeting_ids() == pair_meetings,
                 f"the timeline lists exactly the {JOURNEY_PAIR} meetings")  # fmt: skip
    tab.shot("timeline-filtered")

    # Open the meeting; click its city: the source sentence lights up.
    tab.link_to(f"/meetings/{meeting.id}").first.click()
    tab.wait_for_path(f"/meetings/{meeting.id}")
    tab.shot("meeting", phone=True)
    trigger = tab.field_trigger("City")
    assert trigger.count(), "the meeting page has nothing to click to show where the city is from"
    trigger.click()
    tab.assert_highlighted(OLD_CITY)
    tab.shot("meeting-city-highlighted")

    # Review: correct the city, signed.
    tab.link_to(f"/meetings/{meeting.id}/review").first.click()
    tab.wait_for_path(f"/meetings/{meeting.id}/review")
    tab.shot("review", phone=True)
    tab.correct_field("city", NEW_CITY, ANALYST)
    tab.shot("review-saved")
    row = tab.history_row(ANALYST)
    assert row.count() == 1, "the correction is not in the history panel"
    recorded = row.inner_text()
    assert OLD_CITY in recorded and NEW_CITY in recorded, recorded
    assert recorded.index(OLD_CITY) < recorded.index(NEW_CITY), f"not before -> after: {recorded}"

    # The meeting page shows the new city.
    tab.open(f"/meetings/{meeting.id}", "meeting-corrected")
    city = tab.field_row("City").inner_text()
    assert NEW_CITY in city and OLD_CITY not in city, f"the city row says {city!r}"

    # Search from the header: a snippet with the word highlighted.
    search = page.get_by_role("searchbox")
    search.fill(SEARCH_WORD)
    search.press("Enter")
    page.wait_for_url(re.compile(rf"/search\?q={SEARCH_WORD}"))
    tab.shot("search", phone=True)
    marks = tab.main.locator("mark", has_text=SEARCH_WORD)
    assert marks.count() >= 1, "no highlighted snippet for the search word"
    assert marks.first.is_visible()
    tab.assert_clean("the journey")


def _tour(site: Site) -> dict[str, str]:
    meeting = site.meeting_of("egy-eu-association-council-2024")
    commitment = site.store.list_commitments(block=meeting.block)[0]
    engagement = site.store.list_engagements(page=1, per_page=1).items[0]
    return {
        "home": "/",
        "meetings": "/meetings",
        "meetings-filtered": f"/meetings?pair={meeting.block}",
        "meeting": f"/meetings/{meeting.id}",
        "meeting-review": f"/meetings/{meeting.id}/review",
        "people": "/people",
        "person": f"/people/{site.person('Josep Borrell').id}",
        "person-review": f"/people/{site.person('Josep Borrell').id}/review",
        "mechanisms": "/mechanisms",
        "mechanism": f"/mechanisms/{meeting.mechanism_id}",
        "topics": "/topics",
        "commitment": f"/commitments/{commitment.id}",
        "documents-new": "/documents/new",
        "engagements": "/engagements",
        "engagement": f"/engagements/{engagement.id}",
        "document": f"/documents/{meeting.documents[0]}",
        "search": "/search?q=Borrell",
    }


TOUR = [
    "home", "meetings", "meetings-filtered", "meeting", "meeting-review", "people", "person",
    "person-review", "mechanisms", "mechanism", "topics", "commitment", "documents-new",
    "engagements", "engagement", "document", "search",
]  # fmt: skip
MAIN_PAGES = {"home", "meetings", "meeting", "people", "person", "mechanisms", "mechanism",
              "topics", "search", "meeting-review", "documents-new"}  # fmt: skip


@pytest.mark.parametrize("name", TOUR)
def test_page_renders_cleanly(name: str, site: Site, tab: Tab) -> None:
    """Each page answers 200 and has a heading, with no script error, no console error (a
    CSP violation is one) and no failed request; screenshots at desktop (and phone) size."""
    path = _tour(site)[name]
    tab.open(path, name, phone=name in MAIN_PAGES)
    assert tab.page.locator("h1").count() >= 1, f"{path} has no <h1>"
    tab.assert_clean(path)
