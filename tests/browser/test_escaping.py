"""A hostile readout stays text in a real browser: no page runs the markup it carries.

The readout (:data:`browser.site.HOSTILE_TEXT`) has a ``<script>``, an ``onerror=`` image, a
``javascript:`` link and, in the commitment it makes and the document's name, more images;
each would set ``window.__pwned`` and open a dialog. Pages are opened with the
Content-Security-Policy bypassed, so only escaping stands between the text and the browser
(the CSP would otherwise block inline script and hide an escaping bug).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest

from browser.site import COMMITMENT_IMG, HOSTILE_PAIR, SCRIPT, OpenTab, Site, Tab

#: What must be visible, as text, on a page showing the readout's text.
SCRIPT_TEXT = SCRIPT
COMMITMENT_TEXT = COMMITMENT_IMG
CORRECTED_CITY = "<img src=q onerror=\"window.__pwned = 'correction'\">"
HOSTILE_AUTHOR = "<script>window.__pwned = 'author'</script> Mallory"


def _hostile_engagement(site: Site) -> int:
    [engagement_id] = site.store.get_document(site.hostile_document_id).engagement_ids
    return engagement_id


# page name -> (path, texts that must be visible on it as text)
Pages = dict[str, Callable[[Site], tuple[str, tuple[str, ...]]]]
PAGES: Pages = {
    "document": lambda s: (f"/documents/{s.hostile_document_id}", (SCRIPT_TEXT,)),
    "engagement": lambda s: (f"/engagements/{_hostile_engagement(s)}", (SCRIPT_TEXT,)),
    "engagements": lambda s: ("/engagements", ()),
    "search": lambda s: ("/search?q=alert", ('<script>window.__pwned = "script"; alert',)),
    "search-query": lambda s: (f"/search?q={quote(SCRIPT)}", ()),
    "home": lambda s: ("/", ()),
    "timeline": lambda s: (f"/meetings?pair={HOSTILE_PAIR}", ()),
    "meeting": lambda s: (f"/meetings/{s.hostile_meeting().id}", (SCRIPT_TEXT, COMMITMENT_TEXT)),
    "meeting-review": lambda s: (f"/meetings/{s.hostile_meeting().id}/review", ()),
    "people": lambda s: ("/people", ("Alibek Kuantyrov",)),
    "person": lambda s: (f"/people/{s.person('Alibek Kuantyrov').id}", ("Alibek Kuantyrov",)),
    "person-review": lambda s: (f"/people/{s.person('Bakhtiyor Saidov').id}/review", ()),
    "mechanisms": lambda s: ("/mechanisms", ()),
    "mechanism": lambda s: (
        f"/mechanisms/{s.hostile_meeting().mechanism_id}",
        ("Kazakhstan-Uzbekistan Strategic Dialogue",),
    ),
    "topics": lambda s: ("/topics", ()),
    "commitment": lambda s: (f"/commitments/{s.hostile_commitment().id}", (COMMITMENT_TEXT,)),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_readout_stays_text(name: str, site: Site, open_tab: OpenTab) -> None:
    path, visible = PAGES[name](site)
    tab = open_tab(bypass_csp=True)
    tab.open(path, name, full=False)
    tab.page.wait_for_timeout(50)  # let any onerror fire (the images would 404 at once)
    tab.assert_nothing_injected(path)
    text = tab.main_text()
    for expected in visible:
        assert expected in text, f"{path}: {expected!r} is not shown as text"


def test_a_hostile_correction_stays_text(site: Site, open_tab: OpenTab) -> None:
    """Values and names typed into the review forms are text on every page showing them."""
    meeting = site.hostile_meeting()
    tab: Tab = open_tab(bypass_csp=True, fresh=True)
    tab.open(f"/meetings/{meeting.id}/review", "review")
    tab.correct_field("city", CORRECTED_CITY, HOSTILE_AUTHOR)
    tab.shot("saved")
    tab.assert_nothing_injected("review page after the correction")
    row = tab.history_row("Mallory")
    assert row.count() >= 1, "the correction is not in the history panel"
    assert CORRECTED_CITY in row.first.inner_text()
    assert "<script>" in row.first.inner_text()
    tab.open(f"/meetings/{meeting.id}", "meeting")
    tab.assert_nothing_injected("meeting page after the correction")
    assert CORRECTED_CITY in tab.main_text()
