"""Browser tests: the real app served by uvicorn, driven by Playwright and Chromium."""
