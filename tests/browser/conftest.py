"""Fixtures of the browser tests: Chromium, the live site, and tabs.

Chromium is the system's (``/usr/bin/chromium``, or ``$BILATERAL_CHROMIUM``); Playwright
never downloads a browser. Without it every browser test skips, unless
``BILATERAL_REQUIRE_BROWSER=1`` (CI), when they fail instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from bilateral.app import create_app
from bilateral.services.extracting import make_extractor
from bilateral.services.ingest import ingest_paths, ingest_text
from bilateral.services.samples import sample_paths
from bilateral.settings import load_settings
from bilateral.store import open_store
from browser.site import DESKTOP, HOSTILE_NAME, HOSTILE_TEXT, SCREENSHOTS, OpenTab, Site, Tab
from support.live_server import live_server

CHROMIUM_VARIABLE = "BILATERAL_CHROMIUM"
REQUIRE_VARIABLE = "BILATERAL_REQUIRE_BROWSER"
DEFAULT_CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """The Chromium to drive; skips (or fails, under ``BILATERAL_REQUIRE_BROWSER=1``)
    when there is none."""
    configured = os.environ.get(CHROMIUM_VARIABLE) or DEFAULT_CHROMIUM
    found = shutil.which(configured)
    if found is None:
        reason = (
            f"no Chromium at {configured!r} (install Debian's chromium package or set "
            f"{CHROMIUM_VARIABLE} to a Chromium executable)"
        )
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"{REQUIRE_VARIABLE}=1 but {reason}")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="session")
def playwright_driver(chromium_executable: str) -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright, chromium_executable: str) -> Iterator[Browser]:
    launched = playwright_driver.chromium.launch(
        executable_path=chromium_executable, args=["--no-sandbox"]
    )
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture(scope="session")
def site(chromium_executable: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app over HTTP, on a store of the bundled samples plus the hostile readout."""
    folder = tmp_path_factory.mktemp("browser-site")
    settings = load_settings(data_dir=folder)
    extractor = make_extractor(settings)
    with open_store(settings.resolved_database_url) as store:
        samples = ingest_paths(store, extractor, sample_paths(),
                               max_bytes=settings.max_document_bytes)  # fmt: skip
        assert not samples.errors, samples.errors
        hostile = ingest_text(store, extractor, HOSTILE_TEXT, name=HOSTILE_NAME,
                              max_bytes=settings.max_document_bytes)  # fmt: skip
        assert len(hostile.added) == 1, hostile
        app = create_app(settings, store=store)
        with live_server(app) as base_url:
            yield Site(base_url=base_url, store=store, hostile_document_id=hostile.added[0].id)


@pytest.fixture(scope="session", autouse=True)
def _fresh_screenshots() -> None:
    """Screenshots of this run only."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)


def _new_context(browser: Browser, site: Site, *, bypass_csp: bool) -> BrowserContext:
    return browser.new_context(
        base_url=site.base_url, viewport=DESKTOP, bypass_csp=bypass_csp,  # type: ignore[arg-type]
        reduced_motion="reduce", locale="en-GB", timezone_id="UTC",
    )  # fmt: skip


@pytest.fixture(scope="session")
def shared_pages(browser: Browser, site: Site) -> Iterator[dict[bool, Page]]:
    """One page with the CSP and one without it (each in its own context), reused by the
    tests that only read pages: opening a page costs more than navigating one."""
    contexts = {flag: _new_context(browser, site, bypass_csp=flag) for flag in (False, True)}
    yield {flag: context.new_page() for flag, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.fixture
def open_tab(
    browser: Browser,
    site: Site,
    shared_pages: dict[bool, Page],
    request: pytest.FixtureRequest,
) -> Iterator[OpenTab]:
    """``open_tab(bypass_csp=False, fresh=False)``: a tab at desktop size; in a context of
    its own (no cookies yet) when ``fresh``, else the shared page. Tests that post forms (and
    so set cookies) take a fresh one."""
    tabs: list[Tab] = []
    contexts: list[BrowserContext] = []
    callspec = getattr(request.node, "callspec", None)

    def opener(*, bypass_csp: bool = False, fresh: bool = False) -> Tab:
        if fresh:
            contexts.append(_new_context(browser, site, bypass_csp=bypass_csp))
            page = contexts[-1].new_page()
        else:
            page = shared_pages[bypass_csp]
        tabs.append(Tab(page=page, test=request.node.originalname,
                        param=callspec.id if callspec else ""))  # fmt: skip
        return tabs[-1]

    yield opener
    for tab in tabs:
        tab.detach()
    for context in contexts:
        context.close()


@pytest.fixture
def tab(open_tab: OpenTab) -> Tab:
    """The shared tab (with the CSP)."""
    return open_tab()
