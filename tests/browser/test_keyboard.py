"""The UI works from the keyboard: Tab reaches the main navigation and the search box, and a
field of the meeting page shows its source sentence on Enter."""

from __future__ import annotations

from typing import Any

from browser.site import Site, Tab

#: Run in the page: what has the focus now.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || "").trim().slice(0, 60),
    type: el.getAttribute("type"),
    role: el.getAttribute("role"),
    inMainNav: !!el.closest('nav[aria-label="Main"], header nav'),
    isSearch: el.matches('input[type="search"], [role="searchbox"], form[role="search"] input'),
  };
}"""
MAX_TABS = 200


def tab_through(tab: Tab, until: Any, limit: int = MAX_TABS) -> list[dict[str, Any]]:
    """Press Tab until ``until(focused)`` holds; every focused element on the way."""
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        focused = tab.page.evaluate(FOCUSED)
        if focused is not None:
            seen.append(focused)
            if until(focused):
                return seen
    return seen


def test_tab_reaches_the_main_nav_and_the_search_box(site: Site, tab: Tab) -> None:
    tab.open("/", "home")
    seen = tab_through(tab, lambda f: f["isSearch"], limit=40)
    assert seen and seen[-1]["isSearch"], f"Tab never reached the search box: {seen}"
    nav = [f["text"] for f in seen if f["inMainNav"]]
    assert "Meetings" in nav, f"Tab never reached the main navigation's links: {seen}"
    tab.shot("search-focused")
    tab.page.keyboard.type("Borrell")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url("**/search?q=Borrell")
    assert tab.main.locator("mark", has_text="Borrell").count() >= 1


def test_a_meeting_field_activates_with_enter(site: Site, tab: Tab) -> None:
    meeting = site.meeting_of("egy-eu-association-council-2024")
    tab.open(f"/meetings/{meeting.id}", "meeting")
    trigger = tab.field_trigger("City")
    assert trigger.count(), "the meeting page has nothing to activate for the city"

    def on_trigger(_: dict[str, Any]) -> bool:
        return bool(trigger.evaluate("(el) => el === document.activeElement"))

    seen = tab_through(tab, on_trigger)
    assert on_trigger({}), f"Tab never reached the city's source control: {seen[-10:]}"
    tab.page.keyboard.press("Enter")
    tab.assert_highlighted("Brussels")
    focused = tab.page.evaluate(FOCUSED)
    assert focused and focused["tag"] == "mark" and "Brussels" in focused["text"], (
        f"the focus did not move to the highlighted text: {focused}"
    )
    tab.shot("city-highlighted")
    tab.assert_clean("meeting page, keyboard")
