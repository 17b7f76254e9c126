"""Server-side latency of the analyst pages on a store of 10,000 synthetic documents.

    uv run python benchmarks/web_latency.py [--documents 10000] [--requests 200] [--db URL]

Fills a store (SQLite in a temporary folder unless ``--db`` is given) with the synthetic
readouts of ``resolution_scale.py`` (many country pairs, dialogue rounds reported by one to
three documents, one-off calls and visits, a commitment at every round), resolves it, then
requests each page type ``--requests`` times over varied ids through FastAPI's TestClient.
The client runs the app in-process, so the figures are the server's time to answer (routing,
store queries, rendering) without a network. Prints p50 and p95 per page type in ms and
whether p95 is under the target (100 ms). A page type the app does not serve yet (404) gets
a line saying so instead of figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from urllib.parse import quote, urlencode

from bilateral.app import create_app
from bilateral.resolution.duplicates import sketch
from bilateral.services.resolving import resolve_store
from bilateral.settings import load_settings
from bilateral.store import Store, open_store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r".*install `httpx2` instead", category=Warning)
    from fastapi.testclient import TestClient

TARGET_MS = 100.0
BATCH = 2000
WARMUP = 5


def _load_scale() -> ModuleType:
    """``benchmarks/resolution_scale.py`` by path (``benchmarks`` is not a package)."""
    path = Path(__file__).with_name("resolution_scale.py")
    spec = importlib.util.spec_from_file_location("bench_resolution_scale", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the store


def fill(store: Store, documents: int) -> None:
    """``documents`` synthetic documents, stored in batches as resolution_scale.py does,
    then resolved from scratch."""
    scale = _load_scale()
    corpus = scale.synthetic_corpus(documents)
    started = time.perf_counter()
    for at in range(0, len(corpus), BATCH):
        batch = corpus[at : at + BATCH]
        store.add_documents(batch, sketches={d.id: sketch(d.text) for d, _ in batch})
    stored = time.perf_counter()
    counts = resolve_store(store, today=scale.TODAY)
    print(
        f"stored {len(corpus):,} synthetic documents ({store.count_engagements():,} engagements)"
        f" in {stored - started:.1f} s; resolved in {counts.seconds:.1f} s -> "
        f"{counts.meetings:,} meetings, {counts.people:,} people, "
        f"{counts.mechanisms:,} mechanisms, {counts.commitments:,} commitments"
    )


# --------------------------------------------------------------------------- the requests


@dataclass
class PageType:
    name: str
    urls: list[str]
    times_ms: list[float] = field(default_factory=list)
    slowest: dict[str, float] = field(default_factory=dict)  # url -> its slowest time
    statuses: dict[int, int] = field(default_factory=dict)
    title: str = ""
    missing: bool = False


def _cycle(values: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` values drawn from ``values``, each used about equally often."""
    if not values:
        return []
    out: list[str] = []
    while len(out) < count:
        shuffled = values[:]
        rng.shuffle(shuffled)
        out += shuffled
    return out[:count]


def page_types(store: Store, count: int, seed: int = 3) -> list[PageType]:
    """Each page type with ``count`` URLs over varied ids (drawn from the whole store)."""
    rng = random.Random(seed)
    total = store.count_meetings()
    meetings = []
    for _ in range(min(count, total)):
        meetings += store.list_meetings(limit=1, offset=rng.randrange(total))
    pairs = sorted({m.block for m in meetings if m.block != "-"})
    mechanisms = store.list_mechanisms()
    people = []
    for meeting in meetings:
        people += [p.name for p in meeting.record.participants]
    person_ids = sorted({p.id for name in sorted(set(people))[:count]
                         for p in store.list_people(name=name, limit=1)})  # fmt: skip
    words = sorted({w for m in meetings for w in re.findall(r"[A-Za-z]{4,}", m.document_names[0])}
                   | {w for p in pairs for w in p.split("-")}
                   | {"Strategic", "Council", "Consultations", "round", "agreed"})  # fmt: skip
    kinds = ["dialogue", "call", "visit", "meeting"]
    filtered = [f"/meetings?{urlencode({'pair': p})}" for p in pairs]
    filtered += [f"/meetings?{urlencode({'pair': p, 'kind': rng.choice(kinds)})}"
                 for p in pairs[: count // 4]]  # fmt: skip
    filtered += [f"/meetings?{urlencode({'mechanism': m.id})}" for m in mechanisms[: count // 4]]
    mechanism_urls = [f"/mechanisms/{quote(m.id)}" for m in mechanisms]
    return [
        PageType("home", ["/"] * count),
        PageType("timeline", _cycle([f"/meetings?page={n}" for n in range(1, 11)], count, rng)),
        PageType("timeline, filtered", _cycle(filtered, count, rng)),
        PageType("meeting", _cycle([f"/meetings/{quote(m.id)}" for m in meetings], count, rng)),
        PageType("person", _cycle([f"/people/{quote(i)}" for i in person_ids], count, rng)),
        PageType("mechanism", _cycle(mechanism_urls, count, rng)),
        PageType("search", _cycle([f"/search?{urlencode({'q': w})}" for w in words], count, rng)),
    ]


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return " ".join(found.group(1).split()) if found else ""


def measure(client: TestClient, page: PageType) -> None:
    """Time every URL of ``page`` (after a few untimed warm-up requests)."""
    if not page.urls:
        page.missing = True
        return
    first = client.get(page.urls[0])
    if first.status_code == 404 and all(
        client.get(u).status_code == 404 for u in page.urls[1:WARMUP]
    ):
        page.missing = True
        return
    page.title = _title(first.text)
    for url in page.urls[:WARMUP]:
        client.get(url)
    for url in page.urls:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        page.times_ms.append(elapsed)
        page.slowest[url] = max(elapsed, page.slowest.get(url, 0.0))
        page.statuses[response.status_code] = page.statuses.get(response.status_code, 0) + 1


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(pages: list[PageType]) -> bool:
    """Print one line per page type; whether every served page type met the target."""
    print(f"\n{'page type':<20} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  "
          f"p95 < {TARGET_MS:.0f} ms   (status counts; page title)")  # fmt: skip
    ok = True
    for page in pages:
        if page.missing:
            print(f"{page.name:<20} not served yet: the app answers 404 (page type not built)")
            continue
        t = page.times_ms
        p50, p95 = percentile(t, 50), percentile(t, 95)
        met = p95 < TARGET_MS and set(page.statuses) == {200}
        ok &= met
        statuses = ", ".join(f"{code}: {n}" for code, n in sorted(page.statuses.items()))
        verdict = "yes" if p95 < TARGET_MS else "NO"
        print(f"{page.name:<20} {len(t):>5} {p50:>8.1f} {p95:>8.1f} {max(t):>8.1f}  "
              f"{verdict:<13}  ({statuses}; {page.title[:50]})")  # fmt: skip
        if not met:
            worst = sorted(page.slowest.items(), key=lambda kv: -kv[1])[:3]
            print("    slowest: " + ", ".join(f"{url} {ms:.0f} ms" for url, ms in worst))
    return ok


@contextmanager
def _store(url: str | None) -> Iterator[Store]:
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(url or f"sqlite:///{Path(tmp) / 'latency.db'}") as store,
    ):
        yield store


def run(documents: int, requests: int, db: str | None) -> bool:
    with _store(db) as store:
        if store.count_documents() == 0:
            fill(store, documents)
        else:
            print(f"using the {store.count_documents():,} documents already in {db}")
        app = create_app(load_settings(), store=store)
        pages = page_types(store, requests)
        with TestClient(app, raise_server_exceptions=False) as client:
            for page in pages:
                measure(client, page)
        print("(in-process TestClient: server time, no network; a shared machine adds noise)")
        return report(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per page type")
    ap.add_argument("--db", help="database URL (default: SQLite in a temporary folder); "
                    "a store that already holds documents is used as it is")  # fmt: skip
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a served page type misses the target")  # fmt: skip
    args = ap.parse_args(argv)
    ok = run(args.documents, args.requests, args.db)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
