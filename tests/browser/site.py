"""What the browser tests share: the site under test, a browser tab with its screenshots, and
the hostile readout.

The site is the real app served over HTTP (:mod:`support.live_server`) on a SQLite store
holding the bundled sample readouts and :data:`HOSTILE_TEXT`, ingested with the real
extractor (so resolution ran: meetings, people, mechanisms, commitments exist).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from playwright.sync_api import ConsoleMessage, Dialog, Locator, Page, Response
from playwright.sync_api import Error as PlaywrightError

from bilateral.resolved import CommitmentStatus, Meeting, Person
from bilateral.store import Store

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 5_000
#: A link to a meeting page: /meetings/<64 hex>:<ordinal> (maybe with a query or fragment).
MEETING_HREF = re.compile(r"/meetings/([0-9a-f]{64}:\d+)(?:[?#]|$)")

# --------------------------------------------------------------------------- hostile readout

#: Every payload sets ``window.__pwned`` (and opens a dialog) if it ever runs.
SCRIPT = '<script>window.__pwned = "script"; alert("script")</script>'
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
LINK = "<a href=\"javascript:window.__pwned = 'link'; alert('link')\">the full statement</a>"
COMMITMENT_IMG = "<img src=y onerror=\"window.__pwned = 'commitment'\">"
HOSTILE_NAME = "hostile <img src=z onerror=\"window.__pwned = 'name'\">"
HOSTILE_TEXT = (
    f"Kazakhstan-Uzbekistan Strategic Dialogue {SCRIPT}\n\n"
    "Tashkent, March 14, 2024. Deputy Foreign Minister Alibek Kuantyrov of Kazakhstan and "
    "Deputy Foreign Minister Bakhtiyor Saidov of Uzbekistan held the third round of the "
    f"Kazakhstan-Uzbekistan Strategic Dialogue in Tashkent {IMG}. The delegations discussed "
    f"trade, energy and water security; see {LINK}.\n\n"
    f"The sides agreed to hold the next round in Astana {COMMITMENT_IMG} in 2025.\n"
)
HOSTILE_PAIR = "KAZ-UZB"

#: Run in the page: what an injected payload would have left behind.
INJECTION_PROBE = """() => ({
  pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
  inlineScripts: Array.from(document.querySelectorAll("script:not([src])")).map(
    (s) => s.outerHTML.slice(0, 120)),
  foreignScripts: Array.from(document.querySelectorAll("script[src]")).map(
    (s) => s.getAttribute("src")).filter((src) => !src.startsWith("/static/")),
  handlers: Array.from(document.querySelectorAll("*")).flatMap((el) =>
    Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map(
      (a) => el.tagName + "[" + a.name + "]")),
  jsLinks: Array.from(document.querySelectorAll("[href], [src], [action], [formaction]"))
    .flatMap((el) => ["href", "src", "action", "formaction"].map((n) => el.getAttribute(n)))
    .filter((v) => v && /^\\s*javascript:/i.test(v)),
  payloadImages: document.querySelectorAll(
    'img[src="x"], img[src="y"], img[src="z"], img[src="q"]').length,
})"""


# --------------------------------------------------------------------------- the site


@dataclass
class Site:
    """The running app and the store behind it (read it to find ids)."""

    base_url: str
    store: Store
    hostile_document_id: str

    def meetings(self, *, block: str | None = None) -> list[Meeting]:
        return self.store.list_meetings(block=block, limit=500)

    def meeting_of(self, document_name: str) -> Meeting:
        """The first meeting (by id) that the named document reports."""
        found = sorted(
            (m for m in self.meetings() if document_name in m.document_names), key=lambda m: m.id
        )
        assert found, f"no meeting from {document_name!r}"
        return found[0]

    def hostile_meeting(self) -> Meeting:
        return self.meeting_of(HOSTILE_NAME)

    def person(self, name: str) -> Person:
        found = [p for p in self.store.list_people(name=name, limit=50) if p.name == name]
        assert found, f"no person called {name!r}"
        return found[0]

    def hostile_commitment(self) -> CommitmentStatus:
        found = [c for c in self.store.list_commitments(block=HOSTILE_PAIR) if "Astana" in c.text]
        assert found, "the hostile readout's commitment was not extracted"
        return found[0]


# --------------------------------------------------------------------------- a browser tab


def slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", value).strip("_")


@dataclass
class Tab:
    """A page of its own browser context, which records what went wrong while it was open
    (dialogs, console errors, uncaught exceptions, failed requests) and saves screenshots
    as ``test-artifacts/screenshots/<test>-<step>.png``."""

    page: Page
    test: str
    param: str = ""  # the parametrized test's id, if any
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.set_viewport_size(DESKTOP)
        self.page.on("dialog", self._on_dialog)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)
        self.page.on("response", self._on_response)

    def detach(self) -> None:
        """Stop listening to the page (before another test uses it)."""
        self.page.remove_listener("dialog", self._on_dialog)
        self.page.remove_listener("console", self._on_console)
        self.page.remove_listener("pageerror", self._on_page_error)
        self.page.remove_listener("response", self._on_response)

    def _on_page_error(self, error: PlaywrightError) -> None:
        self.page_errors.append(str(error))

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed_requests.append(f"{response.status} {response.url}")

    # -- navigation

    def open(self, path: str, step: str, *, phone: bool = False, full: bool = True) -> Response:
        """Go to ``path``, require a 200, screenshot it (the whole page unless not ``full``;
        at phone size too when asked)."""
        response = self.page.goto(path, wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == 200, (
            f"GET {path} answered {response.status}"
            f"{' (page not built?)' if response.status == 404 else ''}: "
            f"{self.main_text()[:300]!r}"
        )
        self.shot(step, phone=phone, full=full)
        return response

    def settle(self) -> None:
        """Wait until the page (and any htmx swap it started) has loaded."""
        self.page.wait_for_load_state("load")

    def shot(self, step: str, *, phone: bool = False, full: bool = True) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        parts = [self.test, self.param] if self.param and self.param != step else [self.test]
        name = "-".join(slug(part) for part in [*parts, step])
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full)
        if phone:
            self.page.set_viewport_size(PHONE)
            try:
                self.page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=full)
            finally:
                self.page.set_viewport_size(DESKTOP)

    # -- reading

    @property
    def main(self) -> Locator:
        return self.page.locator("main")

    def main_text(self) -> str:
        try:
            return self.main.inner_text(timeout=1_000)
        except Exception:  # no <main>: the whole body
            return self.page.locator("body").inner_text(timeout=1_000)

    def injection(self) -> dict[str, Any]:
        result: dict[str, Any] = self.page.evaluate(INJECTION_PROBE)
        return result

    def assert_nothing_injected(self, where: str) -> None:
        found = self.injection()
        assert self.dialogs == [], f"{where}: a dialog opened: {self.dialogs}"
        assert found["pwned"] is None, f"{where}: injected script ran ({found['pwned']})"
        assert found["inlineScripts"] == [], f"{where}: inline <script> in the DOM"
        assert found["foreignScripts"] == [], f"{where}: scripts from elsewhere"
        assert found["handlers"] == [], f"{where}: event-handler attributes in the DOM"
        assert found["jsLinks"] == [], f"{where}: javascript: URLs in the DOM"
        assert found["payloadImages"] == 0, f"{where}: a payload <img> became an element"

    def link_to(self, path: str) -> Locator:
        """The links in the main content to ``path`` (written plain or percent-encoded)."""
        forms = {path, quote(path, safe="/")}
        return self.main.locator(", ".join(f'a[href$="{p}"]' for p in sorted(forms)))

    def wait_for_path(self, path: str) -> None:
        """Wait until the page's path (percent-decoded, query aside) is ``path``."""
        self.page.wait_for_url(lambda url: unquote(urlsplit(url).path) == path)

    def meeting_ids(self) -> set[str]:
        """The ids of the meetings the page's main content links to (not their sub-pages)."""
        hrefs: list[str] = self.main.locator("a[href]").evaluate_all(
            "(links) => links.map((a) => a.getAttribute('href'))"
        )
        return {m.group(1) for h in hrefs if (m := MEETING_HREF.search(unquote(h)))}

    def wait_for(
        self, condition: Callable[[], bool], what: str, timeout_ms: int = TIMEOUT_MS
    ) -> None:
        """Poll ``condition`` (it may read the page) until true; fail saying ``what``."""
        for _ in range(max(1, timeout_ms // 100)):
            if condition():
                return
            self.page.wait_for_timeout(100)
        assert condition(), f"timed out waiting until {what}"

    # -- provenance

    def field_row(self, label: str) -> Locator:
        """The row of the field labelled ``label`` (e.g. "City") on an engagement or meeting
        page."""
        return (
            self.main.locator("tr, dl > div, [data-field-row]")
            .filter(has=self.page.get_by_text(label, exact=True))
            .first
        )

    def field_trigger(self, label: str) -> Locator:
        """What to click (or press Enter on) to see where the field ``label`` comes from in
        the source text."""
        return self.field_row(label).locator("a.src-link, [data-start]:not(mark)").first

    def active_highlights(self) -> Locator:
        """The marks the last click on a field lit up in the source text."""
        return self.main.locator("mark.is-active")

    def assert_highlighted(self, words: str) -> None:
        """A highlight holding ``words`` is lit, visible and scrolled into the viewport."""
        lit = self.active_highlights()
        try:
            lit.first.wait_for(state="visible")
        except PlaywrightError as exc:
            raise AssertionError(f"nothing lit up in the source text ({words!r} expected)") from exc
        texts = lit.all_inner_texts()
        assert any(words in text for text in texts), f"lit up {texts}, not {words!r}"
        box = lit.first.bounding_box()
        viewport = self.page.viewport_size
        assert box is not None and viewport is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
            f"the highlight is not scrolled into view: {box}"
        )

    # -- forms

    def correct_field(self, field_name: str, value: str, author: str) -> None:
        """On a review page: fill the form that edits ``field_name`` (opening its disclosure
        if it is folded), sign it with ``author`` ("Your name") and submit it."""
        page = self.page
        form = page.locator("form").filter(
            has=page.locator(f'input[type="hidden"][name="field"][value="{field_name}"]')
        )
        assert form.count() == 1, f"expected one form editing {field_name!r}, found {form.count()}"
        if not form.is_visible():
            folded = f'details:has(input[name="field"][value="{field_name}"]) > summary'
            page.locator(folded).click()
        value_box = form.locator('[name="value"]')
        value_box.fill(value)
        form.get_by_label("Your name").fill(author)
        with page.expect_navigation(wait_until="load"):
            form.locator('button[type="submit"], input[type="submit"]').first.click()

    def history_row(self, author: str) -> Locator:
        """The row of the history panel signed by ``author``."""
        panel = (
            self.page.locator("section, aside, div")
            .filter(has=self.page.get_by_role("heading", name=re.compile(r"\bhistory\b", re.I)))
            .last
        )
        return panel.locator("tr, li").filter(has_text=author)

    def assert_clean(self, where: str) -> None:
        """No uncaught script error, console error (CSP violations are console errors) or
        failed subresource on the page so far."""
        assert self.page_errors == [], f"{where}: uncaught errors: {self.page_errors}"
        assert self.console_errors == [], f"{where}: console errors: {self.console_errors}"
        assert self.failed_requests == [], f"{where}: failed requests: {self.failed_requests}"


#: ``open_tab(bypass_csp=False)``, the fixture that opens tabs.
OpenTab = Callable[..., Tab]
